import { performance } from "node:perf_hooks";
import { env } from "./env.server";

// The platform's one clock (DESIGN.md rule 13). Nothing else in app/, db/ or emails/ reads the
// wall clock: models take `now` as a parameter, callers get it here. FAKE_NOW (demos, browser
// tests) pins it; tests pin and move it with `setClock`.

let pinned: number | null = env.FAKE_NOW ? Date.parse(env.FAKE_NOW) : null;

/** The platform's "now". */
export function now(): Date {
  return new Date(pinned ?? Date.now());
}

/** Pins the platform clock at `at` (tests and demos); `null` lets it follow the real clock again. */
export function setClock(at: Date | string | null): void {
  pinned = at === null ? null : new Date(at).getTime();
}

/** Moves a pinned clock forward (or the real one, by pinning it) by `ms`. */
export function advanceClock(ms: number): void {
  pinned = now().getTime() + ms;
}

/**
 * The outbox sender's "now": the later of the platform clock and the real clock. A pinned clock
 * stands still, so retries planned with real backoff must still become due.
 */
export function deliveryNow(): Date {
  return new Date(Math.max(Date.now(), now().getTime()));
}

/** A monotonic millisecond count for durations and cache ages; unaffected by a pinned clock. */
export function monotonicMs(): number {
  return performance.now();
}
