// "Ik kom (waarschijnlijk)": a resident lets the organiser know they will probably come, without an
// account, a name or an e-mail address. Everything about it lives here. A press is for one session
// of an activity (an activity on several days: the resident chooses the day or days).
//
// - One per browser and session: a random id in a cookie, set only after the press (no cookie before:
//   nothing to track). Only a hash of that id is stored, with the session and the time of the press.
// - No IP address is stored. A client's address is used only in memory, for the rate limit.
// - Bots (by user agent) are not counted.
import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { isbot } from "isbot";
import { count, eq, inArray, sql } from "drizzle-orm";
import { monotonicMs } from "~/utils/clock.server";
import { db, schema } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { formatDay } from "~/utils/time";
import type { SessionInterest } from "./activity-features";
import { sessionsByActivity, sessionsOf } from "./activity-sessions.server";
import { RuleError } from "./rule-error";

const interest = schema.activityInterest;

export const interestCookie = createCookie("komerbij_ikkom", {
  httpOnly: true,
  sameSite: "lax",
  path: "/activiteiten",
  secure: env.NODE_ENV === "production" && env.PUBLIC_URL.startsWith("https:"),
  maxAge: 365 * 24 * 60 * 60,
});

const BROWSER_KEY = /^[A-Za-z0-9_-]{22,64}$/;

/** The stored form of a browser's random id: a one-way hash, so the table cannot be matched to a cookie jar. */
export const hashBrowserKey = (key: string) => createHash("sha256").update(`komerbij-ikkom:${key}`).digest("hex");

// ---------------------------------------------------------------------------------------------
// Rate limit: in memory only (the address is never written anywhere), per client address.

export const INTEREST_LIMIT = { presses: 20, windowMs: 10 * 60_000 } as const;
const MAX_CLIENTS_TRACKED = 10_000;
const recentPresses = new Map<string, number[]>();

/** Counts a press for this client; false when it pressed too often in the window. */
function withinRateLimit(client: string): boolean {
  const at = monotonicMs();
  const key = createHash("sha256").update(client).digest("base64url");
  const presses = (recentPresses.get(key) ?? []).filter((t) => at - t < INTEREST_LIMIT.windowMs);
  const allowed = presses.length < INTEREST_LIMIT.presses;
  if (allowed) presses.push(at);
  recentPresses.delete(key);
  if (recentPresses.size >= MAX_CLIENTS_TRACKED) recentPresses.delete(recentPresses.keys().next().value as string);
  recentPresses.set(key, presses);
  return allowed;
}

/** For tests: forget every client's presses. */
export function resetInterestRateLimit() {
  recentPresses.clear();
}

// ---------------------------------------------------------------------------------------------
// Pressing

export type PressResult = {
  outcome: "counted" | "already" | "bot";
  setCookie: string | null;
  /** The sessions the press was for, earliest first (for the thank-you). */
  sessionIds: number[];
};

/** The form field with the chosen session(s), for an activity with several sessions. */
export const SESSION_FIELD = "sessie";

/**
 * Handles one press of "ik kom" on an activity, for the chosen sessions (none chosen is fine when the
 * activity has one session). Throws RuleError 404 when the activity is not public, 409 when it is
 * cancelled or over or a chosen session is over, 400 when no (valid) session is chosen, 429 when the
 * client pressed too often.
 */
export async function pressInterest(input: {
  activityId: number;
  sessionIds: number[];
  cookieHeader: string | null;
  userAgent: string | null;
  client: string;
  now: Date;
}): Promise<PressResult> {
  if (!withinRateLimit(input.client))
    throw new RuleError("Je hebt dit heel vaak achter elkaar gedaan. Probeer het over een paar minuten opnieuw.", {
      status: 429,
    });
  const activity = db
    .select({ status: schema.activities.status })
    .from(schema.activities)
    .where(eq(schema.activities.id, input.activityId))
    .get();
  if (!activity || (activity.status !== "published" && activity.status !== "cancelled"))
    throw new RuleError("Deze activiteit bestaat niet.", { status: 404 });
  if (activity.status === "cancelled") throw new RuleError("Deze activiteit gaat niet door.", { status: 409 });
  const sessions = sessionsOf(db, input.activityId);
  if (!sessions.some((x) => x.endsAt > input.now)) throw new RuleError("Deze activiteit is al geweest.", { status: 409 });
  const chosen = chosenSessions(sessions, input.sessionIds);
  const over = chosen.find((x) => x.endsAt <= input.now);
  if (over)
    throw new RuleError(`Op ${formatDay(over.startsAt)} is het al geweest. Kies een andere dag.`, {
      status: 409,
      field: SESSION_FIELD,
    });
  const sessionIds = chosen.map((x) => x.id);
  if (isbot(input.userAgent ?? "")) return { outcome: "bot", setCookie: null, sessionIds };

  const existing = (await interestCookie.parse(input.cookieHeader)) as unknown;
  const key = typeof existing === "string" && BROWSER_KEY.test(existing) ? existing : randomBytes(16).toString("base64url");
  const browserKeyHash = hashBrowserKey(key);
  const inserted = db
    .insert(interest)
    .values(sessionIds.map((sessionId) => ({ sessionId, browserKeyHash, createdAt: input.now })))
    .onConflictDoNothing()
    .run();
  return {
    outcome: inserted.changes > 0 ? "counted" : "already",
    setCookie: key === existing ? null : await interestCookie.serialize(key),
    sessionIds,
  };
}

