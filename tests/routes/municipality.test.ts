// Municipalities: names and slugs, the public page's feeds (iCalendar parsed back with ical.js,
// conditional requests), open data (schema + no private field), the embed's headers, and the
// coordinator's authorisation matrix — all through the real route modules on real SQLite.
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { MUNICIPALITIES_2025 } from "../../db/reference/municipalities-2025";
import { contrastRatio, parseEmbedOptions } from "~/models/embed";
import { municipalitySlug } from "~/models/municipality";
import { findMunicipalityByName, findMunicipalityBySlug } from "~/models/municipality.server";
import { loader as municipalityIcs } from "~/routes/gemeente.$slug.agenda[.]ics";
import { loader as municipalityAtom } from "~/routes/gemeente.$slug.nieuw[.]atom";
import { loader as searchIcs } from "~/routes/zoek.agenda[.]ics";
import { loader as geojson } from "~/routes/open-data.$year.activiteiten[.]geojson";
import { loader as openCsv } from "~/routes/open-data.$year.activiteiten[.]csv";
import { loader as figuresCsv } from "~/routes/open-data.$year.gemeenten[.]csv";
import { loader as embed } from "~/routes/embed.gemeente.$slug";
import { action as workspaceAction, loader as workspace } from "~/routes/gemeente.$slug.beheer._index";
import { action as reviewAction, loader as review } from "~/routes/gemeente.$slug.beheer.$id";
import { loader as workspaceCsv } from "~/routes/gemeente.$slug.beheer.export[.csv]";
import { action as teamAction } from "~/routes/beheer.team";
import { db, schema } from "~/utils/db.server";
import { eq } from "drizzle-orm";
import { OPEN_DATA_FIELDS } from "~/models/open-data";
import { get, outcome, post, sessionCookie } from "../helpers/requests";
import { addActivity } from "../unit/activity-search-fixtures";

const ids: Record<string, number> = {};
const cookies: Record<string, string> = {};
const PRIVATE = ["prive.geheim@example.org", "06-12345678", "Prive Persoon", "Bezorgstraat", "9999 ZZ", "Pakket Ontvanger"];

beforeAll(async () => {
  ids.utrecht = addActivity({ title: "Koffie in Utrecht", publicContactName: "Openbare Contactpersoon" });
  ids.utrechtCancelled = addActivity({ title: "Afgezegd in Utrecht", status: "cancelled", cancelReason: "Zaal dicht" });
  ids.utrechtPending = addActivity({ title: "Wacht in Utrecht", status: "pending" });
  ids.amersfoortPending = addActivity({
    title: "Wacht in Amersfoort",
    status: "pending",
    municipalityCode: "GM0307",
    place: "Amersfoort",
  });
  ids.denHaag = addActivity({ title: "Thee in Den Haag", municipalityCode: "GM0518", place: "Den Haag", lat: 52.07, lon: 4.3 });
  const users = schema.users;
  const team = db.insert(users).values({ email: "team@example.nl", role: "programme_team" }).returning().get();
  db.insert(users).values({ email: "gemeente.utrecht@example.nl", role: "coordinator", municipalityCode: "GM0344" }).run();
  db.insert(users).values({ email: "gemeente.amersfoort@example.nl", role: "coordinator", municipalityCode: "GM0307" }).run();
  db.insert(users).values({ email: "iemand@example.org", role: "organiser" }).run();
  // A kit order with a private delivery address, which must never reach open data.
  db.insert(schema.kitOrders)
    .values({
      reference: "KE-TEST-1",
      editionId: db.select().from(schema.editions).where(eq(schema.editions.year, 2027)).get()!.id,
      activityId: ids.utrecht,
      orderedById: team.id,
      deliveryName: "Pakket Ontvanger",
      street: "Bezorgstraat",
      houseNumber: "12",
      postcode: "9999 ZZ",
      place: "Utrecht",
      expectedParticipants: 20,
    })
    .run();
  for (const email of ["team@example.nl", "gemeente.utrecht@example.nl", "gemeente.amersfoort@example.nl", "iemand@example.org"])
    cookies[email] = await sessionCookie(email);
});

