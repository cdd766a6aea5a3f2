import { z } from "zod";

// Dutch postcodes: four digits (not starting with 0) and two letters; SA, SD and SS are never issued.
const POSTCODE = /^([1-9][0-9]{3})([A-Z]{2})$/;
const NEVER_ISSUED = new Set(["SA", "SD", "SS"]);

export const POSTCODE_MESSAGE = "Vul een Nederlandse postcode in, zoals 1234 AB. We bezorgen alleen in Nederland.";

/** "1234ab", " 1234  AB " → "1234 AB"; null when it is not a valid Dutch postcode. */
export function normalizeDutchPostcode(input: string): string | null {
  const match = POSTCODE.exec(input.replace(/\s+/g, "").toUpperCase());
  if (!match || NEVER_ISSUED.has(match[2])) return null;
  return `${match[1]} ${match[2]}`;
}

/** Zod schema for a Dutch postcode; the parsed value is always written as "1234 AB". */
export const dutchPostcodeSchema = (message = "Vul een Nederlandse postcode in, zoals 1234 AB.") =>
  z
    .string({ required_error: "Vul een postcode in.", invalid_type_error: "Vul een postcode in." })
    .trim()
    .min(1, "Vul een postcode in.")
    .transform((value, ctx) => {
      const normalized = normalizeDutchPostcode(value);
      if (!normalized) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return normalized;
    });

/** For delivery addresses: says why a foreign address is refused. */
export const dutchPostcode = dutchPostcodeSchema(POSTCODE_MESSAGE);
