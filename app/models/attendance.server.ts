// Attendance after the Week: the organiser's report (one per activity, editable until the edition's
// report deadline), the signed e-mail link that opens it without logging in, and the scheduler that
// asks for it (the day after the activity) and reminds once (a week after the request).
import { setTimeout as sleep } from "node:timers/promises";
import { asc, eq, sql } from "drizzle-orm";
import { LAST_SESSION_END } from "./activity-sessions.server";
import { audit } from "~/utils/audit.server";
import { now as clockNow } from "~/utils/clock.server";
import { db, immediate, schema as t, type DbOrTx } from "~/utils/db.server";
import { createSignedToken, readSignedTokenPurpose, verifySignedToken } from "~/utils/signed-token.server";
import { addDays, amsterdamToUtc, utcToAmsterdam } from "~/utils/time";
import { ATTENDANCE_STATE_TEXT, sessionFieldName, type AttendanceReportInput, type AttendanceState } from "./attendance";
import { enqueueEmail } from "./outbox.server";
import { absoluteUrl } from "~/utils/public-url.server";

const DAY_MS = 86_400_000;
// An activity with several sessions has ended when its last session has (activities.ends_at is the first's).
export const REMINDER_AFTER_MS = 7 * DAY_MS;

// ---------------------------------------------------------------------------------------------
// Rules

/** Reporting opens when the activity has ended and closes at the edition's deadline (exclusive). */
export function attendanceState(
  activity: { status: string; endsAt: Date },
  edition: { reportDeadline: Date },
  now: Date,
): AttendanceState {
  if (activity.status !== "published") return "not_published";
  if (now < activity.endsAt) return "not_ended";
  if (now >= edition.reportDeadline) return "closed";
  return "open";
}

/** The request goes out from the start of the (Dutch) day after the activity ended. */
export function requestDueAt(endsAt: Date): Date {
  return amsterdamToUtc(addDays(utcToAmsterdam(endsAt).date, 1));
}

export const attendancePurpose = (activityId: number) => `attendance:${activityId}`;

/** The personal link in the e-mail: opens only this activity's report form, until the deadline. */
export function attendanceToken(activityId: number, reportDeadline: Date) {
  return createSignedToken(attendancePurpose(activityId), reportDeadline);
}
export const attendanceUrl = (token: string) => absoluteUrl(`/opkomst/${token}`);

// ---------------------------------------------------------------------------------------------
// Reading

function loadTarget(tx: DbOrTx, activityId: number) {
  const row = tx
    .select({
      id: t.activities.id,
      title: t.activities.title,
      status: t.activities.status,
      ownerId: t.activities.ownerId,
      startsAt: t.activities.startsAt,
      endsAt: t.activities.endsAt,
      place: t.activities.place,
      isOnline: t.activities.isOnline,
      editionYear: t.editions.year,
      reportDeadline: t.editions.reportDeadline,
    })
    .from(t.activities)
    .innerJoin(t.editions, eq(t.editions.id, t.activities.editionId))
    .where(eq(t.activities.id, activityId))
    .get();
  if (!row) return null;
  const sessions = tx
    .select({ id: t.activitySessions.id, startsAt: t.activitySessions.startsAt, endsAt: t.activitySessions.endsAt })
    .from(t.activitySessions)
    .where(eq(t.activitySessions.activityId, activityId))
    .orderBy(asc(t.activitySessions.startsAt), asc(t.activitySessions.id))
    .all();
  const lastEnd = sessions.reduce((end, x) => (x.endsAt > end ? x.endsAt : end), row.endsAt);
  const report =
    tx
      .select({
        participants: t.attendanceReports.participants,
        volunteers: t.attendanceReports.volunteers,
        firstTimers: t.attendanceReports.firstTimers,
        newcomersReturned: t.attendanceReports.newcomersReturned,
        remarks: t.attendanceReports.remarks,
        reportedAt: t.attendanceReports.reportedAt,
        updatedAt: t.attendanceReports.updatedAt,
      })
      .from(t.attendanceReports)
      .where(eq(t.attendanceReports.activityId, activityId))
      .get() ?? null;
  const counts = report
    ? tx
        .select({ sessionId: t.attendanceSessionCounts.sessionId, participants: t.attendanceSessionCounts.participants })
        .from(t.attendanceSessionCounts)
        .innerJoin(t.attendanceReports, eq(t.attendanceReports.id, t.attendanceSessionCounts.reportId))
        .where(eq(t.attendanceReports.activityId, activityId))
        .all()
    : [];
  const countOf = new Map(counts.map((c) => [c.sessionId, c.participants]));
  return {
    activity: { ...row, endsAt: lastEnd },
    // Asked per session only when there are several; the report's participants is then their sum.
    sessions: sessions.length > 1 ? sessions.map((x) => ({ ...x, participants: countOf.get(x.id) ?? null })) : [],
    report,
  };
}

