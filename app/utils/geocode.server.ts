// Geocoding: from a postcode, place, municipality name or address to a point. The one door to
// PDOK Locatieserver (https://api.pdok.nl/bzk/locatieserver/search/v3_1). When PDOK cannot be
// reached in time we fall back to the municipality reference data and say the point is approximate.
import { commonName, namesOf, normaliseName } from "~/models/municipality";
import { db, schema } from "./db.server";
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
export type GeocodeMiss = { suggestions: string[]; unavailable: boolean };

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

// ---- Fallback: the municipality reference data --------------------------------------------

type Municipality = { code: string; name: string; lat: number; lon: number };
let municipalityCache: Municipality[] | null = null;
function municipalities(): Municipality[] {
  municipalityCache ??= db
    .select({
      code: schema.municipalities.code,
      name: schema.municipalities.name,
      lat: schema.municipalities.lat,
      lon: schema.municipalities.lon,
    })
    .from(schema.municipalities)
    .all();
  return municipalityCache;
}

/** Lower case, no accents, no "(L.)"-style suffixes, single spaces. */
export function normalisePlace(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/[^a-z0-9' -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// The names people use for a municipality ("Den Haag", "Den Bosch") live in the municipality model.
function findMunicipality(query: string): Municipality | null {
  const q = normaliseName(query).replace(/^gemeente /, "");
  return municipalities().find((m) => namesOf(m).includes(q)) ?? null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** Up to five municipality names that look like what was typed (prefix or a few typos). */
export function suggestPlaces(query: string): string[] {
  const q = normalisePlace(query);
  if (!q) return [];
  const scored = municipalities()
    .map((m) => {
      const name = normalisePlace(commonName(m));
      const score = name.startsWith(q) ? 0 : name.includes(q) ? 1 : editDistance(q, name.slice(0, Math.max(q.length, 3))) + 1;
      return { name: commonName(m), score };
    })
    .filter((s) => s.score <= Math.max(2, Math.floor(q.length / 3)))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, "nl"));
  return scored.slice(0, 5).map((s) => s.name);
}

function fromMunicipality(m: Municipality): GeocodeResult {
  return { lat: m.lat, lon: m.lon, label: `gemeente ${commonName(m)}`, municipalityCode: m.code, approximate: true };
}

// ---- Public API --------------------------------------------------------------------------

// PDOK answers do not change from minute to minute; a small memory cache spares it (and us) in busy moments.
const cache = new Map<string, { at: number; result: GeocodeResult }>();
const CACHE_MS = 6 * 60 * 60 * 1000;
const CACHE_MAX = 2_000;
function remember(key: string, result: GeocodeResult) {
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, { at: Date.now(), result });
}

/**
 * A postcode ("3511 AB", "3511"), a place or a municipality name to a point.
 * Returns the best match, or suggestions when nothing matched (`unavailable` when PDOK was down).
 */
export async function geocodePlace(query: string): Promise<GeocodeResult | GeocodeMiss> {
  const key = normalisePlace(query);
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.result;

  const postcode = POSTCODE.exec(query);
  const q = postcode ? `${postcode[1]}${postcode[2] ? postcode[2].toUpperCase() : ""}` : query.trim();
  // Municipality first: "Utrecht" should mean the city, not a street named Utrechtseweg somewhere.
  const docs = await pdokFree(q, postcode ? ["postcode", "adres", "woonplaats"] : ["gemeente", "woonplaats", "postcode"]);
  if (docs) {
    const best = docs.map(fromDoc).find((r): r is GeocodeResult => r !== null);
    if (best) {
      remember(key, best);
      return best;
    }
  }
  const municipality = findMunicipality(query);
  if (municipality) return fromMunicipality(municipality);
  return { suggestions: suggestPlaces(query), unavailable: docs === null };
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
    const municipality = findMunicipality(address.place);
    if (municipality)
      return { lat: municipality.lat, lon: municipality.lon, municipalityCode: municipality.code, approximate: true };
    const docs = await pdokFree(address.place, ["woonplaats", "gemeente"], 1);
    const hit = docs?.map(fromDoc).find((r): r is GeocodeResult => r !== null && r.municipalityCode !== null);
    if (hit?.municipalityCode) return { lat: hit.lat, lon: hit.lon, municipalityCode: hit.municipalityCode, approximate: true };
  }
  return null;
}
