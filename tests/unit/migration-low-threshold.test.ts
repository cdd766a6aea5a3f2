// The issue-17 migration on a database that has data: "hulp bij vervoer" becomes "we kunnen je
// ophalen", every other activity keeps what it had (and its dates).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { expect, it } from "vitest";

type Journal = { entries: { tag: string }[] };

it("turns transport_help into transport = 'pickup' and keeps every activity's dates", () => {
  const source = resolve(process.cwd(), "db/migrations");
  const folder = mkdtempSync(join(tmpdir(), "komerbij-migrations-"));
  cpSync(source, folder, { recursive: true });
  const journal = JSON.parse(readFileSync(join(source, "meta/_journal.json"), "utf8")) as Journal;
  const target = journal.entries.findIndex((e) => e.tag.endsWith("_low_threshold_interest_continues"));
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
      description, type, starts_at, ends_at, is_online, transport_help, wheelchair_accessible, private_contact_name,
      private_contact_email, status) VALUES (1, 1, 'Org', 'welzijn', ?, 'Beschrijving', 'ontmoeting', ?, ?, 1, ?, ?, 'P', 'p@example.org', 'published')`);
  insert.run("Met vervoer", 1_790_000_000_000, 1_790_003_600_000, 1, 1);
  insert.run("Zonder vervoer", 1_790_100_000_000, 1_790_103_600_000, 0, 0);
  const before = sqlite.prepare("SELECT id, title, starts_at, ends_at, wheelchair_accessible FROM activities ORDER BY id").all();

  writeJournal(journal.entries);
  migrate(db, { migrationsFolder: folder });

  const after = sqlite
    .prepare(
      "SELECT id, title, starts_at, ends_at, wheelchair_accessible, transport, host_at_door, languages, continues_after_week FROM activities ORDER BY id",
    )
    .all() as Record<string, unknown>[];
  expect(
    after.map(({ id, title, starts_at, ends_at, wheelchair_accessible }) => ({
      id,
      title,
      starts_at,
      ends_at,
      wheelchair_accessible,
    })),
  ).toEqual(before);
  expect(after.map((a) => a.transport)).toEqual(["pickup", null]);
  expect(after.map((a) => [a.host_at_door, a.languages, a.continues_after_week])).toEqual([
    [0, "[]", 0],
    [0, "[]", 0],
  ]);
  const columns = (sqlite.prepare("PRAGMA table_info(activities)").all() as { name: string }[]).map((c) => c.name);
  expect(columns).not.toContain("transport_help");
});
