import { randomBytes } from "node:crypto";
import { env } from "./env.server";

export const createNonce = () => randomBytes(16).toString("base64");

const tileOrigin = (() => {
  try {
    return new URL(env.MAP_TILE_URL.replace(/\{[a-z]\}/g, "0")).origin;
  } catch {
    return "";
  }
})();

/** Security headers for every HTML response. Pages meant for embedding relax frame-ancestors on purpose. */
export function applySecurityHeaders(headers: Headers, request: Request, nonce: string) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
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
