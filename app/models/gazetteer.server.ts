// The offline gazetteer: Dutch places (GeoNames cities500, see db/reference/places-nl.ts) and the
// 342 municipalities with the names people use for them. The geocoder asks it when PDOK cannot be
// reached, and for "Bedoel je …?" suggestions when a name is not known.
import { db, PLACES_NL, schema } from "~/utils/db.server";
import { commonName, namesPeopleUse } from "./municipality";

export type GazetteerHit = {
  lat: number;
  lon: number;
  /** What we show: "Bolsward (gemeente Súdwest-Fryslân)" or "gemeente Amersfoort". */
  label: string;
  municipalityCode: string;
  /** True for a municipality centre; a place's own point is as good as PDOK's woonplaats centre. */
  approximate: boolean;
};

/** Lower case, no accents, no "(L.)"-style suffixes, single spaces. */
export function normalisePlace(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/[^a-z0-9' -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

type Municipality = { code: string; name: string; lat: number; lon: number };
type Entry = { keys: string[]; name: string; hit: GazetteerHit; population: number };

let index: { municipalities: Entry[]; places: Entry[]; byCode: Map<string, Municipality> } | null = null;
function gazetteer() {
  if (index) return index;
  const rows: Municipality[] = db
    .select({
      code: schema.municipalities.code,
      name: schema.municipalities.name,
      lat: schema.municipalities.lat,
      lon: schema.municipalities.lon,
    })
    .from(schema.municipalities)
    .all();
  const byCode = new Map(rows.map((m) => [m.code, m]));
  const municipalities = rows.map((m) => ({
    name: m.name,
    keys: namesPeopleUse(m).map(normalisePlace),
    hit: { lat: m.lat, lon: m.lon, label: `gemeente ${commonName(m)}`, municipalityCode: m.code, approximate: true },
    population: Infinity,
  }));
  const places = PLACES_NL.filter(([, code]) => byCode.has(code)).map(([name, code, lat, lon, population, otherNames]) => {
    const municipality = commonName(byCode.get(code)!);
    return {
      name,
      keys: [name, ...(otherNames ? otherNames.split("|") : [])].map(normalisePlace),
      hit: {
        lat,
        lon,
        label: normalisePlace(name) === normalisePlace(municipality) ? name : `${name} (gemeente ${municipality})`,
        municipalityCode: code,
        approximate: false,
      },
      population,
    };
  });
  // Bigger places first, so "Hoorn" means the city and not the village on Terschelling.
  places.sort((a, b) => b.population - a.population);
  index = { municipalities, places, byCode };
  return index;
}

/** A place or municipality by (one of) its names; a place's own point wins over a municipality's centre. */
export function findPlaceOffline(query: string): GazetteerHit | null {
  const q = normalisePlace(query);
  if (!q) return null;
  const { municipalities, places } = gazetteer();
  return (places.find((p) => p.keys.includes(q)) ?? municipalities.find((m) => m.keys.includes(q)))?.hit ?? null;
}

/** A municipality by its official or everyday name (for an organiser's address when PDOK is down). */
export function findMunicipalityOffline(query: string): GazetteerHit | null {
  const q = normalisePlace(query);
  return gazetteer().municipalities.find((m) => m.keys.includes(q))?.hit ?? null;
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

/** Up to five place or municipality names that look like what was typed: a few typos, or the start of a name. */
export function suggestPlaces(query: string): string[] {
  const q = normalisePlace(query);
  if (q.length < 3) return [];
  const allowed = Math.max(1, Math.min(3, Math.floor(q.length / 3)));
  const { municipalities, places } = gazetteer();
  const scored = new Map<string, number>();
  for (const entry of [...municipalities, ...places]) {
    const name = normalisePlace(entry.name);
    const score = name.startsWith(q) ? 1 : editDistance(q, name);
    if (score <= allowed && (scored.get(entry.name) ?? Infinity) > score) scored.set(entry.name, score);
  }
  return [...scored]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], "nl"))
    .slice(0, 5)
    .map(([name]) => name);
}

/** Every municipality's centre (the dots that draw the Netherlands on the home page's map). */
export function municipalityPoints(): { code: string; name: string; lat: number; lon: number }[] {
  return gazetteer().municipalities.map((m) => ({ code: m.hit.municipalityCode, name: m.name, lat: m.hit.lat, lon: m.hit.lon }));
}
