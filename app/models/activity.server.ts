// The organiser's and moderator's side of activities: registering, editing, copying, cancelling
// and reviewing. Ownership is always part of the WHERE clause; every change is audited and the
// e-mail it causes is queued in the same transaction.
import { and, count, desc, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, immediate, schema, type DbOrTx } from "~/utils/db.server";
import { geocodeAddress } from "~/utils/geocode.server";
import { addDays, formatDate, utcToAmsterdam } from "~/utils/time";
import type { ActivityFormValues, TargetGroup } from "./activity";
import { parseLanguages } from "./activity-features";
import { isRegistrationOpen, weekBounds } from "./edition";
import type { Edition } from "./edition.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { endKitOrderOfCancelledActivity } from "./kit-order-activity.server";
import { LIVE_STATUS_LIST } from "./kit-order.server";
import { enqueueEmail } from "./outbox.server";
import { RuleError } from "./rule-error";
import { DIRECT_FIELDS, type DirectField, type ReviewedField } from "./activity-revision";
import { LikelyDuplicateError, type DuplicateCandidate } from "./activity-duplicates";
import { findLikelyDuplicates } from "./activity-duplicates.server";
import { sessionRows } from "./activity-sessions";
import { orFirstSession, sessionsOf, sessionTimes, syncSessions } from "./activity-sessions.server";
import {
  changedReviewedFields,
  decidePendingRevision,
  decodeProposed,
  pendingRevision,
  revisionDiff,
  revisionStateForActivities,
  pickReviewed,
  savePendingRevision,
  withdrawPendingRevision,
  withPendingProposal,
} from "./activity-revision.server";

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
  const rows = db
    .select(ownListColumns)
    .from(a)
    .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
    .where(eq(a.ownerId, ownerId))
    .orderBy(desc(schema.editions.year), a.startsAt)
    .all();
  const revisions = revisionStateForActivities(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    hasKitOrder: Boolean(row.hasKitOrder),
    hasReport: Boolean(row.hasReport),
    // A change waiting for review, or the reason the last change was refused (published activities only).
    revision: row.status === "published" ? (revisions.get(row.id) ?? null) : null,
  }));
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
  return { ...row, targetGroups: targetGroupsOf(db, id), sessions: orFirstSession(sessionsOf(db, id), row) };
}

function targetGroupsOf(tx: DbOrTx, activityId: number): TargetGroup[] {
  return tx
    .select({ g: schema.activityTargetGroups.targetGroup })
    .from(schema.activityTargetGroups)
    .where(eq(schema.activityTargetGroups.activityId, activityId))
    .all()
    .map((r) => r.g as TargetGroup);
}

/** The organiser's activity as they last asked for it: with a change that waits for review laid over it. */
export function getOwnActivityForEditing(ownerId: number, id: number) {
  const activity = getOwnActivity(ownerId, id);
  if (!activity) return null;
  const pending = activity.status === "published" ? pendingRevision(db, id) : null;
  return {
    activity: withPendingProposal(activity, pending),
    pendingFields: pending ? changedReviewedFields(activity, pending.proposed) : [],
  };
}

