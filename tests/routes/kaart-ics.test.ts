// Route tests with a real Request: the map data route and the calendar download. (The activity
// page's loader imports a Leaflet .client module that only the Remix compiler strips; its data
// rules are tested on the model and in the browser tests.)
import { beforeAll, describe, expect, it } from "vitest";
import { loader as kaart } from "~/routes/api.kaart";
import { loader as ics } from "~/routes/activiteiten.$id_.agenda[.]ics";
import { addActivity, north, UTRECHT } from "../unit/activity-search-fixtures";
import { get } from "../helpers/requests";

const ids: Record<string, number> = {};

beforeAll(() => {
  ids.near = addActivity({ title: "Koffie dichtbij", ...north(1), wheelchairAccessible: true });
  ids.far = addActivity({ title: "Koffie verder", ...north(4), type: "spel" });
  ids.old = addActivity({ title: "Koffie 2026", ...north(1), year: 2026, day: "2026-09-24" });
  ids.pending = addActivity({ title: "Nog niet", ...north(2), status: "pending" });
  ids.cancelled = addActivity({ title: "Afgezegd", ...north(2), status: "cancelled", cancelReason: "Zaal niet beschikbaar" });
});

describe("GET /api/kaart", () => {
  it("returns a GeoJSON FeatureCollection for a bbox with CDN cache headers", async () => {
    const response = kaart(get("/api/kaart?bbox=5.0,52.0,5.3,52.2&editie=2027"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/application\/geo\+json/);
    const cache = response.headers.get("Cache-Control")!;
    expect(cache).toMatch(/public/);
    expect(cache).toMatch(/s-maxage=\d+/);
    expect(cache).toMatch(/stale-while-revalidate=\d+/);
    const body = await response.json();
    expect(body.type).toBe("FeatureCollection");
    expect(body.features.map((f: { properties: { title: string } }) => f.properties.title).sort()).toEqual([
      "Koffie dichtbij",
      "Koffie verder",
    ]);
    expect(body.features[0].geometry.type).toBe("Point");
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/prive|06-12345678|Prive Persoon/);
  });

  it("takes the same filters as the list, and a circle", async () => {
    const body = await kaart(get(`/api/kaart?lat=${UTRECHT.lat}&lon=${UTRECHT.lon}&straal=2&editie=2027`)).json();
    expect(body.features.map((f: { properties: { title: string } }) => f.properties.title)).toEqual(["Koffie dichtbij"]);
    const typed = await kaart(get("/api/kaart?bbox=5.0,52.0,5.3,52.2&editie=2027&soort=spel")).json();
    expect(typed.features).toHaveLength(1);
    const wheelchair = await kaart(get("/api/kaart?bbox=5.0,52.0,5.3,52.2&editie=2027&rolstoel=on")).json();
    expect(wheelchair.features[0].properties.title).toBe("Koffie dichtbij");
    const archive = await kaart(get("/api/kaart?bbox=5.0,52.0,5.3,52.2&editie=2026")).json();
    expect(archive.features.map((f: { properties: { title: string } }) => f.properties.title)).toEqual(["Koffie 2026"]);
  });

  it("rejects a missing or wrong area with a Dutch message", async () => {
    const response = kaart(get("/api/kaart?bbox=1,2,3"));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/Geef een gebied op/);
    expect(kaart(get("/api/kaart?bbox=5,52,5.3,52.2&editie=2040")).status).toBe(404);
  });
});

describe("GET /activiteiten/:id/agenda.ics", () => {
  it("is a valid iCalendar event in UTC", async () => {
    const response = ics(get(`/activiteiten/${ids.near}/agenda.ics`, undefined, { id: String(ids.near) }));
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="activiteit-${ids.near}.ics"`);
    const text = await response.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(text).toMatch(/\r\nEND:VCALENDAR\r\n?$/);
    expect(text).toContain("BEGIN:VEVENT");
    expect(text).toContain("SUMMARY:Koffie dichtbij");
    expect(text).toContain(`UID:activiteit-${ids.near}@komerbij`);
    // 30 Sep 2027 10:00 in Amsterdam (summer time) is 08:00 UTC.
    expect(text).toContain("DTSTART:20270930T080000Z");
    expect(text).toContain("DTEND:20270930T100000Z");
    expect(text).toContain("STATUS:CONFIRMED");
    expect(text).not.toMatch(/prive|06-12345678|Prive Persoon/);
  });

  it("marks a cancelled activity and refuses unpublished ones", async () => {
    const cancelled = await ics(get("/", undefined, { id: String(ids.cancelled) })).text();
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(() => ics(get("/", undefined, { id: String(ids.pending) }))).toThrow();
    try {
      ics(get("/", undefined, { id: String(ids.pending) }));
    } catch (e) {
      expect((e as Response).status).toBe(404);
    }
  });
});
