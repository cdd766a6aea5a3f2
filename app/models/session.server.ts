import { and, eq, gt } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";

export function insertSession(id: string, userId: number, expiresAt: Date) {
  db.insert(schema.sessions).values({ id, userId, data: { userId }, expiresAt }).run();
}

export function readSession(id: string, now: Date) {
  const row = db
    .select({ data: schema.sessions.data })
    .from(schema.sessions)
    .where(and(eq(schema.sessions.id, id), gt(schema.sessions.expiresAt, now)))
    .get();
  return row ? (row.data as { userId: number }) : null;
}

export function updateSession(id: string, data: Record<string, unknown>, expiresAt: Date | undefined) {
  db.update(schema.sessions)
    .set(expiresAt ? { data, expiresAt } : { data })
    .where(eq(schema.sessions.id, id))
    .run();
}

export function deleteSession(id: string) {
  db.delete(schema.sessions).where(eq(schema.sessions.id, id)).run();
}
