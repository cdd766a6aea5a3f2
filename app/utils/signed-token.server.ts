// Signed, expiring, single-purpose tokens for links in e-mails (e.g. "attendance:123").
// Format: base64url(JSON {p: purpose, e: expiresAt ms}) + "." + base64url(HMAC-SHA256(secret, payload)).
// Nothing is stored: the signature proves we issued it, the purpose says what it may open, the expiry when it stops.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "./env.server";

const sign = (payload: string, secret: string) =>
  createHmac("sha256", secret).update(`komerbij-token:${payload}`).digest("base64url");

export function createSignedToken(purpose: string, expiresAt: Date, secret: string = env.SESSION_SECRET): string {
  const payload = Buffer.from(JSON.stringify({ p: purpose, e: expiresAt.getTime() })).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export type TokenCheck =
  { ok: true; purpose: string; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" | "wrong_purpose" };

/** Checks signature, purpose (exact match) and expiry (exclusive: at `expiresAt` it no longer works). */
export function verifySignedToken(token: string, purpose: string, now: Date, secret: string = env.SESSION_SECRET): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1]))
    return { ok: false, reason: "invalid" };
  const expected = Buffer.from(sign(parts[0], secret));
  const given = Buffer.from(parts[1]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  let claims: { p?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (typeof claims.p !== "string" || typeof claims.e !== "number") return { ok: false, reason: "invalid" };
  if (claims.p !== purpose) return { ok: false, reason: "wrong_purpose" };
  if (now.getTime() >= claims.e) return { ok: false, reason: "expired" };
  return { ok: true, purpose: claims.p, expiresAt: new Date(claims.e) };
}

/** The purpose inside a correctly signed token (not yet checked for expiry), or null. */
export function readSignedTokenPurpose(token: string, secret: string = env.SESSION_SECRET): string | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const expected = Buffer.from(sign(parts[0], secret));
  const given = Buffer.from(parts[1]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
    return typeof claims.p === "string" ? claims.p : null;
  } catch {
    return null;
  }
}
