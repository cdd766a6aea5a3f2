import { createHash, randomBytes } from "node:crypto";
import { env } from "./env.server";

export const createNonce = () => randomBytes(16).toString("base64");

const tileOrigin = (() => {
  try {
    return new URL(env.MAP_TILE_URL.replace(/\{[a-z]\}/g, "0")).origin;
  } catch {
    return "";
  }
})();

/** Which inline scripts may run: the response's nonce, or (a page many readers share) the hashes of its own scripts. */
export type ScriptPermission = { nonce: string } | { hashes: string[] };

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * Turns a page rendered with a per-request nonce into one that many readers can share (DESIGN.md
 * rule 15): every inline script that carries this render's nonce (so was written by our own
 * components, never by data: the nonce is random and unknown to anyone who could inject HTML) is
 * allowed by its SHA-256 hash instead, and the nonce is removed from the page.
 */
export function sealInlineScripts(html: string, nonce: string): { html: string; hashes: string[] } {
  const marker = ` nonce="${nonce}"`;
  const hashes = new Set<string>();
  const script = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
  for (const match of html.matchAll(script)) {
    if (!match[1].includes(marker) || /\ssrc=/.test(match[1]) || match[2] === "") continue;
    hashes.add(sha256(match[2]));
  }
  return { html: html.split(marker).join(""), hashes: [...hashes] };
}

/** Security headers for every HTML response. Pages meant for embedding relax frame-ancestors on purpose. */
export function applySecurityHeaders(headers: Headers, request: Request, scripts: ScriptPermission) {
  const csp = [
    "default-src 'self'",
    "nonce" in scripts ? `script-src 'self' 'nonce-${scripts.nonce}'` : `script-src 'self' ${scripts.hashes.join(" ")}`.trim(),
    // Leaflet and React style attributes need inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${tileOrigin}`.trim(),
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    headers.has("X-Allow-Embedding") ? "frame-ancestors *" : "frame-ancestors 'none'",
  ].join("; ");
  headers.delete("X-Allow-Embedding");
  headers.set("Content-Security-Policy", csp);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");
  if (!headers.has("X-Frame-Options") && !csp.includes("frame-ancestors *")) headers.set("X-Frame-Options", "DENY");
  const https = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
