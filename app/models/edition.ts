import { z } from "zod";
import { calendarDateSchema, plainInteger } from "~/utils/form-values";
import { addDays, amsterdamToUtc, formatDate, formatDateTime, formatShortDate, utcToAmsterdam } from "~/utils/time";

/** The edition facts the rules need; dates are Amsterdam calendar dates, instants are UTC. */
export type EditionTimeline = {
  year: number;
  weekStart: string;
  weekEnd: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  orderingOpensAt: Date;
  orderingClosesAt: Date;
  reportDeadline: Date;
};

export type EditionPhase =
  | "before_registration"
  | "registration_open"
  | "ordering_open"
  | "ordering_closed"
  | "week_running"
  | "reporting_open"
  | "closed";

export const PHASE_LABELS: Record<EditionPhase, string> = {
  before_registration: "Aanmelden nog niet open",
  registration_open: "Aanmelden open",
  ordering_open: "Aanmelden en pakket bestellen open",
  ordering_closed: "Pakket bestellen gesloten",
  week_running: "De week is bezig",
  reporting_open: "Opkomst doorgeven",
  closed: "Afgesloten",
};

/** The week runs from the start of weekStart to the end of weekEnd, Dutch time. */
export function weekBounds(edition: Pick<EditionTimeline, "weekStart" | "weekEnd">) {
  return { startsAt: amsterdamToUtc(edition.weekStart), endsAt: amsterdamToUtc(addDays(edition.weekEnd, 1)) };
}

export type WindowState = "not_open" | "open" | "closed";

/**
 * Where `now` is in a window. Every window of an edition includes its opening instant and excludes
 * its closing one: ordering that closes at 1 September 00:00 has 31 August 23:59 as its last minute.
 */
export function windowState(opensAt: Date, closesAt: Date, now: Date): WindowState {
  if (now < opensAt) return "not_open";
  return now < closesAt ? "open" : "closed";
}

/** The last minute inside a window that closes at `closesAt`, for "tot en met …" texts (its day is the last day). */
export const lastInclusiveMinute = (closesAt: Date | string) => new Date(new Date(closesAt).getTime() - 60_000);

export const registrationWindow = (e: EditionTimeline, now: Date) =>
  windowState(e.registrationOpensAt, e.registrationClosesAt, now);
export const orderingWindow = (e: EditionTimeline, now: Date) => windowState(e.orderingOpensAt, e.orderingClosesAt, now);

export const isRegistrationOpen = (e: EditionTimeline, now: Date) => registrationWindow(e, now) === "open";
export const isOrderingOpen = (e: EditionTimeline, now: Date) => orderingWindow(e, now) === "open";
export const isReportingOpen = (e: EditionTimeline, now: Date) =>
  windowState(weekBounds(e).startsAt, e.reportDeadline, now) === "open";

/**
 * The phase an edition is in at `now`. Phases follow each other in time; ordering and
 * registration may overlap, in which case the ordering phase wins (it is the more specific one).
 */
export function editionPhase(e: EditionTimeline, now: Date): EditionPhase {
  const week = weekBounds(e);
  if (now >= e.reportDeadline) return "closed";
  if (now >= week.endsAt) return "reporting_open";
  if (now >= week.startsAt) return "week_running";
  if (isOrderingOpen(e, now)) return "ordering_open";
  if (orderingWindow(e, now) === "closed") return "ordering_closed";
  if (isRegistrationOpen(e, now)) return "registration_open";
  return "before_registration";
}

/** The default week: from the last Thursday of September, seven days (a default, not a law). */
export function defaultWeekForYear(year: number): { weekStart: string; weekEnd: string } {
  const lastOfSeptember = new Date(Date.UTC(year, 8, 30));
  const back = (lastOfSeptember.getUTCDay() - 4 + 7) % 7;
  const weekStart = addDays(lastOfSeptember.toISOString().slice(0, 10), -back);
  return { weekStart, weekEnd: addDays(weekStart, 6) };
}

/** The edition number: 2010 was the first. */
export const editionNumberForYear = (year: number) => year - 2009;

// ---------------------------------------------------------------------------------------------
// The team sets an edition's dates (issue 13). Everything below is pure: the server model
// (edition.server.ts) reads the other editions and the counts and calls these rules.

/** The instants of an edition, by their form field names (one home for the list). */
export const EDITION_INSTANTS = [
  "registrationOpensAt",
  "registrationClosesAt",
  "orderingOpensAt",
  "orderingClosesAt",
  "reportDeadline",
] as const;
export type EditionInstant = (typeof EDITION_INSTANTS)[number];

