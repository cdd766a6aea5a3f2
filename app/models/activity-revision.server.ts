// Pending revisions of published activities: storing, reading and comparing them. Deciding on them
// (approve/reject) lives with the other review decisions in activity.server.ts.
import { and, desc, eq, inArray } from "drizzle-orm";
import { schema, type DbOrTx } from "~/utils/db.server";
import { formatDateTime } from "~/utils/time";
import { REVIEWED_FIELDS, type ReviewedField, type RevisionDiffRow } from "./activity-revision";
import { sessionText } from "./activity-sessions";
import { orFirstSession, sessionsByActivity } from "./activity-sessions.server";

const r = schema.activityRevisions;
const a = schema.activities;
type ActivityRow = typeof a.$inferSelect;
export type ProposedSession = { startsAt: Date; endsAt: Date };
export type ReviewedColumns = Partial<Pick<ActivityRow, Exclude<ReviewedField, "sessions">>> & { sessions?: ProposedSession[] };

export const reviewedFieldList = Object.keys(REVIEWED_FIELDS) as ReviewedField[];

// Instants become {"$instant": ms} in the JSON snapshot (also inside the list of sessions), so any new
// timestamp column round-trips too.
type Encoded = Record<string, unknown>;
const encodeValue = (v: unknown): unknown =>
  v instanceof Date
    ? { $instant: v.getTime() }
    : Array.isArray(v)
      ? v.map(encodeValue)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeValue(x)]))
        : v;
const decodeValue = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(decodeValue)
    : v && typeof v === "object"
      ? "$instant" in v
        ? new Date((v as { $instant: number }).$instant)
        : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeValue(x)]))
      : v;
const encode = (columns: ReviewedColumns): Encoded => encodeValue(columns) as Encoded;
export const decodeProposed = (proposed: Encoded): ReviewedColumns =>
  Object.fromEntries(
    Object.entries(proposed)
      .filter(([k]) => k in REVIEWED_FIELDS)
      .map(([k, v]) => [k, decodeValue(v)]),
  );

// The only list among the reviewed fields is the sessions: equal when the same times, whatever their ids.
const times = (v: unknown) => JSON.stringify(((v ?? []) as ProposedSession[]).map((x) => [+x.startsAt, +x.endsAt]));
const same = (x: unknown, y: unknown): boolean =>
  Array.isArray(x) || Array.isArray(y)
    ? times(x) === times(y)
    : x instanceof Date || y instanceof Date
      ? x instanceof Date && y instanceof Date && x.getTime() === y.getTime()
      : (x ?? null) === (y ?? null);

/** The reviewed fields whose proposed value differs from the approved one. */
export function changedReviewedFields(approved: ReviewedColumns, proposed: ReviewedColumns): ReviewedField[] {
  return reviewedFieldList.filter((f) => f in proposed && !same(approved[f], proposed[f]));
}

export function pickReviewed<T extends Record<string, unknown>>(columns: T): ReviewedColumns {
  return Object.fromEntries(reviewedFieldList.filter((f) => f in columns).map((f) => [f, columns[f]])) as ReviewedColumns;
}

export function pendingRevision(tx: DbOrTx, activityId: number) {
  const row = tx
    .select()
    .from(r)
    .where(and(eq(r.activityId, activityId), eq(r.status, "pending")))
    .get();
  return row ? { ...row, proposed: decodeProposed(row.proposed) } : null;
}

/** Stores the organiser's proposal; a second edit while one waits replaces its values. */
export function savePendingRevision(tx: DbOrTx, activityId: number, actorId: number, proposed: ReviewedColumns, now: Date) {
  const existing = pendingRevision(tx, activityId);
  if (existing) {
    tx.update(r)
      .set({ proposed: encode(proposed), submittedById: actorId, updatedAt: now })
      .where(eq(r.id, existing.id))
      .run();
    return { id: existing.id, replaced: true };
  }
  const { id } = tx
    .insert(r)
    .values({ activityId, proposed: encode(proposed), submittedById: actorId, submittedAt: now, updatedAt: now })
    .returning({ id: r.id })
    .get();
  return { id, replaced: false };
}

/** The organiser changed everything back, or cancelled: nothing is left to review. */
export function withdrawPendingRevision(tx: DbOrTx, activityId: number, now: Date) {
  return tx
    .update(r)
    .set({ status: "withdrawn", updatedAt: now })
    .where(and(eq(r.activityId, activityId), eq(r.status, "pending")))
    .run().changes;
}

/** Marks the pending revision decided; returns it (null when none waits). */
export function decidePendingRevision(
  tx: DbOrTx,
  activityId: number,
  decision: { status: "approved" | "rejected"; reviewerId: number; reason?: string },
  now: Date,
) {
  const pending = pendingRevision(tx, activityId);
  if (!pending) return null;
  tx.update(r)
    .set({
      status: decision.status,
      reviewedById: decision.reviewerId,
      reviewedAt: now,
      reason: decision.reason ?? null,
      updatedAt: now,
    })
    .where(eq(r.id, pending.id))
    .run();
  return pending;
}

/** The approved row with the pending proposal laid over it: what the organiser last asked for. */
export function withPendingProposal<T extends Record<string, unknown>>(row: T, pending: { proposed: ReviewedColumns } | null): T {
  return pending ? { ...row, ...pending.proposed } : row;
}

// ---------------------------------------------------------------------------------------------
// For the organiser's overview: what waits, and the latest refusal.

export function revisionStateForActivities(tx: DbOrTx, activityIds: number[]) {
  const state = new Map<number, { pendingFields: ReviewedField[]; rejectedReason: string | null }>();
  if (!activityIds.length) return state;
  const rows = tx
    .select({ revision: r, activity: a })
    .from(r)
    .innerJoin(a, eq(a.id, r.activityId))
    .where(inArray(r.activityId, activityIds))
    .orderBy(desc(r.updatedAt), desc(r.id))
    .all();
  const sessions = sessionsByActivity(tx, activityIds);
  for (const { revision, activity } of rows) {
    if (state.has(activity.id)) continue; // newest first: only the latest revision counts
    if (revision.status === "pending")
      state.set(activity.id, {
        pendingFields: changedReviewedFields(
          { ...activity, sessions: orFirstSession(sessions.get(activity.id) ?? [], activity) },
          decodeProposed(revision.proposed),
        ),
        rejectedReason: null,
      });
    else if (revision.status === "rejected") state.set(activity.id, { pendingFields: [], rejectedReason: revision.reason });
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// For the reviewer: the side-by-side table.

function display(field: ReviewedField, value: unknown, municipalityName: (code: string) => string | null) {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "sessions" && Array.isArray(value)) return (value as ProposedSession[]).map(sessionText).join("; ");
  if (value instanceof Date) return formatDateTime(value.toISOString());
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (field === "municipalityCode" && typeof value === "string") return municipalityName(value) ?? value;
  return String(value);
}

export function revisionDiff(
  approved: ReviewedColumns,
  proposed: ReviewedColumns,
  municipalityName: (code: string) => string | null,
): RevisionDiffRow[] {
  const changed = changedReviewedFields(approved, proposed);
  // A changed list of dates says it all: the first start and end are only its copy.
  const shown = changed.includes("sessions") ? changed.filter((f) => f !== "startsAt" && f !== "endsAt") : changed;
  return shown.map((field) => ({
    field,
    label: REVIEWED_FIELDS[field],
    now: display(field, approved[field], municipalityName),
    proposed: display(field, proposed[field], municipalityName),
  }));
}
