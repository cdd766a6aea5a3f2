// Organisers order a Kom Erbij-pakket for their activity, follow it and cancel it.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, immediate, schema, type AppDatabase } from "~/utils/db.server";
import {
  canCancel,
  kitOrderReference,
  type KitAvailability,
  type KitItem,
  type KitOrderInput,
  type KitOrderRefusal,
  type KitOrderStatus,
} from "./kit-order";
import {
  editionAvailability,
  isLiveOrder,
  LIVE_STATUS_LIST,
  orderColumns,
  orderUrl,
  type EndOrderResult,
} from "./kit-order.server";
import { enqueueEmail } from "./outbox.server";
import { isOrderingOpen } from "./edition";
import { listEditions } from "./edition.server";

const t = schema;

// ---------------------------------------------------------------- organiser: ordering

const activityColumns = {
  id: t.activities.id,
  title: t.activities.title,
  status: t.activities.status,
  ownerId: t.activities.ownerId,
  editionId: t.activities.editionId,
  organisationName: t.activities.organisationName,
  isOnline: t.activities.isOnline,
  street: t.activities.street,
  houseNumber: t.activities.houseNumber,
  postcode: t.activities.postcode,
  place: t.activities.place,
  startsAt: t.activities.startsAt,
};

/** The activity only when `userId` owns it (ownership is part of the query: others get null → 404). */
function ownActivity(tx: AppDatabase, userId: number, activityId: number) {
  return (
    tx
      .select(activityColumns)
      .from(t.activities)
      .where(and(eq(t.activities.id, activityId), eq(t.activities.ownerId, userId)))
      .get() ?? null
  );
}

/** The activity's live orders, oldest first (an edition may allow more than one per activity). */
function liveOrdersForActivity(tx: AppDatabase, activityId: number) {
  return tx
    .select({ reference: t.kitOrders.reference, status: t.kitOrders.status })
    .from(t.kitOrders)
    .where(and(eq(t.kitOrders.activityId, activityId), isLiveOrder))
    .orderBy(asc(t.kitOrders.id))
    .all();
}

/**
 * The per-organisation limit counts the live orders of the organisation's identity, which is the
 * organiser's account that owns the activity (`activities.owner_id`): the one identity the
 * platform verifies (by e-mail login). The typed organisation name is free text — "Bibliotheek
 * Utrecht" and "Bibliotheek Utrecht Centrum" are the same organisation, two foundations may share a
 * name — so it is never matched. An activity a coordinator registers on someone's behalf belongs
 * to that organiser's account, so it counts for them too.
 */
function liveOrdersOfOrganisation(tx: AppDatabase, editionId: number, ownerId: number): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(t.kitOrders)
    .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
    .where(and(eq(t.kitOrders.editionId, editionId), isLiveOrder, eq(t.activities.ownerId, ownerId)))
    .get()!.n;
}

export type KitOrderPage = {
  activity: { id: number; title: string; status: string; startsAt: Date };
  edition: { year: number; kitContents: KitItem[]; orderingClosesAt: Date; kitLimitPerActivity: number };
  availability: KitAvailability;
  blocker: Extract<KitOrderRefusal, "not_published" | "already_ordered"> | null;
  liveOrder: { reference: string; status: KitOrderStatus } | null;
  defaults: Partial<Record<keyof KitOrderInput, string>>;
};

/** What the order page needs, or null when the activity is not the user's (404). */
export function getKitOrderPage(user: { id: number; name: string | null }, activityId: number, now: Date): KitOrderPage | null {
  const activity = ownActivity(db, user.id, activityId);
  if (!activity) return null;
  const edition = db.select().from(t.editions).where(eq(t.editions.id, activity.editionId)).get()!;
  const live = liveOrdersForActivity(db, activity.id);
  return {
    activity: { id: activity.id, title: activity.title, status: activity.status, startsAt: activity.startsAt },
    edition: {
      year: edition.year,
      kitContents: edition.kitContents,
      orderingClosesAt: edition.orderingClosesAt,
      kitLimitPerActivity: edition.kitLimitPerActivity,
    },
    availability: editionAvailability(db, edition, now),
    blocker:
      activity.status !== "published" ? "not_published" : live.length >= edition.kitLimitPerActivity ? "already_ordered" : null,
    liveOrder: live.at(-1) ?? null,
    defaults: {
      deliveryName: user.name ?? "",
      deliveryOrganisation: activity.organisationName,
      street: activity.isOnline ? "" : (activity.street ?? ""),
      houseNumber: activity.isOnline ? "" : (activity.houseNumber?.match(/^\d+/)?.[0] ?? ""),
      postcode: activity.isOnline ? "" : (activity.postcode ?? ""),
      place: activity.isOnline ? "" : (activity.place ?? ""),
    },
  };
}

