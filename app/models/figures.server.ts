// The programme team's figures per edition and across editions. Everything is counted by SQL
// aggregation on the live data, so a number in a report to parliament can be traced back to rows.
//
// Definitions (also shown on the dashboard):
// - activities count by status; the breakdowns and "municipalities" use PUBLISHED activities only;
// - "should report": published activities that have ended at `now`;
// - reports / participants: reports of those activities (one report per activity, the latest version);
// - estimate: average participants per report × number of activities that should report.
import { asc, sql } from "drizzle-orm";
import { toCsv } from "~/utils/csv.server";
import { db, schema as t } from "~/utils/db.server";
import { TARGET_GROUPS, ACTIVITY_TYPES, ORGANISATION_KINDS } from "./activity";
import { weekBounds } from "./edition";
import { getEditionByYear, listEditions, resolveEdition, type Edition } from "./edition.server";
import { interestVsTurnout } from "./activity-interest.server";
import { kitOrderOverview } from "./kit-fulfilment.server";
import { LIVE_STATUS_LIST as LIVE } from "./kit-order.server";

const WEEK_MS = 7 * 86_400_000;

export type FigureEdition = typeof t.editions.$inferSelect;

/** The newest edition with activities whose week has ended; else the newest with activities; else the newest. */
export function defaultFiguresYear(now: Date): number | null {
  const withActivities = db.all<{ year: number; weekStart: string; weekEnd: string }>(sql`
    select e.year, e.week_start as weekStart, e.week_end as weekEnd from editions e
    where exists (select 1 from activities a where a.edition_id = e.id) order by e.year desc`);
  const ended = withActivities.find((e) => weekBounds(e).endsAt <= now);
  return ended?.year ?? withActivities[0]?.year ?? listEditions()[0]?.year ?? null;
}

// ---------------------------------------------------------------------------------------------
// One edition

export type AttendanceSummary = {
  shouldReport: number;
  reports: number;
  participants: number;
  volunteers: number;
  firstTimers: number;
  /** reports / shouldReport, 0..1; null when nothing should report yet. */
  responseRate: number | null;
  /** participants / reports; null without reports. */
  averagePerReport: number | null;
  /** round(averagePerReport × shouldReport); null without reports. */
  estimatedTotal: number | null;
};

export const ESTIMATE_METHOD =
  "Schatting = het gemiddelde aantal deelnemers per melding × het aantal activiteiten dat had moeten melden (gepubliceerde activiteiten die voorbij zijn). We gaan er dus van uit dat activiteiten zonder melding gemiddeld even groot waren als activiteiten met een melding.";

function attendanceSummary(editionId: number, now: Date): AttendanceSummary {
  const row = db.get<{
    shouldReport: number;
    reports: number;
    participants: number;
    volunteers: number;
    firstTimers: number;
  }>(sql`
    select count(*) as shouldReport,
      count(r.id) as reports,
      coalesce(sum(r.participants), 0) as participants,
      coalesce(sum(r.volunteers), 0) as volunteers,
      coalesce(sum(r.first_timers), 0) as firstTimers
    from activities a left join attendance_reports r on r.activity_id = a.id
    where a.edition_id = ${editionId} and a.status = 'published' and a.ends_at <= ${now.getTime()}`);
  const averagePerReport = row.reports ? row.participants / row.reports : null;
  return {
    ...row,
    responseRate: row.shouldReport ? row.reports / row.shouldReport : null,
    averagePerReport,
    estimatedTotal: averagePerReport === null ? null : Math.round(averagePerReport * row.shouldReport),
  };
}

/**
 * Contact that lasts (issue 17): how many published activities continue after the Week, what the
 * reports say about newcomers coming back, and "ik kom" presses against reported turnout.
 */
function lastingContact(editionId: number) {
  const row = db.get<{ continuing: number; returnedYes: number; returnedNo: number; returnedUnknown: number }>(sql`
    select
      (select count(*) from activities a where a.edition_id = ${editionId} and a.status = 'published' and a.continues_after_week = 1) as continuing,
      coalesce(sum(r.newcomers_returned = 'yes'), 0) as returnedYes,
      coalesce(sum(r.newcomers_returned = 'no'), 0) as returnedNo,
      coalesce(sum(r.newcomers_returned = 'unknown'), 0) as returnedUnknown
    from attendance_reports r join activities a on a.id = r.activity_id
    where a.edition_id = ${editionId} and a.status = 'published'`);
  return { ...row, interest: interestVsTurnout(editionId) };
}

