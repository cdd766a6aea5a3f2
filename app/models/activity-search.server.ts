// The public read side of activities: search near a point, online activities, map features and
// one activity's public page. Everything here is public, so every query names its columns and
// none of them is private (private_contact_*, owner, kit delivery addresses, moderation notes).
//
// Speed (DESIGN.md "Performance facts"): the spatial search runs on the R*Tree `activity_geo`
// (published, located activities only; micro-degrees; edition as third dimension). Distance,
// count and order come from the tree's own coordinates; the activities table is read for the
// filters and for the rows shown only.
import type { Statement } from "better-sqlite3";
import { createEvent, createEvents, type EventAttributes } from "ics";
import { db } from "~/utils/db.server";
import { addDays, amsterdamToUtc } from "~/utils/time";
import type { ActivityType, TargetGroup } from "./activity";
import type { Edition } from "./edition.server";
import {
  radiusBox,
  WEEKDAYS,
  WEEKEND_DAYS,
  type MapFeature,
  type MapFeatureCollection,
  type SearchFilters,
  type Weekday,
} from "./activity-search";
import { foldIcsByOctets } from "~/utils/ics-lines.server";
import { now } from "~/utils/clock.server";
import { nextSession } from "./activity-sessions";
import {
  FLAG_FEATURE_KEYS,
  FLAG_FEATURES,
  continuesText,
  featuresText,
  parseLanguages,
  TRANSPORT_FILTERS,
  TRANSPORT_OPTIONS,
  TRANSPORT_VALUES,
  type ActivityFeatures,
  type FlagFeature,
  type Transport,
} from "./activity-features";

const MICRO = 1_000_000;

const FLAG_COLUMNS: Record<FlagFeature, string> = {
  hostAtDoor: "host_at_door",
  easyDutch: "easy_dutch",
  quietSpace: "quiet_space",
  hearingLoop: "hearing_loop",
  wheelchairAccessible: "wheelchair_accessible",
};
const KM_PER_DEGREE = 111.195;

