import { TZDate } from "@date-fns/tz";

export const TIME_ZONE = "Europe/Amsterdam";

// Time-zone arithmetic is slow (TZDate asks Intl for the offset), and pages ask for the same few
// calendar days over and over (an edition's days): remember the answers, bounded.
const utcOfWallClock = new Map<string, number>();

/** The UTC instant of a wall-clock time in the Netherlands, e.g. ("2027-08-31", "23:59"). */
export function amsterdamToUtc(date: string, time = "00:00"): Date {
  const key = `${date}T${time}`;
  let ms = utcOfWallClock.get(key);
  if (ms === undefined) {
    const [y, m, d] = date.split("-").map(Number);
    const [hh, mm] = time.split(":").map(Number);
    ms = new TZDate(y, m - 1, d, hh, mm, 0, TIME_ZONE).getTime();
    if (utcOfWallClock.size >= 5_000) utcOfWallClock.clear();
    utcOfWallClock.set(key, ms);
  }
  return new Date(ms);
}

/** The calendar date ("YYYY-MM-DD") and time ("HH:MM") of an instant in the Netherlands. */
export function utcToAmsterdam(instant: Date): { date: string; time: string } {
  const z = new TZDate(instant.getTime(), TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
    time: `${pad(z.getHours())}:${pad(z.getMinutes())}`,
  };
}

/** Adds days to a "YYYY-MM-DD" calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const formatters = {
  date: new Intl.DateTimeFormat("nl-NL", {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }),
  shortDate: new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" }),
  day: new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long" }),
  shortDay: new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, weekday: "short", day: "numeric", month: "short" }),
  time: new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" }),
  dateTime: new Intl.DateTimeFormat("nl-NL", {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }),
};

type DateInput = Date | number | string;
const toDate = (v: DateInput) => (typeof v === "string" && v.length === 10 ? amsterdamToUtc(v, "12:00") : new Date(v));

/** "donderdag 24 september 2026" */
export const formatDate = (v: DateInput) => formatters.date.format(toDate(v));
/** "24 september 2026" */
export const formatShortDate = (v: DateInput) => formatters.shortDate.format(toDate(v));
/** "dinsdag 29 september" (a day in the Week, where the year goes without saying) */
export const formatDay = (v: DateInput) => formatters.day.format(toDate(v));
/** "di 29 sep" */
export const formatShortDay = (v: DateInput) => formatters.shortDay.format(toDate(v));
/** "14:30" */
export const formatTime = (v: DateInput) => formatters.time.format(toDate(v));
/** "24 september 2026 om 14:30" */
export const formatDateTime = (v: DateInput) => formatters.dateTime.format(toDate(v));
/**
 * The last day before an exclusive deadline, the way people say it: a window closing at 7 October
 * 00:00 is open "tot en met 6 oktober 2027".
 */
export const formatLastDay = (closesAt: DateInput) => formatShortDate(new Date(toDate(closesAt).getTime() - 1));
/** "24 t/m 30 september 2026" or across months. */
export function formatDateRange(from: string, to: string): string {
  return `${formatShortDate(from)} t/m ${formatShortDate(to)}`;
}
