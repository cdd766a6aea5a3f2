/** The demo "today" every test runs on (vitest through the clock module, the browser tests' server through FAKE_NOW). */
export const DEMO_TODAY = "2026-11-23T10:00:00+01:00";
