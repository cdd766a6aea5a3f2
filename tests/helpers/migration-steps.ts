// A database built with the migrations *before* a given one, so a test can add rows the old way and
// then see what that migration (and the ones after it) does to them.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

type Journal = { entries: { tag: string }[] };

/** An in-memory database migrated up to (not including) the migration whose tag ends in `tagSuffix`. */
export function databaseBefore(tagSuffix: string) {
  const source = resolve(process.cwd(), "db/migrations");
  const folder = mkdtempSync(join(tmpdir(), "komerbij-migrations-"));
  cpSync(source, folder, { recursive: true });
  const journal = JSON.parse(readFileSync(join(source, "meta/_journal.json"), "utf8")) as Journal;
  const target = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix));
  if (target < 1) throw new Error(`no migration after the first ends in ${tagSuffix}`);
  const writeJournal = (entries: Journal["entries"]) =>
    writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));

  const sqlite = new Database(":memory:");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite);
  writeJournal(journal.entries.slice(0, target));
  migrate(db, { migrationsFolder: folder });
  // The 2026 edition and one organiser, as rows of the old schema.
  sqlite.exec(`
    INSERT INTO editions (id, year, number, week_start, week_end, activity_window_start, activity_window_end,
      registration_opens_at, registration_closes_at, ordering_opens_at, ordering_closes_at, report_deadline)
      VALUES (1, 2026, 17, '2026-09-24', '2026-09-30', '2026-09-24', '2026-09-30', 0, 1, 0, 1, 2);
    INSERT INTO users (id, email) VALUES (1, 'o@example.org');`);

  return {
    sqlite,
    /** Applies the migration under test and every one after it. */
    migrateRest() {
      writeJournal(journal.entries);
      migrate(db, { migrationsFolder: folder });
    },
  };
}
