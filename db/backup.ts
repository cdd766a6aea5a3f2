// A consistent copy of the live database while the platform keeps running: SQLite's online backup
// API (through better-sqlite3) copies every page inside one read transaction, so the copy is one
// committed state, never a torn mix. Copying the file with `cp` while the server writes (and with its
// -wal file beside it) is not safe.
import { renameSync, rmSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";

const ALL_PAGES = 0x7fffffff;

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
    // One step for all pages. In small steps SQLite starts the copy again whenever another process
    // writes between two steps, so against a busy server it may never finish (measured: a writer
    // committing without pause kept a 256-page-step backup going past 20 s). A single step is one read
    // transaction; in WAL mode the server's writers do not wait for it, and the copy is one committed state.
    const { totalPages } = await source.backup(partial, { progress: () => ALL_PAGES });
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