describe("municipality names and slugs", () => {
  it("gives all 342 municipalities a unique slug from the name residents use", () => {
    const slugs = MUNICIPALITIES_2025.map(([code, name]) => municipalitySlug({ code, name }));
    expect(new Set(slugs).size).toBe(342);
    expect(slugs).toContain("den-haag");
    expect(slugs).toContain("sudwest-fryslan");
    expect(slugs).toContain("s-hertogenbosch");
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("finds a municipality by its common, official or other name, and redirects other slugs", () => {
    expect(findMunicipalityByName("Den Haag")?.code).toBe("GM0518");
    expect(findMunicipalityByName("'s-Gravenhage")?.commonName).toBe("Den Haag");
    expect(findMunicipalityByName("gemeente Den Bosch")?.code).toBe("GM0796");
    expect(findMunicipalityByName("Sudwest Fryslan")?.code).toBe("GM1900");
    expect(findMunicipalityBySlug("den-haag")).toMatchObject({ canonical: true });
    expect(findMunicipalityBySlug("s-gravenhage")).toMatchObject({ canonical: false, municipality: { slug: "den-haag" } });
  });
});

describe("iCalendar and Atom feeds", () => {
  it("serves a municipality's agenda that parses back, with cancelled activities marked, and answers 304 on repeat", async () => {
    const first = municipalityIcs(get("/gemeente/utrecht/agenda.ics", undefined, { slug: "utrecht" }));
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    expect(first.headers.get("Cache-Control")).toMatch(/public.*s-maxage=\d+/);
    expect(first.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get("Last-Modified")).toBeTruthy();
    const text = await first.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual(["Gaat niet door: Afgezegd in Utrecht", "Koffie in Utrecht"]);
    const cancelled = calendar
      .getAllSubcomponents("vevent")
      .find((v) => v.getFirstPropertyValue("summary")!.toString().includes("Afgezegd"))!;
    expect(cancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events.every((e) => e.uid && e.startDate && e.endDate)).toBe(true);
    expect(text).not.toContain("Wacht in Utrecht");
    for (const secret of PRIVATE) expect(text).not.toContain(secret);

    const again = municipalityIcs({
      ...get("/gemeente/utrecht/agenda.ics", undefined, { slug: "utrecht" }),
      request: new Request("http://localhost/gemeente/utrecht/agenda.ics", { headers: { "If-None-Match": etag } }),
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const since = municipalityIcs({
      ...get("/gemeente/utrecht/agenda.ics", undefined, { slug: "utrecht" }),
      request: new Request("http://localhost/gemeente/utrecht/agenda.ics", {
        headers: { "If-Modified-Since": first.headers.get("Last-Modified")! },
      }),
    });
    expect(since.status).toBe(304);
  });

  it("gives an unknown municipality 404 and a search its own feed", async () => {
    expect(
      (await outcome(Promise.resolve().then(() => municipalityIcs(get("/x", undefined, { slug: "atlantis" }))))).status,
    ).toBe(404);
    const search = await searchIcs(get("/zoek/agenda.ics?plaats=Den+Haag&straal=5"));
    expect(search.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await search.text())).getAllSubcomponents("vevent");
    expect(events.map((v) => v.getFirstPropertyValue("summary"))).toEqual(["Thee in Den Haag"]);
  });

  it("lists new activities of a municipality as Atom", async () => {
    const response = municipalityAtom(get("/gemeente/den-haag/nieuw.atom", undefined, { slug: "den-haag" }));
    expect(response.headers.get("Content-Type")).toMatch(/application\/atom\+xml/);
    const body = await response.text();
    expect(body).toContain("<title>Nieuwe activiteiten in Den Haag");
    expect(body).toContain("<title>Thee in Den Haag</title>");
  });
});

describe("open data", () => {
  it("serves GeoJSON that fits the documented schema and holds no private field", async () => {
    const response = geojson(get("/open-data/2027/activiteiten.geojson", undefined, { year: "2027" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/application\/geo\+json/);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.type).toBe("FeatureCollection");
    const documented = OPEN_DATA_FIELDS.map(([name]) => name).filter((n) => n !== "breedtegraad" && n !== "lengtegraad");
    for (const feature of body.features) {
      expect(feature.type).toBe("Feature");
      expect(Object.keys(feature.properties).sort()).toEqual([...documented].sort());
      if (feature.geometry) {
        expect(feature.geometry.type).toBe("Point");
        const [lon, lat] = feature.geometry.coordinates;
        expect(lon).toBeGreaterThan(3.2);
        expect(lon).toBeLessThan(7.3);
        expect(lat).toBeGreaterThan(50.7);
        expect(lat).toBeLessThan(53.6);
      }
    }
    expect(body.features.map((f: { properties: { titel: string } }) => f.properties.titel).sort()).toEqual([
      "Afgezegd in Utrecht",
      "Koffie in Utrecht",
      "Thee in Den Haag",
    ]);
    for (const secret of [...PRIVATE, "Openbare Contactpersoon", "eigenaar@example.org"]) expect(text).not.toContain(secret);
  });

  it("serves the same activities as CSV and the figures per municipality", async () => {
    const csv = await openCsv(get("/open-data/2027/activiteiten.csv", undefined, { year: "2027" })).text();
    expect(csv.split("\r\n")[0].replace(/^\uFEFF/, "")).toBe(OPEN_DATA_FIELDS.map(([n]) => n).join(","));
    for (const secret of PRIVATE) expect(csv).not.toContain(secret);
    const figures = await figuresCsv(get("/open-data/2027/gemeenten.csv", undefined, { year: "2027" })).text();
    expect(figures.trim().split("\r\n")).toHaveLength(343);
    expect((await outcome(Promise.resolve().then(() => geojson(get("/x", undefined, { year: "1999" }))))).status).toBe(404);
  });
});

describe("embeddable agenda", () => {
  it("may be framed anywhere, is cacheable and sets no cookie", async () => {
    const result = await embed(get("/embed/gemeente/utrecht", cookies["gemeente.utrecht@example.nl"], { slug: "utrecht" }));
    const init = (result as unknown as { init: ResponseInit }).init;
    const headers = new Headers(init.headers);
    expect(headers.get("X-Allow-Embedding")).toBe("1");
    expect(headers.get("Cache-Control")).toMatch(/public.*s-maxage/);
    expect(headers.get("Set-Cookie")).toBeNull();
  });

  it("keeps host colours only when they stay readable", () => {
    expect(parseEmbedOptions(new URLSearchParams("kleur=004080&achtergrond=ffffff")).accent).toBe("#004080");
    const unreadable = parseEmbedOptions(new URLSearchParams("kleur=ffff00&achtergrond=ffffff"));
    expect(contrastRatio(unreadable.accent, unreadable.background)).toBeGreaterThanOrEqual(4.5);
    expect(parseEmbedOptions(new URLSearchParams("achtergrond=000000")).text).toBe("#ffffff");
  });
});

describe("coordinator workspace: authorisation matrix", () => {
  const slugParams = (slug: string, id?: number): Record<string, string> => (id ? { slug, id: String(id) } : { slug });

  it("lets only the own coordinator and the team open a municipality's workspace and CSV", async () => {
    const cases: [string | undefined, string, number][] = [
      [undefined, "utrecht", 302],
      ["iemand@example.org", "utrecht", 404],
      ["gemeente.amersfoort@example.nl", "utrecht", 404],
      ["gemeente.utrecht@example.nl", "amersfoort", 404],
      ["gemeente.utrecht@example.nl", "utrecht", 200],
      ["team@example.nl", "amersfoort", 200],
    ];
    for (const [who, slug, status] of cases) {
      const cookie = who ? cookies[who] : undefined;
      expect((await outcome(workspace(get(`/gemeente/${slug}/beheer`, cookie, slugParams(slug))))).status, `${who} ${slug}`).toBe(
        status,
      );
      expect((await outcome(workspaceCsv(get(`/gemeente/${slug}/beheer/export.csv`, cookie, slugParams(slug))))).status).toBe(
        status,
      );
    }
  });

  it("shows every state of the own municipality's activities, and 404 for another municipality's", async () => {
    const mine = await outcome(
      workspace(get("/gemeente/utrecht/beheer", cookies["gemeente.utrecht@example.nl"], slugParams("utrecht"))),
    );
    expect(mine.data.activities.map((a: { title: string }) => a.title).sort()).toEqual([
      "Afgezegd in Utrecht",
      "Koffie in Utrecht",
      "Wacht in Utrecht",
    ]);
    const other = await outcome(
      review(
        get(
          `/gemeente/utrecht/beheer/${ids.amersfoortPending}`,
          cookies["gemeente.utrecht@example.nl"],
          slugParams("utrecht", ids.amersfoortPending),
        ),
      ),
    );
    expect(other.status).toBe(404);
  });

  it("lets a coordinator review only after the team switched it on, only in their municipality, audited", async () => {
    const coordinator = cookies["gemeente.utrecht@example.nl"];
    const approve = (id: number) =>
      reviewAction(post(`/gemeente/utrecht/beheer/${id}`, { intent: "approve" }, coordinator, slugParams("utrecht", id)));
    expect((await outcome(approve(ids.utrechtPending))).status).toBe(403);

    const user = db.select().from(schema.users).where(eq(schema.users.email, "gemeente.utrecht@example.nl")).get()!;
    const granted = await outcome(
      teamAction(
        post("/beheer/team", { intent: "review", userId: String(user.id), canReview: "aan" }, cookies["team@example.nl"]),
      ),
    );
    expect(granted.status).toBe(302);
    expect((await outcome(approve(ids.amersfoortPending))).status).toBe(404);
    const done = await outcome(approve(ids.utrechtPending));
    expect(done.status).toBe(302);
    expect(done.location).toBe("/gemeente/utrecht/beheer?melding=goedgekeurd");

    const status = (id: number) =>
      db.select({ s: schema.activities.status }).from(schema.activities).where(eq(schema.activities.id, id)).get()!.s;
    expect(status(ids.utrechtPending)).toBe("published");
    expect(status(ids.amersfoortPending)).toBe("pending");
    const log = db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, String(ids.utrechtPending)))
      .all();
    expect(log).toContainEqual(
      expect.objectContaining({ action: "activity.approved", actorId: user.id, details: { asCoordinatorOf: "GM0344" } }),
    );
    expect(
      db
        .select()
        .from(schema.auditLog)
        .all()
        .some((l) => l.action === "user.review_granted"),
    ).toBe(true);
  });

  it("sets the local contact shown on the public page, and audits the CSV download", async () => {
    const coordinator = cookies["gemeente.utrecht@example.nl"];
    const saved = await outcome(
      workspaceAction(
        post(
          "/gemeente/utrecht/beheer",
          { intent: "contact", name: "Team Welzijn", email: "welzijn@utrecht.example.nl" },
          coordinator,
          slugParams("utrecht"),
        ),
      ),
    );
    expect(saved.status).toBe(302);
    const csv = await workspaceCsv(get("/gemeente/utrecht/beheer/export.csv", coordinator, slugParams("utrecht")));
    const text = await (csv as Response).text();
    expect(text).toContain("prive.geheim@example.org");
    expect(text).not.toContain("Wacht in Amersfoort");
    expect(
      db
        .select()
        .from(schema.auditLog)
        .all()
        .some((l) => l.action === "export.municipality_activities_with_contact"),
    ).toBe(true);
  });
});
