// The municipal booklet: every published activity of a municipality in an edition, on paper.
// Rendering is the slow part, so the PDF is cached per municipality and edition. The cache key is
// a hash of exactly what the booklet prints (the public rows, the municipality, the edition), so
// the cached copy is used until an activity of that municipality changes, and no write path has
// to remember to invalidate it.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";
import { monotonicMs } from "~/utils/clock.server";
import { formatDate, formatDateRange, utcToAmsterdam } from "~/utils/time";
import { listPublicActivitiesInMunicipality } from "./activity-search.server";
import { absoluteUrl, fileSlug, printFacts, type PrintFacts } from "./activity-print.server";
import { getEditionByYear, getPublicEdition, resolveEdition } from "./edition.server";
import { municipalitySlug } from "./municipality";

export type BookletEntry = PrintFacts & { number: number };
export type BookletData = {
  municipality: { code: string; name: string; province: string };
  edition: { year: number; number: number; weekText: string };
  municipalityUrl: string;
  days: { date: string; label: string; entries: BookletEntry[] }[];
  places: { name: string; numbers: number[] }[];
  count: number;
};

/** Where residents find all activities of the municipality online (the booklet's cover QR). */
export function municipalityPageUrl(municipality: { code: string; name: string }, year: number) {
  return absoluteUrl(`/gemeente/${municipalitySlug(municipality)}?editie=${year}`);
}

/** The path of the booklet download, for links from the municipality page and the coordinator's workspace. */
export const bookletPath = (municipalityCode: string, year: number) => `/gemeenten/${municipalityCode}/boekje.pdf?editie=${year}`;

/** The edition a booklet or share image means: `?editie=YYYY`, else the one the public sees; null when unknown. */
export function editionYearFromQuery(url: URL, now: Date): number | null {
  return resolveEdition(url.searchParams.get("editie"), () => getPublicEdition(now))?.year ?? null;
}

export function getMunicipality(code: string) {
  const m = schema.municipalities;
  return db.select({ code: m.code, name: m.name, province: m.province }).from(m).where(eq(m.code, code)).get() ?? null;
}

/** What the booklet prints; null when the municipality or edition does not exist. */
export function getBookletData(municipalityCode: string, year: number): BookletData | null {
  const municipality = getMunicipality(municipalityCode);
  const edition = getEditionByYear(year);
  if (!municipality || !edition) return null;
  const activities = listPublicActivitiesInMunicipality(municipality.code, edition.year);
  const days = new Map<string, BookletEntry[]>();
  const places = new Map<string, number[]>();
  activities.forEach((activity, i) => {
    const entry = { ...printFacts(activity), number: i + 1 };
    const date = utcToAmsterdam(new Date(activity.startsAt)).date;
    days.set(date, [...(days.get(date) ?? []), entry]);
    places.set(entry.placeShort, [...(places.get(entry.placeShort) ?? []), entry.number]);
  });
  return {
    municipality,
    edition: { year: edition.year, number: edition.number, weekText: formatDateRange(edition.weekStart, edition.weekEnd) },
    municipalityUrl: municipalityPageUrl(municipality, edition.year),
    days: [...days].map(([date, entries]) => ({ date, label: capitalise(formatDate(date)), entries })),
    places: [...places].map(([name, numbers]) => ({ name, numbers })).sort((a, b) => a.name.localeCompare(b.name, "nl")),
    count: activities.length,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "boekje-utrecht-2027.pdf" */
export const bookletFileName = (data: BookletData) => `${fileSlug("boekje", data.municipality.name)}-${data.edition.year}.pdf`;

// ---------------------------------------------------------------------------------------------
// The cache: one entry per municipality and edition, the least recently used dropped first.

type Cached = { key: string; pdf: Buffer };
const MAX_CACHED = 40;
const cache = new Map<string, Cached>();

/** renderMs is wall time; renderCpuMs the CPU time this process spent, which other load on the machine does not inflate. */
export type BookletResult = {
  pdf: Buffer;
  fileName: string;
  fromCache: boolean;
  renderMs: number;
  renderCpuMs: number;
  count: number;
};

export async function bookletPdf(
  municipalityCode: string,
  year: number,
  render: (data: BookletData) => Promise<Buffer>,
): Promise<BookletResult | null> {
  const data = getBookletData(municipalityCode, year);
  if (!data) return null;
  const slot = `${data.municipality.code}:${data.edition.year}`;
  const key = createHash("sha256").update(JSON.stringify(data)).digest("hex");
  const fileName = bookletFileName(data);
  const hit = cache.get(slot);
  if (hit && hit.key === key) {
    cache.delete(slot);
    cache.set(slot, hit);
    return { pdf: hit.pdf, fileName, fromCache: true, renderMs: 0, renderCpuMs: 0, count: data.count };
  }
  const started = monotonicMs();
  const cpu = process.cpuUsage();
  const pdf = await render(data);
  const renderMs = monotonicMs() - started;
  const used = process.cpuUsage(cpu);
  const renderCpuMs = (used.user + used.system) / 1000;
  cache.delete(slot);
  cache.set(slot, { key, pdf });
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return { pdf, fileName, fromCache: false, renderMs, renderCpuMs, count: data.count };
}
