// Reading and writing an activity's sessions. activities.starts_at/ends_at are a copy of the earliest
// session (db/schema.ts); syncSessions keeps that copy in step, in the caller's transaction.
import { asc, eq, inArray, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/utils/db.server";
import { amsterdamToUtc } from "~/utils/time";
import type { SessionRow } from "./activity-sessions";

const s = schema.activitySessions;
export type StoredSession = { id: number; startsAt: Date; endsAt: Date };
export type SessionTime = { startsAt: Date; endsAt: Date };

/** The form's rows as instants, earliest first. */
export const sessionTimes = (rows: SessionRow[]): SessionTime[] =>
  rows
    .map((r) => ({ startsAt: amsterdamToUtc(r.date, r.startTime), endsAt: amsterdamToUtc(r.date, r.endTime) }))
    .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());

/** The sessions, or the row's own start and end when it has none (a row written outside the model). */
export const orFirstSession = (sessions: SessionTime[], row: SessionTime): SessionTime[] =>
  sessions.length ? sessions : [{ startsAt: row.startsAt, endsAt: row.endsAt }];

export function sessionsOf(tx: DbOrTx, activityId: number): StoredSession[] {
  return tx
    .select({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt })
    .from(s)
    .where(eq(s.activityId, activityId))
    .orderBy(asc(s.startsAt), asc(s.id))
    .all();
}

export function sessionsByActivity(tx: DbOrTx, activityIds: number[]): Map<number, StoredSession[]> {
  const byId = new Map<number, StoredSession[]>();
  if (!activityIds.length) return byId;
  const rows = tx
    .select({ activityId: s.activityId, id: s.id, startsAt: s.startsAt, endsAt: s.endsAt })
    .from(s)
    .where(inArray(s.activityId, activityIds))
    .orderBy(asc(s.startsAt), asc(s.id))
    .all();
  for (const { activityId, ...session } of rows) byId.set(activityId, [...(byId.get(activityId) ?? []), session]);
  return byId;
}

/**
 * Makes the stored sessions equal to `wanted` and the activity's first date the earliest of them.
 * Sessions that stay keep their id (an attendance count or a calendar UID hangs on it).
 */
export function syncSessions(tx: DbOrTx, activityId: number, wanted: SessionTime[]) {
  if (!wanted.length) throw new Error("An activity needs at least one session");
  const key = (x: SessionTime) => `${x.startsAt.getTime()}-${x.endsAt.getTime()}`;
  const stored = sessionsOf(tx, activityId);
  const wantedKeys = new Set(wanted.map(key));
  const storedKeys = new Set(stored.map(key));
  const gone = stored.filter((x) => !wantedKeys.has(key(x))).map((x) => x.id);
  if (gone.length) tx.delete(s).where(inArray(s.id, gone)).run();
  for (const x of wanted)
    if (!storedKeys.has(key(x))) tx.insert(s).values({ activityId, startsAt: x.startsAt, endsAt: x.endsAt }).run();
  const first = [...wanted].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime())[0];
  tx.update(schema.activities)
    .set({ startsAt: first.startsAt, endsAt: first.endsAt })
    .where(eq(schema.activities.id, activityId))
    .run();
}

/** SQL for "when the activity `a` is over": the end of its last session (its own end if it has none stored). */
export const LAST_SESSION_END = sql.raw(
  "coalesce((select max(s.ends_at) from activity_sessions s where s.activity_id = a.id), a.ends_at)",
);
