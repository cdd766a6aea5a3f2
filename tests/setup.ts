// Every test file gets its own fresh SQLite file (real SQLite, never a mock) and a fixed config.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_TODAY } from "./helpers/demo-today";

const dir = mkdtempSync(join(tmpdir(), "komerbij-test-"));
process.env.DATABASE_PATH = join(dir, "test.db");
process.env.SEED_DEMO_DATA = "false";
process.env.SESSION_SECRET = "test-session-secret-of-at-least-32-chars";
process.env.PUBLIC_URL = "http://localhost:3000";
delete process.env.RESEND_API_KEY;
// Tests run like the public demo: e-mail is kept and shown in the demo mailbox.
process.env.DEMO_MODE = "true";
// Every test runs on the demo "today" (FAKE_NOW pins the clock module; a test moves it with setClock):
// 2026 is reporting, 2027 is open for registration and orders. No test depends on the machine's date.
process.env.FAKE_NOW = DEMO_TODAY;
globalThis.__komerbijDb = undefined;
// No test reaches the internet: unless a test starts the stand-in PDOK, geocoding finds PDOK down.
process.env.PDOK_LOCATIESERVER_URL ??= "http://127.0.0.1:9/bzk/locatieserver/search/v3_1";