function activityCounts(editionId: number) {
  return db.get<{
    total: number;
    published: number;
    cancelled: number;
    pending: number;
    rejected: number;
    organisers: number;
    municipalities: number;
    online: number;
  }>(sql`
    select count(*) as total,
      coalesce(sum(status = 'published'), 0) as published,
      coalesce(sum(status = 'cancelled'), 0) as cancelled,
      coalesce(sum(status = 'pending'), 0) as pending,
      coalesce(sum(status = 'rejected'), 0) as rejected,
      count(distinct case when status = 'published' then owner_id end) as organisers,
      count(distinct case when status = 'published' then municipality_code end) as municipalities,
      coalesce(sum(status = 'published' and is_online = 1), 0) as online
    from activities where edition_id = ${editionId}`);
}

export type Breakdown = {
  key: string;
  label: string;
  activities: number;
  kitOrders: number;
  shouldReport: number;
  reports: number;
  participants: number;
  averagePerReport: number | null;
};

function breakdownRows(rows: Omit<Breakdown, "averagePerReport">[]): Breakdown[] {
  return rows.map((r) => ({ ...r, averagePerReport: r.reports ? r.participants / r.reports : null }));
}

const measures = (now: Date) => sql`
  count(*) as activities,
  coalesce(sum(exists(select 1 from kit_orders o where o.activity_id = a.id and o.status in ${LIVE})), 0) as kitOrders,
  coalesce(sum(a.ends_at <= ${now.getTime()}), 0) as shouldReport,
  count(r.id) as reports,
  coalesce(sum(r.participants), 0) as participants`;

/** Published activities per province (online activities without a municipality: "Onbekend"). */
export function figuresPerProvince(editionId: number, now: Date): Breakdown[] {
  return breakdownRows(
    db.all(sql`
      select coalesce(m.province, 'Onbekend') as key, coalesce(m.province, 'Onbekend') as label, ${measures(now)}
      from activities a left join municipalities m on m.code = a.municipality_code
      left join attendance_reports r on r.activity_id = a.id
      where a.edition_id = ${editionId} and a.status = 'published'
      group by 1 order by activities desc, key`),
  );
}

export type MunicipalityFigures = Breakdown & { province: string; lat: number; lon: number };

/** All municipalities (also those without activities), with the published activities of the edition. */
export function figuresPerMunicipality(editionId: number, now: Date): MunicipalityFigures[] {
  const rows = db.all<Omit<MunicipalityFigures, "averagePerReport">>(sql`
    select m.code as key, m.name as label, m.province, m.lat, m.lon,
      count(a.id) as activities,
      coalesce(sum(exists(select 1 from kit_orders o where o.activity_id = a.id and o.status in ${LIVE})), 0) as kitOrders,
      coalesce(sum(a.ends_at <= ${now.getTime()}), 0) as shouldReport,
      count(r.id) as reports,
      coalesce(sum(r.participants), 0) as participants
    from municipalities m
    left join activities a on a.municipality_code = m.code and a.edition_id = ${editionId} and a.status = 'published'
    left join attendance_reports r on r.activity_id = a.id
    group by m.code order by activities desc, m.name`);
  return rows.map((r) => ({ ...r, averagePerReport: r.reports ? r.participants / r.reports : null }));
}

export function figuresPerType(editionId: number, now: Date): Breakdown[] {
  return breakdownRows(
    db
      .all<Omit<Breakdown, "averagePerReport">>(
        sql`
      select a.type as key, a.type as label, ${measures(now)}
      from activities a left join attendance_reports r on r.activity_id = a.id
      where a.edition_id = ${editionId} and a.status = 'published'
      group by a.type order by activities desc, key`,
      )
      .map((r) => ({ ...r, label: ACTIVITY_TYPES[r.key as keyof typeof ACTIVITY_TYPES] ?? r.key })),
  );
}

/** Per target group. An activity for two groups counts in both, so the rows add up to more than the total. */
export function figuresPerTargetGroup(editionId: number, now: Date): Breakdown[] {
  return breakdownRows(
    db
      .all<Omit<Breakdown, "averagePerReport">>(
        sql`
      select g.target_group as key, g.target_group as label, ${measures(now)}
      from activities a join activity_target_groups g on g.activity_id = a.id
      left join attendance_reports r on r.activity_id = a.id
      where a.edition_id = ${editionId} and a.status = 'published'
      group by g.target_group order by activities desc, key`,
      )
      .map((r) => ({ ...r, label: TARGET_GROUPS[r.key as keyof typeof TARGET_GROUPS] ?? r.key })),
  );
}

