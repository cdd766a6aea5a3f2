// Commands and queries for Kom Erbij-pakket orders. `now` is always a parameter.
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { audit } from "~/utils/audit.server";
import { db, immediate, schema, type AppDatabase } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { addDays, amsterdamToUtc, utcToAmsterdam } from "~/utils/time";
import {
  canCancel,
  canMoveTo,
  describeContents,
  kitAvailability,
  kitOrderReference,
  LIVE_STATUSES,
  parseKitOrderFilters,
  stockLeft,
  type KitAvailability,
  type KitItem,
  type KitOrderInput,
  type KitOrderRefusal,
  type KitOrderStatus,
  type KitSettingsInput,
} from "./kit-order";
import { enqueueEmail } from "./outbox.server";

const t = schema;
const isLiveOrder = inArray(t.kitOrders.status, [...LIVE_STATUSES]);

export const orderUrl = (reference: string) =>
  `${env.PUBLIC_URL.replace(/\/$/, "")}/organisator/pakketten/${encodeURIComponent(reference)}`;

export function countLiveOrders(tx: AppDatabase, editionId: number): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(t.kitOrders)
    .where(and(eq(t.kitOrders.editionId, editionId), isLiveOrder))
    .get()!.n;
}

function editionAvailability(tx: AppDatabase, edition: typeof t.editions.$inferSelect, now: Date): KitAvailability {
  return kitAvailability(edition, countLiveOrders(tx, edition.id), now);
}

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

function liveOrderForActivity(tx: AppDatabase, activityId: number) {
  return (
    tx
      .select({ reference: t.kitOrders.reference, status: t.kitOrders.status })
      .from(t.kitOrders)
      .where(and(eq(t.kitOrders.activityId, activityId), isLiveOrder))
      .get() ?? null
  );
}

export type KitOrderPage = {
  activity: { id: number; title: string; status: string; startsAt: Date };
  edition: { year: number; kitContents: KitItem[]; orderingClosesAt: Date };
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
  const liveOrder = liveOrderForActivity(db, activity.id);
  return {
    activity: { id: activity.id, title: activity.title, status: activity.status, startsAt: activity.startsAt },
    edition: { year: edition.year, kitContents: edition.kitContents, orderingClosesAt: edition.orderingClosesAt },
    availability: editionAvailability(db, edition, now),
    blocker: activity.status !== "published" ? "not_published" : liveOrder ? "already_ordered" : null,
    liveOrder,
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
  | { ok: false; reason: Exclude<KitOrderRefusal, "open">; availability?: KitAvailability; reference?: string };

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
      const live = liveOrderForActivity(tx, activity.id);
      if (live) return { ok: false, reason: "already_ordered", reference: live.reference };
      if (edition.kitLimitPerOrganisation !== null) {
        const ofOrganisation = tx
          .select({ n: sql<number>`count(*)` })
          .from(t.kitOrders)
          .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
          .where(
            and(
              eq(t.kitOrders.editionId, edition.id),
              isLiveOrder,
              sql`lower(trim(${t.activities.organisationName})) = lower(trim(${activity.organisationName}))`,
            ),
          )
          .get()!.n;
        if (ofOrganisation >= edition.kitLimitPerOrganisation) return { ok: false, reason: "organisation_limit" };
      }

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

const orderColumns = {
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
        sql`${t.editions.orderingOpensAt} <= ${now.getTime()} and ${t.editions.orderingClosesAt} > ${now.getTime()}`,
        sql`not exists (select 1 from kit_orders o where o.activity_id = ${t.activities.id} and o.status not in ('cancelled', 'rejected'))`,
      ),
    )
    .orderBy(asc(t.activities.startsAt))
    .all();
  return { orders, orderableActivities: activities };
}

export type EndOrderResult = { ok: true } | { ok: false; reason: "not_found" | "too_late" };

