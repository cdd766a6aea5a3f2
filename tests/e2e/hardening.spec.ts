// Issue 12, over real HTTP against the production server (app/server.mjs + build) with its own
// database: the holes that live in the server itself, and a suite of malformed requests.
import { expect, test } from "@playwright/test";
import { request as httpRequest } from "node:http";
import { demoOrganiserActivity, login, readDb, snapshot, startOwnServer, type OwnServer } from "./own-server";

let server: OwnServer;
let organiser: string;
let team: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startOwnServer();
  organiser = await login(server.url, "organisator@example.nl", server.dbPath);
  team = await login(server.url, "programmateam@example.nl", server.dbPath);
  // Warm up (first render, JIT) so timings measure the request, not the start.
  await fetch(`${server.url}/organisator/activiteiten/nieuw`, { headers: { Cookie: organiser } }).then((r) => r.text());
});
test.afterAll(async () => {
  await server?.stop();
});

type Sent = { status: number; ms: number; location: string | null; headers: Headers; text: string };

async function send(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Sent> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, { ...init, headers, redirect: "manual" });
  const text = await response.text();
  return {
    status: response.status,
    ms: performance.now() - started,
    location: response.headers.get("location"),
    headers: response.headers,
    text,
  };
}

const form = (fields: [string, string][]) => {
  const body = new URLSearchParams();
  for (const [k, v] of fields) body.append(k, v);
  return body;
};

const ids = () =>
  readDb(server.dbPath, (db) => ({
    activity2027: demoOrganiserActivity(db, 2027, ["published", "pending"]),
    activity2026: demoOrganiserActivity(db, 2026, ["published"]),
    pending: (db.prepare("SELECT id FROM activities WHERE status = 'pending' ORDER BY id LIMIT 1").get() as { id: number }).id,
    kitOrder: (db.prepare("SELECT reference FROM kit_orders ORDER BY id LIMIT 1").get() as { reference: string }).reference,
  }));

const healthy = async () => {
  const started = performance.now();
  const response = await fetch(`${server.url}/healthz`);
  await response.text();
  return { status: response.status, ms: performance.now() - started };
};

test("hole 1: a huge list index in one small field is refused at once and the server stays responsive", async () => {
  const { activity2027 } = ids();
  const before = snapshot(server.dbPath);
  const activity = await send("/organisator/activiteiten/nieuw", {
    method: "POST",
    cookie: organiser,
    body: form([
      ["name__confirm", ""],
      ["title", "Koffie in de buurt"],
      ["targetGroups[1000000]", "iedereen"],
    ]),
  });
  expect(activity.status).toBe(400);
  expect(activity.ms).toBeLessThan(1500); // was 90 s with a million-entry array
  const edit = await send(`/organisator/activiteiten/${activity2027}/bewerken`, {
    method: "POST",
    cookie: organiser,
    body: form([
      ["name__confirm", ""],
      ["targetGroups[300000]", "iedereen"],
    ]),
  });
  expect(edit.status).toBe(400);
  const settings = await send("/beheer/edities/2027/pakket", {
    method: "POST",
    cookie: team,
    body: form([
      ["contents[1000000][item]", "Placemats"],
      ["contents[1000000][quantity]", "5"],
    ]),
  });
  expect(settings.status).toBe(400);
  expect(settings.ms).toBeLessThan(1500);
  const health = await healthy();
  expect(health.status).toBe(200);
  expect(health.ms).toBeLessThan(100);
  expect(snapshot(server.dbPath)).toEqual(before);
});