/** Everything the dashboard shows for one edition; null when the edition does not exist. */
export function editionFigures(edition: Edition, now: Date) {
  const activities = activityCounts(edition.id);
  const perMunicipality = figuresPerMunicipality(edition.id, now);
  const whiteSpots = perMunicipality
    .filter((m) => m.activities === 0)
    .map((m) => ({ code: m.key, name: m.label, province: m.province }));
  whiteSpots.sort((a, b) => a.province.localeCompare(b.province, "nl") || a.name.localeCompare(b.name, "nl"));
  return {
    edition: {
      id: edition.id,
      year: edition.year,
      weekStart: edition.weekStart,
      weekEnd: edition.weekEnd,
      reportDeadline: edition.reportDeadline,
    },
    activities,
    municipalitiesTotal: perMunicipality.length,
    whiteSpots,
    kits: kitOrderOverview(edition.year)!,
    attendance: attendanceSummary(edition.id, now),
    lastingContact: lastingContact(edition.id),
    perProvince: figuresPerProvince(edition.id, now),
    perMunicipality,
    perType: figuresPerType(edition.id, now),
    perTargetGroup: figuresPerTargetGroup(edition.id, now),
  };
}
export type EditionFigures = NonNullable<ReturnType<typeof editionFigures>>;

// ---------------------------------------------------------------------------------------------
// Across editions

export type EditionComparison = {
  year: number;
  activities: number;
  cancelled: number;
  organisers: number;
  municipalities: number;
  kitOrders: number;
  kitStock: number;
} & AttendanceSummary;

export function compareEditions(now: Date): EditionComparison[] {
  return db
    .select()
    .from(t.editions)
    .orderBy(asc(t.editions.year))
    .all()
    .map((e) => {
      const a = activityCounts(e.id);
      const kits = kitOrderOverview(e.year)!;
      return {
        year: e.year,
        activities: a.published,
        cancelled: a.cancelled,
        organisers: a.organisers,
        municipalities: a.municipalities,
        kitOrders: kits.live,
        kitStock: e.kitStock,
        ...attendanceSummary(e.id, now),
      };
    })
    .filter((e) => e.activities + e.cancelled > 0);
}

export type OrderCurve = { year: number; points: { weeksBefore: number; orders: number }[] };

/**
 * Live kit orders accumulating towards each edition's week, aligned on the start of the week:
 * point (w, n) = n orders had been placed w weeks before the week started. Future points are left out.
 */
export function orderCurves(now: Date, maxWeeks = 26): OrderCurve[] {
  return db
    .select()
    .from(t.editions)
    .orderBy(asc(t.editions.year))
    .all()
    .map((e) => {
      const start = weekBounds(e).startsAt.getTime();
      const buckets = db.all<{ k: number; n: number }>(sql`
        select (${start} - created_at) / ${WEEK_MS} as k, count(*) as n from kit_orders
        where edition_id = ${e.id} and status in ${LIVE} and created_at < ${start}
        group by k`);
      const points: { weeksBefore: number; orders: number }[] = [];
      for (let w = maxWeeks; w >= 0; w--) {
        if (start - w * WEEK_MS > now.getTime()) continue;
        points.push({ weeksBefore: w, orders: buckets.filter((b) => b.k >= w).reduce((s, b) => s + b.n, 0) });
      }
      return { year: e.year, points };
    })
    .filter((c) => c.points.some((p) => p.orders > 0));
}

// ---------------------------------------------------------------------------------------------
// CSV exports: UTF-8 with BOM (Excel reads the accents), RFC 4180 quoting, Windows line ends.

const decimal = (v: number | null, digits = 1) => (v === null ? "" : v.toFixed(digits).replace(".", ","));
const csv = toCsv;

export function editionsCsv(now: Date): string {
  const header = [
    "Jaar",
    "Activiteiten (gepubliceerd)",
    "Geannuleerd",
    "Organisatoren",
    "Gemeenten met activiteit",
    "Pakketten besteld",
    "Voorraad",
    "Had moeten melden",
    "Meldingen",
    "Respons (%)",
    "Deelnemers gemeld",
    "Vrijwilligers gemeld",
    "Voor het eerst",
    "Gemiddeld per melding",
    "Geschat totaal deelnemers",
    "Methode schatting",
  ];
  return csv([
    header,
    ...compareEditions(now).map((e) => [
      e.year,
      e.activities,
      e.cancelled,
      e.organisers,
      e.municipalities,
      e.kitOrders,
      e.kitStock,
      e.shouldReport,
      e.reports,
      e.responseRate === null ? "" : decimal(e.responseRate * 100),
      e.participants,
      e.volunteers,
      e.firstTimers,
      decimal(e.averagePerReport),
      e.estimatedTotal,
      ESTIMATE_METHOD,
    ]),
  ]);
}

export function municipalitiesCsv(editionId: number, now: Date): string {
  const header = [
    "Gemeentecode",
    "Gemeente",
    "Provincie",
    "Activiteiten",
    "Pakketten besteld",
    "Had moeten melden",
    "Meldingen",
    "Deelnemers gemeld",
    "Gemiddeld per melding",
  ];
  return csv([
    header,
    ...figuresPerMunicipality(editionId, now).map((m) => [
      m.key,
      m.label,
      m.province,
      m.activities,
      m.kitOrders,
      m.shouldReport,
      m.reports,
      m.participants,
      decimal(m.averagePerReport),
    ]),
  ]);
}

