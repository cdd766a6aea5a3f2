import { env } from "./env.server";

/** The platform's "now". Fixed by FAKE_NOW in demos and browser tests; models take it as a parameter. */
export function now(): Date {
  return env.FAKE_NOW ? new Date(env.FAKE_NOW) : new Date();
}
