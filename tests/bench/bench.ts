// `npm run bench`: the public search under load, on a synthetic database of 100,000 activities over
// 4 editions. Prints median / p95 latency and requests per second at 50 concurrent connections for
// (a) a radius search page, (b) the map data route /api/kaart and (c) a bare node:http +
// better-sqlite3 server answering the same map query, the ratio (b)/(c), and the gzipped
// JavaScript the public search page loads. Only loopback traffic; every run is bounded in time.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { openDatabase } from "../../db/client";
import { MUNICIPALITIES_2025 } from "../../db/reference/municipalities-2025";
import { ensureReferenceData } from "../../db/reference/load";

const ACTIVITIES = 100_000;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3490);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 3491);
const YEAR = 2026;

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

function start(cmd: string, args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + 60_000;
    const poll = async () => {
      try {
        const res = await fetch(ready);
        if (res.ok) return resolve(child);
      } catch {
        // not up yet
      }
      if (performance.now() > deadline || child.exitCode !== null) return reject(new Error(`${cmd} did not start`));
      setTimeout(poll, 200);
    };
    poll();
  });
}

type Figures = { median: number; p95: number; rps: number; errors: number; non2xx: number };

async function load(title: string, base: string, paths: string[]): Promise<Figures> {
  // Warm up (JIT, page cache), then measure.
  await autocannon({ url: base, connections: 10, duration: 2, requests: [{ setupRequest: cycle(paths) }] });
  const latencies: number[] = [];
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: cycle(paths) }],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    latencies.push(responseTime),
  );
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const figures = {
    median: at(0.5),
    p95: at(0.95),
    rps: latencies.length / DURATION_S,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
  console.log(
    `${title.padEnd(34)} median ${figures.median.toFixed(1).padStart(6)} ms   p95 ${figures.p95.toFixed(1).padStart(6)} ms   ${figures.rps.toFixed(0).padStart(6)} req/s   (${latencies.length} requests, ${figures.errors} errors, ${figures.non2xx} non-2xx)`,
  );
  return figures;
}

function cycle(paths: string[]) {
  let i = 0;
  return (req: { path?: string }) => ({ ...req, path: paths[i++ % paths.length] });
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

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "komerbij-bench-"));
  const path = join(dir, "bench.db");
  const children: ChildProcess[] = [];
  try {
    buildDatabase(path);
    const env = {
      PORT: String(APP_PORT),
      DATABASE_PATH: path,
      SEED_DEMO_DATA: "false",
      NODE_ENV: "production",
      DEMO_MODE: "true",
      FAKE_NOW: "2026-11-23T10:00:00+01:00",
      PDOK_LOCATIESERVER_URL: "http://127.0.0.1:9/unused",
    };
    children.push(
      await start(
        "node",
        ["node_modules/@remix-run/serve/dist/cli.js", "./build/index.js"],
        env,
        `http://127.0.0.1:${APP_PORT}/healthz`,
      ),
    );
    children.push(
      await start(
        "node",
        ["--import", "tsx", "tests/bench/bare-server.ts"],
        { PORT: String(BARE_PORT), DATABASE_PATH: path },
        `http://127.0.0.1:${BARE_PORT}/?bbox=5,52,5.1,52.1&editie=${YEAR}`,
      ),
    );

    const points = searchPoints();
    const pages = points.map((p) => `/?lat=${p.lat}&lon=${p.lon}&straal=${p.radius}&editie=${YEAR}`);
    // Map views around the same points: the bbox of the search circle, as the map asks for it.
    const bboxes = points.map((p) => {
      const dLat = p.radius / 111.195;
      const dLon = dLat / Math.cos((p.lat * Math.PI) / 180);
      return `bbox=${(p.lon - dLon).toFixed(5)},${(p.lat - dLat).toFixed(5)},${(p.lon + dLon).toFixed(5)},${(p.lat + dLat).toFixed(5)}&editie=${YEAR}`;
    });
    const sample = await (await fetch(`http://127.0.0.1:${APP_PORT}/api/kaart?${bboxes[1]}`)).json();
    console.log(
      `Map answer for a 10 km view: ${sample.features.length} features. ${CONNECTIONS} connections, ${DURATION_S} s per run, 200 different searches.\n`,
    );

    const page = await load("(a) radius search page /", `http://127.0.0.1:${APP_PORT}`, pages);
    // (b) as in a campaign: the same 200 views asked again and again (the route's 15 s micro-cache
    // answers repeats); (b') every view new (no cache hit possible), compared with (c) on the same views.
    const map = await load(
      "(b) /api/kaart, 200 repeated views",
      `http://127.0.0.1:${APP_PORT}`,
      bboxes.map((b) => `/api/kaart?${b}`),
    );
    const fresh = uniqueViews(points);
    const mapCold = await load(
      "(b') /api/kaart, every view new",
      `http://127.0.0.1:${APP_PORT}`,
      fresh.map((b) => `/api/kaart?${b}`),
    );
    const bare = await load(
      "(c) bare node:http + better-sqlite3",
      `http://127.0.0.1:${BARE_PORT}`,
      fresh.map((b) => `/?${b}`),
    );
    console.log(
      `\nThroughput ratio (b)/(c): ${(map.rps / bare.rps).toFixed(2)}, uncached (b')/(c): ${(mapCold.rps / bare.rps).toFixed(2)} (target >= 0.5)`,
    );
    console.log(
      `Map route p95: ${map.p95.toFixed(1)} ms repeated views, ${mapCold.p95.toFixed(1)} ms new views (target <= 25 ms); search page p95 ${page.p95.toFixed(1)} ms`,
    );

    const js = await javascriptOfPage(`http://127.0.0.1:${APP_PORT}/?lat=52.09&lon=5.12&straal=10&editie=${YEAR}`);
    console.log(
      `JavaScript on the public search page: ${js.files} files, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (target <= 200 KB)`,
    );
  } finally {
    for (const child of children) child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
