import { z } from "zod";

// Dutch postcodes: four digits not starting with 0, two letters; SA, SD and SS are never issued.
const POSTCODE = /^([1-9][0-9]{3})\s?([A-Z]{2})$/;

export function normalisePostcode(value: string): string | null {
  const match = POSTCODE.exec(value.trim().toUpperCase());
  if (!match || ["SA", "SD", "SS"].includes(match[2])) return null;
  return `${match[1]} ${match[2]}`;
}

export const dutchPostcode = z
  .string({ required_error: "Vul de postcode in." })
  .trim()
  .min(1, "Vul de postcode in.")
  .transform((value, ctx) => {
    const postcode = normalisePostcode(value);
    if (!postcode) {
      ctx.addIssue({ code: "custom", message: "Vul een Nederlandse postcode in, zoals 1234 AB." });
      return z.NEVER;
    }
    return postcode;
  });
