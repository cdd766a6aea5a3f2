// "Ik kom (waarschijnlijk)": a resident lets the organiser know they will probably come, without an
// account, a name or an e-mail address. Everything about it lives here (a later step keys it on a
// session of an activity instead of the activity).
//
// - One per browser: a random id in a cookie, set only after the press (no cookie before: nothing
//   to track). Only a hash of that id is stored, with the activity and the time of the press.
// - No IP address is stored. A client's address is used only in memory, for the rate limit.
// - Bots (by user agent) are not counted.
import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { isbot } from "isbot";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { monotonicMs } from "~/utils/clock.server";
import { db, schema } from "~/utils/db.server";
import { env } from "~/utils/env.server";
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

export type PressResult = { outcome: "counted" | "already" | "bot"; setCookie: string | null };

/**
 * Handles one press of "ik kom" on an activity. Throws RuleError 404 when the activity is not public,
 * 409 when it is cancelled or over, 429 when the client pressed too often.
 */
export async function pressInterest(input: {
  activityId: number;
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
    .select({ status: schema.activities.status, endsAt: schema.activities.endsAt })
    .from(schema.activities)
    .where(eq(schema.activities.id, input.activityId))
    .get();
  if (!activity || (activity.status !== "published" && activity.status !== "cancelled"))
    throw new RuleError("Deze activiteit bestaat niet.", { status: 404 });
  if (activity.status === "cancelled") throw new RuleError("Deze activiteit gaat niet door.", { status: 409 });
  if (activity.endsAt <= input.now) throw new RuleError("Deze activiteit is al geweest.", { status: 409 });
  if (isbot(input.userAgent ?? "")) return { outcome: "bot", setCookie: null };

  const existing = (await interestCookie.parse(input.cookieHeader)) as unknown;
  const key = typeof existing === "string" && BROWSER_KEY.test(existing) ? existing : randomBytes(16).toString("base64url");
  const inserted = db
    .insert(interest)
    .values({ activityId: input.activityId, browserKeyHash: hashBrowserKey(key), createdAt: input.now })
    .onConflictDoNothing()
    .run();
  return {
    outcome: inserted.changes === 1 ? "counted" : "already",
    setCookie: key === existing ? null : await interestCookie.serialize(key),
  };
}

// ---------------------------------------------------------------------------------------------
// Counting

export function interestCount(activityId: number): number {
  return db.select({ n: count() }).from(interest).where(eq(interest.activityId, activityId)).get()?.n ?? 0;
}

/** Counts for several activities at once (organiser's list); activities without presses are absent. */
export function interestCounts(activityIds: number[]): Map<number, number> {
  if (activityIds.length === 0) return new Map();
  const rows = db
    .select({ id: interest.activityId, n: count() })
    .from(interest)
    .where(inArray(interest.activityId, activityIds))
    .groupBy(interest.activityId)
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * The programme figure "interest vs. turnout" for one edition: over the activities that reported
 * attendance, how many presses against how many participants; plus the presses over all activities.
 * One grouped query over the (small) interest table.
 */
export function interestVsTurnout(editionId: number) {
  const a = schema.activities;
  const r = schema.attendanceReports;
  const row = db
    .select({
      activitiesWithInterest: sql<number>`count(distinct ${interest.activityId})`,
      presses: count(),
      pressesReported: sql<number>`coalesce(sum(case when ${r.id} is not null then 1 else 0 end), 0)`,
    })
    .from(interest)
    .innerJoin(a, eq(a.id, interest.activityId))
    .leftJoin(r, eq(r.activityId, a.id))
    .where(and(eq(a.editionId, editionId), eq(a.status, "published")))
    .get();
  const reported = db
    .select({
      activities: count(),
      participants: sql<number>`coalesce(sum(${r.participants}), 0)`,
    })
    .from(r)
    .innerJoin(a, eq(a.id, r.activityId))
    .where(
      and(
        eq(a.editionId, editionId),
        eq(a.status, "published"),
        sql`exists (select 1 from activity_interest i where i.activity_id = ${a.id})`,
      ),
    )
    .get();
  return {
    activitiesWithInterest: row?.activitiesWithInterest ?? 0,
    presses: row?.presses ?? 0,
    /** Only activities that have both presses and a report, so the two numbers compare like with like. */
    compared: {
      activities: reported?.activities ?? 0,
      presses: row?.pressesReported ?? 0,
      participants: reported?.participants ?? 0,
    },
  };
}
