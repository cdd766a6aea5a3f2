// The dashboard, the comparison and the exports on the demo data, through their loaders.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "~/demo/demo-data.server";
import { now } from "~/utils/clock.server";
import { loader as dashboard } from "~/routes/beheer.cijfers._index";
import { loader as compare } from "~/routes/beheer.cijfers.vergelijken";
import { loader as editionsExport } from "~/routes/beheer.cijfers.export.edities[.csv]";
import { loader as municipalitiesExport } from "~/routes/beheer.cijfers.export.gemeenten[.csv]";
import { loader as activitiesExport } from "~/routes/beheer.cijfers.export.activiteiten[.csv]";
import { loader as contactExport } from "~/routes/beheer.cijfers.export.activiteiten-met-contactgegevens[.csv]";
import { db } from "~/utils/db.server";
import { get, outcome, sessionCookie } from "../helpers/requests";

let team = "";
let organiser = "";
// The figures are checked on the full demo data set (hundreds of activities over four editions), so
// seeding takes seconds on a quiet machine and much longer on a busy one: the hook has its own timeout.
const SEED_TIMEOUT_MS = 120_000;
beforeAll(async () => {
  seedDemoData(db, now());
  team = await sessionCookie("programmateam@example.nl");
  organiser = await sessionCookie("organisator@example.nl");
}, SEED_TIMEOUT_MS);

describe("figures routes", () => {
  it("are for the programme team only", async () => {
    for (const [loader, url] of [
      [dashboard, "/beheer/cijfers"],
      [compare, "/beheer/cijfers/vergelijken"],
      [editionsExport, "/beheer/cijfers/export/edities.csv"],
      [contactExport, "/beheer/cijfers/export/activiteiten-met-contactgegevens.csv"],
    ] as const) {
      expect((await outcome(loader(get(url, organiser)))).status).toBe(403);
      expect((await outcome(loader(get(url)))).status).toBe(302);
    }
  });

  it("shows 2026 by default with consistent figures, and another edition on request", async () => {
    const res = await outcome(dashboard(get("/beheer/cijfers", team)));
    expect(res.status).toBe(200);
    const d = res.data;
    expect(d.year).toBe(2026);
    expect(d.activities.published).toBeGreaterThan(500);
    expect(d.whiteSpots.length + d.activities.municipalities).toBe(342);
    expect(d.attendance.reports).toBeLessThanOrEqual(d.attendance.shouldReport);
    expect(d.attendance.estimatedTotal).toBe(
      Math.round((d.attendance.participants / d.attendance.reports) * d.attendance.shouldReport),
    );
    expect(d.perProvince.reduce((s: number, p: { activities: number }) => s + p.activities, 0)).toBe(d.activities.published);
    expect(d.perType.reduce((s: number, p: { participants: number }) => s + p.participants, 0)).toBe(d.attendance.participants);
    expect((await outcome(dashboard(get("/beheer/cijfers?editie=2024", team)))).data.year).toBe(2024);
    expect((await outcome(dashboard(get("/beheer/cijfers?editie=1999", team)))).status).toBe(404);
  });

  it("compares 2024, 2025 and 2026 (and the running 2027) side by side", async () => {
    const res = await outcome(compare(get("/beheer/cijfers/vergelijken", team)));
    expect(res.data.editions.map((e: { year: number }) => e.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(res.data.curves.map((c: { year: number }) => c.year)).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    const c2024 = res.data.curves.find((c: { year: number }) => c.year === 2024);
    expect(c2024.points.at(-1)).toEqual({ weeksBefore: 0, orders: res.data.editions[0].kitOrders });
    const byParticipants = await outcome(compare(get("/beheer/cijfers/vergelijken?kaart=2025&maat=deelnemers", team)));
    expect(byParticipants.data).toMatchObject({ mapYear: 2025, measure: "deelnemers" });
  });

  it("exports CSV files (UTF-8 with BOM); contact details only in the contact export", async () => {
    const read = async (p: Promise<unknown>) => {
      const r = (await p) as Response;
      const bytes = new Uint8Array(await r.arrayBuffer());
      return {
        type: r.headers.get("Content-Type"),
        disposition: r.headers.get("Content-Disposition"),
        bytes,
        text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
      };
    };
    const editions = await read(editionsExport(get("/beheer/cijfers/export/edities.csv", team)));
    expect(editions.type).toBe("text/csv; charset=utf-8");
    expect([...editions.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(editions.text.split("\r\n").filter(Boolean)).toHaveLength(5);
    const municipalities = await read(municipalitiesExport(get("/beheer/cijfers/export/gemeenten.csv?editie=2025", team)));
    expect(municipalities.disposition).toContain("kom-erbij-gemeenten-2025.csv");
    expect(municipalities.text.split("\r\n").filter(Boolean)).toHaveLength(343);
    const open = await read(activitiesExport(get("/beheer/cijfers/export/activiteiten.csv?editie=2026", team)));
    const full = await read(contactExport(get("/beheer/cijfers/export/activiteiten-met-contactgegevens.csv?editie=2026", team)));
    expect(open.text).not.toMatch(/prive\.\d+@example\.org/);
    expect(open.text).not.toContain("organisator@example.nl");
    expect(full.text).toMatch(/prive\.\d+@example\.org/);
    expect(full.text).toContain("organisator@example.nl");
    expect(open.text.split("\r\n").length).toBe(full.text.split("\r\n").length);
  });
});
