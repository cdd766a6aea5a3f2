// Plain values from forms and URLs, judged strictly (shared by browser and server schemas):
// a date must be a real calendar day, a count must be written as plain decimal digits.
import { z } from "zod";

/** True for "yyyy-mm-dd" naming a day that exists (no 2027-10-00, 2027-02-30, 0000-00-00). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1900 || year > 2999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date field: "yyyy-mm-dd" (what <input type="date"> sends) naming a real day. */
export const calendarDateSchema = (required: string, invalid: string) =>
  z.string({ required_error: required, invalid_type_error: required }).trim().refine(isCalendarDate, invalid);

const DIGITS = /^\d{1,12}$/;

/**
 * A whole number typed in a form: only digits ("1e3", "0x10", "-5", "12.5" are refused with the
 * number schema's invalid_type_error). Numbers given as numbers (tests, code) pass through.
 */
export const plainInteger = <T extends z.ZodTypeAny>(inner: T) =>
  z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const text = value.trim();
    if (text === "") return undefined;
    return DIGITS.test(text) ? Number(text) : Number.NaN;
  }, inner);
