// The figures are SQL aggregations over real rows: checked here against a tiny fixture with known answers.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAttendanceReport } from "~/models/attendance.server";
import { getEditionByYear } from "~/models/edition.server";
import {
  activitiesCsv,
  compareEditions,
  defaultFiguresYear,
  editionFigures,
  editionsCsv,
  municipalitiesCsv,
  orderCurves,
} from "~/models/figures.server";
import { db, schema as t } from "~/utils/db.server";
import { amsterdamToUtc } from "~/utils/time";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const DAY = 86_400_000;
let n = 0;
const user = () =>
  db
    .insert(t.users)
    .values({ email: `fig-${++n}@example.org`, name: `Org ${n}` })
    .returning()
    .get();
const edition = (year: number) => db.select().from(t.editions).where(eq(t.editions.year, year)).get()!;

function activity(
  ownerId: number,
  year: number,
  o: {
    status?: "published" | "cancelled" | "pending";
    municipality?: string | null;
    type?: string;
    groups?: string[];
    day?: number;
  },
) {
  const e = edition(year);
  const date = `${e.weekStart.slice(0, 8)}${String(Number(e.weekStart.slice(8)) + (o.day ?? 0)).padStart(2, "0")}`;
  const a = db
    .insert(t.activities)
    .values({
      editionId: e.id,
      ownerId,
      organisationName: "Buurthuis",
      organisationKind: "welzijn",
      title: `Fixture ${++n}`,
      description: "Kom erbij.",
      type: o.type ?? "ontmoeting",
      startsAt: amsterdamToUtc(date, "14:00"),
      endsAt: amsterdamToUtc(date, "16:00"),
      isOnline: o.municipality === null,
      municipalityCode: o.municipality === undefined ? "GM0344" : o.municipality,
      privateContactName: "Geheim Persoon",
      privateContactEmail: `geheim-${n}@example.org`,
      status: o.status ?? "published",
    })
    .returning()
    .get();
  for (const g of o.groups ?? ["iedereen"]) db.insert(t.activityTargetGroups).values({ activityId: a.id, targetGroup: g }).run();
  return a;
}
function order(
  a: { id: number; editionId: number; ownerId: number },
  status: "ordered" | "shipped" | "cancelled",
  createdAt: Date,
) {
  db.insert(t.kitOrders)
    .values({
      reference: `KE-F-${a.id}`,
      editionId: a.editionId,
      activityId: a.id,
      orderedById: a.ownerId,
      deliveryName: "X",
      street: "Straat",
      houseNumber: "1",
      postcode: "3511 AB",
      place: "Utrecht",
      expectedParticipants: 30,
      status,
      createdAt,
    })
    .run();
}
const report = (activityId: number, participants: number, volunteers = 2, firstTimers?: number) =>
  expect(
    saveAttendanceReport({ activityId, via: "login", input: { participants, volunteers, firstTimers }, now: NOW }),
  ).toMatchObject({ ok: true });

let ids: Record<string, number> = {};
beforeAll(() => {
  const [u1, u2, u3] = [user(), user(), user()];
  const weekStart = amsterdamToUtc(edition(2026).weekStart).getTime();
  const a1 = activity(u1.id, 2026, { type: "ontmoeting", groups: ["iedereen", "ouderen"] });
  const a2 = activity(u1.id, 2026, { type: "samen-eten", groups: ["ouderen"], day: 1 });
  const a3 = activity(u2.id, 2026, { municipality: "GM0363", groups: ["jongeren"], day: 2 });
  const a4 = activity(u3.id, 2026, { status: "cancelled", municipality: "GM0599" });
  const a5 = activity(u3.id, 2026, { status: "pending", municipality: "GM0599" });
  const a6 = activity(u2.id, 2026, { municipality: null, type: "online", groups: ["iedereen"] });
  order(a1, "shipped", new Date(weekStart - 3 * 7 * DAY - DAY));
  order(a2, "ordered", new Date(weekStart - 10 * DAY));
  order(a3, "cancelled", new Date(weekStart - 20 * DAY));
  report(a1.id, 30, 3, 5);
  report(a1.id, 40, 4, 10); // edited: replaces the first report
  report(a2.id, 20, 2);
  report(a6.id, 30, 1);
  // Another edition must not leak into 2026.
  const old = activity(u1.id, 2025, { municipality: "GM0363" });
  db.insert(t.attendanceReports)
    .values({ activityId: old.id, participants: 500, volunteers: 9, reportedAt: new Date("2025-10-10") })
    .run();
  ids = { a1: a1.id, a2: a2.id, a3: a3.id, a4: a4.id, a5: a5.id, a6: a6.id };
});

