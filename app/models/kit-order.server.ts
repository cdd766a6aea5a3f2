// Kom Erbij-pakket orders: what ordering, fulfilment and the edition settings share. The commands
// live per audience: kit-ordering.server.ts (organisers), kit-fulfilment.server.ts (programme team),
// kit-settings.server.ts (an edition's package settings). `now` is always a parameter.
import { and, eq, inArray, sql } from "drizzle-orm";
import { schema, type AppDatabase } from "~/utils/db.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { kitAvailability, LIVE_STATUSES, type KitAvailability } from "./kit-order";

const t = schema;

/** Orders that hold a package (drizzle condition on kit_orders). */
export const isLiveOrder = inArray(t.kitOrders.status, [...LIVE_STATUSES]);

/** The same list for raw SQL: `o.status in ${LIVE_STATUS_LIST}`. */
export const LIVE_STATUS_LIST = sql.raw(`(${LIVE_STATUSES.map((s) => `'${s}'`).join(", ")})`);

export const orderUrl = (reference: string) => absoluteUrl(`/organisator/pakketten/${encodeURIComponent(reference)}`);

export function countLiveOrders(tx: AppDatabase, editionId: number): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(t.kitOrders)
    .where(and(eq(t.kitOrders.editionId, editionId), isLiveOrder))
    .get()!.n;
}

export function editionAvailability(tx: AppDatabase, edition: typeof t.editions.$inferSelect, now: Date): KitAvailability {
  return kitAvailability(edition, countLiveOrders(tx, edition.id), now);
}

/** The columns of an order page (organiser and team); the delivery address is private to both. */
export const orderColumns = {
  id: t.kitOrders.id,
  reference: t.kitOrders.reference,
  status: t.kitOrders.status,
  statusReason: t.kitOrders.statusReason,
  shippedOn: t.kitOrders.shippedOn,
  createdAt: t.kitOrders.createdAt,
  updatedAt: t.kitOrders.updatedAt,
  deliveryName: t.kitOrders.deliveryName,
  deliveryOrganisation: t.kitOrders.deliveryOrganisation,
  street: t.kitOrders.street,
  houseNumber: t.kitOrders.houseNumber,
  houseNumberAddition: t.kitOrders.houseNumberAddition,
  postcode: t.kitOrders.postcode,
  place: t.kitOrders.place,
  expectedParticipants: t.kitOrders.expectedParticipants,
  remarks: t.kitOrders.remarks,
  activityId: t.kitOrders.activityId,
  activityTitle: t.activities.title,
  editionYear: t.editions.year,
  kitContents: t.editions.kitContents,
};

export type EndOrderResult = { ok: true } | { ok: false; reason: "not_found" | "too_late" };
