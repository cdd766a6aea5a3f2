// `npm run bench [-- --activities 1000000] [-- --seconds 10] [-- --load-seconds 60] [-- --quick]`:
// the public search under load on a synthetic database (100,000 activities over 4 editions by
// default), the app (app/server.mjs + the build, as in production) against a bare twin
// (tests/bench/bare-server.ts: node:http + better-sqlite3, the same queries and the same answers
// without a framework), at 1, 10 and 50 concurrent connections. Also: a shared cache in front
// (tests/bench/cache-proxy.ts), the JavaScript of the search page, the app's memory during a long
// load, the search page with 20,000 e-mails pending, and /healthz while the attendance scheduler
// queues its requests. Only loopback traffic; every run is bounded in time. Not part of `npm test`.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/client";
import { MUNICIPALITIES_2025 } from "../../db/reference/municipalities-2025";
import { ensureReferenceData } from "../../db/reference/load";

const { values: flags } = parseArgs({
  options: {
    activities: { type: "string", default: process.env.BENCH_ACTIVITIES ?? "100000" },
    seconds: { type: "string", default: process.env.BENCH_SECONDS ?? "10" },
    "load-seconds": { type: "string", default: process.env.BENCH_LOAD_SECONDS ?? "60" },
    quick: { type: "boolean", default: false },
    /** Keep the synthetic database at this path (and reuse it when it exists): a 1M database takes minutes to build. */
    db: { type: "string" },
    "db-only": { type: "boolean", default: false },
  },
});
const ACTIVITIES = Number(flags.activities);
const DURATION_S = flags.quick ? 3 : Number(flags.seconds);
const LOAD_S = flags.quick ? 10 : Number(flags["load-seconds"]);
const CONCURRENCY = [1, 10, 50];
const PENDING_EMAILS = 20_000;
// Ports 3300–3320 are the benchmark's own.
const APP_PORT = 3300;
const BARE_PORT = 3301;
const PROXY_PORT = 3302;
const YEAR = 2026;
// Before the 2026 Week: no attendance request is due, the outbox is empty (the baseline).
const QUIET_NOW = "2026-09-01T10:00:00+02:00";
// After the 2026 Week: every published 2026 activity is due for an attendance request.
const AFTER_WEEK_NOW = "2026-11-23T10:00:00+01:00";

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function buildDatabase(path: string) {
  const started = performance.now();
  const db = openDatabase(path);
  ensureReferenceData(db);
  const sqlite = db.$client;
  const r = random(42);
  const owner = Number(
    sqlite.prepare("INSERT INTO users (email, name) VALUES ('bench@example.org', 'Bench') RETURNING id").pluck().get(),
  );
  const editions = sqlite.prepare("SELECT id, week_start AS weekStart FROM editions ORDER BY year").all() as {
    id: number;
    weekStart: string;
  }[];
  // Big municipalities get more activities, like the real country.
  const weighted = MUNICIPALITIES_2025.flatMap((m, i) => Array.from({ length: i % 9 === 0 ? 12 : 2 }, () => m));
  const insert =
    sqlite.prepare(`INSERT INTO activities (edition_id, owner_id, organisation_name, organisation_kind, title, description, type,
      starts_at, ends_at, is_online, place, municipality_code, lat, lon, wheelchair_accessible, is_free,
      private_contact_name, private_contact_email, status)
    VALUES (?, ?, 'Stichting Bench', 'welzijn', ?, 'Samen koffie drinken.', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Prive', 'prive@example.org', ?)`);
  const group = sqlite.prepare("INSERT INTO activity_target_groups (activity_id, target_group) VALUES (?, ?)");
  const session = sqlite.prepare("INSERT INTO activity_sessions (activity_id, starts_at, ends_at) VALUES (?, ?, ?)");
  const types = ["ontmoeting", "samen-eten", "wandelen-bewegen", "creatief", "spel"];
  const groups = ["iedereen", "ouderen", "jongeren", "mantelzorgers"];
  sqlite.transaction(() => {
    for (let n = 0; n < ACTIVITIES; n++) {
      const edition = editions[n % editions.length];
      const [code, place, , lat, lon, minLat, minLon, maxLat, maxLon] = weighted[Math.floor(r() * weighted.length)];
      const online = r() < 0.03;
      const startsAt =
        Date.parse(`${edition.weekStart}T08:00:00Z`) + Math.floor(r() * 7) * 86_400_000 + Math.floor(r() * 20) * 1_800_000;
      const status = r() < 0.85 ? "published" : r() < 0.66 ? "pending" : "cancelled";
      const id = insert.run(
        edition.id,
        owner,
        `Activiteit ${n} in ${place}`,
        types[n % types.length],
        startsAt,
        startsAt + 7_200_000,
        online ? 1 : 0,
        online ? null : place,
        code,
        online ? null : lat + (r() - 0.5) * (maxLat - minLat) * 0.6,
        online ? null : lon + (r() - 0.5) * (maxLon - minLon) * 0.6,
        r() < 0.7 ? 1 : 0,
        r() < 0.8 ? 1 : 0,
        status,
      ).lastInsertRowid;
      group.run(id, groups[n % groups.length]);
      // Every activity has its sessions, as in the app; one in ten meets three times (the same hour, a day apart).
      for (let k = 0; k < (n % 10 === 0 ? 3 : 1); k++)
        session.run(id, startsAt + k * 86_400_000, startsAt + k * 86_400_000 + 7_200_000);
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  const inTree = sqlite.prepare("SELECT count(*) FROM activity_geo").pluck().get();
  sqlite.close();
  console.log(
    `Synthetic database: ${ACTIVITIES.toLocaleString("en")} activities over ${editions.length} editions (${inTree} published and located in the R*Tree), built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** 200 search points: municipality centres (cities and rural places alike) with 5, 10 and 25 km. */
function searchPoints() {
  const r = random(7);
  return Array.from({ length: 200 }, (_, i) => {
    const m = MUNICIPALITIES_2025[Math.floor(r() * MUNICIPALITIES_2025.length)];
    return { lat: m[3], lon: m[4], radius: [5, 10, 25][i % 3] };
  });
}

/** 60,000 distinct map views (shifted by a few metres each): no answer can come from a cache. */
function uniqueViews(points: { lat: number; lon: number; radius: number }[]) {
  return Array.from({ length: 60_000 }, (_, i) => {
    const p = points[i % points.length];
    const shift = i * 0.00001;
    const dLat = p.radius / 111.195;
    const dLon = dLat / Math.cos((p.lat * Math.PI) / 180);
    return `bbox=${(p.lon - dLon + shift).toFixed(5)},${(p.lat - dLat).toFixed(5)},${(p.lon + dLon + shift).toFixed(5)},${(p.lat + dLat).toFixed(5)}&editie=${YEAR}`;
  });
}

async function javascriptOfPage(url: string): Promise<{ files: number; gzipBytes: number }> {
  const html = await (await fetch(url)).text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/import[^"']*["'](\/build\/[^"']+\.js)["']/g)) srcs.add(m[1]);
  let gzipBytes = 0;
  for (const src of srcs) gzipBytes += gzipSync(readFileSync(join("public", new URL(src, url).pathname))).length;
  return { files: srcs.size, gzipBytes };
}

async function start(cmd: string, args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  // Something else answering on the port would be measured instead: refuse to start.
  const busy = await fetch(ready).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`${new URL(ready).host} is in use by another process; stop it first`);
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + 120_000;
    const poll = async () => {
      try {
        const res = await fetch(ready);
        if (res.ok) return resolve(child);
      } catch {
        // not up yet
      }
      if (performance.now() > deadline || child.exitCode !== null)
        return reject(new Error(`${cmd} ${args.join(" ")} did not start`));
      setTimeout(poll, 100);
    };
    poll();
  });
}

async function stop(child: ChildProcess) {
  // A child killed by a signal (the cache proxy has no SIGTERM handler) has no exit code, only a signal.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

type Figures = { p50: number; p95: number; rps: number; errors: number; non2xx: number; requests: number };

// One cursor per list of paths for the whole bench: warm-up and measurement, app and bare twin, every
// concurrency go on where the last run stopped. Starting each run at the first path again let the
// app's 15 s map micro-cache answer the views the warm-up had just asked (not "every view new").
const cursors = new Map<string[], number>();
function cycle(paths: string[]) {
  return (req: { path?: string }) => {
    const i = cursors.get(paths) ?? 0;
    cursors.set(paths, i + 1);
    return { ...req, path: paths[i % paths.length] };
  };
}

async function load(base: string, paths: string[], connections: number, seconds = DURATION_S): Promise<Figures> {
  // Warm up (JIT, page cache), then measure.
  await autocannon({ url: base, connections, duration: 1, requests: [{ setupRequest: cycle(paths) }] });
  const latencies: number[] = [];
  const instance = autocannon({ url: base, connections, duration: seconds, requests: [{ setupRequest: cycle(paths) }] });
  instance.on("response", (_c: unknown, _s: number, _b: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    p50: at(0.5),
    p95: at(0.95),
    rps: latencies.length / seconds,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: latencies.length,
  };
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const cell = (f: Figures) =>
  `${f.rps.toFixed(0)} req/s, p50 ${ms(f.p50)} ms, p95 ${ms(f.p95)} ms${f.errors || f.non2xx ? ` (${f.errors} errors, ${f.non2xx} non-2xx)` : ""}`;

/** Resident memory of a process and its children (the e-mail renderer), in MB. */
function rssMb(pid: number): number {
  const one = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // no children file
  }
  return one(pid) + children.reduce((sum, c) => sum + one(c), 0);
}

function appEnv(path: string, fakeNow: string, port = APP_PORT) {
  return {
    PORT: String(port),
    DATABASE_PATH: path,
    SEED_DEMO_DATA: "false",
    NODE_ENV: "production",
    DEMO_MODE: "true",
    FAKE_NOW: fakeNow,
    PDOK_LOCATIESERVER_URL: "http://127.0.0.1:9/unused",
  };
}

const startApp = (path: string, fakeNow: string) =>
  start("node", ["app/server.mjs", "./build/index.js"], appEnv(path, fakeNow), `http://127.0.0.1:${APP_PORT}/healthz`);

function queuePendingEmails(path: string, count: number) {
  const db = new Database(path);
  db.pragma("busy_timeout = 5000");
  const insert = db.prepare(`INSERT INTO email_outbox (template, props, to_address, status, priority, next_attempt_at, created_at)
    VALUES ('attendance-request', ?, ?, 'pending', 2, ?, ?)`);
  const at = Date.parse(QUIET_NOW);
  db.transaction(() => {
    for (let i = 0; i < count; i++)
      insert.run(
        JSON.stringify({
          activityTitle: `Bench ${i}`,
          reportUrl: `http://localhost/opkomst/bench${i}`,
          deadline: "2026-12-15T23:00:00.000Z",
        }),
        `bench${i}@example.org`,
        at,
        at,
      );
  })();
  db.close();
}

function outboxCounts(path: string) {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare("SELECT status, count(*) AS n FROM email_outbox GROUP BY status").all() as {
    status: string;
    n: number;
  }[];
  db.close();
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "komerbij-bench-"));
  const path = flags.db ?? join(dir, "bench.db");
  const children: ChildProcess[] = [];
  const lines: string[] = [];
  const say = (line = "") => {
    console.log(line);
    lines.push(line);
  };
  try {
    if (!existsSync("build/index.js")) throw new Error("Build the app first (npm run bench does)");
    if (!flags.db || !existsSync(path)) buildDatabase(path);
    else {
      // A database from an earlier run: start again from an empty outbox.
      const db = new Database(path);
      db.exec("DELETE FROM email_outbox");
      db.close();
      console.log(`Reusing ${path}`);
    }
    if (flags["db-only"]) return;
    let app = await startApp(path, QUIET_NOW);
    children.push(app);
    const bare = await start(
      "node",
      ["--import", "tsx", "tests/bench/bare-server.ts"],
      { PORT: String(BARE_PORT), DATABASE_PATH: path, FAKE_NOW: QUIET_NOW },
      `http://127.0.0.1:${BARE_PORT}/api/kaart?bbox=5,52,5.1,52.1&editie=${YEAR}`,
    );
    children.push(bare);
    const proxy = await start(
      "node",
      ["--import", "tsx", "tests/bench/cache-proxy.ts"],
      { PORT: String(PROXY_PORT), UPSTREAM: `http://127.0.0.1:${APP_PORT}` },
      `http://127.0.0.1:${PROXY_PORT}/healthz`,
    );
    children.push(proxy);

    const points = searchPoints();
    const pages = points.map((p) => `/?lat=${p.lat}&lon=${p.lon}&straal=${p.radius}&editie=${YEAR}`);
    const views = uniqueViews(points).map((b) => `/api/kaart?${b}`);
    const appBase = `http://127.0.0.1:${APP_PORT}`;
    const bareBase = `http://127.0.0.1:${BARE_PORT}`;

    // Same answers: the same 20 cards and the same number of map features.
    const cards = async (base: string) =>
      ((await (await fetch(`${base}${pages[1]}`)).text()).match(/<li class="result"/g) ?? []).length;
    const features = async (base: string) => (await (await fetch(`${base}${views[1]}`)).json()).features.length as number;
    const [appCards, bareCards, appFeatures, bareFeatures] = await Promise.all([
      cards(appBase),
      cards(bareBase),
      features(appBase),
      features(bareBase),
    ]);
    if (appCards !== bareCards || appFeatures !== bareFeatures)
      throw new Error(`twins disagree: cards ${appCards}/${bareCards}, features ${appFeatures}/${bareFeatures}`);
    say(
      `${ACTIVITIES.toLocaleString("en")} activities. Same answers: ${appCards} cards per search page, ${appFeatures} features per 10 km map view. ${DURATION_S} s per run, 200 different searches, every map view new (no cache hit possible).`,
    );
    // A server in production has run for a while: warm both (JIT, SQLite's cache) on both routes before the
    // table, or the first row (search at concurrency 1) measures the app half-compiled.
    for (const base of [appBase, bareBase])
      await autocannon({
        url: base,
        connections: 10,
        duration: flags.quick ? 3 : 5,
        requests: [{ setupRequest: cycle(pages) }, { setupRequest: cycle(views) }],
      });
    say();
    say("| route | concurrency | app | bare twin, same answer | app / bare (req/s) |");
    say("| --- | --- | --- | --- | --- |");
    const figures: Record<string, Figures> = {};
    for (const [name, label, paths] of [
      ["search", "search page `/?lat&lon&straal&editie`", pages],
      ["map", "`/api/kaart` (500 nearest, every view new)", views],
    ] as const) {
      for (const c of CONCURRENCY) {
        const a = await load(appBase, paths as string[], c);
        const b = await load(bareBase, paths as string[], c);
        figures[`${name}-${c}`] = a;
        say(`| ${label} | ${c} | ${cell(a)} | ${cell(b)} | ${(a.rps / b.rps).toFixed(2)} |`);
      }
    }

    const cached = await load(`http://127.0.0.1:${PROXY_PORT}`, pages, 10);
    const cachedRate = (await fetch(`http://127.0.0.1:${PROXY_PORT}${pages[0]}`)).headers.get("x-cache");
    say();
    say(
      `Shared cache in front (tests/bench/cache-proxy.ts, honours s-maxage), the same 200 searches at concurrency 10: ${cell(cached)} (last answer: ${cachedRate}); the app alone: ${figures["search-10"].rps.toFixed(0)} req/s.`,
    );

    const js = await javascriptOfPage(`${appBase}${pages[1]}`);
    say(
      `JavaScript on the public search page before the map: ${js.files} files, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped.`,
    );

    // Memory under a long mixed load (search pages and map views at concurrency 10).
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(app.pid!)), 1_000);
    const before = rssMb(app.pid!);
    const mixed = pages.flatMap((p, i) => [p, views[i]]);
    const long = await load(appBase, mixed, 10, LOAD_S);
    clearInterval(sampler);
    say(
      `Memory (app + e-mail renderer, RSS) during a ${LOAD_S} s mixed load at concurrency 10 (${long.requests} requests, ${long.errors} errors): ${before.toFixed(0)} MB before, peak ${Math.max(...samples).toFixed(0)} MB, ${samples.at(-1)!.toFixed(0)} MB at the end.`,
    );

    // Background work: 20,000 e-mails pending (rendered by the niced renderer, sent by the sender).
    // The empty-outbox figure is measured right before, on the same warm app (not taken from the table's first row).
    const quiet = await load(appBase, pages, 1);
    queuePendingEmails(path, PENDING_EMAILS);
    const busy = await load(appBase, pages, 1);
    const left = outboxCounts(path);
    say(
      `Search page at concurrency 1 with ${PENDING_EMAILS.toLocaleString("en")} e-mails pending: p50 ${ms(busy.p50)} ms, p95 ${ms(busy.p95)} ms (empty outbox: p50 ${ms(quiet.p50)} ms, p95 ${ms(quiet.p95)} ms; ${((busy.p95 / quiet.p95 - 1) * 100).toFixed(0)}% change). Outbox after the run: ${JSON.stringify(left)}.`,
    );
    await stop(app);
    await stop(proxy);

    // The attendance scheduler after the Week: /healthz polled every 50 ms from the start while it queues.
    const healthz: number[] = [];
    app = await startApp(path, AFTER_WEEK_NOW);
    children.push(app);
    const pendingBefore = outboxCounts(path);
    const until = performance.now() + (flags.quick ? 15_000 : 60_000);
    let queued = 0;
    let stable = 0;
    while (performance.now() < until && stable < 40) {
      const t = performance.now();
      await fetch(`${appBase}/healthz`).then((r) => r.text());
      healthz.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
      if (healthz.length % 20 === 0) {
        const counts = outboxCounts(path);
        const total = Object.values(counts).reduce((a, b) => a + b, 0) - Object.values(pendingBefore).reduce((a, b) => a + b, 0);
        stable = total === queued && total > 0 ? stable + 20 : 0;
        queued = total;
      }
    }
    healthz.sort((a, b) => a - b);
    say(
      `/healthz while the scheduler queued ${queued.toLocaleString("en")} attendance requests (polled ${healthz.length} times): p50 ${ms(healthz[Math.floor(healthz.length / 2)])} ms, p99 ${ms(healthz[Math.floor(healthz.length * 0.99)])} ms, max ${ms(healthz.at(-1)!)} ms.`,
    );
  } finally {
    for (const child of children) await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
