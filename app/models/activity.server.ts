// The organiser's and moderator's side of activities: registering, editing, copying, cancelling
// and reviewing. Ownership is always part of the WHERE clause; every change is audited and the
// e-mail it causes is queued in the same transaction.
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, immediate, schema, type DbOrTx } from "~/utils/db.server";
import { geocodeAddress } from "~/utils/geocode.server";
import { addDays, amsterdamToUtc, utcToAmsterdam } from "~/utils/time";
import type { ActivityFormValues, TargetGroup } from "./activity";
import { parseLanguages } from "./activity-features";
import { isRegistrationOpen, weekBounds } from "./edition";
import type { Edition } from "./edition.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { endKitOrderOfCancelledActivity } from "./kit-order-activity.server";
import { LIVE_STATUS_LIST } from "./kit-order.server";
import { enqueueEmail } from "./outbox.server";
import { RuleError } from "./rule-error";

const a = schema.activities;
type Actor = { id: number; email: string };

// ---------------------------------------------------------------------------------------------
// Reading own activities

const ownListColumns = {
  id: a.id,
  title: a.title,
  status: a.status,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
  place: a.place,
  isOnline: a.isOnline,
  moderationReason: a.moderationReason,
  cancelReason: a.cancelReason,
  editionId: a.editionId,
  editionYear: schema.editions.year,
  hasKitOrder: sql<number>`exists(select 1 from kit_orders o where o.activity_id = ${a.id} and o.status in ${LIVE_STATUS_LIST})`,
  hasReport: sql<number>`exists(select 1 from attendance_reports r where r.activity_id = ${a.id})`,
};

export function listOwnActivities(ownerId: number) {
  return db
    .select(ownListColumns)
    .from(a)
    .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
    .where(eq(a.ownerId, ownerId))
    .orderBy(desc(schema.editions.year), a.startsAt)
    .all()
    .map((row) => ({ ...row, hasKitOrder: Boolean(row.hasKitOrder), hasReport: Boolean(row.hasReport) }));
}
export type OwnActivitySummary = ReturnType<typeof listOwnActivities>[number];

/** One of the organiser's own activities with its target groups; null when it is not theirs. */
export function getOwnActivity(ownerId: number, id: number) {
  const row = db
    .select()
    .from(a)
    .where(and(eq(a.id, id), eq(a.ownerId, ownerId)))
    .get();
  if (!row) return null;
  return { ...row, targetGroups: targetGroupsOf(db, id) };
}

function targetGroupsOf(tx: DbOrTx, activityId: number): TargetGroup[] {
  return tx
    .select({ g: schema.activityTargetGroups.targetGroup })
    .from(schema.activityTargetGroups)
    .where(eq(schema.activityTargetGroups.activityId, activityId))
    .all()
    .map((r) => r.g as TargetGroup);
}

/** Form values for an existing activity (for editing or copying). */
export function toFormValues(activity: NonNullable<ReturnType<typeof getOwnActivity>>, dateShiftDays = 0) {
  const start = utcToAmsterdam(activity.startsAt);
  const end = utcToAmsterdam(activity.endsAt);
  const opt = (v: string | null) => v ?? undefined;
  return {
    title: activity.title,
    description: activity.description,
    type: activity.type,
    targetGroups: activity.targetGroups,
    date: addDays(start.date, dateShiftDays),
    startTime: start.time,
    endTime: end.time,
    isOnline: activity.isOnline ? "on" : undefined,
    onlineUrl: opt(activity.onlineUrl),
    venueName: opt(activity.venueName),
    street: opt(activity.street),
    houseNumber: opt(activity.houseNumber),
    postcode: opt(activity.postcode),
    place: opt(activity.place),
    municipalityCode: opt(activity.municipalityCode),
    ...featureFormValues(activity),
    isFree: activity.isFree ? "ja" : "nee",
    price: activity.priceCents != null ? (activity.priceCents / 100).toFixed(2).replace(".", ",") : undefined,
    signUpRequired: activity.signUpRequired ? "on" : undefined,
    signUpInfo: opt(activity.signUpInfo),
    maxParticipants: activity.maxParticipants ?? undefined,
    organisationName: activity.organisationName,
    organisationKind: activity.organisationKind,
    publicContactName: opt(activity.publicContactName),
    publicContactEmail: opt(activity.publicContactEmail),
    publicContactPhone: opt(activity.publicContactPhone),
    privateContactName: activity.privateContactName,
    privateContactEmail: activity.privateContactEmail,
    privateContactPhone: opt(activity.privateContactPhone),
  };
}

