import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseSearchParams, searchFilters } from "~/models/activity-search";
import { mapFeatures } from "~/models/activity-search.server";
import { getPublicEdition, resolveEdition } from "~/models/edition.server";
import { editionParam } from "~/utils/route-params.server";
import { monotonicMs, now } from "~/utils/clock.server";

// Published activities change only when the programme team publishes or an organiser cancels:
// a CDN may serve an answer for a minute and refresh it in the background for five more.
const CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=300";

/** "minLon,minLat,maxLon,maxLat" (the GeoJSON/OGC order) inside the Netherlands' surroundings. */
function parseBbox(value: string | null): [number, number, number, number] | null {
  if (!value) return null;
  const parts = value.split(",").map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [minLon, minLat, maxLon, maxLat] = parts;
  if (minLon >= maxLon || minLat >= maxLat || minLat < 49 || maxLat > 55 || minLon < 2 || maxLon > 9) return null;
  return [minLat, maxLat, minLon, maxLon];
}

// Micro-cache: during a TV or radio campaign many people look at the same places at once. An
// answer may be up to 15 s old in this process (a CDN keeps it 60 s anyway); new searches still
// go to the R*Tree. Bounded, oldest out first.
const MICRO_CACHE_MS = 15_000;
const MICRO_CACHE_MAX = 1_000;
const microCache = new Map<string, { at: number; body: string }>();

function cached(key: string, build: () => string): string {
  const hit = microCache.get(key);
  if (hit && monotonicMs() - hit.at < MICRO_CACHE_MS) return hit.body;
  const body = build();
  microCache.delete(key);
  if (microCache.size >= MICRO_CACHE_MAX) microCache.delete(microCache.keys().next().value as string);
  microCache.set(key, { at: monotonicMs(), body });
  return body;
}

const problem = (status: number, detail: string) =>
  Response.json({ error: detail }, { status, headers: { "Cache-Control": "public, max-age=300" } });

/** GeoJSON FeatureCollection of published activities for a bbox (or lat/lon/straal) and the search filters. */
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = parseSearchParams(url.searchParams);
  const edition = resolveEdition(editionParam(url), () => getPublicEdition(now()));
  if (!edition) return problem(404, "Onbekende editie.");
  const box = parseBbox(url.searchParams.get("bbox"));
  const area = box
    ? { box }
    : params.lat !== undefined && params.lon !== undefined
      ? { lat: params.lat, lon: params.lon, radiusKm: params.straal }
      : null;
  if (!area) return problem(400, "Geef een gebied op: bbox=minLon,minLat,maxLon,maxLat of lat, lon en straal.");
  const filters = searchFilters(params);
  const key = JSON.stringify([edition.id, area, filters]);
  const body = cached(key, () => JSON.stringify(mapFeatures({ edition, filters, area })));
  return new Response(body, {
    headers: {
      "Content-Type": "application/geo+json; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(body)),
      "Cache-Control": CACHE_CONTROL,
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