export const EDITION_FIELD_LABELS: Record<"year" | "number" | "weekStart" | "weekEnd" | EditionInstant, string> = {
  year: "Jaar",
  number: "Editienummer",
  weekStart: "Eerste dag van de week",
  weekEnd: "Laatste dag van de week",
  registrationOpensAt: "Aanmelden van activiteiten opent",
  registrationClosesAt: "Aanmelden van activiteiten sluit",
  orderingOpensAt: "Pakket bestellen opent",
  orderingClosesAt: "Pakket bestellen sluit",
  reportDeadline: "Opkomst doorgeven kan tot",
};

/** An edition's dates as the team sets them. */
export type EditionDates = EditionTimeline & { number: number };
/** What a new edition starts with: its dates and the kit settings carried over. */
export type EditionDraft = EditionDates & {
  kitStock: number;
  kitContents: { item: string; quantity: number }[];
  kitLimitPerActivity: number;
  kitLimitPerOrganisation: number | null;
};

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/** A `datetime-local` field read as Dutch time ("2027-11-01T00:00" → the UTC instant). */
const dutchInstant = (label: string) =>
  z
    .string({ required_error: `Vul in: ${label.toLowerCase()}.`, invalid_type_error: `Vul in: ${label.toLowerCase()}.` })
    .trim()
    .regex(LOCAL_DATE_TIME, "Vul een datum en tijd in, zoals 01-11-2027 00:00.")
    .transform((v) => {
      const [, date, hh, mm] = LOCAL_DATE_TIME.exec(v)!;
      return amsterdamToUtc(date, `${hh}:${mm}`);
    });

/** The edition form (new and edit). Order rules between the fields are in `editionProblems`. */
export const EditionFormSchema = z.object({
  year: plainInteger(
    z
      .number({ required_error: "Vul het jaar in.", invalid_type_error: "Vul het jaar in met vier cijfers, zoals 2028." })
      .int("Vul het jaar in met vier cijfers, zoals 2028.")
      .min(2010, "De eerste Week tegen Eenzaamheid was in 2010.")
      .max(2100, "Vul een jaar in tot en met 2100."),
  ),
  number: plainInteger(
    z
      .number({ required_error: "Vul het editienummer in.", invalid_type_error: "Vul het editienummer in met alleen cijfers." })
      .int("Vul een heel getal in.")
      .min(1, "Vul 1 of meer in.")
      .max(1000, "Vul hoogstens 1000 in."),
  ),
  weekStart: calendarDateSchema("Vul de eerste dag van de week in.", "Vul een datum in die bestaat, zoals 28-09-2028."),
  weekEnd: calendarDateSchema("Vul de laatste dag van de week in.", "Vul een datum in die bestaat, zoals 04-10-2028."),
  registrationOpensAt: dutchInstant(EDITION_FIELD_LABELS.registrationOpensAt),
  registrationClosesAt: dutchInstant(EDITION_FIELD_LABELS.registrationClosesAt),
  orderingOpensAt: dutchInstant(EDITION_FIELD_LABELS.orderingOpensAt),
  orderingClosesAt: dutchInstant(EDITION_FIELD_LABELS.orderingClosesAt),
  reportDeadline: dutchInstant(EDITION_FIELD_LABELS.reportDeadline),
});
export type EditionFormInput = z.infer<typeof EditionFormSchema>;

/** An instant as a `datetime-local` value in Dutch time. */
export function toLocalDateTime(instant: Date): string {
  const { date, time } = utcToAmsterdam(instant);
  return `${date}T${time}`;
}

/** The form's values for an edition's dates. */
export function editionFormValues(e: EditionDates): Record<string, string> {
  return {
    year: String(e.year),
    number: String(e.number),
    weekStart: e.weekStart,
    weekEnd: e.weekEnd,
    ...Object.fromEntries(EDITION_INSTANTS.map((k) => [k, toLocalDateTime(e[k])])),
  };
}

type OtherEdition = Pick<EditionDates, "year" | "number" | "weekStart" | "weekEnd">;

/**
 * What is wrong with an edition's dates, per field, in Dutch (empty when nothing):
 * the week lies in its year and ends on or after its first day; registration opens before the week
 * and closes after it opens; ordering closes after it opens and before the week; the attendance
 * deadline lies after the week; year, number and week do not collide with another edition.
 */