type FeatureColumns = Pick<
  NonNullable<ReturnType<typeof getOwnActivity>>,
  | "hostAtDoor"
  | "transport"
  | "easyDutch"
  | "languages"
  | "quietSpace"
  | "hearingLoop"
  | "wheelchairAccessible"
  | "showInterest"
  | "continuesAfterWeek"
  | "continuesSchedule"
  | "continuesContact"
>;

/** The form values of the fields in activity-features.ts (a copy keeps them too). */
function featureFormValues(activity: FeatureColumns) {
  const tick = (v: boolean) => (v ? "on" : undefined);
  return {
    hostAtDoor: tick(activity.hostAtDoor),
    transport: activity.transport ?? "geen",
    easyDutch: tick(activity.easyDutch),
    languages: parseLanguages(activity.languages),
    quietSpace: tick(activity.quietSpace),
    hearingLoop: tick(activity.hearingLoop),
    wheelchairAccessible: tick(activity.wheelchairAccessible),
    showInterest: tick(activity.showInterest),
    continuesAfterWeek: tick(activity.continuesAfterWeek),
    continuesSchedule: activity.continuesSchedule ?? undefined,
    continuesContact: activity.continuesContact ?? undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Registering and editing

type Located = { lat: number | null; lon: number | null; municipalityCode: string | null; locationApproximate: boolean };

/** Finds the point and municipality of the venue. PDOK first; the municipality centre when it fails. */
async function locate(values: ActivityFormValues): Promise<Located> {
  if (
    values.municipalityCode &&
    !db
      .select({ code: schema.municipalities.code })
      .from(schema.municipalities)
      .where(eq(schema.municipalities.code, values.municipalityCode))
      .get()
  )
    throw new RuleError("Kies een gemeente uit de lijst.", { status: 400, field: "municipalityCode" });
  if (values.isOnline)
    return { lat: null, lon: null, municipalityCode: values.municipalityCode ?? null, locationApproximate: false };
  if (values.pinLat !== undefined && values.pinLon !== undefined && values.municipalityCode)
    return { lat: values.pinLat, lon: values.pinLon, municipalityCode: values.municipalityCode, locationApproximate: false };
  const found = await geocodeAddress(values);
  if (!found && !values.municipalityCode)
    throw new RuleError("We konden deze plaats niet vinden. Controleer de plaats of kies de gemeente.", {
      status: 400,
      field: "municipalityCode",
    });
  if (found && (!values.municipalityCode || values.municipalityCode === found.municipalityCode))
    return { lat: found.lat, lon: found.lon, municipalityCode: found.municipalityCode, locationApproximate: found.approximate };
  // The organiser chose another municipality than the address suggests: trust them, pin at its centre.
  const m = db.select().from(schema.municipalities).where(eq(schema.municipalities.code, values.municipalityCode!)).get();
  if (!m) throw new RuleError("Kies een gemeente uit de lijst.", { status: 400, field: "municipalityCode" });
  return { lat: m.lat, lon: m.lon, municipalityCode: m.code, locationApproximate: true };
}

function columnsFrom(values: ActivityFormValues, place: Located) {
  const online = values.isOnline;
  return {
    organisationName: values.organisationName,
    organisationKind: values.organisationKind,
    title: values.title,
    description: values.description,
    type: values.type,
    startsAt: amsterdamToUtc(values.date, values.startTime),
    endsAt: amsterdamToUtc(values.date, values.endTime),
    isOnline: online,
    onlineUrl: online ? (values.onlineUrl ?? null) : null,
    venueName: online ? null : (values.venueName ?? null),
    street: online ? null : (values.street ?? null),
    houseNumber: online ? null : (values.houseNumber ?? null),
    postcode: online ? null : (values.postcode ?? null),
    place: online ? null : (values.place ?? null),
    ...place,
    hostAtDoor: values.hostAtDoor,
    transport: values.transport,
    easyDutch: values.easyDutch,
    languages: values.languages,
    quietSpace: values.quietSpace,
    hearingLoop: values.hearingLoop,
    wheelchairAccessible: values.wheelchairAccessible,
    showInterest: values.showInterest,
    continuesAfterWeek: values.continuesAfterWeek,
    continuesSchedule: values.continuesAfterWeek ? (values.continuesSchedule ?? null) : null,
    continuesContact: values.continuesAfterWeek ? (values.continuesContact ?? null) : null,
    isFree: values.isFree === "ja",
    priceCents: values.isFree === "ja" || !values.price ? null : Math.round(Number(values.price.replace(",", ".")) * 100),
    signUpRequired: values.signUpRequired,
    signUpInfo: values.signUpRequired ? (values.signUpInfo ?? null) : null,
    maxParticipants: values.maxParticipants ?? null,
    publicContactName: values.publicContactName ?? null,
    publicContactEmail: values.publicContactEmail ?? null,
    publicContactPhone: values.publicContactPhone ?? null,
    privateContactName: values.privateContactName,
    privateContactEmail: values.privateContactEmail,
    privateContactPhone: values.privateContactPhone ?? null,
  };
}

function replaceTargetGroups(tx: DbOrTx, activityId: number, groups: TargetGroup[]) {
  tx.delete(schema.activityTargetGroups).where(eq(schema.activityTargetGroups.activityId, activityId)).run();
  for (const targetGroup of new Set(groups)) tx.insert(schema.activityTargetGroups).values({ activityId, targetGroup }).run();
}

export async function registerActivity(
  owner: Actor,
  edition: Edition,
  values: ActivityFormValues,
  now: Date,
  copiedFromId?: number,
  registeredBy?: { id: number; municipalityCode: string },
) {
  if (!isRegistrationOpen(edition, now)) throw new RuleError("Aanmelden voor deze editie is gesloten.");
  const place = await locate(values);
  return db.transaction((tx) => {
    const { id } = tx
      .insert(a)
      .values({
        ...columnsFrom(values, place),
        editionId: edition.id,
        ownerId: owner.id,
        status: "pending",
        copiedFromId,
        createdAt: now,
      })
      .returning({ id: a.id })
      .get();
    replaceTargetGroups(tx, id, values.targetGroups);
    audit(tx, {
      actorId: registeredBy?.id ?? owner.id,
      action: "activity.created",
      entityType: "activity",
      entityId: id,
      details: registeredBy
        ? { onBehalfOfUserId: owner.id, asCoordinatorOf: registeredBy.municipalityCode }
        : copiedFromId
          ? { copiedFromId }
          : undefined,
    });
    enqueueEmail(
      tx,
      {
        template: "activity-received",
        to: owner.email,
        props: { title: values.title, myActivitiesUrl: absoluteUrl("/organisator/activiteiten"), editionYear: edition.year },
      },
      now,
    );
    return { id, approximate: place.locationApproximate };
  });
}

/** Organisers may edit until their edition's week has ended; a rejected activity goes back for review. */
export function canEdit(activity: { status: string }, edition: Edition, now: Date) {
  return activity.status !== "cancelled" && now < weekBounds(edition).endsAt;
}

export async function updateActivity(owner: Actor, id: number, edition: Edition, values: ActivityFormValues, now: Date) {
  const current = getOwnActivity(owner.id, id);
  if (!current) throw new Response("Niet gevonden", { status: 404 });
  if (!canEdit(current, edition, now)) throw new RuleError("Deze activiteit kun je niet meer aanpassen.");
  const place = await locate(values);
  return db.transaction((tx) => {
    const status = current.status === "rejected" ? "pending" : current.status;
    tx.update(a)
      .set({ ...columnsFrom(values, place), status, updatedAt: now })
      .where(and(eq(a.id, id), eq(a.ownerId, owner.id)))
      .run();
    replaceTargetGroups(tx, id, values.targetGroups);
    audit(tx, {
      actorId: owner.id,
      action: "activity.updated",
      entityType: "activity",
      entityId: id,
      details: status !== current.status ? { status } : undefined,
    });
    return { approximate: place.locationApproximate };
  });
}

export function cancelActivity(owner: Actor, id: number, reason: string, now: Date) {
  return immediate((tx) => {
    const current = tx
      .select({ status: a.status, title: a.title })
      .from(a)
      .where(and(eq(a.id, id), eq(a.ownerId, owner.id)))
      .get();
    if (!current) throw new Response("Niet gevonden", { status: 404 });
    if (current.status === "cancelled") return;
    tx.update(a).set({ status: "cancelled", cancelReason: reason, cancelledAt: now, updatedAt: now }).where(eq(a.id, id)).run();
    audit(tx, { actorId: owner.id, action: "activity.cancelled", entityType: "activity", entityId: id, details: { reason } });
    enqueueEmail(tx, { template: "activity-cancelled", to: owner.email, props: { title: current.title, reason } }, now);
    endKitOrderOfCancelledActivity(tx, {
      activityId: id,
      actorId: owner.id,
      organiserEmail: owner.email,
      activityTitle: current.title,
      now,
    });
  });
}

/** Days to add to a date of `from`'s week to land on the same weekday in `to`'s week. */
export function weekShift(from: Edition, to: Edition) {
  return Math.round((Date.parse(to.weekStart) - Date.parse(from.weekStart)) / 86_400_000);
}

// ---------------------------------------------------------------------------------------------
// Moderation (programme team)

function reviewQuery() {
  return db
    .select({
      id: a.id,
      title: a.title,
      description: a.description,
      organisationName: a.organisationName,
      startsAt: a.startsAt,
      place: a.place,
      isOnline: a.isOnline,
      createdAt: a.createdAt,
      editionYear: schema.editions.year,
      municipality: schema.municipalities.name,
    })
    .from(a)
    .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
    .leftJoin(schema.municipalities, eq(schema.municipalities.code, a.municipalityCode))
    .$dynamic();
}

export function listPendingActivities() {
  return reviewQuery().where(eq(a.status, "pending")).orderBy(desc(a.createdAt), desc(a.id)).all();
}

/** One activity that waits for review; null when it does not (anymore). */
export function getPendingActivity(id: number) {
  return (
    reviewQuery()
      .where(and(eq(a.id, id), eq(a.status, "pending")))
      .get() ?? null
  );
}

export function countPendingActivities(): number {
  return db.select({ n: count() }).from(a).where(eq(a.status, "pending")).get()!.n;
}

/** Who reviews: the programme team everywhere, a coordinator only inside their municipality. */
export type ReviewScope = { municipalityCode: string } | null;

function ownerEmailsOf(tx: DbOrTx, ids: number[], scope: ReviewScope = null) {
  return tx
    .select({ id: a.id, title: a.title, email: schema.users.email })
    .from(a)
    .innerJoin(schema.users, eq(schema.users.id, a.ownerId))
    .where(and(inArray(a.id, ids), eq(a.status, "pending"), scope ? eq(a.municipalityCode, scope.municipalityCode) : undefined))
    .all();
}

export function approveActivities(actor: { id: number }, ids: number[], now: Date, scope: ReviewScope = null) {
  if (!ids.length) return 0;
  return db.transaction((tx) => {
    const pending = ownerEmailsOf(tx, ids, scope);
    for (const p of pending) {
      tx.update(a)
        .set({ status: "published", moderationReason: null, moderatedAt: now, moderatedById: actor.id, updatedAt: now })
        .where(eq(a.id, p.id))
        .run();
      audit(tx, {
        actorId: actor.id,
        action: "activity.approved",
        entityType: "activity",
        entityId: p.id,
        details: scope ? { asCoordinatorOf: scope.municipalityCode } : undefined,
      });
      enqueueEmail(
        tx,
        {
          template: "activity-published",
          to: p.email,
          props: { title: p.title, publicUrl: absoluteUrl(`/activiteiten/${p.id}`) },
        },
        now,
      );
    }
    return pending.length;
  });
}

export function rejectActivity(actor: { id: number }, id: number, reason: string, now: Date, scope: ReviewScope = null) {
  return db.transaction((tx) => {
    const [p] = ownerEmailsOf(tx, [id], scope);
    if (!p) throw new RuleError("Deze activiteit wacht niet (meer) op controle.");
    tx.update(a)
      .set({ status: "rejected", moderationReason: reason, moderatedAt: now, moderatedById: actor.id, updatedAt: now })
      .where(eq(a.id, id))
      .run();
    audit(tx, {
      actorId: actor.id,
      action: "activity.rejected",
      entityType: "activity",
      entityId: id,
      details: scope ? { reason, asCoordinatorOf: scope.municipalityCode } : { reason },
    });
    enqueueEmail(
      tx,
      {
        template: "activity-rejected",
        to: p.email,
        props: { title: p.title, reason, editUrl: absoluteUrl(`/organisator/activiteiten/${id}/bewerken`) },
      },
      now,
    );
  });
}

export function listMunicipalityOptions() {
  return db
    .select({ code: schema.municipalities.code, name: schema.municipalities.name })
    .from(schema.municipalities)
    .orderBy(schema.municipalities.name)
    .all();
}