test("hole 1: request bodies are limited on every route, also without Content-Length", async () => {
  const huge = await send("/inloggen", {
    method: "POST",
    body: new URLSearchParams({ email: "a@example.org", pad: "x".repeat(5 * 1024 * 1024) }),
  });
  expect(huge.status).toBe(413);
  expect(huge.text).toContain("Je hebt meer gegevens verstuurd dan de website kan verwerken.");
  // Chunked: no length announced, so the server has to count while reading.
  const chunked = await new Promise<number>((resolve, reject) => {
    const url = new URL(`${server.url}/inloggen`);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: "/inloggen",
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    const piece = "x".repeat(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < 40) {
        sent++;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
  expect(chunked).toBe(413);
  const small = await send("/inloggen", {
    method: "POST",
    body: new URLSearchParams({ email: "geen-adres", name__confirm: "" }),
  });
  expect(small.status).toBe(400);
  expect((await healthy()).status).toBe(200);
});

test("hole 2: after login only a same-site path is followed; tricks, CR/LF and non-Latin-1 never give a 500", async () => {
  const cases: [string, string][] = [
    ["/%09/evil.example/phish", "/organisator/activiteiten"],
    ["/\\evil.example", "/organisator/activiteiten"],
    ["//evil.example", "/organisator/activiteiten"],
    ["https://evil.example/", "/organisator/activiteiten"],
    ["/%0d%0aSet-Cookie:%20x=1", "/organisator/activiteiten"],
    ["/%E2%80%A8/evil", "/%E2%80%A8/evil"],
    ["/activiteiten?q=caf%C3%A9", "/activiteiten?q=caf%C3%A9"],
    ["/organisator/pakketten", "/organisator/pakketten"],
  ];
  for (const [terug, expected] of cases) {
    const response = await send(`/inloggen?terug=${encodeURIComponent(decodeURIComponent(terug))}`, { cookie: organiser });
    expect(response.status, terug).toBe(302);
    expect(response.location, terug).toBe(expected);
  }
});

test("hole 8: a form posted from another site gets a plain 403 page and changes nothing", async () => {
  const before = snapshot(server.dbPath);
  const response = await send("/inloggen", {
    method: "POST",
    headers: { Origin: "https://evil.example" },
    body: new URLSearchParams({ email: "slachtoffer@example.org", name__confirm: "" }),
  });
  expect(response.status).toBe(403);
  expect(response.text).toContain("Dit formulier is verstuurd vanaf een andere website.");
  const sameSite = await send("/inloggen", {
    method: "POST",
    headers: { Origin: server.url },
    body: new URLSearchParams({ email: "geen-adres", name__confirm: "" }),
  });
  expect(sameSite.status).toBe(400);
  expect(snapshot(server.dbPath)).toEqual(before);
});

test("hole 8: bad input answers 400/404/409 in Dutch, never 500, and writes nothing", async () => {
  const { activity2027, pending, kitOrder } = ids();
  const before = snapshot(server.dbPath);
  const json = await send("/inloggen", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "a@example.org" }),
  });
  expect(json.status).toBe(400);
  expect(json.text).toContain("Dit formulier kon niet worden verwerkt.");

  const manyIds = await send("/beheer/controle", {
    method: "POST",
    cookie: team,
    body: form(Array.from({ length: 40_000 }, (_, i) => ["ids", String(i + 1)] as [string, string])),
  });
  expect([400, 413]).toContain(manyIds.status);
  const fewerIds = await send("/beheer/controle", {
    method: "POST",
    cookie: team,
    body: form(Array.from({ length: 20_000 }, (_, i) => ["ids", String(900_000 + i)] as [string, string])),
  });
  expect([400, 413]).toContain(fewerIds.status);

  for (const filter of ["tot=2027-13-45", "van=2027-02-30"]) {
    for (const path of ["/beheer/pakketten", "/beheer/pakketten/export.csv"]) {
      const response = await send(`${path}?${filter}`, { cookie: team });
      expect(response.status, `${path}?${filter}`).toBe(400);
      expect(response.text).toContain("bestaat niet");
    }
  }

  const activityFields = (municipalityCode: string): [string, string][] => [
    ["name__confirm", ""],
    ["title", "Koffie in de buurt"],
    ["description", "Samen koffie drinken en kennismaken. Iedereen is welkom."],
    ["type", "ontmoeting"],
    ["targetGroups", "iedereen"],
    ["date", "2027-10-02"],
    ["startTime", "10:00"],
    ["endTime", "12:00"],
    ["street", "Oudegracht"],
    ["houseNumber", "100"],
    ["postcode", "3511 AB"],
    ["place", "Utrecht"],
    ["municipalityCode", municipalityCode],
    ["pinLat", "52.09"],
    ["pinLon", "5.12"],
    ["isFree", "ja"],
    ["organisationName", "Buurtinitiatief"],
    ["organisationKind", "initiatief"],
    ["privateContactName", "Eva"],
    ["privateContactEmail", "eva@example.org"],
  ];
  for (const path of [
    "/organisator/activiteiten/nieuw",
    `/organisator/activiteiten/${activity2027}/bewerken`,
    `/organisator/activiteiten/${activity2027}/kopieren`,
  ]) {
    const response = await send(path, { method: "POST", cookie: organiser, body: form(activityFields("GM9999")) });
    expect(response.status, path).toBe(400);
    expect(response.text, path).toContain("Kies een gemeente uit de lijst.");
  }

  // Two moderators (or a double submit): the second rejection finds nothing pending.
  const reject = () =>
    send(`/beheer/controle/${pending}`, {
      method: "POST",
      cookie: team,
      body: form([
        ["intent", "reject"],
        ["reason", "Dit past niet bij de Week."],
      ]),
    });
  const first = await reject();
  expect(first.status).toBe(302);
  const afterFirst = snapshot(server.dbPath);
  const second = await reject();
  expect(second.status).toBe(409);
  expect(second.text).toContain("Deze activiteit wacht niet (meer) op controle.");
  expect(snapshot(server.dbPath)).toEqual(afterFirst);
  expect(afterFirst.integrity).toEqual(["ok"]);
  expect(before.integrity).toEqual(["ok"]);

  const order = await send(`/beheer/pakketten/${kitOrder}`, {
    method: "POST",
    cookie: team,
    body: form([
      ["intent", "shipped"],
      ["shippedOn", "2027-13-45"],
    ]),
  });
  expect(order.status).toBeLessThan(500);
});

test("hole 10: downloads, static files and error texts say nosniff; security.txt points at the disclosure policy", async () => {
  const { activity2027 } = ids();
  const published = readDb(
    server.dbPath,
    (db) => db.prepare("SELECT id FROM activities WHERE status = 'published' ORDER BY id LIMIT 1").get() as { id: number },
  );
  for (const [path, cookie] of [
    [`/activiteiten/${published.id}/agenda.ics`, undefined],
    ["/beheer/pakketten/export.csv", team],
    ["/robots.txt", undefined],
    ["/.well-known/security.txt", undefined],
    ["/favicon.svg", undefined],
    [`/organisator/activiteiten/${activity2027}/bewerken`, organiser],
  ] as [string, string | undefined][]) {
    const response = await send(path, { cookie });
    expect(response.status, path).toBe(200);
    expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
  }
  const securityTxt = await send("/.well-known/security.txt");
  const policy = /^Policy: (.+)$/m.exec(securityTxt.text)?.[1];
  expect(policy).toBe("https://www.weektegeneenzaamheid.nl/beveiliging");
  const page = await send("/beveiliging");
  expect(page.status).toBe(200);
  expect(page.text).toContain("Kwetsbaarheid melden");
});
