// What "Mijn activiteiten" shows beside each activity: its latest kit order (status and where to
// see it) and what the organiser can print and share. Ownership is in the WHERE clause.
import { and, desc, eq } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";
import { getPublicActivity } from "./activity-search.server";
import { KIT_ORDER_STATUSES, type KitOrderStatus } from "./kit-order";

export type OwnKitOrder = { reference: string; status: KitOrderStatus; statusText: string; path: string };

/** The newest kit order per activity of this organiser (also a cancelled one, so its status stays visible). */
export function latestKitOrdersByActivity(ownerId: number): Map<number, OwnKitOrder> {
  const o = schema.kitOrders;
  const rows = db
    .select({ activityId: o.activityId, reference: o.reference, status: o.status })
    .from(o)
    .innerJoin(schema.activities, eq(schema.activities.id, o.activityId))
    .where(and(eq(schema.activities.ownerId, ownerId), eq(o.orderedById, ownerId)))
    .orderBy(desc(o.createdAt), desc(o.id))
    .all();
  const byActivity = new Map<number, OwnKitOrder>();
  for (const row of rows) {
    if (byActivity.has(row.activityId)) continue;
    const status = row.status as KitOrderStatus;
    byActivity.set(row.activityId, {
      reference: row.reference,
      status,
      statusText: KIT_ORDER_STATUSES[status],
      path: `/organisator/pakketten/${encodeURIComponent(row.reference)}`,
    });
  }
  return byActivity;
}

/** Posters, cards and share links exist for activities the public can see. */
export const hasPrintables = (status: string) => status === "published" || status === "cancelled";
export const posterPath = (activityId: number, size: "A4" | "A3" = "A4") =>
  `/activiteiten/${activityId}/poster.pdf${size === "A3" ? "?formaat=A3" : ""}`;
export const sharePagePath = (activityId: number) => `/organisator/activiteiten/${activityId}/delen`;

/** The public face of one of the organiser's own activities, when it has one (published or cancelled). */
export function getOwnPrintableActivity(ownerId: number, activityId: number) {
  if (!Number.isSafeInteger(activityId) || activityId <= 0) return null;
  const own = db
    .select({ id: schema.activities.id })
    .from(schema.activities)
    .where(and(eq(schema.activities.id, activityId), eq(schema.activities.ownerId, ownerId)))
    .get();
  return own ? getPublicActivity(own.id) : null;
}
