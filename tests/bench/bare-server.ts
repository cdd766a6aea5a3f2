// The benchmark's bare twin: node:http + better-sqlite3 on the same database file, with no framework.
// - `/?lat&lon&straal&editie`: the search page's question (R*Tree within the radius, nearest first,
//   the count, one page of 20 rows read from the table with their target groups), written as plain
//   string-template HTML with the same facts per card (date, time, place, distance, kind, cost).
// - `/api/kaart?bbox&editie`: the map route's question, the same number of features as the app (500).
// It is what "the bare limit" means in `npm run bench`: the app's work minus everything a framework does.
import { createServer } from "node:http";
import Database from "better-sqlite3";

const PAGE_SIZE = 20;
const MAP_FEATURE_LIMIT = 500;
const MICRO = 1_000_000;
const KM_PER_DEGREE = 111.195;

const db = new Database(process.env.DATABASE_PATH!, { readonly: true });
db.pragma("cache_size = -65536");
db.pragma("mmap_size = 268435456");
const editionId = db.prepare("SELECT id FROM editions WHERE year = ?").pluck();

const inArea = `g.min_lat <= @maxLat AND g.max_lat >= @minLat AND g.min_lon <= @maxLon AND g.max_lon >= @minLon
  AND g.min_edition <= @edition AND g.max_edition >= @edition`;
const d2 = `((g.min_lat - @lat) * (g.min_lat - @lat) + (g.min_lon - @lon) * (g.min_lon - @lon) * @k2)`;
const nearest = db.prepare(`SELECT id, d2, count(*) OVER () AS total FROM (
    SELECT g.id AS id, ${d2} AS d2 FROM activity_geo g WHERE ${inArea}) WHERE d2 <= @r2
  ORDER BY d2, id LIMIT ${PAGE_SIZE}`);
const rowsById = (n: number) =>
  db.prepare(`SELECT id, title, type, starts_at AS startsAt, ends_at AS endsAt, is_online AS isOnline, venue_name AS venueName,
    place, is_free AS isFree, price_cents AS priceCents, wheelchair_accessible AS wheelchair, sign_up_required AS signUp, status
    FROM activities WHERE id IN (${Array(n).fill("?").join(",")})`);
const groupsById = (n: number) =>
  db.prepare(
    `SELECT activity_id AS id, target_group AS g FROM activity_target_groups WHERE activity_id IN (${Array(n).fill("?").join(",")})`,
  );
const sessionsById = (n: number) =>
  db.prepare(
    `SELECT activity_id AS id, starts_at AS startsAt, ends_at AS endsAt FROM activity_sessions
     WHERE activity_id IN (${Array(n).fill("?").join(",")}) ORDER BY starts_at, id`,
  );
const byCount = new Map<number, { rows: Database.Statement; groups: Database.Statement; sessions: Database.Statement }>();
const statementsFor = (n: number) => {
  let s = byCount.get(n);
  if (!s) byCount.set(n, (s = { rows: rowsById(n), groups: groupsById(n), sessions: sessionsById(n) }));
  return s;
};
// The bench runs the app with its clock before the 2026 Week (QUIET_NOW in bench.ts).
const NOW = Date.parse(process.env.FAKE_NOW ?? "2026-09-01T10:00:00+02:00");
// Like the app since activities have several sessions: the marker says the next one, the card the next one and how many.
// Like the app: first a circle a quarter of the view's size around its centre, then one wider circle sized from the
// density it found, the whole view only when neither holds more than the limit.
const map = db.prepare(`SELECT a.id, a.title, a.place, a.lat, a.lon,
    COALESCE((SELECT min(s.starts_at) FROM activity_sessions s WHERE s.activity_id = a.id AND s.ends_at > @now), a.starts_at) AS startsAt
  FROM (
    SELECT id, d2 FROM (SELECT g.id AS id, ${d2} AS d2 FROM activity_geo g WHERE ${inArea}) WHERE d2 <= @r2
    ORDER BY d2, id LIMIT ${MAP_FEATURE_LIMIT + 1}
  ) n JOIN activities a ON a.id = n.id ORDER BY n.d2, n.id`);

