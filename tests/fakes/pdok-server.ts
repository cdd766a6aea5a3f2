// A local stand-in for PDOK Locatieserver v3.1 (/free and /suggest), answering in the real JSON
// shape for a handful of fixed places. Anything else gets 0 docs, like PDOK does for nonsense.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Doc = {
  id: string;
  type: "postcode" | "woonplaats" | "gemeente" | "adres";
  weergavenaam: string;
  centroide_ll: string;
  gemeentecode: string;
  gemeentenaam: string;
  woonplaatsnaam?: string;
  postcode?: string;
  provincienaam: string;
  score: number;
};

const doc = (
  type: Doc["type"],
  name: string,
  lon: number,
  lat: number,
  code: string,
  gemeente: string,
  province: string,
  extra: Partial<Doc> = {},
): Doc => ({
  id: `${type}-${name}`,
  type,
  weergavenaam: name,
  centroide_ll: `POINT(${lon} ${lat})`,
  gemeentecode: code,
  gemeentenaam: gemeente,
  provincienaam: province,
  score: 10,
  ...extra,
});

export const PDOK_PLACES: Doc[] = [
  doc("gemeente", "Gemeente Utrecht", 5.0919, 52.0918, "0344", "Utrecht", "Utrecht"),
  doc("woonplaats", "Utrecht, Utrecht, Utrecht", 5.1046, 52.0894, "0344", "Utrecht", "Utrecht", { woonplaatsnaam: "Utrecht" }),
  doc("postcode", "3511AB Utrecht", 5.1164, 52.0925, "0344", "Utrecht", "Utrecht", {
    postcode: "3511AB",
    woonplaatsnaam: "Utrecht",
  }),
  doc("adres", "Oudegracht 1, 3511AB Utrecht", 5.1201, 52.0913, "0344", "Utrecht", "Utrecht", {
    postcode: "3511AB",
    woonplaatsnaam: "Utrecht",
  }),
  doc("gemeente", "Gemeente Zwolle", 6.0945, 52.5125, "0193", "Zwolle", "Overijssel"),
  doc("woonplaats", "Zwolle, Zwolle, Overijssel", 6.0943, 52.5126, "0193", "Zwolle", "Overijssel", { woonplaatsnaam: "Zwolle" }),
  doc("gemeente", "Gemeente Amsterdam", 4.9093, 52.3648, "0363", "Amsterdam", "Noord-Holland"),
  doc("woonplaats", "Amsterdam, Amsterdam, Noord-Holland", 4.8936, 52.3729, "0363", "Amsterdam", "Noord-Holland", {
    woonplaatsnaam: "Amsterdam",
  }),
  doc("postcode", "1012JS Amsterdam", 4.8922, 52.3731, "0363", "Amsterdam", "Noord-Holland", {
    postcode: "1012JS",
    woonplaatsnaam: "Amsterdam",
  }),
  doc("gemeente", "Gemeente Stichtse Vecht", 5.0235, 52.1832, "1904", "Stichtse Vecht", "Utrecht"),
  doc("woonplaats", "Maarssen, Stichtse Vecht, Utrecht", 5.0351, 52.1363, "1904", "Stichtse Vecht", "Utrecht", {
    woonplaatsnaam: "Maarssen",
  }),
];

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, "");

/** Docs matching q (by name, place or postcode prefix) among the types in fq "type:(a OR b)". */
export function lookup(q: string, fq: string | null): Doc[] {
  const types = /type:\(([^)]*)\)/
    .exec(fq ?? "")?.[1]
    .split(/\s+OR\s+/)
    .map((t) => t.trim());
  const needle = normalise(q);
  if (!needle) return [];
  return PDOK_PLACES.filter((d) => !types || types.includes(d.type)).filter((d) => {
    const names = [d.weergavenaam, d.gemeentenaam, d.woonplaatsnaam ?? "", d.postcode ?? ""].map(normalise);
    return (
      names.some((n) => n === needle || (d.postcode && needle.startsWith(normalise(d.postcode)))) ||
      (/^\d{4}$/.test(needle) && (d.postcode ?? "").startsWith(needle)) ||
      normalise(d.weergavenaam).startsWith(needle)
    );
  });
}

export type FakePdok = { url: string; requests: string[]; close: () => Promise<void> };

/** Starts the fake on 127.0.0.1 (port 0 = any free port). Its `url` is the v3_1 base to put in PDOK_LOCATIESERVER_URL. */
export function startPdokServer(port = 0): Promise<FakePdok> {
  const requests: string[] = [];
  let down = false;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // Browser tests switch the stand-in off and on again: POST /__down, POST /__up.
    if (req.method === "POST" && (url.pathname === "/__down" || url.pathname === "/__up")) {
      down = url.pathname === "/__down";
      res.writeHead(204).end();
      return;
    }
    requests.push(url.pathname + url.search);
    if (down) {
      res.writeHead(503, { "content-type": "text/plain" }).end("Service Unavailable");
      return;
    }
    const endpoint = url.pathname.replace(/^.*\/search\/v3_1/, "");
    if (endpoint !== "/free" && endpoint !== "/suggest") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
      return;
    }
    const rows = Number(url.searchParams.get("rows") ?? 10);
    const docs = lookup(url.searchParams.get("q") ?? "", url.searchParams.get("fq")).slice(0, rows);
    const body = {
      response: { numFound: docs.length, start: 0, maxScore: docs.length ? 10 : 0, numFoundExact: true, docs },
      ...(endpoint === "/suggest" ? { highlighting: {}, spellcheck: { suggestions: [] } } : {}),
    };
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}/bzk/locatieserver/search/v3_1`,
        requests,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