const STATUS_LABELS: Record<string, string> = {
  pending: "Wacht op controle",
  published: "Gepubliceerd",
  rejected: "Niet geplaatst",
  cancelled: "Geannuleerd",
};

/**
 * One row per activity of the edition. "openbaar": only what is public on the site anyway (no private
 * contact details, no organiser e-mail). withContact: adds the private contact and the account e-mail
 * (programme team only; keep the file safe).
 */
export function activitiesCsv(editionId: number, options: { withContact: boolean; municipalityCode?: string }): string {
  const rows = db.all<{
    id: number;
    title: string;
    status: string;
    type: string;
    organisationName: string;
    organisationKind: string;
    startsAt: number;
    endsAt: number;
    isOnline: number;
    place: string | null;
    municipalityCode: string | null;
    municipality: string | null;
    province: string | null;
    targetGroups: string | null;
    kitOrder: string | null;
    participants: number | null;
    volunteers: number | null;
    firstTimers: number | null;
    reportedAt: number | null;
    privateContactName: string;
    privateContactEmail: string;
    privateContactPhone: string | null;
    ownerEmail: string;
  }>(sql`
    select a.id, a.title, a.status, a.type, a.organisation_name as organisationName, a.organisation_kind as organisationKind,
      a.starts_at as startsAt, a.ends_at as endsAt, a.is_online as isOnline, a.place, a.municipality_code as municipalityCode,
      m.name as municipality, m.province,
      (select group_concat(g.target_group, ', ') from activity_target_groups g where g.activity_id = a.id) as targetGroups,
      (select o.reference from kit_orders o where o.activity_id = a.id and o.status in ${LIVE}) as kitOrder,
      r.participants, r.volunteers, r.first_timers as firstTimers, coalesce(r.updated_at, r.reported_at) as reportedAt,
      a.private_contact_name as privateContactName, a.private_contact_email as privateContactEmail, a.private_contact_phone as privateContactPhone,
      u.email as ownerEmail
    from activities a
    join users u on u.id = a.owner_id
    left join municipalities m on m.code = a.municipality_code
    left join attendance_reports r on r.activity_id = a.id
    where a.edition_id = ${editionId} ${options.municipalityCode ? sql`and a.municipality_code = ${options.municipalityCode}` : sql``}
    order by a.starts_at, a.id`);
  const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());
  const header = [
    "Id",
    "Titel",
    "Status",
    "Soort",
    "Doelgroepen",
    "Organisatie",
    "Soort organisatie",
    "Begint",
    "Eindigt",
    "Online",
    "Plaats",
    "Gemeentecode",
    "Gemeente",
    "Provincie",
    "Pakket (referentie)",
    "Deelnemers",
    "Vrijwilligers",
    "Voor het eerst",
    "Gemeld op",
  ];
  const contactHeader = [
    "Contactpersoon (privé)",
    "E-mail contactpersoon (privé)",
    "Telefoon contactpersoon (privé)",
    "E-mail account organisator",
  ];
  return csv([
    options.withContact ? [...header, ...contactHeader] : header,
    ...rows.map((r) => {
      const base = [
        r.id,
        r.title,
        STATUS_LABELS[r.status] ?? r.status,
        ACTIVITY_TYPES[r.type as keyof typeof ACTIVITY_TYPES] ?? r.type,
        (r.targetGroups ?? "")
          .split(", ")
          .filter(Boolean)
          .map((g) => TARGET_GROUPS[g as keyof typeof TARGET_GROUPS] ?? g)
          .join(", "),
        r.organisationName,
        ORGANISATION_KINDS[r.organisationKind as keyof typeof ORGANISATION_KINDS] ?? r.organisationKind,
        iso(r.startsAt),
        iso(r.endsAt),
        r.isOnline ? "ja" : "nee",
        r.place,
        r.municipalityCode,
        r.municipality,
        r.province,
        r.kitOrder,
        r.participants,
        r.volunteers,
        r.firstTimers,
        iso(r.reportedAt),
      ];
      return options.withContact
        ? [...base, r.privateContactName, r.privateContactEmail, r.privateContactPhone, r.ownerEmail]
        : base;
    }),
  ]);
}

/** The edition the figures pages mean: `?editie=YYYY` (or another parameter naming one), else the default; null when unknown. */
export function figuresEdition(url: URL | string, now: Date, param = "editie"): Edition | null {
  return resolveEdition(new URL(url).searchParams.get(param), () => {
    const year = defaultFiguresYear(now);
    return year ? getEditionByYear(year) : null;
  });
}