export function editionProblems(e: EditionDates, others: OtherEdition[]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  const week = weekBounds(e);
  if (!e.weekStart.startsWith(`${e.year}-`)) add("weekStart", `De week van editie ${e.year} moet in ${e.year} beginnen.`);
  if (e.weekEnd < e.weekStart) add("weekEnd", "De laatste dag van de week moet op of na de eerste dag liggen.");
  if (e.registrationOpensAt >= week.startsAt) add("registrationOpensAt", "Aanmelden moet openen voordat de week begint.");
  if (e.registrationClosesAt <= e.registrationOpensAt) add("registrationClosesAt", "Aanmelden moet sluiten na het openen.");
  if (e.orderingClosesAt <= e.orderingOpensAt) add("orderingClosesAt", "Pakket bestellen moet sluiten na het openen.");
  if (e.orderingClosesAt > week.startsAt) add("orderingClosesAt", "Pakket bestellen moet sluiten voordat de week begint.");
  if (e.reportDeadline <= week.endsAt) add("reportDeadline", "Opkomst doorgeven moet kunnen tot na de week.");
  for (const other of others) {
    if (other.year === e.year) add("year", `Er is al een editie ${e.year}.`);
    if (other.number === e.number) add("number", `Editie ${e.number} bestaat al (${other.year}).`);
    if (e.weekStart <= other.weekEnd && other.weekStart <= e.weekEnd)
      add(
        "weekStart",
        `Deze week overlapt met de week van ${other.year} (${formatShortDate(other.weekStart)} t/m ${formatShortDate(other.weekEnd)}).`,
      );
  }
  return problems;
}

/** Days from calendar date `from` to `to`. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/** Moves an instant by whole days on the Dutch calendar, keeping its Dutch clock time (across summer time too). */
function shiftInstant(instant: Date, days: number): Date {
  const { date, time } = utcToAmsterdam(instant);
  return amsterdamToUtc(addDays(date, days), time);
}

/**
 * The next edition after `last`, as the team starts from it: the next year and number, the week
 * from the last Thursday of September for as long as last year's week, and every window and the
 * deadline at the same distance from the week's first day as last year; kit stock, contents and
 * limits carried over.
 */
export function nextEditionDraft(last: EditionDraft): EditionDraft {
  const year = last.year + 1;
  const weekStart = defaultWeekForYear(year).weekStart;
  const shift = daysBetween(last.weekStart, weekStart);
  return {
    ...last,
    kitContents: last.kitContents.map((c) => ({ ...c })),
    year,
    number: last.number + 1,
    weekStart,
    weekEnd: addDays(weekStart, daysBetween(last.weekStart, last.weekEnd)),
    ...Object.fromEntries(EDITION_INSTANTS.map((k) => [k, shiftInstant(last[k], shift)])),
  } as EditionDraft;
}

// ---------------------------------------------------------------------------------------------
// Changing dates organisers rely on

/** Real counts behind the confirmation texts (the server model counts them). */
export type EditionChangeCounts = {
  /** Activities registered for the edition (any state but rejected). */
  activities: number;
  /** Of those, the ones that start outside the new week. */
  outsideNewWeek: number;
  /** Kit orders that are not cancelled or rejected. */
  liveOrders: number;
  /** Organisers who already got an attendance link (it expires at the current deadline). */
  organisersWithAttendanceLink: number;
};

export type EditionChangeWarning = { key: string; field: string; text: string };

const changed = (a: Date, b: Date) => a.getTime() !== b.getTime();
const many = (n: number, one: string, more: string) => `${n.toLocaleString("nl-NL")} ${n === 1 ? one : more}`;

/**
 * Which changes touch something organisers rely on, with what they affect. A window that is open
 * now, a week that activities are already planned in, a deadline already sent out in attendance
 * links. An empty list: the change needs no confirmation.
 */