/** The sessions a press is for: the chosen ones, or the only one. */
function chosenSessions<T extends { id: number }>(sessions: T[], ids: number[]): T[] {
  if (ids.length === 0 && sessions.length === 1) return sessions;
  if (ids.length === 0) throw new RuleError("Kies op welke dag of dagen je komt.", { status: 400, field: SESSION_FIELD });
  const chosen = sessions.filter((x) => ids.includes(x.id));
  if (chosen.length !== new Set(ids).size)
    throw new RuleError("Deze dag hoort niet bij deze activiteit. Kies een dag uit de lijst.", {
      status: 400,
      field: SESSION_FIELD,
    });
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// Counting

/** Presses per session of each activity, every session listed (earliest first), also those without presses. */
export function interestBySession(activityIds: number[]): Map<number, (SessionInterest & { startsAt: Date; endsAt: Date })[]> {
  const sessions = sessionsByActivity(db, activityIds);
  const ids = [...sessions.values()].flat().map((x) => x.id);
  const rows = ids.length
    ? db
        .select({ sessionId: interest.sessionId, n: count() })
        .from(interest)
        .where(inArray(interest.sessionId, ids))
        .groupBy(interest.sessionId)
        .all()
    : [];
  const presses = new Map(rows.map((r) => [r.sessionId, r.n]));
  return new Map(
    [...sessions].map(([activityId, list]) => [
      activityId,
      list.map((x) => ({ sessionId: x.id, startsAt: x.startsAt, endsAt: x.endsAt, presses: presses.get(x.id) ?? 0 })),
    ]),
  );
}

/**
 * The programme figure "interest vs. turnout" for one edition. Presses and reported participants are
 * compared like with like: per session where the report gives a number per session, otherwise per
 * activity; only where there are both presses and a reported number. Plus all presses of the edition.
 */
export function interestVsTurnout(editionId: number) {
  const all = db.get<{ activitiesWithInterest: number; presses: number }>(sql`
    select count(distinct s.activity_id) as activitiesWithInterest, count(*) as presses
    from activity_interest i
    join activity_sessions s on s.id = i.session_id
    join activities a on a.id = s.activity_id
    where a.edition_id = ${editionId} and a.status = 'published'`);
  const compared = db.get<{ activities: number; sessions: number; presses: number; participants: number }>(sql`
    with presses as (
      select s.activity_id as activityId, i.session_id as sessionId, count(*) as n
      from activity_interest i
      join activity_sessions s on s.id = i.session_id
      join activities a on a.id = s.activity_id
      where a.edition_id = ${editionId} and a.status = 'published'
      group by i.session_id
    ),
    units as (
      -- a number per session: that session's presses against that session's participants
      select r.activity_id as activityId, 1 as sessions, p.n as presses, c.participants as participants
      from attendance_reports r
      join attendance_session_counts c on c.report_id = r.id
      join presses p on p.sessionId = c.session_id
      union all
      -- one number for the activity: all its presses against it
      select r.activity_id, count(*), sum(p.n), r.participants
      from attendance_reports r
      join presses p on p.activityId = r.activity_id
      where not exists (select 1 from attendance_session_counts c where c.report_id = r.id)
      group by r.id
    )
    select count(distinct activityId) as activities, coalesce(sum(sessions), 0) as sessions,
      coalesce(sum(presses), 0) as presses, coalesce(sum(participants), 0) as participants
    from units`);
  return {
    activitiesWithInterest: all?.activitiesWithInterest ?? 0,
    presses: all?.presses ?? 0,
    /** Only sessions (or activities) with both presses and a reported number, so the two numbers compare like with like. */
    compared: {
      activities: compared?.activities ?? 0,
      sessions: compared?.sessions ?? 0,
      presses: compared?.presses ?? 0,
      participants: compared?.participants ?? 0,
    },
  };
}
