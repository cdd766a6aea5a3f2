// Several sessions of one activity in the Week ("Nog een keer in de Week"), shared by the browser and
// the server: the form rows, their rules, and how lists and pages speak about them.
import { z } from "zod";
import { isCalendarDate } from "~/utils/form-values";
import { formatDate, formatTime } from "~/utils/time";

/** At most this many dates and times per activity, the first included. */
export const MAX_SESSIONS = 7;
/** The form always shows this many extra rows (they work without JavaScript; empty rows are ignored). */
export const EXTRA_SESSION_ROWS = MAX_SESSIONS - 1;

const optionalString = z.string().trim().optional();
/** One "Nog een keer" row as the form sends it; checked in checkMoreSessions (empty rows are fine). */
export const moreSessionsField = z
  .array(z.object({ date: optionalString, startTime: optionalString, endTime: optionalString }).optional())
  .max(EXTRA_SESSION_ROWS, `Je kunt hoogstens ${MAX_SESSIONS} keer invullen.`)
  .optional();

export type SessionRow = { date: string; startTime: string; endTime: string };
type MoreRows = z.infer<typeof moreSessionsField>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const filled = (row: NonNullable<MoreRows>[number]) => Boolean(row && (row.date || row.startTime || row.endTime));

/**
 * The rules for the extra rows, with the errors next to the right field: a row that is partly filled
 * needs all three, inside the window, start before end, and not the same date and start time twice.
 */
export function checkMoreSessions(
  first: SessionRow,
  rows: MoreRows,
  inWindow: (date: string) => boolean,
  windowText: string,
  addIssue: (path: (string | number)[], message: string) => void,
) {
  const seen = new Set([`${first.date} ${first.startTime}`]);
  (rows ?? []).forEach((row, i) => {
    if (!row || !filled(row)) return;
    const at = (field: keyof SessionRow, message: string) => addIssue(["moreSessions", i, field], message);
    if (!row.date) at("date", "Vul de datum in.");
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date)) at("date", "Vul de datum in als dd-mm-jjjj.");
    else if (!isCalendarDate(row.date)) at("date", "Deze datum bestaat niet. Kies een dag uit de kalender.");
    else if (!inWindow(row.date)) at("date", `Kies een datum ${windowText}.`);
    if (!row.startTime) at("startTime", "Vul de begintijd in.");
    else if (!TIME.test(row.startTime)) at("startTime", "Vul de begintijd in als uu:mm, bijvoorbeeld 14:30.");
    if (!row.endTime) at("endTime", "Vul de eindtijd in.");
    else if (!TIME.test(row.endTime)) at("endTime", "Vul de eindtijd in als uu:mm, bijvoorbeeld 14:30.");
    else if (row.startTime && row.endTime <= row.startTime) at("endTime", "De eindtijd moet na de begintijd liggen.");
    const key = `${row.date} ${row.startTime}`;
    if (row.date && row.startTime && seen.has(key))
      at("date", "Deze datum en begintijd staan er al. Kies een andere dag of tijd.");
    seen.add(key);
  });
}

/** Every session the form asks for: the first date and the filled extra rows, earliest first. */
export function sessionRows(values: SessionRow & { moreSessions?: MoreRows }): SessionRow[] {
  const more = (values.moreSessions ?? []).filter(filled) as SessionRow[];
  const all = [{ date: values.date, startTime: values.startTime, endTime: values.endTime }, ...more];
  return all.sort((x, y) => `${x.date} ${x.startTime}`.localeCompare(`${y.date} ${y.startTime}`));
}

export type SessionTimes = { startsAt: number | string | Date; endsAt: number | string | Date };

/** "do 1 oktober 2026, 10:00 – 12:00 uur" */
export const sessionText = (s: SessionTimes) =>
  `${formatDate(s.startsAt)}, ${formatTime(s.startsAt)} – ${formatTime(s.endsAt)} uur`;

/** "3 keer" (nothing for a single session). */
export const sessionCountText = (count: number) => (count > 1 ? `${count} keer` : null);

const ms = (v: number | string | Date) => (v instanceof Date ? v.getTime() : typeof v === "number" ? v : Date.parse(v));

/** The session that is next at `nowMs` (the one going on counts); after the last one, the first. */
export function nextSession<T extends SessionTimes>(sessions: T[], nowMs: number): T | undefined {
  const sorted = [...sessions].sort((x, y) => ms(x.startsAt) - ms(y.startsAt));
  return sorted.find((s) => ms(s.endsAt) > nowMs) ?? sorted[0];
}
