// Geocoding: from a postcode, place, municipality name or address to a point. The one door to
// PDOK Locatieserver (https://api.pdok.nl/bzk/locatieserver/search/v3_1). When PDOK cannot be
// reached in time we fall back to the offline gazetteer of places and municipalities; a municipality
// centre is marked approximate. Postcodes need PDOK: the gazetteer has no postcode areas.
import { findMunicipalityOffline, findPlaceOffline, normalisePlace, suggestPlaces } from "~/models/gazetteer.server";
import { commonName } from "~/models/municipality";
import { monotonicMs } from "./clock.server";
import { env } from "./env.server";

const TIMEOUT_MS = 1_500;

export type GeocodeResult = {
  lat: number;
  lon: number;
  label: string;
  municipalityCode: string | null;
  /** True when the point is a municipality centre instead of the exact place or address. */
  approximate: boolean;
};
/** Nothing found: `unavailable` when PDOK did not answer, `postcode` when a postcode was typed. */
export type GeocodeMiss = { suggestions: string[]; unavailable: boolean; postcode: boolean };

type PdokDoc = {
  type: string;
  weergavenaam: string;
  centroide_ll?: string;
  gemeentecode?: string;
  gemeentenaam?: string;
  woonplaatsnaam?: string;
  postcode?: string;
};
type PdokResponse = { response: { numFound: number; docs: PdokDoc[] } };

const POSTCODE = /^\s*(\d{4})\s*([a-zA-Z]{2})?\s*$/;

/** Looks a query up in PDOK; null when PDOK did not answer (down, slow, or not JSON). */
async function pdokFree(q: string, types: string[], rows = 5): Promise<PdokDoc[] | null> {
  const url = new URL(`${env.PDOK_LOCATIESERVER_URL.replace(/\/$/, "")}/free`);
  url.searchParams.set("q", q);
  url.searchParams.set("fq", `type:(${types.join(" OR ")})`);
  url.searchParams.set("rows", String(rows));
  url.searchParams.set("fl", "type,weergavenaam,centroide_ll,gemeentecode,gemeentenaam,woonplaatsnaam,postcode");
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: "application/json" } });
    if (!response.ok) return null;
    const body = (await response.json()) as PdokResponse;
    return Array.isArray(body?.response?.docs) ? body.response.docs : null;
  } catch {
    return null;
  }
}

function pointOf(doc: PdokDoc): { lat: number; lon: number } | null {
  const match = /POINT\(\s*([-\d.]+)\s+([-\d.]+)\s*\)/.exec(doc.centroide_ll ?? "");
  if (!match) return null;
  return { lon: Number(match[1]), lat: Number(match[2]) };
}

const municipalityCode = (code: string | undefined) => (code ? `GM${code.replace(/^GM/i, "").padStart(4, "0")}` : null);

function fromDoc(doc: PdokDoc): GeocodeResult | null {
  const point = pointOf(doc);
  if (!point) return null;
  const code = municipalityCode(doc.gemeentecode);
  // PDOK names a municipality officially ("Gemeente 's-Gravenhage"); residents read the name they use.
  const label =
    doc.type === "gemeente" && code && doc.gemeentenaam
      ? `Gemeente ${commonName({ code, name: doc.gemeentenaam })}`
      : doc.weergavenaam;
  return { ...point, label, municipalityCode: code, approximate: false };
}

// ---- Fallback: the offline gazetteer (places and municipalities, see app/models/gazetteer.server.ts)

export { normalisePlace, suggestPlaces };

// ---- Public API --------------------------------------------------------------------------