const statements = new Map<string, Statement>();
function prepare(sql: string): Statement {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.$client.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** The low-threshold facts (activity-features.ts), in every public selector. */
const FEATURE_COLUMNS = `a.host_at_door AS hostAtDoor, a.transport, a.easy_dutch AS easyDutch, a.languages,
  a.wheelchair_accessible AS wheelchairAccessible, a.hearing_loop AS hearingLoop, a.quiet_space AS quietSpace`;
type FeatureRow = {
  hostAtDoor: number;
  transport: string | null;
  easyDutch: number;
  languages: string;
  wheelchairAccessible: number;
  hearingLoop: number;
  quietSpace: number;
};
function toFeatures(row: FeatureRow): ActivityFeatures {
  return {
    hostAtDoor: row.hostAtDoor === 1,
    transport: row.transport && row.transport in TRANSPORT_OPTIONS ? (row.transport as Transport) : null,
    easyDutch: row.easyDutch === 1,
    languages: parseLanguages(row.languages),
    wheelchairAccessible: row.wheelchairAccessible === 1,
    hearingLoop: row.hearingLoop === 1,
    quietSpace: row.quietSpace === 1,
  };
}

/** The columns anyone may see in a result list. */
const SUMMARY_COLUMNS = `a.id, a.title, a.type, a.starts_at AS startsAt, a.ends_at AS endsAt, a.is_online AS isOnline,
  a.venue_name AS venueName, a.place, a.lat, a.lon, a.is_free AS isFree, a.price_cents AS priceCents,
  ${FEATURE_COLUMNS}, a.sign_up_required AS signUpRequired, a.status, a.organisation_name AS organisationName`;

type SummaryRow = FeatureRow & {
  id: number;
  title: string;
  type: string;
  startsAt: number;
  endsAt: number;
  isOnline: number;
  venueName: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  isFree: number;
  priceCents: number | null;
  signUpRequired: number;
  status: string;
  organisationName: string;
};

export type ActivitySummary = ReturnType<typeof toSummary>;

function toSummary(
  row: SummaryRow,
  targetGroups: TargetGroup[],
  distanceKm: number | null,
  sessions: PublicSession[],
  shown: PublicSession[],
) {
  // Listed once; the date shown is the next session by the platform clock (after the Week: the first),
  // among the sessions on the filtered day when a day filter is set.
  const next = nextSession(shown, now().getTime()) ?? row;
  return {
    id: row.id,
    title: row.title,
    type: row.type as ActivityType,
    startsAt: next.startsAt,
    endsAt: next.endsAt,
    sessionCount: Math.max(sessions.length, 1),
    isOnline: row.isOnline === 1,
    venueName: row.venueName,
    place: row.place,
    isFree: row.isFree === 1,
    priceCents: row.priceCents,
    ...toFeatures(row),
    signUpRequired: row.signUpRequired === 1,
    cancelled: row.status === "cancelled",
    organisationName: row.organisationName,
    targetGroups,
    distanceKm,
    point: row.lat !== null && row.lon !== null ? ([row.lat, row.lon] as [number, number]) : null,
  };
}

function targetGroupsOf(ids: number[]): Map<number, TargetGroup[]> {
  const byId = new Map<number, TargetGroup[]>();
  if (ids.length === 0) return byId;
  const rows = prepare(
    `SELECT activity_id AS id, target_group AS g FROM activity_target_groups WHERE activity_id IN (${ids.map(() => "?").join(",")})`,
  ).all(...ids) as { id: number; g: TargetGroup }[];
  for (const { id, g } of rows) byId.set(id, [...(byId.get(id) ?? []), g]);
  return byId;
}

export type PublicSession = { id: number; startsAt: number; endsAt: number };

/** The sessions of these activities, earliest first. */
function sessionsOfIds(ids: number[]): Map<number, PublicSession[]> {
  const byId = new Map<number, PublicSession[]>();
  if (ids.length === 0) return byId;
  const rows = prepare(
    `SELECT activity_id AS activityId, id, starts_at AS startsAt, ends_at AS endsAt FROM activity_sessions
     WHERE activity_id IN (${ids.map(() => "?").join(",")}) ORDER BY starts_at, id`,
  ).all(...ids) as (PublicSession & { activityId: number })[];
  for (const { activityId, ...session } of rows) byId.set(activityId, [...(byId.get(activityId) ?? []), session]);
  return byId;
}

function summariesByIds(
  ids: number[],
  distances?: Map<number, number>,
  pick: (sessions: PublicSession[]) => PublicSession[] = (x) => x,
): ActivitySummary[] {
  if (ids.length === 0) return [];
  const rows = prepare(`SELECT ${SUMMARY_COLUMNS} FROM activities a WHERE a.id IN (${ids.map(() => "?").join(",")})`).all(
    ...ids,
  ) as SummaryRow[];
  const groups = targetGroupsOf(ids);
  const sessions = sessionsOfIds(ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    const all = sessions.get(id) ?? [];
    return row ? [toSummary(row, groups.get(id) ?? [], distances?.get(id) ?? null, all, pick(all))] : [];
  });
}

/** The UTC ranges of the day filter (`dag`), or none when it is not set. */
function dayFilterRanges(edition: Edition, filters: SearchFilters): [number, number][] {
  if (!filters.dag) return [];
  const days = filters.dag === "weekend" ? WEEKEND_DAYS : [filters.dag];
  return days.flatMap((day) => weekdayRanges(edition, day));
}

/** With a day filter, the sessions on those days are the ones a list shows; otherwise all of them. */
function sessionsOnDays(ranges: [number, number][]) {
  return (sessions: PublicSession[]) => {
    if (!ranges.length) return sessions;
    const onDays = sessions.filter((x) => ranges.some(([start, end]) => x.startsAt >= start && x.startsAt < end));
    return onDays.length ? onDays : sessions;
  };
}

