// A consistent copy of the live database while the platform keeps running: SQLite's online backup
// API (through better-sqlite3) copies the pages in steps and restarts a step when a writer changed
// a page it had copied already, so the copy is one committed state, never a torn mix. Copying the
// file with `cp` while the server writes (and with its -wal file beside it) is not safe.
import { renameSync, rmSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";

export type BackupResult = { target: string; pages: number; bytes: number };

/** Copies the database at `sourcePath` to `targetPath` (written under a temporary name, then renamed) and checks the copy. */
export async function backupDatabase(sourcePath: string, targetPath: string): Promise<BackupResult> {
  const target = resolve(targetPath);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(sourcePath, { fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  try {
    // Small steps: the live server's writers only ever wait for one step, never for the whole copy.
    const { totalPages } = await source.backup(partial, { progress: () => 256 });
    const copy = new Database(partial);
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`The copy failed its integrity check: ${String(check)}`);
      // The copy is a single file: no -wal next to it to forget when it is moved elsewhere.
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    const pageSize = Number(source.pragma("page_size", { simple: true }));
    return { target, pages: totalPages, bytes: totalPages * pageSize };
  } finally {
    source.close();
    rmSync(partial, { force: true });
  }
}