// PDOK answers do not change from minute to minute; a small memory cache spares it (and us) in busy moments.
const cache = new Map<string, { at: number; result: GeocodeResult }>();
const CACHE_MS = 6 * 60 * 60 * 1000;
const CACHE_MAX = 2_000;
function remember(key: string, result: GeocodeResult) {
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, { at: monotonicMs(), result });
}
// The gazetteer has no postcode areas; while PDOK is down, a postcode PDOK placed earlier still
// tells roughly where its four-digit area is.
const postcodeAreas = new Map<string, GeocodeResult>();
function rememberPostcodeArea(digits: string, result: GeocodeResult) {
  if (postcodeAreas.size >= CACHE_MAX) postcodeAreas.delete(postcodeAreas.keys().next().value as string);
  postcodeAreas.set(digits, { ...result, label: `postcodegebied ${digits}`, approximate: true });
}

/**
 * A postcode ("3511 AB", "3511"), a place or a municipality name to a point.
 * Returns the best match, or suggestions when nothing matched (`unavailable` when PDOK was down).
 */
export async function geocodePlace(query: string): Promise<GeocodeResult | GeocodeMiss> {
  const key = normalisePlace(query);
  const cached = cache.get(key);
  if (cached && monotonicMs() - cached.at < CACHE_MS) return cached.result;

  const postcode = POSTCODE.exec(query);
  const q = postcode ? `${postcode[1]}${postcode[2] ? postcode[2].toUpperCase() : ""}` : query.trim();
  // Municipality first: "Utrecht" should mean the city, not a street named Utrechtseweg somewhere.
  const docs = await pdokFree(q, postcode ? ["postcode", "adres", "woonplaats"] : ["gemeente", "woonplaats", "postcode"]);
  if (docs) {
    const best = docs.map(fromDoc).find((r): r is GeocodeResult => r !== null);
    if (best) {
      remember(key, best);
      if (postcode) rememberPostcodeArea(postcode[1], best);
      return best;
    }
  }
  const offline = postcode ? (docs === null ? postcodeAreas.get(postcode[1]) : null) : findPlaceOffline(query);
  if (offline) return offline;
  return { suggestions: postcode ? [] : suggestPlaces(query), unavailable: docs === null, postcode: Boolean(postcode) };
}

export const isGeocodeMiss = (r: GeocodeResult | GeocodeMiss): r is GeocodeMiss => "suggestions" in r;

/**
 * An address (for the organiser form) to a point and municipality. Falls back to the place's
 * municipality centre (approximate) when PDOK is down or does not know the address; null when
 * even the place is unknown.
 */
export async function geocodeAddress(address: {
  street?: string | null;
  houseNumber?: string | null;
  postcode?: string | null;
  place?: string | null;
}): Promise<{ lat: number; lon: number; municipalityCode: string; approximate: boolean } | null> {
  const postcode = address.postcode?.replace(/\s+/g, "").toUpperCase();
  const query =
    postcode && address.houseNumber
      ? `${postcode} ${address.houseNumber}`
      : [address.street, address.houseNumber, address.place].filter(Boolean).join(" ");
  if (query.trim()) {
    const docs = await pdokFree(query, ["adres"], 1);
    const hit = docs?.map(fromDoc).find((r): r is GeocodeResult => r !== null && r.municipalityCode !== null);
    if (hit?.municipalityCode) return { lat: hit.lat, lon: hit.lon, municipalityCode: hit.municipalityCode, approximate: false };
  }
  if (address.place) {
    const municipality = findMunicipalityOffline(address.place);
    if (municipality)
      return { lat: municipality.lat, lon: municipality.lon, municipalityCode: municipality.municipalityCode, approximate: true };
    const docs = await pdokFree(address.place, ["woonplaats", "gemeente"], 1);
    const hit = docs?.map(fromDoc).find((r): r is GeocodeResult => r !== null && r.municipalityCode !== null);
    if (hit?.municipalityCode) return { lat: hit.lat, lon: hit.lon, municipalityCode: hit.municipalityCode, approximate: true };
    const place = findPlaceOffline(address.place);
    if (place) return { lat: place.lat, lon: place.lon, municipalityCode: place.municipalityCode, approximate: true };
  }
  return null;
}
