// Shared (browser and server) rules for the public search: the URL parameters, their Dutch labels
// and the small geometry helpers the list, the map and the map data route agree on.
import { z } from "zod";
import { ACTIVITY_TYPES, TARGET_GROUPS } from "./activity";
import { formatDecimal, formatNumber } from "~/utils/format";
import { FLAG_FEATURES, LANGUAGE_VALUES, TRANSPORT_FILTERS } from "./activity-features";

/** URL parameters of the yes/no feature filters, e.g. `alleen=on`, `ophalen=on`. */
export const FEATURE_FILTER_PARAMS = [
  ...Object.values(FLAG_FEATURES).map((f) => f.filter),
  ...Object.values(TRANSPORT_FILTERS),
] as FeatureFilterParam[];
export type FeatureFilterParam =
  (typeof FLAG_FEATURES)[keyof typeof FLAG_FEATURES]["filter"] | (typeof TRANSPORT_FILTERS)[keyof typeof TRANSPORT_FILTERS];

export const RADII_KM = [2, 5, 10, 25] as const;
export const DEFAULT_RADIUS_KM = 10;
export const PAGE_SIZE = 20;

/** Days of the week as they appear in the URL (`dag=za`), Monday first; index = ISO weekday - 1. */
export const WEEKDAYS = {
  ma: "maandag",
  di: "dinsdag",
  wo: "woensdag",
  do: "donderdag",
  vr: "vrijdag",
  za: "zaterdag",
  zo: "zondag",
} as const;
export type Weekday = keyof typeof WEEKDAYS;
/** A day filter: one weekday, or `weekend` for Saturday and Sunday together. */
export type DayFilter = Weekday | "weekend";
export const WEEKEND_DAYS: readonly Weekday[] = ["za", "zo"];

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional()).catch(undefined);
const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean()).catch(false);

/**
 * The search as it lives in the URL (a GET form, so results can be shared and bookmarked).
 * A wrong value never breaks the page: it is dropped, as if the filter was not set.
 */
export const SearchParamsSchema = z.object({
  plaats: optional(z.string().trim().min(1).max(100)),
  lat: optional(z.coerce.number().min(50.5).max(53.7)),
  lon: optional(z.coerce.number().min(3.2).max(7.3)),
  straal: z.coerce
    .number()
    .refine((n) => (RADII_KM as readonly number[]).includes(n))
    .catch(DEFAULT_RADIUS_KM),
  dag: optional(z.enum(["weekend", ...(Object.keys(WEEKDAYS) as Weekday[])] as [DayFilter, ...DayFilter[]])),
  soort: optional(z.enum(Object.keys(ACTIVITY_TYPES) as [keyof typeof ACTIVITY_TYPES, ...(keyof typeof ACTIVITY_TYPES)[]])),
  voor: optional(z.enum(Object.keys(TARGET_GROUPS) as [keyof typeof TARGET_GROUPS, ...(keyof typeof TARGET_GROUPS)[]])),
  gratis: checkbox,
  // The low-threshold filters (activity-features.ts): alleen, eenvoudig, rustig, ringleiding, rolstoel, ophalen, ov.
  ...(Object.fromEntries(FEATURE_FILTER_PARAMS.map((p) => [p, checkbox])) as Record<FeatureFilterParam, typeof checkbox>),
  taal: optional(z.enum(LANGUAGE_VALUES)),
  online: checkbox,
  editie: optional(z.coerce.number().int().min(2010).max(2100)),
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type SearchParams = z.infer<typeof SearchParamsSchema>;

export function parseSearchParams(params: URLSearchParams): SearchParams {
  return SearchParamsSchema.parse(Object.fromEntries(params));
}

/** The filters that narrow a search, apart from where and which edition. */
export type SearchFilters = Pick<SearchParams, "dag" | "soort" | "voor" | "gratis"> &
  Partial<Pick<SearchParams, "taal" | FeatureFilterParam>>;

/** The filters of a parsed search (list, map data, feeds and embed use the same). */
export function searchFilters(p: SearchParams): SearchFilters {
  const filters: SearchFilters = { dag: p.dag, soort: p.soort, voor: p.voor, gratis: p.gratis, taal: p.taal };
  for (const param of FEATURE_FILTER_PARAMS) filters[param] = p[param];
  return filters;
}

/** Builds a query string from a search, leaving out defaults so shared links stay short. */
export function searchQuery(p: Partial<SearchParams>, overrides: Partial<SearchParams> = {}): string {
  const merged = { ...p, ...overrides };
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === false || value === "") continue;
    if (key === "pagina" && value === 1) continue;
    out.set(key, value === true ? "on" : String(value));
  }
  const s = out.toString();
  return s ? `?${s}` : "";
}

const KM_PER_DEGREE = 111.195;

/** Distance in km between two points (equirectangular: exact enough within the Netherlands). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const k = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const dLat = lat2 - lat1;
  const dLon = (lon2 - lon1) * k;
  return Math.sqrt(dLat * dLat + dLon * dLon) * KM_PER_DEGREE;
}

/** The bounding box [minLat, maxLat, minLon, maxLon] of a circle. */
export function radiusBox(lat: number, lon: number, radiusKm: number): [number, number, number, number] {
  const dLat = radiusKm / KM_PER_DEGREE;
  const dLon = radiusKm / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return [lat - dLat, lat + dLat, lon - dLon, lon + dLon];
}

/** The smallest offered radius that covers a map view of this size (for "zoek in dit gebied"). */
export function radiusForView(lat: number, lon: number, north: number, east: number): number {
  const half = Math.min(distanceKm(lat, lon, north, lon), distanceKm(lat, lon, lat, east));
  return RADII_KM.find((r) => r >= half) ?? RADII_KM[RADII_KM.length - 1];
}

/** "1,3 km" / "800 m" */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.max(100, Math.round(km * 10) * 100)} m`;
  return `${formatDecimal(km, km < 10 ? 1 : 0)} km`;
}

const SMALL_NUMBERS = ["geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"];

/** "Geen activiteiten", "één activiteit", "37 activiteiten": the count in words for people and screen readers. */
export function countInWords(n: number, singular = "activiteit", plural = "activiteiten"): string {
  const number = n < SMALL_NUMBERS.length ? SMALL_NUMBERS[n] : formatNumber(n);
  return `${number} ${n === 1 ? singular : plural}`;
}

/** GeoJSON the map data route returns and the map reads. */
export type MapFeature = {
  type: "Feature";
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: { id: number; title: string; startsAt: number; place: string | null };
};
export type MapFeatureCollection = { type: "FeatureCollection"; features: MapFeature[]; truncated: boolean };
