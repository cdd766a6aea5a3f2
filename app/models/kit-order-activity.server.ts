// What happens to an activity's kit order when the activity itself is cancelled. Called inside the
// cancellation's own transaction, so the activity and its order change together or not at all.
import { and, eq } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { schema as t, type DbOrTx } from "~/utils/db.server";
import { canCancel } from "./kit-order";
import { isLiveOrder } from "./kit-order.server";
import { enqueueEmail } from "./outbox.server";

export const ACTIVITY_CANCELLED_ORDER_REASON = "De activiteit is geannuleerd.";

/**
 * An open order (not yet shipped) is cancelled: it no longer counts against stock and is not
 * shipped; the organiser gets an e-mail. A shipped order stays shipped; the team sees the
 * cancellation in the order's history.
 */
export function endKitOrderOfCancelledActivity(
  tx: DbOrTx,
  args: { activityId: number; actorId: number; organiserEmail: string; activityTitle: string; now: Date },
) {
  const order = tx
    .select({ id: t.kitOrders.id, reference: t.kitOrders.reference, status: t.kitOrders.status })
    .from(t.kitOrders)
    .where(and(eq(t.kitOrders.activityId, args.activityId), isLiveOrder))
    .get();
  if (!order) return null;
  if (!canCancel(order.status)) {
    audit(tx, {
      actorId: args.actorId,
      action: "kit_order.activity_cancelled",
      entityType: "kit_order",
      entityId: order.id,
      details: { reference: order.reference, status: order.status },
    });
    return { reference: order.reference, status: order.status };
  }
  tx.update(t.kitOrders)
    .set({ status: "cancelled", statusReason: ACTIVITY_CANCELLED_ORDER_REASON, updatedAt: args.now })
    .where(eq(t.kitOrders.id, order.id))
    .run();
  audit(tx, {
    actorId: args.actorId,
    action: "kit_order.cancelled",
    entityType: "kit_order",
    entityId: order.id,
    details: {
      reference: order.reference,
      from: order.status,
      to: "cancelled",
      reason: ACTIVITY_CANCELLED_ORDER_REASON,
      by: "organiser",
    },
  });
  enqueueEmail(
    tx,
    {
      template: "kit-order-cancelled",
      to: args.organiserEmail,
      dedupeKey: `kit-order-cancelled:${order.reference}`,
      props: { reference: order.reference, activityTitle: args.activityTitle, reason: ACTIVITY_CANCELLED_ORDER_REASON },
    },
    args.now,
  );
  return { reference: order.reference, status: "cancelled" as const };
}