export type AttendancePage = NonNullable<ReturnType<typeof loadTarget>> & { state: AttendanceState };

/** The report page for a logged-in organiser; null when the activity is not theirs (404). */
export function getAttendanceForOwner(ownerId: number, activityId: number, now: Date): AttendancePage | null {
  const target = loadTarget(db, activityId);
  if (!target || target.activity.ownerId !== ownerId) return null;
  return { ...target, state: attendanceState(target.activity, { reportDeadline: target.activity.reportDeadline }, now) };
}

/** What both report pages show: the activity, the state and the saved report (as form values too). */
export function attendanceView(page: AttendancePage) {
  const r = page.report;
  return {
    activity: {
      id: page.activity.id,
      title: page.activity.title,
      startsAt: page.activity.startsAt.toISOString(),
      place: page.activity.isOnline ? "Online" : page.activity.place,
    },
    sessions: page.sessions.map((x) => ({
      id: x.id,
      startsAt: x.startsAt.toISOString(),
      endsAt: x.endsAt.toISOString(),
      participants: x.participants,
    })),
    year: page.activity.editionYear,
    deadline: page.activity.reportDeadline.toISOString(),
    state: page.state,
    stateText: page.state === "open" ? null : ATTENDANCE_STATE_TEXT[page.state],
    report: r
      ? {
          participants: r.participants,
          volunteers: r.volunteers,
          firstTimers: r.firstTimers,
          newcomersReturned: r.newcomersReturned,
          remarks: r.remarks,
        }
      : null,
    values: r
      ? {
          participants: String(r.participants),
          volunteers: String(r.volunteers),
          firstTimers: r.firstTimers === null ? "" : String(r.firstTimers),
          newcomersReturned: r.newcomersReturned ?? "",
          remarks: r.remarks ?? "",
          ...Object.fromEntries(
            page.sessions.map((x) => [sessionFieldName(x.id), x.participants === null ? "" : String(x.participants)]),
          ),
        }
      : ({} as Record<string, string>),
  };
}
export type AttendanceView = ReturnType<typeof attendanceView>;

export type TokenAccess = { ok: true; activityId: number; page: AttendancePage } | { ok: false; reason: "invalid" | "expired" };

/**
 * What an e-mailed link may open: exactly the activity named in its signed purpose ("attendance:<id>"),
 * until it expires. Tokens signed for any other purpose, tampered or expired tokens open nothing.
 */
