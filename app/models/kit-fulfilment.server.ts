// The programme team processes orders with the mailing house: lists, overview, CSV, status steps.
import { and, asc, desc, eq, gte, lt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { toCsv } from "~/utils/csv.server";
import { db, immediate, schema, type AppDatabase } from "~/utils/db.server";
import { addDays, amsterdamToUtc, utcToAmsterdam } from "~/utils/time";
import {
  canCancel,
  canMoveTo,
  describeContents,
  LIVE_STATUSES,
  parseKitOrderFilters,
  stockLeft,
  type KitOrderStatus,
} from "./kit-order";
import { orderColumns, type EndOrderResult } from "./kit-order.server";
import { getEditionByYear, resolveEdition } from "./edition.server";
import { enqueueEmail } from "./outbox.server";

const t = schema;

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
  const edition = resolveEdition(params.get("editie"), () => {
    const year = defaultFulfilmentYear(now);
    return year ? getEditionByYear(year) : null;
  });
  return edition ? { ...parseKitOrderFilters(params), year: edition.year } : null;
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

/** Orders as the team sees them: the order, its activity and edition, who ordered, where. */
function teamOrders() {
  return db
    .select({
      ...orderColumns,
      municipalityName: t.municipalities.name,
      province: t.municipalities.province,
      organiserEmail: t.users.email,
      organiserName: t.users.name,
    })
    .from(t.kitOrders)
    .innerJoin(t.activities, eq(t.activities.id, t.kitOrders.activityId))
    .innerJoin(t.editions, eq(t.editions.id, t.kitOrders.editionId))
    .innerJoin(t.users, eq(t.users.id, t.kitOrders.orderedById))
    .leftJoin(t.municipalities, eq(t.municipalities.code, t.activities.municipalityCode));
}

const filteredOrders = (f: KitOrderFilters) => teamOrders().where(and(...filterConditions(f)));

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
  const live = LIVE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return { year, kitStock: edition.kitStock, live, stockLeft: stockLeft(edition.kitStock, live), counts };
}

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
    ];
  });
  return toCsv([CSV_HEADER, ...records]);
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
  const order = teamOrders().where(eq(t.kitOrders.reference, reference)).get() ?? null;
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
