import { createHash } from "node:crypto";

// HTTP caching for public pages and feeds (DESIGN.md rule 15): anonymous GETs may be kept by a
// shared cache; anything a logged-in person sees is private. Feeds answer 304 when nothing changed.

const SESSION_COOKIE = "__komerbij_sessie=";

/** A logged-in visitor: everything they get is theirs alone. */
export const isPersonalRequest = (request: Request) => (request.headers.get("Cookie") ?? "").includes(SESSION_COOKIE);

export const PRIVATE_CACHE_CONTROL = "private, no-cache";

/**
 * Cache-Control for an HTML page: shared caches may keep it for anonymous readers only. Published
 * activities change when the team publishes or an organiser cancels: a CDN may serve a page for five
 * minutes and, while it fetches a fresh one, the old one for ten more.
 */
export function pageCacheControl(request: Request, sharedSeconds = 300): string {
  return isPersonalRequest(request) ? PRIVATE_CACHE_CONTROL : publicPageCacheControl(sharedSeconds);
}

const publicPageCacheControl = (sharedSeconds: number) =>
  `public, max-age=60, s-maxage=${sharedSeconds}, stale-while-revalidate=600`;

/**
 * A route's `headers` export for a public page: `export const headers = publicPageHeaders;`. The
 * entry turns it into `private` for a logged-in visitor (keepPersonalPagesPrivate), so the route
 * needs no request for it.
 */
export const publicPageHeaders = () => ({ "Cache-Control": publicPageCacheControl(300) });

/** True when a shared cache may keep this response (an anonymous GET the route marked public). */
export function isSharedPage(request: Request, headers: Headers): boolean {
  return (
    (request.method === "GET" || request.method === "HEAD") &&
    !isPersonalRequest(request) &&
    /(^|,)\s*public\b/.test(headers.get("Cache-Control") ?? "") &&
    !headers.has("Set-Cookie")
  );
}

/** A logged-in visitor's page is never stored by a shared cache, whatever the route said. */
export function keepPersonalPagesPrivate(request: Request, headers: Headers) {
  if (!isPersonalRequest(request) && !headers.has("Set-Cookie")) return;
  const current = headers.get("Cache-Control") ?? "";
  if (!/\b(private|no-store)\b/.test(current)) headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
}

type Conditional = {
  contentType: string;
  lastModified: Date | null;
  maxAge?: number;
  /** Open data and feeds may be read by any website's scripts. */
  cors?: boolean;
  filename?: string;
};

/** A public, cacheable response with a strong ETag and Last-Modified; 304 when the client has it already. */
export function conditionalResponse(request: Request, body: string, options: Conditional): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  const headers = new Headers({
    "Content-Type": options.contentType,
    "Cache-Control": `public, max-age=${options.maxAge ?? 300}, s-maxage=${options.maxAge ?? 300}`,
    ETag: etag,
  });
  // Last-Modified has second precision; round up so a change within the second still counts.
  const lastModified = options.lastModified ? new Date(Math.ceil(options.lastModified.getTime() / 1000) * 1000) : null;
  if (lastModified) headers.set("Last-Modified", lastModified.toUTCString());
  if (options.cors) headers.set("Access-Control-Allow-Origin", "*");
  if (options.filename) headers.set("Content-Disposition", `inline; filename="${options.filename}"`);
  const ifNoneMatch = request.headers.get("If-None-Match");
  const ifModifiedSince = request.headers.get("If-Modified-Since");
  const fresh = ifNoneMatch
    ? ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag || t.trim() === "*")
    : Boolean(ifModifiedSince && lastModified && Date.parse(ifModifiedSince) >= lastModified.getTime());
  if (fresh) {
    headers.delete("Content-Type");
    headers.delete("Content-Disposition");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers });
}

/**
 * Headers of the embeddable agenda: any site may frame it (frame-ancestors *, set by the security
 * headers on seeing X-Allow-Embedding), and it is the same for everyone, so shared caches keep it.
 */
export const EMBED_HEADERS = {
  "X-Allow-Embedding": "1",
  "Cache-Control": "public, max-age=300, s-maxage=300, stale-while-revalidate=600",
} as const;
