import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, count } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, schema, type DbOrTx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { enqueueEmail } from "./outbox.server";
import { absoluteUrl } from "~/utils/public-url.server";

export const CODE_MINUTES = 15;
const MAX_CODES_PER_ADDRESS = 3;
const MAX_CODES_PER_IP = 20;
const MAX_FAILED_ATTEMPTS = 5;
const RATE_WINDOW_MS = 15 * 60_000;

const hash = (value: string) => createHmac("sha256", env.SESSION_SECRET).update(value).digest("hex");
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export type CodeRequestResult = { ok: true } | { ok: false; reason: "address_limit" | "ip_limit" };

/** Creates a one-time code and link for `email` and queues the e-mail, unless a rate limit is hit. */
export function requestLoginCode(emailInput: string, ip: string | null, now: Date): CodeRequestResult {
  const email = normaliseEmail(emailInput);
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  const recent = (where: ReturnType<typeof eq>) =>
    db
      .select({ n: count() })
      .from(schema.loginCodes)
      .where(and(where, gt(schema.loginCodes.createdAt, since)))
      .get()!.n;
  if (recent(eq(schema.loginCodes.email, email)) >= MAX_CODES_PER_ADDRESS) return { ok: false, reason: "address_limit" };
  if (ip && recent(eq(schema.loginCodes.requestedFromIp, ip)) >= MAX_CODES_PER_IP) return { ok: false, reason: "ip_limit" };

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const token = randomBytes(32).toString("base64url");
  db.transaction((tx) => {
    tx.insert(schema.loginCodes)
      .values({
        email,
        codeHash: hash(`${email}:${code}`),
        linkTokenHash: hash(token),
        expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
        requestedFromIp: ip,
        createdAt: now,
      })
      .run();
    enqueueEmail(
      tx,
      {
        template: "login-code",
        to: email,
        props: { code, link: absoluteUrl(`/inloggen/link?token=${token}`), expiresInMinutes: CODE_MINUTES },
      },
      now,
    );
  });
  return { ok: true };
}

const liveCode = (now: Date) => and(isNull(schema.loginCodes.usedAt), gt(schema.loginCodes.expiresAt, now));

/** Checks a typed code; on success marks it used and returns the (possibly new) user's id. */
export function verifyLoginCode(emailInput: string, code: string, now: Date): number | null {
  const email = normaliseEmail(emailInput);
  return db.transaction((tx) => {
    const candidates = tx
      .select({
        id: schema.loginCodes.id,
        codeHash: schema.loginCodes.codeHash,
        failedAttempts: schema.loginCodes.failedAttempts,
      })
      .from(schema.loginCodes)
      .where(and(eq(schema.loginCodes.email, email), liveCode(now)))
      .orderBy(desc(schema.loginCodes.createdAt))
      .all()
      .filter((c) => c.failedAttempts < MAX_FAILED_ATTEMPTS);
    const expected = Buffer.from(hash(`${email}:${code.replace(/\s/g, "")}`));
    const match = candidates.find((c) => timingSafeEqual(Buffer.from(c.codeHash), expected));
    if (!match) {
      for (const c of candidates)
        tx.update(schema.loginCodes)
          .set({ failedAttempts: c.failedAttempts + 1 })
          .where(eq(schema.loginCodes.id, c.id))
          .run();
      return null;
    }
    tx.update(schema.loginCodes).set({ usedAt: now }).where(eq(schema.loginCodes.id, match.id)).run();
    return userIdForLogin(tx, email, now);
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