export function editionChangeWarnings(
  before: EditionTimeline,
  after: EditionTimeline,
  now: Date,
  counts: EditionChangeCounts,
): EditionChangeWarning[] {
  const warnings: EditionChangeWarning[] = [];
  const registrationMoved =
    changed(before.registrationOpensAt, after.registrationOpensAt) ||
    changed(before.registrationClosesAt, after.registrationClosesAt);
  if (registrationMoved && registrationWindow(before, now) === "open")
    warnings.push({
      key: `registration:${counts.activities}`,
      field: "registrationClosesAt",
      text:
        `Aanmelden is nu open; organisatoren rekenen op aanmelden tot en met ${formatDateTime(lastInclusiveMinute(before.registrationClosesAt))}. ` +
        (counts.activities === 0
          ? "Er is nog geen activiteit aangemeld."
          : `Er ${counts.activities === 1 ? "is" : "zijn"} al ${many(counts.activities, "activiteit", "activiteiten")} aangemeld.`) +
        (registrationWindow(after, now) === "open" ? "" : " Met de nieuwe data is aanmelden meteen dicht."),
    });
  const orderingMoved =
    changed(before.orderingOpensAt, after.orderingOpensAt) || changed(before.orderingClosesAt, after.orderingClosesAt);
  if (orderingMoved && orderingWindow(before, now) === "open")
    warnings.push({
      key: `ordering:${counts.liveOrders}`,
      field: "orderingClosesAt",
      text:
        `Pakket bestellen is nu open; organisatoren rekenen op bestellen tot en met ${formatDateTime(lastInclusiveMinute(before.orderingClosesAt))}. ` +
        (counts.liveOrders === 0
          ? "Er is nog geen pakket besteld."
          : `Er ${counts.liveOrders === 1 ? "is" : "zijn"} al ${many(counts.liveOrders, "pakket", "pakketten")} besteld.`) +
        (orderingWindow(after, now) === "open" ? "" : " Met de nieuwe data is bestellen meteen dicht."),
    });
  if ((before.weekStart !== after.weekStart || before.weekEnd !== after.weekEnd) && counts.activities > 0)
    warnings.push({
      key: `week:${counts.activities}:${counts.outsideNewWeek}`,
      field: "weekStart",
      text:
        `Er ${counts.activities === 1 ? "is" : "zijn"} al ${many(counts.activities, "activiteit", "activiteiten")} aangemeld voor de week van ${formatDate(before.weekStart)}. ` +
        `${many(counts.outsideNewWeek, "daarvan valt", "daarvan vallen")} buiten de nieuwe week; hun datum verandert niet vanzelf.`,
    });
  if (changed(before.reportDeadline, after.reportDeadline) && counts.organisersWithAttendanceLink > 0)
    warnings.push({
      key: `deadline:${counts.organisersWithAttendanceLink}`,
      field: "reportDeadline",
      text:
        `${many(counts.organisersWithAttendanceLink, "organisator kreeg", "organisatoren kregen")} al een opkomstlink die verloopt op ${formatDateTime(before.reportDeadline)}. ` +
        (after.reportDeadline > before.reportDeadline
          ? "Die link blijft tot dan werken; daarna kunnen ze inloggen om de opkomst door te geven."
          : `Hun link werkt dan nog maar tot ${formatDateTime(after.reportDeadline)}.`),
    });
  return warnings;
}

/** What the team confirms: the warnings as they were shown. A change in counts asks again. */
export const confirmationKey = (warnings: EditionChangeWarning[]) => warnings.map((w) => w.key).join("|");

// ---------------------------------------------------------------------------------------------
// Timeline

export type TimelineItem = { key: string; label: string; at: Date; when: string };

/** An edition's moments in time order, each with the text to show ("1 november 2027 om 00:00"). */
export function editionTimeline(e: EditionTimeline): TimelineItem[] {
  const week = weekBounds(e);
  const items: TimelineItem[] = [
    {
      key: "registrationOpensAt",
      label: "Aanmelden van activiteiten opent",
      at: e.registrationOpensAt,
      when: formatDateTime(e.registrationOpensAt),
    },
    { key: "orderingOpensAt", label: "Pakket bestellen opent", at: e.orderingOpensAt, when: formatDateTime(e.orderingOpensAt) },
    {
      key: "orderingClosesAt",
      label: "Pakket bestellen sluit",
      at: e.orderingClosesAt,
      when: `${formatDateTime(e.orderingClosesAt)} (laatste dag ${formatShortDate(lastInclusiveMinute(e.orderingClosesAt))})`,
    },
    { key: "weekStart", label: "De week begint", at: week.startsAt, when: formatDate(e.weekStart) },
    { key: "weekEnd", label: "De week eindigt", at: week.endsAt, when: `na ${formatDate(e.weekEnd)}` },
    {
      key: "registrationClosesAt",
      label: "Aanmelden van activiteiten sluit",
      at: e.registrationClosesAt,
      when: `${formatDateTime(e.registrationClosesAt)} (laatste dag ${formatShortDate(lastInclusiveMinute(e.registrationClosesAt))})`,
    },
    { key: "reportDeadline", label: "Opkomst doorgeven sluit", at: e.reportDeadline, when: formatDateTime(e.reportDeadline) },
  ];
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Where "today" falls: the number of timeline items already passed. */
export const timelinePosition = (items: TimelineItem[], now: Date) => items.filter((i) => i.at <= now).length;