export function getAttendanceForToken(token: string, now: Date): TokenAccess {
  const purpose = readSignedTokenPurpose(token);
  const match = purpose?.match(/^attendance:(\d{1,12})$/);
  if (!match) return { ok: false, reason: "invalid" };
  const activityId = Number(match[1]);
  const check = verifySignedToken(token, attendancePurpose(activityId), now);
  if (!check.ok) return { ok: false, reason: check.reason === "expired" ? "expired" : "invalid" };
  const target = loadTarget(db, activityId);
  if (!target) return { ok: false, reason: "invalid" };
  return {
    ok: true,
    activityId,
    page: { ...target, state: attendanceState(target.activity, { reportDeadline: target.activity.reportDeadline }, now) },
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

export type SaveAttendanceResult =
  { ok: true; created: boolean } | { ok: false; reason: "not_found" | "sessions_changed" | Exclude<AttendanceState, "open"> };

/**
 * Saves (or replaces) the one report of an activity. The rules are checked again inside the write
 * transaction, so a form opened before the deadline cannot be saved after it.
 * `ownerId`: when given, the activity must be theirs (logged-in route); the link route passes the token's activity.
 */
export function saveAttendanceReport(args: {
  activityId: number;
  ownerId?: number;
  via: "login" | "link";
  input: AttendanceReportInput;
  now: Date;
}): SaveAttendanceResult {
  const { activityId, input, now } = args;
  return immediate((tx): SaveAttendanceResult => {
    const target = loadTarget(tx, activityId);
    if (!target || (args.ownerId !== undefined && target.activity.ownerId !== args.ownerId))
      return { ok: false, reason: "not_found" };
    const state = attendanceState(target.activity, { reportDeadline: target.activity.reportDeadline }, now);
    if (state !== "open") return { ok: false, reason: state };
    const values = {
      participants: input.participants,
      volunteers: input.volunteers,
      firstTimers: input.firstTimers ?? null,
      newcomersReturned: input.newcomersReturned ?? null,
      remarks: input.remarks?.trim() ? input.remarks.trim() : null,
    };
    const actorId = target.activity.ownerId;
    // Several sessions: a number for each of this activity's sessions, and the total is their sum.
    const ids = target.sessions.map((x) => x.id);
    const perSession = (input.sessionCounts ?? []).filter((c) => ids.includes(c.sessionId));
    if (ids.length && perSession.length !== ids.length) return { ok: false, reason: "sessions_changed" };
    if (ids.length) values.participants = perSession.reduce((sum, c) => sum + c.participants, 0);
    let reportId: number;
    if (target.report) {
      reportId = tx
        .update(t.attendanceReports)
        .set({ ...values, updatedAt: now })
        .where(eq(t.attendanceReports.activityId, activityId))
        .returning({ id: t.attendanceReports.id })
        .get()!.id;
    } else {
      reportId = tx
        .insert(t.attendanceReports)
        .values({ activityId, ...values, reportedAt: now, reportedById: actorId })
        .returning({ id: t.attendanceReports.id })
        .get().id;
    }
    tx.delete(t.attendanceSessionCounts).where(eq(t.attendanceSessionCounts.reportId, reportId)).run();
    for (const c of perSession)
      tx.insert(t.attendanceSessionCounts).values({ reportId, sessionId: c.sessionId, participants: c.participants }).run();
    audit(tx, {
      actorId,
      action: target.report ? "attendance.updated" : "attendance.reported",
      entityType: "activity",
      entityId: activityId,
      details: {
        via: args.via,
        ...values,
        ...(perSession.length ? { sessions: perSession } : {}),
        ...(target.report
          ? {
              before: {
                participants: target.report.participants,
                volunteers: target.report.volunteers,
                firstTimers: target.report.firstTimers,
              },
            }
          : {}),
      },
    });
    return { ok: true, created: !target.report };
  });
}

// ---------------------------------------------------------------------------------------------
// Asking for it

/** Activities per transaction: small enough that a request never waits long for the write lock or the event loop. */
export const SCHEDULER_CHUNK = 200;
const SCHEDULER_ID_SPAN = 5_000;
const SCHEDULER_PAUSE_MS = 5;

/**
 * Queues the attendance e-mails that are due at `now`:
 * - a request from the day after a published activity ended, while its edition's deadline has not passed;
 * - one reminder 7 days after the request (its `requestedAt`), only when still no report came in and
 *   the team did not already send one by hand ("attendance-reminder:<id>:<ms>", attendance-follow-up.server.ts).
 * Idempotent: the outbox's unique dedupe keys ("attendance-request:<id>", "attendance-reminder:<id>")
 * make a second run (or a second process) queue nothing twice. Works through the activities in
 * chunks of SCHEDULER_CHUNK by id, one short transaction each (see runAttendanceScheduler).
 */
export function scheduleAttendanceRequests(now: Date): { requests: number; reminders: number } {
  const total = { requests: 0, reminders: 0 };
  for (const chunk of scheduleChunks(now)) {
    total.requests += chunk.requests;
    total.reminders += chunk.reminders;
  }
  return total;
}

/** The same as scheduleAttendanceRequests, yielding to waiting requests between two chunks (the server's way). */
export async function runAttendanceScheduler(now: Date): Promise<{ requests: number; reminders: number }> {
  const total = { requests: 0, reminders: 0 };
  for (const chunk of scheduleChunks(now)) {
    total.requests += chunk.requests;
    total.reminders += chunk.reminders;
    // A short pause, not just setImmediate: a request needs several turns of the event loop (read, render,
    // write), and with one chunk per turn it waited for several chunks (/healthz took 400 ms).
    await sleep(SCHEDULER_PAUSE_MS);
  }
  return total;
}

/**
 * The editions whose activities may be asked for attendance now: their activity window has begun (no
 * activity can have ended before it) and their deadline has not passed. Before the Week there is none,
 * and the scheduler reads no activity at all (at 1,000,000 activities a scan took 0.8 s of the event loop).
 */
function editionsAskingAttendance(now: Date): number[] {
  const today = utcToAmsterdam(now).date;
  return db
    .select({ id: t.editions.id, windowStart: t.editions.activityWindowStart, deadline: t.editions.reportDeadline })
    .from(t.editions)
    .all()
    .filter((e) => e.windowStart <= today && e.deadline > now)
    .map((e) => e.id);
}

/**
 * The work in short transactions: per open edition, its activities by id in spans of SCHEDULER_ID_SPAN ids
 * (through the index on edition and status), at most SCHEDULER_CHUNK candidates at a time. A span bounds
 * the rows one chunk reads even when few of them are due.
 */
function* scheduleChunks(now: Date) {
  for (const editionId of editionsAskingAttendance(now)) {
    const maxId =
      db.get<{ maxId: number | null }>(
        sql`select max(id) as maxId from activities where edition_id = ${editionId} and status = 'published'`,
      )?.maxId ?? 0;
    for (let afterId = 0; afterId < maxId;) {
      const chunk = scheduleChunk(now, editionId, afterId);
      afterId = chunk.lastId;
      yield chunk;
    }
  }
}

function scheduleChunk(now: Date, editionId: number, afterId: number) {
  const upToId = afterId + SCHEDULER_ID_SPAN;
  return immediate((tx) => {
    const candidates = tx.all<{
      id: number;
      title: string;
      endsAt: number;
      reportDeadline: number;
      email: string;
      requestedAt: string | number | null;
      hasRequest: number;
      hasReminder: number;
    }>(sql`
      select a.id, a.title, ${LAST_SESSION_END} as endsAt, e.report_deadline as reportDeadline, u.email,
        (select coalesce(json_extract(req.props, '$.requestedAt'), req.created_at) from email_outbox req
          where req.dedupe_key = 'attendance-request:' || a.id) as requestedAt,
        exists(select 1 from email_outbox req where req.dedupe_key = 'attendance-request:' || a.id) as hasRequest,
        exists(select 1 from email_outbox rem where rem.dedupe_key = 'attendance-reminder:' || a.id
          or (rem.dedupe_key > 'attendance-reminder:' || a.id || ':' and rem.dedupe_key < 'attendance-reminder:' || a.id || ';')) as hasReminder
      from activities a
      join editions e on e.id = a.edition_id
      join users u on u.id = a.owner_id
      where a.edition_id = ${editionId}
        and a.status = 'published'
        and a.id > ${afterId}
        and a.id <= ${upToId}
        and a.ends_at <= ${now.getTime()}
        and ${LAST_SESSION_END} <= ${now.getTime()}
        and e.report_deadline > ${now.getTime()}
        and not exists (select 1 from attendance_reports r where r.activity_id = a.id)
      order by a.id
      limit ${SCHEDULER_CHUNK}
    `);
    let requests = 0;
    let reminders = 0;
    for (const c of candidates) {
      const deadline = new Date(c.reportDeadline);
      const props = {
        activityTitle: c.title,
        reportUrl: attendanceUrl(attendanceToken(c.id, deadline)),
        deadline: deadline.toISOString(),
      };
      if (!c.hasRequest) {
        if (now < requestDueAt(new Date(c.endsAt))) continue;
        enqueueEmail(
          tx,
          {
            template: "attendance-request",
            to: c.email,
            props,
            dedupeKey: `attendance-request:${c.id}`,
          },
          now,
        );
        requests++;
      } else if (!c.hasReminder) {
        const requestedAt = typeof c.requestedAt === "string" ? Date.parse(c.requestedAt) : Number(c.requestedAt);
        if (!Number.isFinite(requestedAt) || now.getTime() < requestedAt + REMINDER_AFTER_MS) continue;
        enqueueEmail(tx, { template: "attendance-reminder", to: c.email, props, dedupeKey: `attendance-reminder:${c.id}` }, now);
        reminders++;
      }
    }
    // A full chunk goes on after its last row; otherwise the whole span is done.
    const lastId = candidates.length === SCHEDULER_CHUNK ? candidates[candidates.length - 1].id : upToId;
    return { requests, reminders, lastId };
  });
}

declare global {
  // One scheduler per process, also across module reloads in development.
  var __komerbijAttendanceScheduler: ReturnType<typeof setInterval> | undefined;
}

const SCHEDULER_INTERVAL_MS = 10 * 60_000;

/** Runs the scheduler shortly after start and then every 10 minutes (never in tests; never keeps the process alive). */
export function startAttendanceScheduler(clock: () => Date = clockNow) {
  if (process.env.VITEST || globalThis.__komerbijAttendanceScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { requests, reminders } = await runAttendanceScheduler(clock());
      if (requests || reminders) console.info(`attendance: queued ${requests} request(s) and ${reminders} reminder(s)`);
    } catch (error) {
      console.error("attendance scheduler failed", error);
    } finally {
      running = false;
    }
  };
  setTimeout(tick, 1_000).unref();
  const timer = setInterval(tick, SCHEDULER_INTERVAL_MS);
  timer.unref();
  globalThis.__komerbijAttendanceScheduler = timer;
}

export function stopAttendanceScheduler() {
  clearInterval(globalThis.__komerbijAttendanceScheduler);
  globalThis.__komerbijAttendanceScheduler = undefined;
}
