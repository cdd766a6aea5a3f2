// The baseline for the benchmark: a bare node:http server on better-sqlite3 answering the same map
// query as /api/kaart (R*Tree by bbox, nearest to the centre first, table read for the rows shown).
import { createServer } from "node:http";
import Database from "better-sqlite3";

const db = new Database(process.env.DATABASE_PATH!, { readonly: true });
db.pragma("cache_size = -65536");
db.pragma("mmap_size = 268435456");
const editionId = db.prepare("SELECT id FROM editions WHERE year = ?").pluck();
const query = db.prepare(`SELECT a.id, a.title, a.starts_at AS startsAt, a.place, a.lat, a.lon FROM (
    SELECT g.id AS id, ((g.min_lat - @lat) * (g.min_lat - @lat) + (g.min_lon - @lon) * (g.min_lon - @lon) * @k2) AS d2
    FROM activity_geo g
    WHERE g.min_lat <= @maxLat AND g.max_lat >= @minLat AND g.min_lon <= @maxLon AND g.max_lon >= @minLon
      AND g.min_edition <= @edition AND g.max_edition >= @edition
    ORDER BY d2, id LIMIT 2001) n JOIN activities a ON a.id = n.id ORDER BY n.d2, n.id`);

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  const [minLon, minLat, maxLon, maxLat] = (url.searchParams.get("bbox") ?? "").split(",").map(Number);
  const lat = (minLat + maxLat) / 2;
  const k = Math.cos((lat * Math.PI) / 180);
  const rows = query.all({
    lat: Math.round(lat * 1e6),
    lon: Math.round(((minLon + maxLon) / 2) * 1e6),
    k2: k * k,
    minLat: Math.floor(minLat * 1e6),
    maxLat: Math.ceil(maxLat * 1e6),
    minLon: Math.floor(minLon * 1e6),
    maxLon: Math.ceil(maxLon * 1e6),
    edition: editionId.get(Number(url.searchParams.get("editie"))),
  }) as { id: number; title: string; startsAt: number; place: string | null; lat: number; lon: number }[];
  const features = rows.slice(0, 2000).map((r) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [r.lon, r.lat] },
    properties: { id: r.id, title: r.title, startsAt: r.startsAt, place: r.place },
  }));
  res.writeHead(200, {
    "Content-Type": "application/geo+json; charset=utf-8",
    "Cache-Control": "public, max-age=60, s-maxage=60, stale-while-revalidate=300",
  });
  res.end(JSON.stringify({ type: "FeatureCollection", features, truncated: rows.length > 2000 }));
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare server ready"));