export type PlaceKitOrderResult =
  | { ok: true; reference: string; duplicate: boolean }
  | {
      ok: false;
      reason: Exclude<KitOrderRefusal, "open">;
      availability?: KitAvailability;
      reference?: string;
      kitLimitPerActivity?: number;
    };

/**
 * Places an order. The stock check and the reservation happen in one IMMEDIATE transaction, so two
 * organisers can never get the last package; the same submission key twice returns the first order.
 */
export function placeKitOrder(args: {
  userId: number;
  activityId: number;
  input: KitOrderInput;
  submissionKey: string;
  now: Date;
}): PlaceKitOrderResult {
  const { userId, activityId, input, submissionKey, now } = args;
  try {
    return immediate((tx): PlaceKitOrderResult => {
      const earlier = tx
        .select({ reference: t.kitOrders.reference, orderedById: t.kitOrders.orderedById })
        .from(t.kitOrders)
        .where(eq(t.kitOrders.submissionKey, submissionKey))
        .get();
      if (earlier)
        return earlier.orderedById === userId
          ? { ok: true, reference: earlier.reference, duplicate: true }
          : { ok: false, reason: "not_found" };

      const activity = ownActivity(tx, userId, activityId);
      if (!activity) return { ok: false, reason: "not_found" };
      if (activity.status !== "published") return { ok: false, reason: "not_published" };
      const edition = tx.select().from(t.editions).where(eq(t.editions.id, activity.editionId)).get()!;
      const availability = editionAvailability(tx, edition, now);
      if (availability.state !== "open") return { ok: false, reason: availability.state, availability };
      // The IMMEDIATE transaction makes count-then-insert safe: nobody else writes in between.
      const live = liveOrdersForActivity(tx, activity.id);
      if (live.length >= edition.kitLimitPerActivity)
        return {
          ok: false,
          reason: "already_ordered",
          reference: live.at(-1)!.reference,
          kitLimitPerActivity: edition.kitLimitPerActivity,
        };
      if (
        edition.kitLimitPerOrganisation !== null &&
        liveOrdersOfOrganisation(tx, edition.id, activity.ownerId) >= edition.kitLimitPerOrganisation
      )
        return { ok: false, reason: "organisation_limit" };

      const earlierOrders = tx
        .select({ n: sql<number>`count(*)` })
        .from(t.kitOrders)
        .where(eq(t.kitOrders.activityId, activity.id))
        .get()!.n;
      const reference = kitOrderReference(edition.year, activity.id, earlierOrders);
      const order = tx
        .insert(t.kitOrders)
        .values({
          reference,
          editionId: edition.id,
          activityId: activity.id,
          orderedById: userId,
          deliveryName: input.deliveryName,
          deliveryOrganisation: input.deliveryOrganisation ?? null,
          street: input.street,
          houseNumber: input.houseNumber,
          houseNumberAddition: input.houseNumberAddition ?? null,
          postcode: input.postcode,
          place: input.place,
          expectedParticipants: input.expectedParticipants,
          remarks: input.remarks ?? null,
          status: "ordered",
          submissionKey,
          createdAt: now,
        })
        .returning({ id: t.kitOrders.id })
        .get();
      audit(tx, {
        actorId: userId,
        action: "kit_order.placed",
        entityType: "kit_order",
        entityId: order.id,
        details: { reference, activityId: activity.id, to: "ordered" },
      });
      const to = tx.select({ email: t.users.email }).from(t.users).where(eq(t.users.id, userId)).get()!.email;
      enqueueEmail(
        tx,
        {
          template: "kit-order-confirmation",
          to,
          dedupeKey: `kit-order-confirmation:${reference}`,
          props: {
            reference,
            activityTitle: activity.title,
            address: {
              name: input.deliveryName,
              organisation: input.deliveryOrganisation,
              street: input.street,
              houseNumber: input.houseNumber,
              addition: input.houseNumberAddition,
              postcode: input.postcode,
              place: input.place,
            },
            contents: edition.kitContents,
            orderUrl: orderUrl(reference),
          },
        },
        now,
      );
      return { ok: true, reference, duplicate: false };
    });
  } catch (error) {
    // Belt and braces: the unique indexes are the last line (e.g. another process won a race).
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
      const again = db
        .select({ reference: t.kitOrders.reference, orderedById: t.kitOrders.orderedById })
        .from(t.kitOrders)
        .where(eq(t.kitOrders.submissionKey, submissionKey))
        .get();
      if (again?.orderedById === userId) return { ok: true, reference: again.reference, duplicate: true };
      return { ok: false, reason: "already_ordered" };
    }
    throw error;
  }
}

