import { beforeAll, describe, expect, it } from "vitest";
import { countInWords, distanceKm, parseSearchParams, type SearchFilters } from "~/models/activity-search";
import { getPublicActivity, mapFeatures, searchNearby, searchOnline } from "~/models/activity-search.server";
import { db } from "~/utils/db.server";
import { addActivity, edition, north, UTRECHT } from "./activity-search-fixtures";

const noFilters = { gratis: false, rolstoel: false };
const search = (over: Partial<Parameters<typeof searchNearby>[0]> = {}) =>
  searchNearby({ edition: edition(2027), ...UTRECHT, radiusKm: 10, filters: noFilters, page: 1, pageSize: 20, ...over });

const ids: Record<string, number> = {};

beforeAll(() => {
  ids.km3 = addActivity({ title: "Drie km", ...north(3) });
  ids.km1 = addActivity({ title: "Eén km", ...north(1), type: "spel", isFree: false, priceCents: 300 });
  ids.km7 = addActivity({ title: "Zeven km", ...north(7), wheelchairAccessible: true, groups: ["ouderen"], day: "2027-10-02" });
  ids.km20 = addActivity({ title: "Twintig km", ...north(20) });
  ids.km8Jongeren = addActivity({ title: "Acht km jongeren", ...north(8), groups: ["jongeren"] });
  ids.pending = addActivity({ title: "Nog niet gecontroleerd", ...north(2), status: "pending" });
  ids.cancelled = addActivity({ title: "Gaat niet door", ...north(2.5), status: "cancelled", cancelReason: "Ziek" });
  ids.other = addActivity({ title: "Vorig jaar", ...north(0.5), year: 2026, day: "2026-09-25" });
  ids.online = addActivity({
    title: "Online koffie",
    isOnline: true,
    onlineUrl: "https://meet.example.org",
    lat: null,
    lon: null,
    place: null,
    type: "online",
  });
  ids.onlinePending = addActivity({
    title: "Online wacht",
    isOnline: true,
    lat: null,
    lon: null,
    place: null,
    status: "pending",
  });
});

