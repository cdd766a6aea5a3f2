// When are two activities likely the same one, registered twice? Pure rules, shared and unit-tested;
// the query that applies them lives in activity-duplicates.server.ts.
//
// Two activities of the same edition are likely duplicates when ALL three hold:
//   1. same organiser (owner account), OR the same place: both pins within SAME_PLACE_METRES when both
//      were found exactly, or the same postcode and house number (a pin "bij benadering" is the centre
//      of a town, so it says nothing about the building);
//   2. their starts lie at most START_WINDOW_HOURS apart;
//   3. their titles are similar: titleSimilarity() >= SIMILAR_TITLE.
// titleSimilarity is the Sørensen–Dice coefficient of the sets of character trigrams of both titles,
// after normalising: lower case, accents removed, everything but letters and digits removed, Dutch
// filler words (de, het, een, in, op, …) removed and the words joined without spaces. Joining makes
// "Koffie-ochtend" and "koffieochtend" equal; trigrams forgive a typo or an added word
// ("Koffieochtend" vs "Koffieochtend met taart": 0.81, "Wilhelminapark" with a typo: 0.87) while titles
// that share only the building and a word stay apart ("Samen koken in De Schakel" vs "Samen zingen in
// De Schakel": 0.65, vs "Bingo in De Schakel": 0.40). The price of 0.7: a copy that only adds a long
// word ("Soep en praatjes" vs "Soep, brood en praatjes": 0.64) is missed; a false alarm costs the
// organiser a "toch indienen" click, a miss costs the reviewer a look.

import { RuleError } from "./rule-error";

export const SAME_PLACE_METRES = 200;
export const START_WINDOW_HOURS = 3;
export const SIMILAR_TITLE = 0.7;

const FILLER_WORDS = new Set(["de", "het", "een", "in", "op", "en", "van", "voor", "met", "bij", "aan", "te", "om", "of", "t"]); // "t": 't, as in Café 't Hoekje (the apostrophe splits words)

/** The title as compared: "Koffie-ochtend in de Bibliotheek!" → "koffieochtendbibliotheek". */
export function normaliseTitle(title: string) {
  return title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !FILLER_WORDS.has(word))
    .join("");
}

function trigrams(text: string) {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

/** 0 (nothing alike) … 1 (the same after normalising). */
export function titleSimilarity(a: string, b: string) {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  // Too short for trigrams: only equal counts (handled above).
  if (x.length < 3 || y.length < 3) return 0;
  const gx = trigrams(x);
  const gy = trigrams(y);
  let shared = 0;
  for (const g of gx) if (gy.has(g)) shared++;
  return (2 * shared) / (gx.size + gy.size);
}

/** Great-circle distance in metres. */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export type DuplicateCandidate = {
  ownerId: number;
  title: string;
  startsAt: Date;
  isOnline: boolean;
  lat: number | null;
  lon: number | null;
  locationApproximate: boolean;
  postcode: string | null;
  houseNumber: string | null;
};

const addressKey = (c: DuplicateCandidate) =>
  c.postcode && c.houseNumber
    ? `${c.postcode.replace(/\s/g, "").toUpperCase()} ${c.houseNumber.replace(/\s/g, "").toLowerCase()}`
    : null;

export function samePlace(a: DuplicateCandidate, b: DuplicateCandidate) {
  if (a.isOnline || b.isOnline) return false;
  const key = addressKey(a);
  if (key && key === addressKey(b)) return true;
  if (a.locationApproximate || b.locationApproximate || a.lat == null || a.lon == null || b.lat == null || b.lon == null)
    return false;
  return distanceMetres({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon }) <= SAME_PLACE_METRES;
}

export function isLikelyDuplicate(a: DuplicateCandidate, b: DuplicateCandidate) {
  return (
    (a.ownerId === b.ownerId || samePlace(a, b)) &&
    Math.abs(a.startsAt.getTime() - b.startsAt.getTime()) <= START_WINDOW_HOURS * 3_600_000 &&
    titleSimilarity(a.title, b.title) >= SIMILAR_TITLE
  );
}

/** An activity that looks like the one being submitted, as the organiser and reviewer see it. */
export type LikelyDuplicate = { id: number; title: string; startsAt: string; place: string | null; status: string };

/** "Lijkt op …": the model refuses until the organiser confirms ("toch indienen"). */
export class LikelyDuplicateError extends RuleError {
  readonly duplicates: LikelyDuplicate[];
  constructor(duplicates: LikelyDuplicate[]) {
    super(
      duplicates.length === 1
        ? `Je activiteit lijkt op een activiteit die er al staat: „${duplicates[0]!.title}”. Is het dezelfde? Pas dan die aan. Is het een andere, kies dan „Toch indienen”.`
        : `Je activiteit lijkt op ${duplicates.length} activiteiten die er al staan. Is het dezelfde? Pas dan die aan. Is het een andere, kies dan „Toch indienen”.`,
      { status: 409, reason: "likely-duplicate" },
    );
    this.duplicates = duplicates;
  }
}

export const isLikelyDuplicateError = (value: unknown): value is LikelyDuplicateError => value instanceof LikelyDuplicateError;

/** The form field that says "I know, submit anyway". */
export const CONFIRM_DUPLICATE_FIELD = "tochIndienen";