describe("figures per edition (SQL aggregation)", () => {
  it("counts activities by status, organisers and municipalities, with the white spots", () => {
    const f = editionFigures(getEditionByYear(2026)!, NOW)!;
    expect(f.activities).toMatchObject({
      total: 6,
      published: 4,
      cancelled: 1,
      pending: 1,
      rejected: 0,
      organisers: 2,
      municipalities: 2,
      online: 1,
    });
    expect(f.municipalitiesTotal).toBe(342);
    expect(f.whiteSpots).toHaveLength(340);
    expect(f.whiteSpots.map((w) => w.code)).not.toContain("GM0344");
    expect(f.whiteSpots.map((w) => w.code)).toContain("GM0599"); // only a cancelled and a pending activity there
  });

  it("sums attendance from the latest version of each report and states the estimate", () => {
    const f = editionFigures(getEditionByYear(2026)!, NOW)!;
    expect(db.select().from(t.attendanceReports).where(eq(t.attendanceReports.activityId, ids.a1)).all()).toHaveLength(1);
    expect(f.attendance).toEqual({
      shouldReport: 4,
      reports: 3,
      participants: 90,
      volunteers: 7,
      firstTimers: 10,
      responseRate: 0.75,
      averagePerReport: 30,
      estimatedTotal: 120,
    });
    // Before anything ended, nothing should report yet.
    expect(editionFigures(getEditionByYear(2026)!, new Date("2026-09-01T00:00:00Z"))!.attendance).toMatchObject({
      shouldReport: 0,
      reports: 0,
      responseRate: null,
      averagePerReport: null,
      estimatedTotal: null,
    });
  });

  it("counts kit orders by status with the stock left", () => {
    const f = editionFigures(getEditionByYear(2026)!, NOW)!;
    expect(f.kits.counts).toEqual({ ordered: 1, processing: 0, shipped: 1, cancelled: 1, rejected: 0 });
    expect(f.kits).toMatchObject({ live: 2, stockLeft: edition(2026).kitStock - 2 });
  });

  it("breaks down per province, municipality, type and target group", () => {
    const f = editionFigures(getEditionByYear(2026)!, NOW)!;
    const pick = (
      rows: { key: string; activities: number; kitOrders: number; reports: number; participants: number; shouldReport: number }[],
    ) =>
      Object.fromEntries(
        rows
          .filter((r) => r.activities > 0)
          .map((r) => [r.key, [r.activities, r.kitOrders, r.reports, r.participants, r.shouldReport]]),
      );
    expect(pick(f.perProvince)).toEqual({
      Utrecht: [2, 2, 2, 60, 2],
      "Noord-Holland": [1, 0, 0, 0, 1],
      Onbekend: [1, 0, 1, 30, 1],
    });
    expect(pick(f.perMunicipality)).toEqual({ GM0344: [2, 2, 2, 60, 2], GM0363: [1, 0, 0, 0, 1] });
    expect(pick(f.perType)).toEqual({ ontmoeting: [2, 1, 1, 40, 2], "samen-eten": [1, 1, 1, 20, 1], online: [1, 0, 1, 30, 1] });
    expect(pick(f.perTargetGroup)).toEqual({ iedereen: [2, 1, 2, 70, 2], ouderen: [2, 2, 2, 60, 2], jongeren: [1, 0, 0, 0, 1] });
    expect(f.perType.find((r) => r.key === "samen-eten")!.label).toBe("Samen eten");
    expect(f.perTargetGroup.find((r) => r.key === "ouderen")!.averagePerReport).toBe(30);
  });

  it("compares editions and aligns cumulative orders on the start of the week", () => {
    const c = compareEditions(NOW);
    expect(c.map((e) => e.year)).toEqual([2025, 2026]);
    expect(c[0]).toMatchObject({ activities: 1, participants: 500, reports: 1, shouldReport: 1 });
    expect(c[1]).toMatchObject({
      activities: 4,
      cancelled: 1,
      municipalities: 2,
      kitOrders: 2,
      participants: 90,
      estimatedTotal: 120,
    });
    const curve = orderCurves(NOW, 5).find((x) => x.year === 2026)!;
    expect(curve.points).toEqual([5, 4, 3, 2, 1, 0].map((w) => ({ weeksBefore: w, orders: w > 3 ? 0 : w > 1 ? 1 : 2 })));
  });

  it("defaults to the newest edition whose week has ended", () => {
    expect(defaultFiguresYear(NOW)).toBe(2026);
    expect(defaultFiguresYear(new Date("2026-06-01T00:00:00Z"))).toBe(2025);
  });

  it("exports CSV with BOM; private contact details only in the programme-team export", () => {
    const e = edition(2026);
    const open = activitiesCsv(e.id, { withContact: false });
    const full = activitiesCsv(e.id, { withContact: true });
    expect(open.startsWith("\uFEFFId,Titel,Status")).toBe(true);
    expect(open.split("\r\n").filter(Boolean)).toHaveLength(7);
    expect(open).not.toContain("geheim-");
    expect(open).not.toContain("Geheim Persoon");
    expect(full).toContain("Geheim Persoon");
    expect(full).toMatch(/geheim-\d+@example\.org/);
    expect(full).toContain("fig-1@example.org");
    const municipalities = municipalitiesCsv(e.id, NOW).split("\r\n").filter(Boolean);
    expect(municipalities).toHaveLength(343);
    expect(municipalities).toContain('GM0344,Utrecht,Utrecht,2,2,2,2,60,"30,0"');
    expect(editionsCsv(NOW).split("\r\n")[2]).toMatch(/^2026,4,1,2,2,2,\d+,4,3,"75,0",90,7,10,"30,0",120,/);
  });
});