describe("searchNearby", () => {
  it("orders published activities of the edition by distance, with the distance", () => {
    const result = search();
    expect(result.items.map((a) => a.title)).toEqual(["Eén km", "Drie km", "Zeven km", "Acht km jongeren"]);
    expect(result.total).toBe(4);
    expect(result.items[0].distanceKm).toBeCloseTo(1, 1);
    expect(result.items[2].distanceKm).toBeCloseTo(7, 1);
  });

  it("keeps to the radius", () => {
    expect(search({ radiusKm: 2 }).items.map((a) => a.title)).toEqual(["Eén km"]);
    expect(search({ radiusKm: 25 }).total).toBe(5);
  });

  it("never shows pending, cancelled or other editions' activities", () => {
    const titles = search({ radiusKm: 25 }).items.map((a) => a.title);
    expect(titles).not.toContain("Nog niet gecontroleerd");
    expect(titles).not.toContain("Gaat niet door");
    expect(titles).not.toContain("Vorig jaar");
    expect(search({ edition: edition(2026) }).items.map((a) => a.title)).toEqual(["Vorig jaar"]);
  });

  it("counts everything and pages through it", () => {
    const page1 = search({ radiusKm: 25, pageSize: 2 });
    const page3 = search({ radiusKm: 25, pageSize: 2, page: 3 });
    const beyond = search({ radiusKm: 25, pageSize: 2, page: 9 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((a) => a.title)).toEqual(["Eén km", "Drie km"]);
    expect(page3.items.map((a) => a.title)).toEqual(["Twintig km"]);
    expect(beyond).toEqual({ total: 5, items: [] });
  });

  it("applies each filter", () => {
    const titles = (filters: Partial<SearchFilters>) =>
      search({ radiusKm: 25, filters: { ...noFilters, ...filters } }).items.map((a) => a.title);
    expect(titles({ soort: "spel" })).toEqual(["Eén km"]);
    expect(titles({ gratis: true })).not.toContain("Eén km");
    expect(titles({ rolstoel: true })).toEqual(["Zeven km"]);
    // A group filter also shows activities meant for everybody.
    expect(titles({ voor: "jongeren" })).toEqual(["Eén km", "Drie km", "Acht km jongeren", "Twintig km"]);
    expect(titles({ voor: "ouderen" })).toContain("Zeven km");
    // 2 October 2027 is a Saturday.
    expect(titles({ dag: "za" })).toEqual(["Zeven km"]);
    expect(titles({ dag: "do" })).not.toContain("Zeven km");
    expect(search({ radiusKm: 25, filters: { ...noFilters, dag: "za" } }).total).toBe(1);
  });

  it("distance in the list agrees with the shared helper", () => {
    const [first] = search().items;
    expect(first.distanceKm!).toBeCloseTo(distanceKm(UTRECHT.lat, UTRECHT.lon, first.point![0], first.point![1]), 2);
  });

  it("follows status changes through the tree (publish, cancel)", () => {
    db.$client.prepare("UPDATE activities SET status = 'published' WHERE id = ?").run(ids.pending);
    expect(search({ radiusKm: 5 }).items.map((a) => a.title)).toContain("Nog niet gecontroleerd");
    db.$client.prepare("UPDATE activities SET status = 'pending' WHERE id = ?").run(ids.pending);
    expect(search({ radiusKm: 5 }).items.map((a) => a.title)).not.toContain("Nog niet gecontroleerd");
  });
});

describe("searchOnline and mapFeatures", () => {
  it("lists published online activities only", () => {
    const result = searchOnline({ edition: edition(2027), filters: noFilters, page: 1, pageSize: 20 });
    expect(result.items.map((a) => a.title)).toEqual(["Online koffie"]);
    expect(result.total).toBe(1);
  });

  it("returns GeoJSON points for a circle and for a bbox", () => {
    const circle = mapFeatures({ edition: edition(2027), filters: noFilters, area: { ...UTRECHT, radiusKm: 10 } });
    expect(circle.features.map((f) => f.properties.title)).toEqual(["Eén km", "Drie km", "Zeven km", "Acht km jongeren"]);
    expect(circle.features[0].geometry.coordinates[1]).toBeCloseTo(north(1).lat, 5);
    const box = mapFeatures({ edition: edition(2027), filters: noFilters, area: { box: [52.0, 52.2, 5.0, 5.2] } });
    expect(box.features).toHaveLength(4);
    expect(box.truncated).toBe(false);
  });

  it("gives the 500 nearest of a crowded view, whether they sit close to its centre or spread over it", () => {
    // Groningen, far from the Utrecht fixtures: 600 activities in a 2 km patch around the centre of the
    // view (the quick circle holds more than 500); in a second view, 600 spread over 40 km (neither the quick
    // circle nor the wider one sized from its density does: the whole view is sorted); in a third, 700 over
    // about 22 by 20 km (the quick circle of 5.5 km holds some 150, the wider one of about 14 km over 500).
    const at = (lat: number, lon: number, i: number) => addActivity({ title: `Groningen ${i}`, lat, lon, place: "Groningen" });
    const random = (seed: number) => () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const next = random(42);
    const close = Array.from({ length: 600 }, (_, i) => ({
      id: at(53.2 + (next() - 0.5) * 0.02, 6.56 + (next() - 0.5) * 0.03, i),
    }));
    const spread = Array.from({ length: 600 }, (_, i) => ({
      id: at(53.9 + (next() - 0.5) * 0.36, 6.0 + (next() - 0.5) * 0.6, i),
    }));
    const medium = Array.from({ length: 700 }, (_, i) => ({
      id: at(52.75 + (next() - 0.5) * 0.2, 6.9 + (next() - 0.5) * 0.3, i),
    }));
    const nearestByHand = (group: { id: number }[], lat: number, lon: number) => {
      const k = Math.cos((lat * Math.PI) / 180);
      const rows = db.$client
        .prepare(`SELECT id, lat, lon FROM activities WHERE id IN (${group.map((g) => g.id).join(",")})`)
        .all() as { id: number; lat: number; lon: number }[];
      const d2 = (r: { lat: number; lon: number }) =>
        (Math.round(r.lat * 1e6) - Math.round(lat * 1e6)) ** 2 + (Math.round(r.lon * 1e6) - Math.round(lon * 1e6)) ** 2 * k * k;
      return rows.sort((a, b) => d2(a) - d2(b) || a.id - b.id).map((r) => r.id);
    };
    const ids = (m: ReturnType<typeof mapFeatures>) => m.features.map((f) => f.properties.id);

    const city = mapFeatures({ edition: edition(2027), filters: noFilters, area: { box: [53.0, 53.4, 6.2, 6.92] } });
    expect(city.truncated).toBe(true);
    expect(ids(city)).toEqual(nearestByHand(close, 53.2, 6.56).slice(0, 500));

    const region = mapFeatures({ edition: edition(2027), filters: noFilters, area: { box: [53.7, 54.1, 5.64, 6.36] } });
    expect(region.truncated).toBe(true);
    expect(ids(region)).toEqual(nearestByHand(spread, 53.9, 6.0).slice(0, 500));

    const town = mapFeatures({ edition: edition(2027), filters: noFilters, area: { box: [52.55, 52.95, 6.54, 7.26] } });
    expect(town.truncated).toBe(true);
    expect(ids(town)).toEqual(nearestByHand(medium, 52.75, 6.9).slice(0, 500));
  });
});

describe("getPublicActivity", () => {
  it("shows published and cancelled activities, never pending ones", () => {
    expect(getPublicActivity(ids.km1)?.title).toBe("Eén km");
    expect(getPublicActivity(ids.cancelled)?.cancelled).toBe(true);
    expect(getPublicActivity(ids.pending)).toBeNull();
    expect(getPublicActivity(999_999)).toBeNull();
  });

  it("has no private fields at all", () => {
    const json = JSON.stringify(getPublicActivity(ids.km1));
    expect(json).not.toMatch(/prive|06-12345678|Prive Persoon|owner/i);
    expect(Object.keys(getPublicActivity(ids.km1)!).some((k) => /private|owner/i.test(k))).toBe(false);
  });
});

describe("search parameters", () => {
  it("drops wrong values instead of failing", () => {
    const p = parseSearchParams(new URLSearchParams("plaats=&straal=7&dag=xx&soort=spel&gratis=on&pagina=-3&editie=abc"));
    expect(p).toMatchObject({
      plaats: undefined,
      straal: 10,
      dag: undefined,
      soort: "spel",
      gratis: true,
      rolstoel: false,
      pagina: 1,
      editie: undefined,
    });
  });

  it("states counts in words", () => {
    expect(countInWords(0)).toBe("geen activiteiten");
    expect(countInWords(1)).toBe("één activiteit");
    expect(countInWords(3)).toBe("drie activiteiten");
    expect(countInWords(1234)).toBe("1.234 activiteiten");
  });
});
