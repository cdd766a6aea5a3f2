// Issue 16 on the server: the offline gazetteer, the home page's Week at a glance and shortcuts,
// short shared URLs, and "Terug naar zoeken" (PDOK is down in these tests: see tests/setup.ts).
import { afterEach, describe, expect, it } from "vitest";
import { seedDemoData } from "~/demo/demo-data.server";
import { now } from "~/utils/clock.server";
import { findPlaceOffline, suggestPlaces } from "~/models/gazetteer.server";
import { loader as activityLoader } from "~/routes/activiteiten.$id";
import { loader as homeLoader } from "~/routes/_index";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { get } from "../helpers/requests";

seedDemoData(db, now());
afterEach(() => setClock("2026-11-23T10:00:00+01:00"));

describe("the offline gazetteer", () => {
  it("knows villages and districts with their municipality, and names people use", () => {
    expect(findPlaceOffline("Bolsward")).toMatchObject({ municipalityCode: "GM1900", approximate: false });
    expect(findPlaceOffline("den bosch")).toMatchObject({ municipalityCode: "GM0796" });
    // The municipality is named the way residents do (issue 14): no "(gemeente 's-Gravenhage)".
    expect(findPlaceOffline("Den Haag")).toMatchObject({ municipalityCode: "GM0518", label: "Den Haag" });
    expect(findPlaceOffline("Scheveningen")).toMatchObject({
      municipalityCode: "GM0518",
      label: "Scheveningen (gemeente Den Haag)",
    });
    expect(findPlaceOffline("Súdwest-Fryslân")).toMatchObject({ label: "gemeente Súdwest-Fryslân", approximate: true });
    expect(findPlaceOffline("Nergenshuizen")).toBeNull();
  });

  it("suggests names a typo away, closest first", () => {
    expect(suggestPlaces("Bolswrad")[0]).toBe("Bolsward");
    expect(suggestPlaces("Schevenigen")[0]).toBe("Scheveningen");
    expect(suggestPlaces("Utrect")).toContain("Utrecht");
    expect(suggestPlaces("qqqqqqqq")).toEqual([]);
  });
});

describe("the home page", () => {
  it("shows the Week at a glance: activities per municipality of the edition", async () => {
    const data = (await homeLoader(get("/?editie=2026"))) as Awaited<ReturnType<typeof homeLoader>>;
    expect(data.glance?.municipalities).toHaveLength(342);
    expect(data.glance!.counts.length).toBeGreaterThan(10);
    expect(data.glance!.counts[0].count).toBeGreaterThanOrEqual(data.glance!.counts[1].count);
    expect(data.shortcuts).toBeNull();
  });

  it("offers 'vandaag' and 'dit weekend' during the Week only", async () => {
    setClock("2027-10-02T09:00:00+02:00"); // a Saturday in the 2027 Week (30 September – 6 October)
    const during = (await homeLoader(get("/"))) as Awaited<ReturnType<typeof homeLoader>>;
    expect(during.shortcuts).toEqual({ today: "za" });
    expect(during.days.map((d) => d.value)).toContain("weekend");
  });

  it("searches a weekend as Saturday and Sunday together", async () => {
    const all = (await homeLoader(get("/?plaats=Utrecht&editie=2026&straal=25"))) as Awaited<ReturnType<typeof homeLoader>>;
    const sat = (await homeLoader(get("/?plaats=Utrecht&editie=2026&straal=25&dag=za"))) as typeof all;
    const sun = (await homeLoader(get("/?plaats=Utrecht&editie=2026&straal=25&dag=zo"))) as typeof all;
    const weekend = (await homeLoader(get("/?plaats=Utrecht&editie=2026&straal=25&dag=weekend"))) as typeof all;
    // An activity on both Saturday and Sunday (several sessions) is listed once for the weekend.
    const ids = (r: typeof all) => r.nearby!.items.map((x) => x.id);
    expect(weekend.nearby!.total).toBeLessThanOrEqual(sat.nearby!.total + sun.nearby!.total);
    expect(weekend.nearby!.total).toBeGreaterThanOrEqual(Math.max(sat.nearby!.total, sun.nearby!.total));
    expect(new Set(ids(weekend)).size).toBe(ids(weekend).length);
    expect(weekend.nearby!.total).toBeLessThan(all.nearby!.total);
  });

  it("sends a form's empty fields away: shared links stay short", async () => {
    const response = await homeLoader(get("/?plaats=Zwolle&straal=10&dag=&soort=&voor=")).catch((r: Response) => r);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/?plaats=Zwolle&straal=10");
  });
});

describe("Terug naar zoeken", () => {
  it("returns to the search the resident came from, and only to a search", async () => {
    const home = (await homeLoader(get("/?plaats=Utrecht&editie=2026"))) as Awaited<ReturnType<typeof homeLoader>>;
    const id = String(home.nearby!.items[0].id);
    const from = encodeURIComponent("?plaats=Utrecht&editie=2026&soort=samen-eten");
    const back = await activityLoader(get(`/activiteiten/${id}?terug=${from}`, undefined, { id }));
    expect(back.backTo).toBe("/?plaats=Utrecht&straal=10&soort=samen-eten&editie=2026#resultaten");
    const hostile = await activityLoader(
      get(`/activiteiten/${id}?terug=${encodeURIComponent("//evil.example/?x=1")}`, undefined, { id }),
    );
    expect(hostile.backTo).toBe("/?straal=10#resultaten");
    const none = await activityLoader(get(`/activiteiten/${id}`, undefined, { id }));
    expect(none.backTo).toBe("/?editie=2026");
  });
});