/** UTC [start, end) ranges of the edition's days that fall on this weekday. */
function weekdayRanges(edition: Edition, day: Weekday): [number, number][] {
  const isoDay = Object.keys(WEEKDAYS).indexOf(day) + 1;
  const ranges: [number, number][] = [];
  for (let date = edition.activityWindowStart; date <= edition.activityWindowEnd; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
    if (weekday === isoDay) ranges.push([amsterdamToUtc(date).getTime(), amsterdamToUtc(addDays(date, 1)).getTime()]);
  }
  return ranges;
}

/** SQL conditions on `a` (activities) for the filters, with their named parameters. */
function filterSql(edition: Edition, filters: SearchFilters): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.soort) {
    where.push("a.type = @type");
    params.type = filters.soort;
  }
  if (filters.gratis) where.push("a.is_free = 1");
  for (const key of FLAG_FEATURE_KEYS) if (filters[FLAG_FEATURES[key].filter]) where.push(`a.${FLAG_COLUMNS[key]} = 1`);
  const transports = TRANSPORT_VALUES.filter((t) => filters[TRANSPORT_FILTERS[t]]);
  // Ticking both "ophalen" and "OV" means either will do.
  if (transports.length) where.push(`a.transport IN (${transports.map((t) => `'${t}'`).join(", ")})`);
  if (filters.taal) {
    where.push("EXISTS (SELECT 1 FROM json_each(a.languages) l WHERE l.value = @language)");
    params.language = filters.taal;
  }
  if (filters.voor) {
    // Activities for everybody are for this group too.
    where.push(
      "EXISTS (SELECT 1 FROM activity_target_groups t WHERE t.activity_id = a.id AND t.target_group IN (@group, 'iedereen'))",
    );
    params.group = filters.voor;
  }
  if (filters.dag) {
    const ranges = dayFilterRanges(edition, filters);
    if (ranges.length === 0) where.push("0");
    else {
      // Any session on that day counts (an activity with several sessions is listed once).
      where.push(
        `EXISTS (SELECT 1 FROM activity_sessions s WHERE s.activity_id = a.id AND (${ranges
          .map((_, i) => `(s.starts_at >= @dayStart${i} AND s.starts_at < @dayEnd${i})`)
          .join(" OR ")}))`,
      );
      ranges.forEach(([start, end], i) => {
        params[`dayStart${i}`] = start;
        params[`dayEnd${i}`] = end;
      });
    }
  }
  return { where, params };
}

type Area = { centre: { lat: number; lon: number }; radiusKm?: number; box?: [number, number, number, number] };

/** The radius of the largest circle around the centre that lies inside the area, in km. */
function innerRadiusKm(area: Area): number {
  if (!area.box) return area.radiusKm ?? 10;
  const [minLat, maxLat, minLon, maxLon] = area.box;
  const k = Math.cos((area.centre.lat * Math.PI) / 180);
  return Math.min(((maxLat - minLat) / 2) * KM_PER_DEGREE, ((maxLon - minLon) / 2) * KM_PER_DEGREE * k);
}

/** id + squared distance (micro-degrees², east-west scaled) of published located activities in the area. */
function nearbySql(edition: Edition, area: Area, filters: SearchFilters) {
  const { centre } = area;
  const [minLat, maxLat, minLon, maxLon] = area.box ?? radiusBox(centre.lat, centre.lon, area.radiusKm ?? 10);
  const k = Math.cos((centre.lat * Math.PI) / 180);
  const filter = filterSql(edition, filters);
  const params: Record<string, unknown> = {
    ...filter.params,
    lat: Math.round(centre.lat * MICRO),
    lon: Math.round(centre.lon * MICRO),
    k2: k * k,
    minLat: Math.floor(minLat * MICRO),
    maxLat: Math.ceil(maxLat * MICRO),
    minLon: Math.floor(minLon * MICRO),
    maxLon: Math.ceil(maxLon * MICRO),
    edition: edition.id,
    r2: area.radiusKm === undefined ? Number.MAX_SAFE_INTEGER : ((area.radiusKm / KM_PER_DEGREE) * MICRO) ** 2,
  };
  const join = filter.where.length > 0 ? "JOIN activities a ON a.id = g.id" : "";
  const inner = `SELECT g.id AS id,
      ((g.min_lat - @lat) * (g.min_lat - @lat) + (g.min_lon - @lon) * (g.min_lon - @lon) * @k2) AS d2
    FROM activity_geo g ${join}
    WHERE g.min_lat <= @maxLat AND g.max_lat >= @minLat AND g.min_lon <= @maxLon AND g.max_lon >= @minLon
      AND g.min_edition <= @edition AND g.max_edition >= @edition
      ${filter.where.map((w) => `AND ${w}`).join(" ")}`;
  return { sql: `SELECT id, d2 FROM (${inner}) WHERE d2 <= @r2`, params };
}