// ---------------------------------------------------------------- organiser: status and cancel

/** The order only when `userId` placed it (null → 404). */
export function getKitOrderForOrganiser(reference: string, userId: number) {
  return (
    db
      .select(orderColumns)
      .from(t.kitOrders)
      .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
      .innerJoin(t.editions, eq(t.editions.id, t.kitOrders.editionId))
      .where(and(eq(t.kitOrders.reference, reference), eq(t.kitOrders.orderedById, userId)))
      .get() ?? null
  );
}

/** The editions whose ordering window is open at `now` (the window rule lives in edition.ts). */
const orderingEditionIds = (now: Date) =>
  listEditions()
    .filter((e) => isOrderingOpen(e, now))
    .map((e) => e.id);

/** The organiser's orders and their activities that could still get one. */
export function getOrganiserKitOverview(userId: number, now: Date) {
  const orders = db
    .select({
      reference: t.kitOrders.reference,
      status: t.kitOrders.status,
      createdAt: t.kitOrders.createdAt,
      activityTitle: t.activities.title,
      editionYear: t.editions.year,
    })
    .from(t.kitOrders)
    .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
    .innerJoin(t.editions, eq(t.editions.id, t.kitOrders.editionId))
    .where(eq(t.kitOrders.orderedById, userId))
    .orderBy(desc(t.kitOrders.createdAt))
    .all();
  const activities = db
    .select({ id: t.activities.id, title: t.activities.title, startsAt: t.activities.startsAt, editionYear: t.editions.year })
    .from(t.activities)
    .innerJoin(t.editions, eq(t.editions.id, t.activities.editionId))
    .where(
      and(
        eq(t.activities.ownerId, userId),
        eq(t.activities.status, "published"),
        inArray(t.activities.editionId, orderingEditionIds(now)),
        sql`not exists (select 1 from kit_orders o where o.activity_id = ${t.activities.id} and o.status in ${LIVE_STATUS_LIST})`,
      ),
    )
    .orderBy(asc(t.activities.startsAt))
    .all();
  return { orders, orderableActivities: activities };
}

/** The organiser cancels their own order while it has not been shipped; the package returns to stock. */
export function cancelKitOrderByOrganiser(args: {
  reference: string;
  userId: number;
  reason?: string;
  now: Date;
}): EndOrderResult {
  return immediate((tx) => {
    const order = tx
      .select({ id: t.kitOrders.id, status: t.kitOrders.status, activityTitle: t.activities.title, email: t.users.email })
      .from(t.kitOrders)
      .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
      .innerJoin(t.users, eq(t.users.id, t.kitOrders.orderedById))
      .where(and(eq(t.kitOrders.reference, args.reference), eq(t.kitOrders.orderedById, args.userId)))
      .get();
    if (!order) return { ok: false, reason: "not_found" } as const;
    if (!canCancel(order.status)) return { ok: false, reason: "too_late" } as const;
    const reason = args.reason?.trim() || "Geannuleerd door de organisator.";
    tx.update(t.kitOrders)
      .set({ status: "cancelled", statusReason: reason, updatedAt: args.now })
      .where(eq(t.kitOrders.id, order.id))
      .run();
    audit(tx, {
      actorId: args.userId,
      action: "kit_order.cancelled",
      entityType: "kit_order",
      entityId: order.id,
      details: { reference: args.reference, from: order.status, to: "cancelled", reason, by: "organiser" },
    });
    // The organiser gets the same confirmation in writing as when the team cancels.
    enqueueEmail(
      tx,
      {
        template: "kit-order-cancelled",
        to: order.email,
        dedupeKey: `kit-order-cancelled:${args.reference}`,
        props: { reference: args.reference, activityTitle: order.activityTitle, reason, cancelledBy: "organiser" },
      },
      args.now,
    );
    return { ok: true } as const;
  });
}
