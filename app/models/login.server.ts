import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, schema, type DbOrTx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { enqueueEmail } from "./outbox.server";
import { absoluteUrl } from "~/utils/public-url.server";

export const CODE_MINUTES = 15;
// Why these limits keep guessing infeasible without letting anyone lock an owner out:
// - A typed code is checked only against the one request made in this browser (the signed
//   `aanvraag` on the code page), so wrong guesses by others never touch the owner's code.
// - A code dies after MAX_FAILED_ATTEMPTS wrong tries; a new one can be requested.
// - Codes per address per hour are capped, so an address gets at most
//   MAX_CODES_PER_ADDRESS × MAX_FAILED_ATTEMPTS = 40 guesses an hour (1 in 25,000 of hitting).
//   Codes asked for by someone else still arrive in the owner's mailbox, with a working link.
// - Per client (the socket address, see client-ip.server.ts) code requests are capped too.
export const MAX_FAILED_ATTEMPTS = 5;
const MAX_CODES_PER_ADDRESS = 8;
const ADDRESS_WINDOW_MS = 60 * 60_000;
const MAX_CODES_PER_CLIENT = 20;
const CLIENT_WINDOW_MS = 15 * 60_000;

const hash = (value: string) => createHmac("sha256", env.SESSION_SECRET).update(value).digest("hex");
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The browser's handle on its own code request: the row id, signed so no one can point at another's. */
const requestHandle = (id: number) => `${id}.${hash(`login-request:${id}`).slice(0, 32)}`;
function readRequestHandle(handle: string): number | null {
  const id = Number(handle.split(".")[0]);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const expected = Buffer.from(requestHandle(id));
  const given = Buffer.from(handle);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

export type CodeRequestResult =
  { ok: true; requestHandle: string } | { ok: false; reason: "address_limit" | "client_limit"; retryAfterMinutes: number };

/** Creates a one-time code and link for `email` and queues the e-mail, unless a limit is reached. */
export function requestLoginCode(emailInput: string, client: string, now: Date): CodeRequestResult {
  const email = normaliseEmail(emailInput);
  const waitFor = (where: ReturnType<typeof eq>, windowMs: number, max: number) => {
    const recent = db
      .select({ createdAt: schema.loginCodes.createdAt })
      .from(schema.loginCodes)
      .where(and(where, gt(schema.loginCodes.createdAt, new Date(now.getTime() - windowMs))))
      .orderBy(desc(schema.loginCodes.createdAt))
      .limit(max)
      .all();
    if (recent.length < max) return 0;
    // The oldest of the last `max` requests leaves the window first.
    return Math.max(1, Math.ceil((recent[max - 1].createdAt.getTime() + windowMs - now.getTime()) / 60_000));
  };
  const addressWait = waitFor(eq(schema.loginCodes.email, email), ADDRESS_WINDOW_MS, MAX_CODES_PER_ADDRESS);
  if (addressWait) return { ok: false, reason: "address_limit", retryAfterMinutes: addressWait };
  const clientWait = waitFor(eq(schema.loginCodes.requestedFromIp, client), CLIENT_WINDOW_MS, MAX_CODES_PER_CLIENT);
  if (clientWait) return { ok: false, reason: "client_limit", retryAfterMinutes: clientWait };

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const token = randomBytes(32).toString("base64url");
  const id = db.transaction((tx) => {
    const row = tx
      .insert(schema.loginCodes)
      .values({
        email,
        codeHash: hash(`${email}:${code}`),
        linkTokenHash: hash(token),
        expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
        requestedFromIp: client,
        createdAt: now,
      })
      .returning({ id: schema.loginCodes.id })
      .get();
    enqueueEmail(
      tx,
      {
        template: "login-code",
        to: email,
        props: { code, link: absoluteUrl(`/inloggen/link?token=${token}`), expiresInMinutes: CODE_MINUTES },
      },
      now,
    );
    return row.id;
  });
  return { ok: true, requestHandle: requestHandle(id) };
}

const liveCode = (now: Date) => and(isNull(schema.loginCodes.usedAt), gt(schema.loginCodes.expiresAt, now));

export type CodeCheckResult =
  { ok: true; userId: number } | { ok: false; reason: "wrong"; attemptsLeft: number } | { ok: false; reason: "spent" };

/**
 * Checks a typed code against the request made in this browser (`handle`). A wrong code counts
 * against that request only; after MAX_FAILED_ATTEMPTS it no longer works. On success the code is
 * used up and the (possibly new) user's id returned.
 */
export function verifyLoginCode(emailInput: string, code: string, handle: string, now: Date): CodeCheckResult {
  const email = normaliseEmail(emailInput);
  const id = readRequestHandle(handle);
  if (!id) return { ok: false, reason: "spent" };
  return db.transaction((tx): CodeCheckResult => {
    const row = tx
      .select({ codeHash: schema.loginCodes.codeHash, failedAttempts: schema.loginCodes.failedAttempts })
      .from(schema.loginCodes)
      .where(and(eq(schema.loginCodes.id, id), eq(schema.loginCodes.email, email), liveCode(now)))
      .get();
    if (!row || row.failedAttempts >= MAX_FAILED_ATTEMPTS) return { ok: false, reason: "spent" };
    const expected = Buffer.from(hash(`${email}:${code.replace(/\s/g, "")}`));
    if (!timingSafeEqual(Buffer.from(row.codeHash), expected)) {
      const failed = row.failedAttempts + 1;
      tx.update(schema.loginCodes).set({ failedAttempts: failed }).where(eq(schema.loginCodes.id, id)).run();
      return failed >= MAX_FAILED_ATTEMPTS
        ? { ok: false, reason: "spent" }
        : { ok: false, reason: "wrong", attemptsLeft: MAX_FAILED_ATTEMPTS - failed };
    }
    tx.update(schema.loginCodes).set({ usedAt: now }).where(eq(schema.loginCodes.id, id)).run();
    return { ok: true, userId: userIdForLogin(tx, email, now) };
  });
}

/** Checks a link token (single use); returns the user's id. */
export function verifyLoginLink(token: string, now: Date): number | null {
  return db.transaction((tx) => {
    const row = tx
      .select({ id: schema.loginCodes.id, email: schema.loginCodes.email })
      .from(schema.loginCodes)
      .where(and(eq(schema.loginCodes.linkTokenHash, hash(token)), liveCode(now)))
      .get();
    if (!row) return null;
    // Using the link also spends the code sent with it.
    tx.update(schema.loginCodes).set({ usedAt: now }).where(eq(schema.loginCodes.id, row.id)).run();
    return userIdForLogin(tx, row.email, now);
  });
}

function userIdForLogin(tx: DbOrTx, email: string, now: Date): number {
  const existing = tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).get();
  if (existing) {
    tx.update(schema.users).set({ lastLoginAt: now }).where(eq(schema.users.id, existing.id)).run();
    return existing.id;
  }
  // A confirmed new address becomes an organiser account.
  const created = tx
    .insert(schema.users)
    .values({ email, role: "organiser", createdAt: now, lastLoginAt: now })
    .returning({ id: schema.users.id })
    .get();
  audit(tx, { actorId: created.id, action: "user.created", entityType: "user", entityId: created.id, details: { email } });
  return created.id;
}
