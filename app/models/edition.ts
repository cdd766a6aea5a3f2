import { addDays, amsterdamToUtc } from "~/utils/time";

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
