// The production HTTP server: static files, then the Remix build. It replaces remix-serve because
// the platform needs three things remix-serve cannot do:
// 1. a request-body limit on every route (a 100 MB POST must not cost 200 MB of memory);
// 2. the client's address for rate limits: the socket address, or the proxy's X-Forwarded-For
//    only when TRUST_PROXY names that proxy (otherwise anyone could rotate the header);
// 3. a plain 403 page for cross-origin form posts (Remix itself answers those with a 500).
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";

/** Parses the server's own settings; an invalid value stops the start with a clear message. */
export function parseServerConfig(source) {
  const problems = [];
  const port = source.PORT === undefined || source.PORT === "" ? 3000 : Number(source.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push("PORT: must be a port number (0–65535)");
  const limitKb = source.BODY_LIMIT_KB === undefined || source.BODY_LIMIT_KB === "" ? 256 : Number(source.BODY_LIMIT_KB);
  if (!Number.isInteger(limitKb) || limitKb < 8 || limitKb > 10_240)
    problems.push("BODY_LIMIT_KB: must be a whole number from 8 to 10240");
  const trustProxy = parseTrustProxy(source.TRUST_PROXY, problems);
  if (problems.length)
    throw new Error(
      `Invalid configuration, the platform cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee README.md, section "Configuration".`,
    );
  return { port, bodyLimitBytes: limitKb * 1024, trustProxy };
}

const PROXY_PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);
const ADDRESS = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

// `true` or a hop count would trust whatever the client sends; only named proxies are accepted.
function parseTrustProxy(raw, problems) {
  if (raw === undefined || raw.trim() === "" || raw === "false") return false;
  const entries = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !PROXY_PRESETS.has(e) && !ADDRESS.test(e));
  if (bad.length || entries.length === 0)
    problems.push(
      `TRUST_PROXY: list the proxy's addresses (e.g. "10.0.0.5" or "10.0.0.0/8,loopback"); not understood: ${bad.join(", ") || raw}`,
    );
  return entries;
}

const page = (title, text) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Kom erbij</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Naar de homepage</a></p></main></body></html>`;

function sendPage(res, status, title, text) {
  res.status(status);
  res.set({
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  });
  res.end(page(title, text));
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A form posted from another site: refused before anything reads it. */
function isCrossOrigin(req, host) {
  if (!UNSAFE_METHODS.has(req.method)) return false;
  if (req.get("sec-fetch-site") === "cross-site") return true;
  const origin = req.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, data: URLs) and garbage
  }
}

// A body over the limit is read on and thrown away (up to this much), so the client, which is
// still sending, gets to see the 413 page; beyond it the connection is simply closed.
const DRAIN_LIMIT = 16 * 1024 * 1024;

/** Reads the body up to `limit` bytes; null when it is larger (nothing of it is kept). */
function readBody(req, limit) {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.get("content-length"));
    let over = Number.isFinite(declared) && declared > limit;
    if (over && declared > DRAIN_LIMIT) return resolveBody(null);
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (!over && size > limit) {
        over = true;
        chunks.length = 0;
      }
      if (!over) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) {
        req.pause();
        resolveBody(null);
      }
    });
    req.on("end", () => resolveBody(over ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function toHeaders(req) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    try {
      headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    } catch {
      // A header value the Fetch API refuses is dropped rather than failing the request.
    }
  }
  return headers;
}

export async function createApp({ build, bodyLimitBytes, trustProxy, publicDir = "public" }) {
  const handle = createRequestHandler(build, process.env.NODE_ENV);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.use(compression());
  const nosniff = (res) => res.setHeader("X-Content-Type-Options", "nosniff");
  app.use("/build", express.static(`${publicDir}/build`, { immutable: true, maxAge: "1y", setHeaders: nosniff }));
  // The other static files, looked up only for the names public/ has at its top level: asking the disk
  // for every page and API call (is there a file "api/kaart"?) cost each of them two file-system trips.
  const publicStatic = express.static(publicDir, { maxAge: "1h", dotfiles: "allow", setHeaders: nosniff });
  const topLevel = new Set(existsSync(publicDir) ? readdirSync(publicDir) : []);
  app.use((req, res, next) => (topLevel.has(req.path.split("/")[1]) ? publicStatic(req, res, next) : next()));

  app.all("*", async (req, res) => {
    const host = (trustProxy && req.get("x-forwarded-host")) || req.get("host") || "localhost";
    if (isCrossOrigin(req, host))
      return sendPage(
        res,
        403,
        "Niet toegestaan",
        "Dit formulier is verstuurd vanaf een andere website. Dat kan niet. Vul het formulier in op deze website.",
      );
    let body;
    if (req.method !== "GET" && req.method !== "HEAD") {
      body = await readBody(req, bodyLimitBytes);
      if (!body) {
        res.set("Connection", "close");
        return sendPage(
          res,
          413,
          "Te veel gegevens",
          "Je hebt meer gegevens verstuurd dan de website kan verwerken. Maak je tekst korter en probeer het opnieuw.",
        );
      }
    }
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    let url;
    try {
      url = new URL(req.originalUrl, `${req.protocol}://${host}`);
    } catch {
      return sendPage(res, 400, "Ongeldig adres", "Dit adres klopt niet.");
    }
    const request = new Request(url, { method: req.method, headers: toHeaders(req), body, signal: controller.signal });
    const response = await handle(request, { clientIp: req.ip ?? null });
    // Every response, also downloads (.ics, CSV) and plain-text errors: the browser must not guess the type.
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [key, value] of response.headers) if (key !== "set-cookie") res.setHeader(key, value);
    for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
    if (!response.body) res.end();
    // A body of known length (a whole cached page, JSON) in one write; a streamed page chunk by chunk.
    else if (response.headers.has("content-length")) res.end(Buffer.from(await response.arrayBuffer()));
    else await writeReadableStreamToWritable(response.body, res);
  });
  app.use((error, _req, res, _next) => {
    console.error(error);
    if (!res.headersSent) sendPage(res, 500, "Er ging iets mis", "Probeer het later nog eens.");
    else res.end();
  });
  return app;
}

async function main() {
  let config;
  try {
    config = parseServerConfig(process.env);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const buildPath = resolve(process.argv[2] ?? "build/index.js");
  const build = await import(pathToFileURL(buildPath).href);
  const app = await createApp({ build, ...config });
  const server = app.listen(config.port, () => {
    const { port } = server.address();
    console.log(`Kom erbij is running on http://localhost:${port} (request bodies up to ${config.bodyLimitBytes / 1024} KB)`);
  });
  // Slow-loris: a request that trickles its headers or body is cut off.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  stopGracefullyOn(server, ["SIGTERM", "SIGINT"]);
}

const SHUTDOWN_LIMIT_MS = 25_000;

/**
 * SIGTERM (a deploy, `docker stop`): stop accepting connections, let requests in flight finish,
 * let the e-mail sender finish the message (or batch) in hand, then exit. Whatever still runs
 * after SHUTDOWN_LIMIT_MS is cut off (a message in 'sending' is recovered on the next start).
 */
export function stopGracefullyOn(server, signals) {
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no new requests; finishing the ones in flight and the e-mail in hand`);
    setTimeout(() => {
      console.error("Shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    const closed = new Promise((resolveClosed) => server.close(resolveClosed));
    // Idle keep-alive connections would hold close() open; busy ones close after their response.
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    await Promise.all([closed, globalThis.__komerbijBackground?.stop()]);
    clearInterval(idle);
    console.log("Stopped cleanly");
    process.exit(0);
  };
  for (const signal of signals) process.once(signal, () => void stop(signal));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