const toKm = (d2: number) => (Math.sqrt(d2) / MICRO) * KM_PER_DEGREE;

export type NearbySearch = {
  edition: Edition;
  lat: number;
  lon: number;
  radiusKm: number;
  filters: SearchFilters;
  page: number;
  pageSize: number;
};

/** Published activities within the radius, nearest first, with the total count and one page of rows. */
export function searchNearby(search: NearbySearch): { total: number; items: ActivitySummary[] } {
  const { sql, params } = nearbySql(search.edition, { centre: search, radiusKm: search.radiusKm }, search.filters);
  const rows = prepare(`SELECT id, d2, count(*) OVER () AS total FROM (${sql}) ORDER BY d2, id LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: search.pageSize,
    offset: (search.page - 1) * search.pageSize,
  }) as { id: number; d2: number; total: number }[];
  const total = rows.length > 0 ? rows[0].total : (prepare(`SELECT count(*) AS n FROM (${sql})`).get(params) as { n: number }).n;
  const distances = new Map(rows.map((r) => [r.id, toKm(r.d2)]));
  return {
    total,
    items: summariesByIds(
      rows.map((r) => r.id),
      distances,
      sessionsOnDays(dayFilterRanges(search.edition, search.filters)),
    ),
  };
}

/** Published online activities of the edition (they have no place, so they are not in the tree), by start. */
export function searchOnline(search: Omit<NearbySearch, "lat" | "lon" | "radiusKm">): {
  total: number;
  items: ActivitySummary[];
} {
  const filter = filterSql(search.edition, search.filters);
  const where = `a.edition_id = @edition AND a.status = 'published' AND a.is_online = 1 ${filter.where.map((w) => `AND ${w}`).join(" ")}`;
  const params = { ...filter.params, edition: search.edition.id };
  const total = (prepare(`SELECT count(*) AS n FROM activities a WHERE ${where}`).get(params) as { n: number }).n;
  const ids = (
    prepare(`SELECT a.id FROM activities a WHERE ${where} ORDER BY a.starts_at, a.id LIMIT @limit OFFSET @offset`).all({
      ...params,
      limit: search.pageSize,
      offset: (search.page - 1) * search.pageSize,
    }) as { id: number }[]
  ).map((r) => r.id);
  return { total, items: summariesByIds(ids, undefined, sessionsOnDays(dayFilterRanges(search.edition, search.filters))) };
}

/** Published activities with a place, counted per municipality (for the home page's map of the Week). */
export function countByMunicipality(edition: Edition): { code: string; name: string; lat: number; lon: number; count: number }[] {
  return prepare(
    `SELECT m.code, m.name, m.lat, m.lon, count(*) AS count
       FROM activities a JOIN municipalities m ON m.code = a.municipality_code
      WHERE a.edition_id = ? AND a.status = 'published' AND a.is_online = 0
      GROUP BY m.code ORDER BY count DESC, m.name`,
  ).all(edition.id) as { code: string; name: string; lat: number; lon: number; count: number }[];
}

// The map shows the nearest 500; the list below it is the complete answer (and a p95 of 25 ms needs small answers).
export const MAP_FEATURE_LIMIT = 500;

/**
 * Map markers for a bounding box (or a circle, so the map shows exactly the listed results).
 * At most MAP_FEATURE_LIMIT, nearest to the centre first; `truncated` says when there were more.
 */
export function mapFeatures(input: {
  edition: Edition;
  filters: SearchFilters;
  area: { box: [number, number, number, number] } | { lat: number; lon: number; radiusKm: number };
}): MapFeatureCollection {
  const area: Area =
    "box" in input.area
      ? {
          box: input.area.box,
          centre: { lat: (input.area.box[0] + input.area.box[1]) / 2, lon: (input.area.box[2] + input.area.box[3]) / 2 },
        }
      : { centre: input.area, radiusKm: input.area.radiusKm };
  const nearest = (of: Area) => {
    const { sql, params } = nearbySql(input.edition, of, input.filters);
    return prepare(
      `SELECT a.id, a.title, a.place, a.lat, a.lon,
         COALESCE((SELECT min(s.starts_at) FROM activity_sessions s WHERE s.activity_id = a.id AND s.ends_at > @now), a.starts_at) AS startsAt
       FROM (${sql} ORDER BY d2, id LIMIT @limit) n JOIN activities a ON a.id = n.id ORDER BY n.d2, n.id`,
    ).all({ ...params, limit: MAP_FEATURE_LIMIT + 1, now: now().getTime() }) as {
      id: number;
      title: string;
      startsAt: number;
      place: string | null;
      lat: number;
      lon: number;
    }[];
  };
  // A city-wide view holds thousands: first ask a circle around the centre a quarter of the view's size.
  // When a circle inside the view holds more than the limit, its nearest are the nearest of the whole view
  // (anything outside it is farther away), and the whole view need not be sorted. When it holds fewer, one
  // wider circle sized from the density just seen (to hold about twice the limit) usually does; only then
  // is the whole view asked.
  const inner = innerRadiusKm(area);
  const rows = (() => {
    const small = nearest({ centre: area.centre, radiusKm: inner / 4 });
    if (small.length > MAP_FEATURE_LIMIT) return small;
    const wider = small.length > 0 ? (inner / 4) * Math.sqrt((2 * MAP_FEATURE_LIMIT) / small.length) : inner;
    if (wider < inner) {
      const found = nearest({ centre: area.centre, radiusKm: wider });
      if (found.length > MAP_FEATURE_LIMIT) return found;
    }
    return nearest(area);
  })();
  const features: MapFeature[] = rows.slice(0, MAP_FEATURE_LIMIT).map((r) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [r.lon, r.lat] },
    properties: { id: r.id, title: r.title, startsAt: r.startsAt, place: r.place },
  }));
  return { type: "FeatureCollection", features, truncated: rows.length > MAP_FEATURE_LIMIT };
}

/** Every column of the public activity page. Nothing private: see the file comment. */
const PUBLIC_COLUMNS = `a.id, a.title, a.description, a.type, a.starts_at AS startsAt, a.ends_at AS endsAt,
  a.is_online AS isOnline, a.online_url AS onlineUrl, a.venue_name AS venueName, a.street, a.house_number AS houseNumber,
  a.postcode, a.place, a.lat, a.lon, a.location_approximate AS locationApproximate, m.name AS municipalityName,
  ${FEATURE_COLUMNS}, a.show_interest AS showInterest, a.continues_after_week AS continuesAfterWeek,
  a.continues_schedule AS continuesSchedule, a.continues_contact AS continuesContact, a.is_free AS isFree, a.price_cents AS priceCents,
  a.sign_up_required AS signUpRequired, a.sign_up_info AS signUpInfo, a.max_participants AS maxParticipants,
  a.public_contact_name AS publicContactName, a.public_contact_email AS publicContactEmail,
  a.public_contact_phone AS publicContactPhone, a.organisation_name AS organisationName,
  a.status, a.cancel_reason AS cancelReason, a.updated_at AS updatedAt, a.created_at AS createdAt,
  e.year AS editionYear, e.number AS editionNumber`;

type PublicRow = FeatureRow & {
  id: number;
  title: string;
  description: string;
  type: string;
  startsAt: number;
  endsAt: number;
  isOnline: number;
  onlineUrl: string | null;
  venueName: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  locationApproximate: number;
  municipalityName: string | null;
  showInterest: number;
  continuesAfterWeek: number;
  continuesSchedule: string | null;
  continuesContact: string | null;
  isFree: number;
  priceCents: number | null;
  signUpRequired: number;
  signUpInfo: string | null;
  maxParticipants: number | null;
  publicContactName: string | null;
  publicContactEmail: string | null;
  publicContactPhone: string | null;
  organisationName: string;
  status: "published" | "cancelled";
  cancelReason: string | null;
  updatedAt: number | null;
  createdAt: number;
  editionYear: number;
  editionNumber: number;
};

export type PublicActivity = ReturnType<typeof toPublic>;

function toPublic(row: PublicRow, targetGroups: TargetGroup[], sessions: PublicSession[]) {
  const bool = (v: number) => v === 1;
  return {
    ...row,
    // Every date and time, earliest first; startsAt/endsAt above are the first of them.
    sessions: sessions.length ? sessions : [{ id: 0, startsAt: row.startsAt, endsAt: row.endsAt }],
    type: row.type as ActivityType,
    isOnline: bool(row.isOnline),
    locationApproximate: bool(row.locationApproximate),
    ...toFeatures(row),
    showInterest: bool(row.showInterest),
    continuesAfterWeek: bool(row.continuesAfterWeek),
    isFree: bool(row.isFree),
    signUpRequired: bool(row.signUpRequired),
    cancelled: row.status === "cancelled",
    targetGroups,
  };
}

/** One activity as the public may see it: only published or cancelled ones; anything else is "not found". */
export function getPublicActivity(id: number): PublicActivity | null {
  const row = prepare(
    `SELECT ${PUBLIC_COLUMNS} FROM activities a JOIN editions e ON e.id = a.edition_id
     LEFT JOIN municipalities m ON m.code = a.municipality_code
     WHERE a.id = ? AND a.status IN ('published', 'cancelled')`,
  ).get(id) as PublicRow | undefined;
  if (!row) return null;
  return toPublic(row, targetGroupsOf([id]).get(id) ?? [], sessionsOfIds([id]).get(id) ?? []);
}

/** The published activities of one municipality in one edition, by start time (for the printed booklet). */
export function listPublicActivitiesInMunicipality(municipalityCode: string, editionYear: number): PublicActivity[] {
  const rows = prepare(
    `SELECT ${PUBLIC_COLUMNS} FROM activities a JOIN editions e ON e.id = a.edition_id
     LEFT JOIN municipalities m ON m.code = a.municipality_code
     WHERE a.municipality_code = ? AND e.year = ? AND a.status = 'published'
     ORDER BY a.starts_at, a.title, a.id`,
  ).all(municipalityCode, editionYear) as PublicRow[];
  const groups = targetGroupsOf(rows.map((r) => r.id));
  const sessions = sessionsOfIds(rows.map((r) => r.id));
  return rows.map((row) => toPublic(row, groups.get(row.id) ?? [], sessions.get(row.id) ?? []));
}

/**
 * The activity as an iCalendar file (RFC 5545) for "add to my calendar". Times are written in UTC,
 * which every calendar shows in the reader's own zone (for the Netherlands: Europe/Amsterdam).
 */
export function activityCalendar(activity: PublicActivity, pageUrl: string): string {
  const events = calendarEvents(activity, pageUrl);
  const { error, value } =
    events.length === 1
      ? createEvent(events[0])
      : createEvents(events, { calName: events[0].calName, productId: "komerbij/activiteiten" });
  if (error || !value) throw error ?? new Error("Could not build the calendar file");
  return foldIcsByOctets(value);
}

/**
 * One VEVENT per session. The earliest-made session keeps the UID an activity always had
 * (`activiteit-<id>@komerbij`), so calendars that subscribed before sessions existed see no duplicate;
 * every other session has its own (`activiteit-<id>-<sessionId>@komerbij`).
 */
function calendarEvents(activity: PublicActivity, pageUrl: string): EventAttributes[] {
  const base = calendarEvent(activity, pageUrl);
  const oldest = Math.min(...activity.sessions.map((x) => x.id));
  return activity.sessions.map((session) => ({
    ...base,
    uid: session.id === oldest ? base.uid : `activiteit-${activity.id}-${session.id}@komerbij`,
    start: session.startsAt,
    end: session.endsAt,
  }));
}

function calendarEvent(activity: PublicActivity, pageUrl: string): EventAttributes {
  const where = activity.isOnline
    ? "Online"
    : [
        activity.venueName,
        [activity.street, activity.houseNumber].filter(Boolean).join(" "),
        [activity.postcode, activity.place].filter(Boolean).join(" "),
      ]
        .filter(Boolean)
        .join(", ");
  return {
    uid: `activiteit-${activity.id}@komerbij`,
    productId: "komerbij/activiteiten",
    calName: `Week tegen Eenzaamheid ${activity.editionYear}`,
    start: activity.startsAt,
    startInputType: "utc",
    startOutputType: "utc",
    end: activity.endsAt,
    endInputType: "utc",
    endOutputType: "utc",
    title: activity.cancelled ? `Gaat niet door: ${activity.title}` : activity.title,
    description: [
      activity.description,
      [featuresText(activity), continuesText(activity)].filter(Boolean).join("\n"),
      `Organisator: ${activity.organisationName}\nMeer informatie: ${pageUrl}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    location: where,
    geo:
      activity.lat !== null && activity.lon !== null && !activity.isOnline ? { lat: activity.lat, lon: activity.lon } : undefined,
    url: pageUrl,
    status: activity.cancelled ? "CANCELLED" : "CONFIRMED",
    categories: ["Week tegen Eenzaamheid"],
    created: activity.createdAt,
    lastModified: activity.updatedAt ?? activity.createdAt,
    sequence: activity.cancelled ? 1 : 0,
    // DTSTAMP from the data, not the ics package's wall clock: the same data gives the same file (stable ETag).
    ...({ timestamp: activity.updatedAt ?? activity.createdAt } as Partial<EventAttributes>),
  };
}

