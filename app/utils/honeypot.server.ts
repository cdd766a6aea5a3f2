import { Honeypot, SpamError } from "remix-utils/honeypot/server";
import { env } from "./env.server";

// A hidden field bots fill in; people never see it.
export const honeypot = new Honeypot({ encryptionSeed: env.SESSION_SECRET, validFromFieldName: null });

/** Guard for public forms: a filled honeypot gets a plain 400. */
export function checkHoneypot(formData: FormData) {
  try {
    honeypot.check(formData);
  } catch (error) {
    if (error instanceof SpamError) throw new Response("Dit formulier kon niet worden verwerkt.", { status: 400 });
    throw error;
  }
}