const TZ = "Europe/Amsterdam";
const day = new Intl.DateTimeFormat("nl-NL", { timeZone: TZ, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const time = new Intl.DateTimeFormat("nl-NL", { timeZone: TZ, hour: "2-digit", minute: "2-digit" });
const km1 = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
const km0 = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function area(lat: number, lon: number, box: [number, number, number, number], radiusKm: number | null) {
  const k = Math.cos((lat * Math.PI) / 180);
  return {
    lat: Math.round(lat * MICRO),
    lon: Math.round(lon * MICRO),
    k2: k * k,
    minLat: Math.floor(box[0] * MICRO),
    maxLat: Math.ceil(box[1] * MICRO),
    minLon: Math.floor(box[2] * MICRO),
    maxLon: Math.ceil(box[3] * MICRO),
    r2: radiusKm === null ? Number.MAX_SAFE_INTEGER : ((radiusKm / KM_PER_DEGREE) * MICRO) ** 2,
  };
}

type Row = {
  id: number;
  title: string;
  type: string;
  startsAt: number;
  endsAt: number;
  isOnline: number;
  venueName: string | null;
  place: string | null;
  isFree: number;
  priceCents: number | null;
  wheelchair: number;
  signUp: number;
  status: string;
};

function searchPage(url: URL): string {
  const lat = Number(url.searchParams.get("lat"));
  const lon = Number(url.searchParams.get("lon"));
  const radius = Number(url.searchParams.get("straal") ?? 10);
  const dLat = radius / KM_PER_DEGREE;
  const dLon = radius / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  const params = {
    ...area(lat, lon, [lat - dLat, lat + dLat, lon - dLon, lon + dLon], radius),
    edition: editionId.get(Number(url.searchParams.get("editie"))),
  };
  const found = nearest.all(params) as { id: number; d2: number; total: number }[];
  const ids = found.map((r) => r.id);
  const { rows, groups, sessions } = ids.length ? statementsFor(ids.length) : { rows: null, groups: null, sessions: null };
  const byId = new Map(((rows?.all(...ids) ?? []) as Row[]).map((r) => [r.id, r]));
  const groupsOf = new Map<number, string[]>();
  for (const g of (groups?.all(...ids) ?? []) as { id: number; g: string }[])
    groupsOf.set(g.id, [...(groupsOf.get(g.id) ?? []), g.g]);
  const sessionsOf = new Map<number, { startsAt: number; endsAt: number }[]>();
  for (const x of (sessions?.all(...ids) ?? []) as { id: number; startsAt: number; endsAt: number }[])
    sessionsOf.set(x.id, [...(sessionsOf.get(x.id) ?? []), x]);
  const cards = found
    .map(({ id, d2 }) => {
      const a = byId.get(id)!;
      const all = sessionsOf.get(id) ?? [];
      const next = all.find((x) => x.endsAt > NOW) ?? all[0] ?? a;
      const times = all.length > 1 ? ` (${all.length} keer)` : "";
      const km = (Math.sqrt(d2) / MICRO) * KM_PER_DEGREE;
      const distance = km < 1 ? `${Math.max(100, Math.round(km * 10) * 100)} m` : `${(km < 10 ? km1 : km0).format(km)} km`;
      return `<li class="result"><h3><a href="/activiteiten/${a.id}">${escape(a.title)}</a></h3><dl class="facts">
<div><dt>Wanneer</dt><dd>${day.format(next.startsAt)}, ${time.format(next.startsAt)} tot ${time.format(next.endsAt)} uur${times}</dd></div>
<div><dt>Waar</dt><dd>${a.isOnline ? "Online" : escape([a.venueName, a.place].filter(Boolean).join(", "))} (${distance} hiervandaan)</dd></div>
<div><dt>Soort</dt><dd>${escape(a.type)}</dd></div><div><dt>Voor</dt><dd>${escape((groupsOf.get(id) ?? []).join(", "))}</dd></div>
<div><dt>Kosten</dt><dd>${a.isFree ? "Gratis" : `€ ${((a.priceCents ?? 0) / 100).toFixed(2)}`}${a.signUp ? ", aanmelden nodig" : ""}</dd></div>
</dl>${a.wheelchair ? "<p>Rolstoeltoegankelijk</p>" : ""}${a.status === "cancelled" ? "<p>Gaat niet door</p>" : ""}</li>`;
    })
    .join("\n");
  const total = found[0]?.total ?? 0;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Activiteiten – Kom erbij</title></head><body><main>
<h2>Activiteiten: ${total} gevonden</h2><p>We vonden ${total} activiteiten binnen ${radius} km, de dichtstbijzijnde eerst.</p>
<ol class="result-list">${cards}</ol></main></body></html>`;
}

function mapFeatures(url: URL): string {
  const [minLon, minLat, maxLon, maxLat] = (url.searchParams.get("bbox") ?? "").split(",").map(Number);
  const lat = (minLat + maxLat) / 2;
  const lon = (minLon + maxLon) / 2;
  const edition = editionId.get(Number(url.searchParams.get("editie")));
  type MapRow = { id: number; title: string; startsAt: number; place: string | null; lat: number; lon: number };
  const k = Math.cos((lat * Math.PI) / 180);
  const inner = Math.min(((maxLat - minLat) / 2) * KM_PER_DEGREE, ((maxLon - minLon) / 2) * KM_PER_DEGREE * k);
  const circle = (r: number) => {
    const dLat = r / KM_PER_DEGREE;
    const dLon = dLat / k;
    return map.all({ now: NOW, ...area(lat, lon, [lat - dLat, lat + dLat, lon - dLon, lon + dLon], r), edition }) as MapRow[];
  };
  const rows = (() => {
    const small = circle(inner / 4);
    if (small.length > MAP_FEATURE_LIMIT) return small;
    const wider = small.length > 0 ? (inner / 4) * Math.sqrt((2 * MAP_FEATURE_LIMIT) / small.length) : inner;
    if (wider < inner) {
      const found = circle(wider);
      if (found.length > MAP_FEATURE_LIMIT) return found;
    }
    return map.all({ now: NOW, ...area(lat, lon, [minLat, maxLat, minLon, maxLon], null), edition }) as MapRow[];
  })();
  const features = rows.slice(0, MAP_FEATURE_LIMIT).map((r) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [r.lon, r.lat] },
    properties: { id: r.id, title: r.title, startsAt: r.startsAt, place: r.place },
  }));
  return JSON.stringify({ type: "FeatureCollection", features, truncated: rows.length > MAP_FEATURE_LIMIT });
}

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname === "/api/kaart") {
    res.writeHead(200, { "Content-Type": "application/geo+json; charset=utf-8" });
    return res.end(mapFeatures(url));
  }
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(searchPage(url));
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare server ready"));
