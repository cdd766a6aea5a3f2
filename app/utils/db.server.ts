// The only runtime door from the app to db/: one connection per process, migrated and given its
// reference data on open. (Demo data is loaded by `npm start` / `npm run db:seed`, not here.)
import { openDatabase, type AppDatabase } from "../../db/client";
import { ensureReferenceData } from "../../db/reference/load";
import { MUNICIPALITIES_2025 } from "../../db/reference/municipalities-2025";
import * as schema from "../../db/schema";
import { env } from "./env.server";

export { schema, MUNICIPALITIES_2025 };
export type { AppDatabase };
/** A transaction handle, as given to `db.transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<AppDatabase["transaction"]>[0]>[0];
/** Anything that can run queries: the database or a transaction on it. */
export type DbOrTx = AppDatabase | Tx;

declare global {
  // Survives module reloads in development so we do not open a connection per rebuild.
  var __komerbijDb: AppDatabase | undefined;
}

function connect(): AppDatabase {
  const db = openDatabase(env.DATABASE_PATH);
  ensureReferenceData(db);
  return db;
}

export const db: AppDatabase = (globalThis.__komerbijDb ??= connect());

/** Runs `work` in one IMMEDIATE transaction (takes the write lock first; for read-then-write rules). */
export function immediate<T>(work: (tx: AppDatabase) => T): T {
  return db.transaction((tx) => work(tx as unknown as AppDatabase), { behavior: "immediate" });
}

/** The offline gazetteer of Dutch places (reference data, read-only). */
export { PLACES_NL, type PlaceFact } from "../../db/reference/places-nl";
