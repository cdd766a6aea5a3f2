// Fresh real SQLite databases for tests, migrated like production.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/client";

export function freshDatabase() {
  const path = join(mkdtempSync(join(tmpdir(), "komerbij-db-")), "test.db");
  return { path, db: openDatabase(path) };
}
