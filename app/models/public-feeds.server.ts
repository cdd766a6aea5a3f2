// What other sites and calendar apps read: the agenda of a municipality or of any search as
// iCalendar, new activities of a municipality as Atom, and the search behind the embeddable agenda.
// Everything here is public: it reads only through the public selectors of activity-search.server.
import { sql } from "drizzle-orm";
import { continuesText, featuresText } from "./activity-features";
import { db } from "~/utils/db.server";
import { geocodePlace, isGeocodeMiss } from "~/utils/geocode.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { formatDate, formatTime } from "~/utils/time";
import { ACTIVITY_TYPES } from "./activity";
import { searchFilters, type SearchParams } from "./activity-search";
import {
  activitiesCalendar,
  listMunicipalityActivities,
  publicActivitiesByIds,
  searchNearby,
  searchOnline,
  type ActivitySummary,
} from "./activity-search.server";
import { getPublicEdition, resolveEdition, type Edition } from "./edition.server";
import type { Municipality } from "./municipality.server";

/** The edition a public URL means: `?editie=YYYY`, else the one the public sees now; null (404) for an unknown year. */
export function publicEditionFromQuery(url: URL, now: Date): Edition | null {
  return resolveEdition(url.searchParams.get("editie"), () => getPublicEdition(now));
}

const activityUrl = (id: number) => absoluteUrl(`/activiteiten/${id}`);

/** The latest change to the public activities of a municipality (or all, without a code) in an edition. */
function lastChange(editionId: number, municipalityCode?: string): Date | null {
  const row = db.get<{ at: number | null }>(sql`
    select max(max(coalesce(updated_at, created_at)), coalesce(max(moderated_at), 0)) as at from activities
    where edition_id = ${editionId} and status in ('published', 'cancelled')
      ${municipalityCode ? sql`and municipality_code = ${municipalityCode}` : sql``}`);
  return row?.at ? new Date(row.at) : null;
}

/** The municipality's agenda for the edition as a subscribable iCalendar feed. */
export function municipalityCalendar(municipality: Municipality, edition: Edition) {
  const ids = listMunicipalityActivities(edition.id, municipality.code).map((a) => a.id);
  return {
    body: activitiesCalendar(
      publicActivitiesByIds(ids),
      `Week tegen Eenzaamheid ${edition.year} – ${municipality.commonName}`,
      activityUrl,
    ),
    lastModified: lastChange(edition.id, municipality.code),
  };
}

export type PublicSearchResult = {
  edition: Edition;
  place: { label: string; approximate: boolean } | null;
  notFound: string | null;
  total: number;
  items: ActivitySummary[];
};

/**
 * Any public search (the same URL parameters as the search page) for the embed and the feed:
 * near a place when one is given, plus the online activities when asked. At most `limit` items.
 */
export async function runPublicSearch(params: SearchParams, edition: Edition, limit: number): Promise<PublicSearchResult> {
  const filters = searchFilters(params);
  let point: { lat: number; lon: number; label: string; approximate: boolean } | null = null;
  let notFound: string | null = null;
  if (params.plaats) {
    const found = await geocodePlace(params.plaats);
    if (isGeocodeMiss(found)) notFound = params.plaats;
    else point = found;
  } else if (params.lat !== undefined && params.lon !== undefined) {
    point = { lat: params.lat, lon: params.lon, label: "de gekozen plek", approximate: false };
  }
  const nearby = point
    ? searchNearby({ edition, lat: point.lat, lon: point.lon, radiusKm: params.straal, filters, page: 1, pageSize: limit })
    : { total: 0, items: [] };
  const online = params.online || !point ? searchOnline({ edition, filters, page: 1, pageSize: limit }) : { total: 0, items: [] };
  const withOnline = params.online || (!point && !notFound);
  return {
    edition,
    place: point ? { label: point.label, approximate: point.approximate } : null,
    notFound,
    total: nearby.total + (withOnline ? online.total : 0),
    items: [...nearby.items, ...(withOnline ? online.items : [])].slice(0, limit),
  };
}

/** A search as an iCalendar feed. */
export function searchCalendar(result: PublicSearchResult) {
  const ids = result.items.map((a) => a.id);
  const activities = publicActivitiesByIds(ids);
  const newest = activities.reduce((max, a) => Math.max(max, a.updatedAt ?? a.createdAt), 0);
  const name = `Week tegen Eenzaamheid ${result.edition.year}${result.place ? ` – bij ${result.place.label}` : ""}`;
  return { body: activitiesCalendar(activities, name, activityUrl), lastModified: newest ? new Date(newest) : null };
}

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** New activities in a municipality (Atom 1.0): published ones of the current and later editions, newest first. */
export function municipalityAtom(municipality: Municipality, now: Date, limit = 50) {
  const current = getPublicEdition(now);
  const rows = db.all<{ id: number; title: string; publishedAt: number }>(sql`
    select a.id, a.title, coalesce(a.moderated_at, a.created_at) as publishedAt
    from activities a join editions e on e.id = a.edition_id
    where a.municipality_code = ${municipality.code} and a.status = 'published' and e.year >= ${current?.year ?? 0}
    order by publishedAt desc, a.id desc limit ${limit}`);
  const activities = new Map(publicActivitiesByIds(rows.map((r) => r.id)).map((a) => [a.id, a]));
  const updated = rows.length ? new Date(rows[0].publishedAt) : new Date(current ? `${current.weekStart}T00:00:00Z` : 0);
  const self = absoluteUrl(`/gemeente/${municipality.slug}/nieuw.atom`);
  const entries = rows.map((r) => {
    const a = activities.get(r.id)!;
    const summary = `${ACTIVITY_TYPES[a.type] ?? a.type} op ${formatDate(a.startsAt)} om ${formatTime(a.startsAt)} uur${a.place ? ` in ${a.place}` : a.isOnline ? ", online" : ""}. ${a.organisationName}.${[
      featuresText(a),
      continuesText(a),
    ]
      .filter(Boolean)
      .map((line) => ` ${line}`)
      .join("")}`;
    return `  <entry>
    <id>${xml(activityUrl(a.id))}</id>
    <title>${xml(a.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(activityUrl(a.id))}"/>
    <published>${new Date(r.publishedAt).toISOString()}</published>
    <updated>${new Date(Math.max(r.publishedAt, a.updatedAt ?? 0)).toISOString()}</updated>
    <summary>${xml(summary)}</summary>
  </entry>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
  <id>${xml(self)}</id>
  <title>${xml(`Nieuwe activiteiten in ${municipality.commonName} – Week tegen Eenzaamheid`)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>
  <link rel="alternate" type="text/html" href="${xml(absoluteUrl(`/gemeente/${municipality.slug}`))}"/>
  <author><name>Week tegen Eenzaamheid</name></author>
  <updated>${updated.toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
  return { body, lastModified: rows.length ? updated : null };
}