/** The organiser cancels their own order while it has not been shipped; the package returns to stock. */
export function cancelKitOrderByOrganiser(args: {
  reference: string;
  userId: number;
  reason?: string;
  now: Date;
}): EndOrderResult {
  return immediate((tx) => {
    const order = tx
      .select({ id: t.kitOrders.id, status: t.kitOrders.status })
      .from(t.kitOrders)
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
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------- programme team: fulfilment

export type KitOrderFilters = {
  year: number;
  status?: KitOrderStatus;
  province?: string;
  municipality?: string;
  from?: string;
  to?: string;
  q?: string;
};

/** The edition the team works on by default: the latest whose ordering has opened. */
export function defaultFulfilmentYear(now: Date): number | null {
  const editions = db
    .select({ year: t.editions.year, opensAt: t.editions.orderingOpensAt })
    .from(t.editions)
    .orderBy(desc(t.editions.year))
    .all();
  return (editions.find((e) => e.opensAt <= now) ?? editions.at(-1))?.year ?? null;
}

/** The team's list filters from the URL, defaulting to the edition the team works on now (null: no editions). */
export function resolveKitOrderFilters(params: URLSearchParams, now: Date): (KitOrderFilters & { page: number }) | null {
  const { year, ...rest } = parseKitOrderFilters(params);
  const chosen = year ?? defaultFulfilmentYear(now);
  return chosen ? { ...rest, year: chosen } : null;
}

export function listFulfilmentOptions() {
  return {
    years: db
      .select({ year: t.editions.year })
      .from(t.editions)
      .orderBy(desc(t.editions.year))
      .all()
      .map((e) => e.year),
    provinces: db
      .selectDistinct({ province: t.municipalities.province })
      .from(t.municipalities)
      .orderBy(asc(t.municipalities.province))
      .all()
      .map((p) => p.province),
    municipalities: db
      .select({ code: t.municipalities.code, name: t.municipalities.name })
      .from(t.municipalities)
      .orderBy(asc(t.municipalities.name))
      .all(),
  };
}

function filterConditions(f: KitOrderFilters): SQL[] {
  const conditions: SQL[] = [eq(t.editions.year, f.year)];
  if (f.status) conditions.push(eq(t.kitOrders.status, f.status));
  if (f.province) conditions.push(eq(t.municipalities.province, f.province));
  if (f.municipality) conditions.push(eq(t.activities.municipalityCode, f.municipality));
  if (f.from) conditions.push(gte(t.kitOrders.createdAt, amsterdamToUtc(f.from)));
  if (f.to) conditions.push(lt(t.kitOrders.createdAt, amsterdamToUtc(addDays(f.to, 1))));
  if (f.q?.trim()) {
    const pattern = `%${f.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (column: SQLWrapper) => sql`lower(${column}) like ${pattern} escape '\\'`;
    conditions.push(
      sql`(${like(t.kitOrders.reference)} or ${like(t.kitOrders.deliveryName)} or ${like(sql`coalesce(${t.kitOrders.deliveryOrganisation}, '')`)} or ${like(t.kitOrders.postcode)} or ${like(sql`replace(${t.kitOrders.postcode}, ' ', '')`)} or ${like(t.kitOrders.place)} or ${like(t.activities.title)})`,
    );
  }
  return conditions;
}

function filteredOrders(f: KitOrderFilters) {
  return db
    .select({
      ...orderColumns,
      municipalityName: t.municipalities.name,
      province: t.municipalities.province,
      organiserEmail: t.users.email,
    })
    .from(t.kitOrders)
    .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
    .innerJoin(t.editions, eq(t.editions.id, t.kitOrders.editionId))
    .innerJoin(t.users, eq(t.users.id, t.kitOrders.orderedById))
    .leftJoin(t.municipalities, eq(t.municipalities.code, t.activities.municipalityCode))
    .where(and(...filterConditions(f)));
}

export function listKitOrders(f: KitOrderFilters, page: { limit: number; offset: number }) {
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(t.kitOrders)
    .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
    .innerJoin(t.editions, eq(t.editions.id, t.kitOrders.editionId))
    .leftJoin(t.municipalities, eq(t.municipalities.code, t.activities.municipalityCode))
    .where(and(...filterConditions(f)))
    .get()!.n;
  const rows = filteredOrders(f)
    .orderBy(desc(t.kitOrders.createdAt), desc(t.kitOrders.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { total, rows };
}

/** Counts per status and stock left for one edition (stock left is derived from live orders). */
export function kitOrderOverview(year: number) {
  const edition = db.select().from(t.editions).where(eq(t.editions.year, year)).get();
  if (!edition) return null;
  const perStatus = db
    .select({ status: t.kitOrders.status, n: sql<number>`count(*)` })
    .from(t.kitOrders)
    .where(eq(t.kitOrders.editionId, edition.id))
    .groupBy(t.kitOrders.status)
    .all();
  const counts: Record<KitOrderStatus, number> = { ordered: 0, processing: 0, shipped: 0, cancelled: 0, rejected: 0 };
  for (const row of perStatus) counts[row.status] = row.n;
  const live = counts.ordered + counts.processing + counts.shipped;
  return { year, kitStock: edition.kitStock, live, stockLeft: stockLeft(edition.kitStock, live), counts };
}

/** Spreadsheet programs run cells starting with these as formulas; a leading apostrophe keeps them text. */
const neutralizeFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export const CSV_HEADER = [
  "Referentie",
  "Naam",
  "Organisatie",
  "Straat",
  "Huisnummer",
  "Toevoeging",
  "Postcode",
  "Plaats",
  "Inhoud",
  "Besteld op",
];

/** CSV for the mailing house: UTF-8 with BOM (so Excel reads the accents), RFC 4180 quoting, one row per package. */
export function exportKitOrdersCsv(f: KitOrderFilters): string {
  const rows = filteredOrders(f).orderBy(asc(t.kitOrders.createdAt), asc(t.kitOrders.id)).all();
  const records = rows.map((o) => {
    const at = utcToAmsterdam(o.createdAt);
    return [
      o.reference,
      o.deliveryName,
      o.deliveryOrganisation ?? "",
      o.street,
      o.houseNumber,
      o.houseNumberAddition ?? "",
      o.postcode,
      o.place,
      describeContents(o.kitContents),
      `${at.date} ${at.time}`,
    ].map(neutralizeFormula);
  });
  return "\uFEFF" + stringify([CSV_HEADER, ...records], { record_delimiter: "windows" });
}

function organiserOf(tx: AppDatabase, orderId: number) {
  return tx
    .select({
      id: t.kitOrders.id,
      reference: t.kitOrders.reference,
      status: t.kitOrders.status,
      email: t.users.email,
      activityTitle: t.activities.title,
    })
    .from(t.kitOrders)
    .innerJoin(t.users, eq(t.users.id, t.kitOrders.orderedById))
    .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
    .where(eq(t.kitOrders.id, orderId))
    .get();
}

/**
 * Moves orders forward in fulfilment (ordered → processing → shipped). Orders that cannot take the step
 * (already further, cancelled) are skipped and named. Shipping e-mails the organiser.
 */
export function bulkUpdateKitOrders(args: {
  ids: number[];
  to: "processing" | "shipped";
  shippedOn?: string;
  actorId: number;
  now: Date;
}) {
  const { ids, to, actorId, now, shippedOn } = args;
  if (to === "shipped" && !shippedOn) throw new Error("shippedOn is required to ship");
  return immediate((tx) => {
    const updated: string[] = [];
    const skipped: string[] = [];
    for (const id of [...new Set(ids)]) {
      const order = organiserOf(tx, id);
      if (!order) continue;
      if (!canMoveTo(order.status, to)) {
        skipped.push(order.reference);
        continue;
      }
      tx.update(t.kitOrders)
        .set({ status: to, shippedOn: to === "shipped" ? args.shippedOn : undefined, updatedAt: now })
        .where(eq(t.kitOrders.id, id))
        .run();
      audit(tx, {
        actorId,
        action: "kit_order.status_changed",
        entityType: "kit_order",
        entityId: id,
        details: {
          reference: order.reference,
          from: order.status,
          to,
          ...(to === "shipped" ? { shippedOn: args.shippedOn } : {}),
        },
      });
      if (to === "shipped" && shippedOn)
        enqueueEmail(
          tx,
          {
            template: "kit-shipped",
            to: order.email,
            dedupeKey: `kit-shipped:${order.reference}`,
            props: { reference: order.reference, activityTitle: order.activityTitle, shippedOn },
          },
          now,
        );
      updated.push(order.reference);
    }
    return { updated, skipped };
  });
}

/** The team cancels or rejects an order with a reason (e-mailed to the organiser); the package returns to stock. */
export function endKitOrderByTeam(args: {
  reference: string;
  to: "cancelled" | "rejected";
  reason: string;
  actorId: number;
  now: Date;
}): EndOrderResult {
  return immediate((tx) => {
    const row = tx.select({ id: t.kitOrders.id }).from(t.kitOrders).where(eq(t.kitOrders.reference, args.reference)).get();
    const order = row && organiserOf(tx, row.id);
    if (!order) return { ok: false, reason: "not_found" } as const;
    if (!canCancel(order.status)) return { ok: false, reason: "too_late" } as const;
    tx.update(t.kitOrders)
      .set({ status: args.to, statusReason: args.reason, updatedAt: args.now })
      .where(eq(t.kitOrders.id, order.id))
      .run();
    audit(tx, {
      actorId: args.actorId,
      action: args.to === "cancelled" ? "kit_order.cancelled" : "kit_order.rejected",
      entityType: "kit_order",
      entityId: order.id,
      details: { reference: order.reference, from: order.status, to: args.to, reason: args.reason, by: "programme_team" },
    });
    enqueueEmail(
      tx,
      {
        template: "kit-order-cancelled",
        to: order.email,
        dedupeKey: `kit-order-cancelled:${order.reference}`,
        props: { reference: order.reference, activityTitle: order.activityTitle, reason: args.reason },
      },
      args.now,
    );
    return { ok: true } as const;
  });
}

/** One order with its history, for the team. */
export function getKitOrderForTeam(reference: string) {
  const order =
    db
      .select({
        ...orderColumns,
        organiserEmail: t.users.email,
        organiserName: t.users.name,
        municipalityName: t.municipalities.name,
        province: t.municipalities.province,
      })
      .from(t.kitOrders)
      .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
      .innerJoin(t.editions, eq(t.editions.id, t.kitOrders.editionId))
      .innerJoin(t.users, eq(t.users.id, t.kitOrders.orderedById))
      .leftJoin(t.municipalities, eq(t.municipalities.code, t.activities.municipalityCode))
      .where(eq(t.kitOrders.reference, reference))
      .get() ?? null;
  if (!order) return null;
  const history = db
    .select({
      at: t.auditLog.at,
      action: t.auditLog.action,
      details: t.auditLog.details,
      actorName: t.users.name,
      actorEmail: t.users.email,
    })
    .from(t.auditLog)
    .leftJoin(t.users, eq(t.users.id, t.auditLog.actorId))
    .where(and(eq(t.auditLog.entityType, "kit_order"), eq(t.auditLog.entityId, String(order.id))))
    .orderBy(asc(t.auditLog.at), asc(t.auditLog.id))
    .all();
  return { order, history };
}

// ---------------------------------------------------------------- programme team: edition settings

export function getKitSettings(year: number) {
  const edition = db.select().from(t.editions).where(eq(t.editions.year, year)).get();
  if (!edition) return null;
  const opens = utcToAmsterdam(edition.orderingOpensAt);
  const closes = utcToAmsterdam(edition.orderingClosesAt);
  return {
    year: edition.year,
    live: countLiveOrders(db, edition.id),
    kitLimitPerActivity: edition.kitLimitPerActivity,
    values: {
      opensDate: opens.date,
      opensTime: opens.time,
      closesDate: closes.date,
      closesTime: closes.time,
      kitStock: edition.kitStock,
      kitLimitPerOrganisation: edition.kitLimitPerOrganisation,
      contents: edition.kitContents,
    },
  };
}

export type UpdateKitSettingsResult =
  { ok: true } | { ok: false; reason: "not_found" } | { ok: false; reason: "stock_below_orders"; live: number };

/** Saves the edition's package settings. The stock may not drop below what is already promised. */
export function updateKitSettings(year: number, input: KitSettingsInput, actorId: number, now: Date): UpdateKitSettingsResult {
  return immediate((tx) => {
    const edition = tx.select().from(t.editions).where(eq(t.editions.year, year)).get();
    if (!edition) return { ok: false, reason: "not_found" } as const;
    const live = countLiveOrders(tx, edition.id);
    if (input.kitStock < live) return { ok: false, reason: "stock_below_orders", live } as const;
    const values = {
      orderingOpensAt: amsterdamToUtc(input.opensDate, input.opensTime),
      orderingClosesAt: amsterdamToUtc(input.closesDate, input.closesTime),
      kitStock: input.kitStock,
      kitContents: input.contents,
      kitLimitPerOrganisation: input.kitLimitPerOrganisation ?? null,
    };
    tx.update(t.editions)
      .set({ ...values, updatedAt: now })
      .where(eq(t.editions.id, edition.id))
      .run();
    audit(tx, {
      actorId,
      action: "edition.kit_settings_updated",
      entityType: "edition",
      entityId: edition.year,
      details: {
        before: {
          orderingOpensAt: edition.orderingOpensAt.toISOString(),
          orderingClosesAt: edition.orderingClosesAt.toISOString(),
          kitStock: edition.kitStock,
          kitContents: edition.kitContents,
          kitLimitPerOrganisation: edition.kitLimitPerOrganisation,
        },
        after: {
          ...values,
          orderingOpensAt: values.orderingOpensAt.toISOString(),
          orderingClosesAt: values.orderingClosesAt.toISOString(),
        },
      },
    });
    return { ok: true } as const;
  });
}
