// `npm run backup [-- <file>]`: a consistent copy of the live database at DATABASE_PATH, made
// while the server runs (SQLite online backup, db/backup.ts). Default: backups/komerbij-<UTC time>.db.
// Restore: see README.md, "Backup and restore".
import { backupDatabase } from "../../db/backup";
import { now } from "~/utils/clock.server";
import { env } from "~/utils/env.server";

const stamp = now()
  .toISOString()
  .replace(/[-:]/g, "")
  .replace(/\.\d+Z$/, "Z");
const target = process.argv[2] ?? `backups/komerbij-${stamp}.db`;
const result = await backupDatabase(env.DATABASE_PATH, target);
console.log(
  `Backup of ${env.DATABASE_PATH} written to ${result.target} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity ok)`,
);
