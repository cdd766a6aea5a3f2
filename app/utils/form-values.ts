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

const DIGITS = /^-?\d{1,12}$/;

/**
 * A whole number typed in a form: only digits, optionally negative ("1e3", "0x10", "12.5", " 1 000" are refused with the
 * number schema's invalid_type_error). Numbers given as numbers (tests, code) pass through.
 */
export const plainInteger = <T extends z.ZodTypeAny>(inner: T) =>
  z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const text = value.trim();
    if (text === "") return undefined;
    return DIGITS.test(text) ? Number(text) : Number.NaN;
  }, inner);

/** A record id from a form or URL: positive, plain digits only. */
export const plainId = () =>
  plainInteger(
    z
      .number({ invalid_type_error: "Onbekend nummer." })
      .int()
      .positive()
      .max(2 ** 31),
  );

/** Ids from repeated checkboxes: plain positive numbers only, each once, at most `max`. */
export function parseIdList(values: FormDataEntryValue[], max = 1000): number[] {
  const ids = values.filter((v): v is string => typeof v === "string" && /^\d{1,9}$/.test(v)).map(Number);
  return [...new Set(ids)].filter((id) => id > 0).slice(0, max);
}