/** Form values for an existing activity (for editing or copying). */
export function toFormValues(activity: NonNullable<ReturnType<typeof getOwnActivity>>, dateShiftDays = 0) {
  // The first session in the first row, the others in "Nog een keer"; a copy moves each to the same weekday.
  const [first, ...more] = (activity.sessions.length ? activity.sessions : [activity]).map((x) => {
    const start = utcToAmsterdam(x.startsAt);
    return { date: addDays(start.date, dateShiftDays), startTime: start.time, endTime: utcToAmsterdam(x.endsAt).time };
  });
  const opt = (v: string | null) => v ?? undefined;
  return {
    title: activity.title,
    description: activity.description,
    type: activity.type,
    targetGroups: activity.targetGroups,
    ...first,
    moreSessions: more,
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
  const [first] = sessionTimes(sessionRows(values));
  return {
    organisationName: values.organisationName,
    organisationKind: values.organisationKind,
    title: values.title,
    description: values.description,
    type: values.type,
    startsAt: first.startsAt,
    endsAt: first.endsAt,
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

// Every column the form writes is either reviewed or goes live directly (activity-revision.ts says why).
// A new column that is in neither list makes this line fail the typecheck, naming the column.
type Unclassified = Exclude<keyof ReturnType<typeof columnsFrom>, ReviewedField | DirectField>;
const everyColumnClassified: [Unclassified] extends [never] ? true : Unclassified = true;
void everyColumnClassified;

const directFieldList = Object.keys(DIRECT_FIELDS) as DirectField[];
function pickDirect(columns: ReturnType<typeof columnsFrom>) {
  return Object.fromEntries(Object.entries(columns).filter(([k]) => directFieldList.includes(k as DirectField)));
}

function replaceTargetGroups(tx: DbOrTx, activityId: number, groups: TargetGroup[]) {
  tx.delete(schema.activityTargetGroups).where(eq(schema.activityTargetGroups.activityId, activityId)).run();
  for (const targetGroup of new Set(groups)) tx.insert(schema.activityTargetGroups).values({ activityId, targetGroup }).run();
}

export type DuplicateCheck = { acceptLikelyDuplicates?: boolean };

/** Refuses with "lijkt op …" unless the organiser confirmed; see activity-duplicates.ts for the rule. */
function checkDuplicates(
  editionId: number,
  candidate: Omit<DuplicateCandidate, "ownerId"> & { ownerId: number },
  options: DuplicateCheck,
  excludeId?: number,
) {
  if (options.acceptLikelyDuplicates) return;
  const duplicates = findLikelyDuplicates(db, editionId, candidate, excludeId);
  // Another organiser's activity that is not public yet is only mentioned, never described.
  if (duplicates.length)
    throw new LikelyDuplicateError(
      duplicates.map(({ ownerId, ...d }) =>
        ownerId === candidate.ownerId || d.status === "published"
          ? d
          : { ...d, title: "een activiteit die nog wordt gecontroleerd", place: null },
      ),
    );
}

export async function registerActivity(
  owner: Actor,
  edition: Edition,
  values: ActivityFormValues,
  now: Date,
  copiedFromId?: number,
  registeredBy?: { id: number; municipalityCode: string },
  options: DuplicateCheck = {},
) {
  if (!isRegistrationOpen(edition, now)) throw new RuleError("Aanmelden voor deze editie is gesloten.");
  const place = await locate(values);
  const columns = columnsFrom(values, place);
  checkDuplicates(edition.id, { ...columns, ownerId: owner.id }, options);
  return db.transaction((tx) => {
    const { id } = tx
      .insert(a)
      .values({
        ...columns,
        editionId: edition.id,
        ownerId: owner.id,
        status: "pending",
        copiedFromId,
        createdAt: now,
      })
      .returning({ id: a.id })
      .get();
    replaceTargetGroups(tx, id, values.targetGroups);
    syncSessions(tx, id, sessionTimes(sessionRows(values)));
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

/** Same address as before (the venue name does not move the pin): no need to geocode again. */
function sameAddress(basis: typeof a.$inferSelect, values: ActivityFormValues) {
  if (basis.isOnline !== values.isOnline) return false;
  if (values.isOnline) return true;
  const fields = ["street", "houseNumber", "postcode", "place"] as const;
  return (
    fields.every((k) => (basis[k] ?? undefined) === values[k]) &&
    (!values.municipalityCode || values.municipalityCode === basis.municipalityCode)
  );
}

/**
 * Saves an organiser's edit. A waiting (never approved) or rejected activity simply changes (a rejected
 * one goes back for review). On a published activity only DIRECT_FIELDS go live; a change to any of
 * REVIEWED_FIELDS becomes (or updates) the one pending revision, and the public keeps the approved version.
 * Geocoding happens here, at submit time, so approving later needs no outside service.
 */
export async function updateActivity(
  owner: Actor,
  id: number,
  edition: Edition,
  values: ActivityFormValues,
  now: Date,
  options: DuplicateCheck = {},
) {
  const current = getOwnActivity(owner.id, id);
  if (!current) throw new Response("Niet gevonden", { status: 404 });
  if (!canEdit(current, edition, now)) throw new RuleError("Deze activiteit kun je niet meer aanpassen.");
  const reviewGate = current.status === "published";
  const basis = withPendingProposal(current, reviewGate ? pendingRevision(db, id) : null);
  const pinMoved =
    values.pinLat !== undefined && values.pinLon !== undefined && (values.pinLat !== basis.lat || values.pinLon !== basis.lon);
  // Unchanged address and no dragged pin: keep the point we have (it may be a pin dragged earlier).
  const relocate = pinMoved || !sameAddress(basis, values);
  const place: Located = relocate
    ? await locate(values)
    : {
        lat: basis.lat,
        lon: basis.lon,
        municipalityCode: basis.municipalityCode,
        locationApproximate: basis.locationApproximate,
      };
  const columns = columnsFrom(values, place);
  const sessions = sessionTimes(sessionRows(values));
  const proposal = { ...pickReviewed(columns), sessions };
  const toReview = reviewGate ? changedReviewedFields(current, proposal) : [];
  if (!reviewGate || toReview.length) checkDuplicates(edition.id, { ...columns, ownerId: owner.id }, options, id);
  return db.transaction((tx) => {
    const status = current.status === "rejected" ? "pending" : current.status;
    const live = reviewGate ? pickDirect(columns) : columns;
    tx.update(a)
      .set({ ...live, status, updatedAt: now })
      .where(and(eq(a.id, id), eq(a.ownerId, owner.id)))
      .run();
    replaceTargetGroups(tx, id, values.targetGroups);
    if (!reviewGate) syncSessions(tx, id, sessions);
    let revision: "pending" | "withdrawn" | undefined;
    if (toReview.length) {
      savePendingRevision(tx, id, owner.id, proposal, now);
      revision = "pending";
    } else if (reviewGate && withdrawPendingRevision(tx, id, now)) revision = "withdrawn";
    audit(tx, {
      actorId: owner.id,
      action: "activity.updated",
      entityType: "activity",
      entityId: id,
      details:
        status !== current.status
          ? { status }
          : revision
            ? { revision, fields: toReview.length ? toReview : undefined }
            : undefined,
    });
    // "We could not find the address" only when this edit looked it up.
    return { approximate: relocate && place.locationApproximate, pendingReview: toReview };
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
    // Cancelling is immediate; a change that waited for review no longer matters.
    withdrawPendingRevision(tx, id, now);
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
// Moderation (programme team, and coordinators allowed to review). What waits: new activities
// ("pending") and changes to published ones (a pending revision). Both are decided with the same
// approve/reject commands, by activity id.

/** Who reviews: the programme team everywhere, a coordinator only inside their municipality. */
export type ReviewScope = { municipalityCode: string } | null;
const inScope = (scope: ReviewScope) => (scope ? eq(a.municipalityCode, scope.municipalityCode) : undefined);

const rev = schema.activityRevisions;
const hasPendingRevision = sql<number>`exists(select 1 from activity_revisions r where r.activity_id = ${a.id} and r.status = 'pending')`;

const duplicateCandidate = (row: typeof a.$inferSelect): DuplicateCandidate => ({
  ownerId: row.ownerId,
  title: row.title,
  startsAt: row.startsAt,
  isOnline: row.isOnline,
  lat: row.lat,
  lon: row.lon,
  locationApproximate: row.locationApproximate,
  postcode: row.postcode,
  houseNumber: row.houseNumber,
});

/** Everything that waits for review, newest first, each with the activities it looks like. */
export function listReviewQueue(scope: ReviewScope = null) {
  const rows = db
    .select({
      activity: a,
      editionYear: schema.editions.year,
      municipality: schema.municipalities.name,
      revisionSubmittedAt: rev.updatedAt,
      revisionProposed: rev.proposed,
    })
    .from(a)
    .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
    .leftJoin(schema.municipalities, eq(schema.municipalities.code, a.municipalityCode))
    .leftJoin(rev, and(eq(rev.activityId, a.id), eq(rev.status, "pending")))
    .where(and(or(eq(a.status, "pending"), and(eq(a.status, "published"), isNotNull(rev.id))), inScope(scope)))
    .all();
  return rows
    .map(({ activity, editionYear, municipality, revisionSubmittedAt, revisionProposed }) => {
      const isRevision = activity.status === "published";
      const shown = isRevision ? { ...activity, ...decodeProposed(revisionProposed ?? {}) } : activity;
      const duplicates = findLikelyDuplicates(db, activity.editionId, duplicateCandidate(shown), activity.id);
      return {
        id: activity.id,
        kind: isRevision ? ("revision" as const) : ("activity" as const),
        title: shown.title,
        organisationName: shown.organisationName,
        startsAt: shown.startsAt,
        place: shown.place,
        isOnline: shown.isOnline,
        submittedAt: isRevision ? revisionSubmittedAt! : activity.createdAt,
        editionYear,
        municipality,
        duplicates,
        // "Samenvoegen" keeps the oldest: a new activity that looks like an older one can be rejected as its duplicate.
        mergeInto: !isRevision ? (duplicates.find((d) => d.id < activity.id) ?? null) : null,
      };
    })
    .sort((x, y) => y.submittedAt.getTime() - x.submittedAt.getTime() || y.id - x.id);
}
export type ReviewQueueItem = ReturnType<typeof listReviewQueue>[number];

export function countPendingActivities(): number {
  return db
    .select({ n: count() })
    .from(a)
    .where(or(eq(a.status, "pending"), and(eq(a.status, "published"), sql`${hasPendingRevision} = 1`)))
    .get()!.n;
}

/**
 * One activity that waits for review (new, or a published one with a pending change), with everything
 * a reviewer needs: all public and private fields, the proposed change as a diff, likely duplicates and
 * the organiser's history. Null when nothing (or nothing in scope) waits.
 */
export function getReviewItem(id: number, scope: ReviewScope = null) {
  const row = db
    .select({ activity: a, editionYear: schema.editions.year, municipality: schema.municipalities.name, owner: schema.users })
    .from(a)
    .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
    .innerJoin(schema.users, eq(schema.users.id, a.ownerId))
    .leftJoin(schema.municipalities, eq(schema.municipalities.code, a.municipalityCode))
    .where(and(eq(a.id, id), inArray(a.status, ["pending", "published"]), inScope(scope)))
    .get();
  if (!row) return null;
  const revision = row.activity.status === "published" ? pendingRevision(db, id) : null;
  if (row.activity.status === "published" && !revision) return null;
  const approved = { ...row.activity, sessions: orFirstSession(sessionsOf(db, id), row.activity) };
  const shown = withPendingProposal(approved, revision);
  const municipalityName = (code: string) =>
    db.select({ name: schema.municipalities.name }).from(schema.municipalities).where(eq(schema.municipalities.code, code)).get()
      ?.name ?? null;
  return {
    activity: {
      ...shown,
      targetGroups: targetGroupsOf(db, id),
      editionYear: row.editionYear,
      municipality: shown.municipalityCode ? municipalityName(shown.municipalityCode) : null,
    },
    owner: { id: row.owner.id, email: row.owner.email, name: row.owner.name },
    revision: revision
      ? {
          submittedAt: revision.submittedAt,
          updatedAt: revision.updatedAt,
          diff: revisionDiff(approved, revision.proposed, municipalityName),
        }
      : null,
    duplicates: findLikelyDuplicates(db, row.activity.editionId, duplicateCandidate(shown), id),
    history: organiserHistory(row.owner.id, id),
  };
}
export type ReviewItem = NonNullable<ReturnType<typeof getReviewItem>>;

/** The organiser's other activities (any edition) and every refusal they got, with the reasons. */
export function organiserHistory(ownerId: number, excludeId: number) {
  const activities = db
    .select({
      id: a.id,
      title: a.title,
      status: a.status,
      startsAt: a.startsAt,
      moderationReason: a.moderationReason,
      editionYear: schema.editions.year,
    })
    .from(a)
    .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
    .where(and(eq(a.ownerId, ownerId), ne(a.id, excludeId)))
    .orderBy(desc(a.startsAt))
    .all();
  const rejectedChanges = db
    .select({ activityId: a.id, title: a.title, reason: rev.reason, at: rev.reviewedAt })
    .from(rev)
    .innerJoin(a, eq(a.id, rev.activityId))
    .where(and(eq(a.ownerId, ownerId), eq(rev.status, "rejected")))
    .orderBy(desc(rev.reviewedAt))
    .all();
  return { activities, rejectedChanges };
}

type Decided = { id: number; title: string; email: string; status: "pending" | "published" };

/** The new activities and pending changes among `ids` that this reviewer may decide. */
function awaitingDecision(tx: DbOrTx, ids: number[], scope: ReviewScope): Decided[] {
  return tx
    .select({ id: a.id, title: a.title, email: schema.users.email, status: a.status })
    .from(a)
    .innerJoin(schema.users, eq(schema.users.id, a.ownerId))
    .where(
      and(
        inArray(a.id, ids),
        or(eq(a.status, "pending"), and(eq(a.status, "published"), sql`${hasPendingRevision} = 1`)),
        inScope(scope),
      ),
    )
    .all() as Decided[];
}

const scopeDetails = (scope: ReviewScope) => (scope ? { asCoordinatorOf: scope.municipalityCode } : {});

/** Publishes new activities and applies pending changes, in one transaction; returns how many. */
export function approveActivities(actor: { id: number }, ids: number[], now: Date, scope: ReviewScope = null) {
  if (!ids.length) return 0;
  return db.transaction((tx) => {
    const waiting = awaitingDecision(tx, ids, scope);
    for (const p of waiting) {
      const publicUrl = absoluteUrl(`/activiteiten/${p.id}`);
      if (p.status === "published") {
        const revision = decidePendingRevision(tx, p.id, { status: "approved", reviewerId: actor.id }, now)!;
        // Geocoding was done when the change was submitted: the snapshot holds the point too.
        const { sessions, ...columns } = revision.proposed;
        tx.update(a)
          .set({ ...columns, moderatedAt: now, moderatedById: actor.id, updatedAt: now })
          .where(eq(a.id, p.id))
          .run();
        // A change saved before sessions existed names only the first start and end: that was its one session.
        const wanted = sessions?.length
          ? sessions
          : columns.startsAt && columns.endsAt
            ? [{ startsAt: columns.startsAt, endsAt: columns.endsAt }]
            : null;
        if (wanted) syncSessions(tx, p.id, wanted);
        audit(tx, {
          actorId: actor.id,
          action: "activity.revision-approved",
          entityType: "activity",
          entityId: p.id,
          details: { revisionId: revision.id, ...scopeDetails(scope) },
        });
        const title = revision.proposed.title ?? p.title;
        enqueueEmail(tx, { template: "activity-change-approved", to: p.email, props: { title, publicUrl } }, now);
        continue;
      }
      tx.update(a)
        .set({ status: "published", moderationReason: null, moderatedAt: now, moderatedById: actor.id, updatedAt: now })
        .where(eq(a.id, p.id))
        .run();
      audit(tx, {
        actorId: actor.id,
        action: "activity.approved",
        entityType: "activity",
        entityId: p.id,
        details: scope ? scopeDetails(scope) : undefined,
      });
      enqueueEmail(tx, { template: "activity-published", to: p.email, props: { title: p.title, publicUrl } }, now);
    }
    return waiting.length;
  });
}

/** Refuses a new activity, or a pending change (the approved version stays public); the organiser gets the reason. */
export function rejectActivity(actor: { id: number }, id: number, reason: string, now: Date, scope: ReviewScope = null) {
  return db.transaction((tx) => {
    const [p] = awaitingDecision(tx, [id], scope);
    if (!p) throw new RuleError("Deze activiteit wacht niet (meer) op controle.");
    const editUrl = absoluteUrl(`/organisator/activiteiten/${id}/bewerken`);
    if (p.status === "published") {
      const revision = decidePendingRevision(tx, id, { status: "rejected", reviewerId: actor.id, reason }, now)!;
      audit(tx, {
        actorId: actor.id,
        action: "activity.revision-rejected",
        entityType: "activity",
        entityId: id,
        details: { revisionId: revision.id, reason, ...scopeDetails(scope) },
      });
      enqueueEmail(tx, { template: "activity-change-rejected", to: p.email, props: { title: p.title, reason, editUrl } }, now);
      return;
    }
    tx.update(a)
      .set({ status: "rejected", moderationReason: reason, moderatedAt: now, moderatedById: actor.id, updatedAt: now })
      .where(eq(a.id, id))
      .run();
    audit(tx, {
      actorId: actor.id,
      action: "activity.rejected",
      entityType: "activity",
      entityId: id,
      details: { reason, ...scopeDetails(scope) },
    });
    enqueueEmail(tx, { template: "activity-rejected", to: p.email, props: { title: p.title, reason, editUrl } }, now);
  });
}

/** The fixed reason of "samenvoegen": the newer registration is refused as a copy of the older one. */
export function duplicateReason(older: { title: string; startsAt: Date | string }) {
  return `Deze activiteit is dubbel aangemeld. Hij staat er al als „${older.title}” (${formatDate(older.startsAt)}). We houden die aanmelding aan. Wil je iets veranderen? Pas dan die activiteit aan.`;
}

/**
 * "Samenvoegen" in one click: refuses the newer of two likely duplicates with the fixed reason; the
 * older stays as it is. Only when the model still sees them as likely duplicates.
 */
export function mergeDuplicate(actor: { id: number }, newerId: number, olderId: number, now: Date, scope: ReviewScope = null) {
  const item = listReviewQueue(scope).find((x) => x.id === newerId);
  const older = item?.mergeInto?.id === olderId ? item.mergeInto : null;
  if (!older) throw new RuleError("Deze twee activiteiten kunnen niet (meer) worden samengevoegd.");
  rejectActivity(actor, newerId, duplicateReason(older), now, scope);
}

export function listMunicipalityOptions() {
  return db
    .select({ code: schema.municipalities.code, name: schema.municipalities.name })
    .from(schema.municipalities)
    .orderBy(schema.municipalities.name)
    .all();
}

/** A review item as the review pages get it (plain JSON: instants as ISO strings, only what they show). */
export function reviewItemForPage(item: ReviewItem) {
  const x = item.activity;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    activity: {
      id: x.id,
      status: x.status,
      title: x.title,
      description: x.description,
      type: x.type,
      targetGroups: x.targetGroups,
      startsAt: x.startsAt.toISOString(),
      endsAt: x.endsAt.toISOString(),
      sessions: (x.sessions ?? []).map((t) => ({ startsAt: t.startsAt.toISOString(), endsAt: t.endsAt.toISOString() })),
      editionYear: x.editionYear,
      isOnline: x.isOnline,
      onlineUrl: x.onlineUrl,
      venueName: x.venueName,
      address: [[x.street, x.houseNumber].filter(Boolean).join(" "), [x.postcode, x.place].filter(Boolean).join(" ")]
        .filter(Boolean)
        .join(", "),
      municipality: x.municipality,
      pin:
        !x.isOnline && x.lat !== null && x.lon !== null ? { lat: x.lat, lon: x.lon, approximate: x.locationApproximate } : null,
      signUpInfo: x.signUpRequired ? x.signUpInfo : null,
      organisationName: x.organisationName,
      organisationKind: x.organisationKind,
      publicContact: { name: x.publicContactName, email: x.publicContactEmail, phone: x.publicContactPhone },
      privateContact: { name: x.privateContactName, email: x.privateContactEmail, phone: x.privateContactPhone },
      createdAt: x.createdAt.toISOString(),
    },
    owner: item.owner,
    revision: item.revision
      ? {
          submittedAt: item.revision.submittedAt.toISOString(),
          updatedAt: item.revision.updatedAt.toISOString(),
          diff: item.revision.diff,
        }
      : null,
    duplicates: item.duplicates.map(({ ownerId, ...d }) => ({ ...d, sameOrganiser: ownerId === item.owner.id })),
    history: {
      activities: item.history.activities.map((h) => ({ ...h, startsAt: h.startsAt.toISOString() })),
      rejectedChanges: item.history.rejectedChanges.map((h) => ({ ...h, at: iso(h.at) })),
    },
  };
}
export type ReviewPageItem = ReturnType<typeof reviewItemForPage>;
