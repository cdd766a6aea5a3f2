import { Honeypot, SpamError } from "remix-utils/honeypot/server";
import { env } from "./env.server";

// A hidden field bots fill in; people never see it.
export const honeypot = new Honeypot({ encryptionSeed: env.SESSION_SECRET, validFromFieldName: null });
// Without a "valid from" field the props never change: computed once, not encrypted again for every page.
export const honeypotInputProps = honeypot.getInputProps();

/** Guard for public forms: a filled or missing honeypot gets a plain 400 (our forms always send it, empty). */
export function checkHoneypot(formData: FormData) {
  if (!formData.has(honeypotInputProps.nameFieldName))
    throw new Response("Dit formulier kon niet worden verwerkt.", { status: 400 });
  try {
    honeypot.check(formData);
  } catch (error) {
    if (error instanceof SpamError) throw new Response("Dit formulier kon niet worden verwerkt.", { status: 400 });
    throw error;
  }
}
