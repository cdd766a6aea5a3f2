// The issue-17 sessions migration on a database that has data: every activity gets exactly one session
// with its own start and end, so no activity loses its date.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { expect, it } from "vitest";

type Journal = { entries: { tag: string }[] };

it("gives every existing activity one session with its own dates", () => {
  const source = resolve(process.cwd(), "db/migrations");
  const folder = mkdtempSync(join(tmpdir(), "komerbij-migrations-"));
  cpSync(source, folder, { recursive: true });
  const journal = JSON.parse(readFileSync(join(source, "meta/_journal.json"), "utf8")) as Journal;
  const target = journal.entries.findIndex((e) => e.tag.endsWith("_activity_sessions"));
  expect(target).toBeGreaterThan(0);
  const writeJournal = (entries: Journal["entries"]) =>
    writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));

  const sqlite = new Database(":memory:");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite);
  writeJournal(journal.entries.slice(0, target));
  migrate(db, { migrationsFolder: folder });

  sqlite.exec(`
    INSERT INTO editions (id, year, number, week_start, week_end, activity_window_start, activity_window_end,
      registration_opens_at, registration_closes_at, ordering_opens_at, ordering_closes_at, report_deadline)
      VALUES (1, 2026, 17, '2026-09-24', '2026-09-30', '2026-09-24', '2026-09-30', 0, 1, 0, 1, 2);
    INSERT INTO users (id, email) VALUES (1, 'o@example.org');`);
  const insert = sqlite.prepare(`INSERT INTO activities (edition_id, owner_id, organisation_name, organisation_kind, title,
      description, type, starts_at, ends_at, is_online, private_contact_name, private_contact_email, status)
      VALUES (1, 1, 'Org', 'welzijn', ?, 'Beschrijving', 'ontmoeting', ?, ?, 1, 'P', 'p@example.org', ?)`);
  insert.run("Gepubliceerd", 1_790_000_000_000, 1_790_003_600_000, "published");
  insert.run("Wacht", 1_790_100_000_000, 1_790_107_200_000, "pending");
  insert.run("Geannuleerd", 1_790_200_000_000, 1_790_201_800_000, "cancelled");
  const before = sqlite.prepare("SELECT id, starts_at, ends_at FROM activities ORDER BY id").all();

  writeJournal(journal.entries);
  migrate(db, { migrationsFolder: folder });

  const sessions = sqlite
    .prepare("SELECT activity_id AS id, starts_at, ends_at FROM activity_sessions ORDER BY activity_id")
    .all();
  expect(sessions).toEqual(before);
  expect(sqlite.prepare("SELECT id, starts_at, ends_at FROM activities ORDER BY id").all()).toEqual(before);
  // The new table refuses a session that ends before it starts.
  expect(() => sqlite.prepare("INSERT INTO activity_sessions (activity_id, starts_at, ends_at) VALUES (1, 10, 5)").run()).toThrow(
    /CHECK/,
  );
});