/** A subscribable calendar of many activities (a municipality, a search); cancelled ones stay in, marked CANCELLED. */
export function activitiesCalendar(activities: PublicActivity[], name: string, pageUrlOf: (id: number) => string): string {
  if (activities.length === 0) {
    // The ics package refuses an empty list; an empty VCALENDAR is still a valid, subscribable feed.
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:komerbij/activiteiten",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${name}`,
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  const { error, value } = createEvents(
    activities.flatMap((a) => calendarEvents(a, pageUrlOf(a.id))),
    { calName: name, productId: "komerbij/activiteiten", method: "PUBLISH" },
  );
  if (error || !value) throw error ?? new Error("Could not build the calendar feed");
  return foldIcsByOctets(value);
}

/** Public activities by id, in the order given (only published or cancelled ones). */
export function publicActivitiesByIds(ids: number[]): PublicActivity[] {
  if (ids.length === 0) return [];
  const rows = prepare(
    `SELECT ${PUBLIC_COLUMNS} FROM activities a JOIN editions e ON e.id = a.edition_id
     LEFT JOIN municipalities m ON m.code = a.municipality_code
     WHERE a.id IN (${ids.map(() => "?").join(",")}) AND a.status IN ('published', 'cancelled')`,
  ).all(...ids) as PublicRow[];
  const groups = targetGroupsOf(ids);
  const sessions = sessionsOfIds(ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toPublic(row, groups.get(id) ?? [], sessions.get(id) ?? [])] : [];
  });
}

/** The public activities (published and cancelled) of one municipality in an edition, by start time. */
export function listMunicipalityActivities(editionId: number, municipalityCode: string): ActivitySummary[] {
  const ids = (
    prepare(
      `SELECT a.id FROM activities a WHERE a.edition_id = ? AND a.municipality_code = ? AND a.status IN ('published', 'cancelled')
       ORDER BY a.starts_at, a.id`,
    ).all(editionId, municipalityCode) as { id: number }[]
  ).map((r) => r.id);
  return summariesByIds(ids);
}
