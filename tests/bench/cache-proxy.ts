// For `npm run bench` only: a tiny shared cache in front of the app, to show what a CDN or nginx
// `proxy_cache` gives during a campaign peak. It keeps 200 answers to GETs that say `public` with an
// `s-maxage`, for that long, keyed by URL; anything else (and every miss) goes to the app.
import { createServer, request } from "node:http";

const upstream = new URL(process.env.UPSTREAM!);
type Entry = { until: number; status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };
const store = new Map<string, Entry>();

createServer((req, res) => {
  const key = req.url ?? "/";
  const hit = req.method === "GET" ? store.get(key) : undefined;
  if (hit && hit.until > performance.now()) {
    res.writeHead(hit.status, { ...hit.headers, "x-cache": "HIT" });
    return res.end(hit.body);
  }
  const forward = request(
    { host: upstream.hostname, port: upstream.port, path: key, method: req.method, headers: req.headers },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (c: Buffer) => chunks.push(c));
      answer.on("end", () => {
        const body = Buffer.concat(chunks);
        const cacheControl = String(answer.headers["cache-control"] ?? "");
        const sMaxAge = /\bpublic\b/.test(cacheControl) ? Number(/s-maxage=(\d+)/.exec(cacheControl)?.[1] ?? 0) : 0;
        if (req.method === "GET" && answer.statusCode === 200 && sMaxAge > 0)
          store.set(key, { until: performance.now() + sMaxAge * 1000, status: 200, headers: answer.headers, body });
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-cache": "MISS" });
        res.end(body);
      });
    },
  );
  forward.on("error", () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(forward);
}).listen(Number(process.env.PORT), "127.0.0.1");
