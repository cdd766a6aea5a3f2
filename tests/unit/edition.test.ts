import { describe, expect, it } from "vitest";
import {
  confirmationKey,
  defaultWeekForYear,
  editionChangeWarnings,
  editionNumberForYear,
  editionPhase,
  editionProblems,
  editionTimeline,
  nextEditionDraft,
  timelinePosition,
  toLocalDateTime,
  type EditionDraft,
  type EditionTimeline,
} from "~/models/edition";
import { amsterdamToUtc } from "~/utils/time";

const edition2027: EditionTimeline = {
  year: 2027,
  weekStart: "2027-09-30",
  weekEnd: "2027-10-06",
  registrationOpensAt: amsterdamToUtc("2026-11-02"),
  registrationClosesAt: amsterdamToUtc("2027-10-07"),
  orderingOpensAt: amsterdamToUtc("2027-01-04"),
  orderingClosesAt: amsterdamToUtc("2027-09-01"),
  reportDeadline: amsterdamToUtc("2027-12-16"),
};
const at = (date: string, time = "12:00") => amsterdamToUtc(date, time);

describe("editionPhase", () => {
  it.each([
    ["2026-11-01", "23:59", "before_registration"],
    ["2026-11-02", "00:00", "registration_open"],
    ["2027-01-03", "23:59", "registration_open"],
    ["2027-01-04", "00:00", "ordering_open"],
    ["2027-08-31", "23:59", "ordering_open"],
    ["2027-09-01", "00:00", "ordering_closed"],
    ["2027-09-29", "23:59", "ordering_closed"],
    ["2027-09-30", "00:00", "week_running"],
    ["2027-10-06", "23:59", "week_running"],
    ["2027-10-07", "00:00", "reporting_open"],
    ["2027-12-15", "23:59", "reporting_open"],
    ["2027-12-16", "00:00", "closed"],
  ] as const)("on %s at %s (Dutch time) is %s", (date, time, phase) => {
    expect(editionPhase(edition2027, at(date, time))).toBe(phase);
  });

  it("uses Dutch time, so summer time shifts the UTC boundary by two hours", () => {
    expect(editionPhase(edition2027, new Date("2027-08-31T21:59:59Z"))).toBe("ordering_open");
    expect(editionPhase(edition2027, new Date("2027-08-31T22:00:00Z"))).toBe("ordering_closed");
  });
});

describe("defaultWeekForYear", () => {
  it.each([
    [2024, "2024-09-26", "2024-10-02"],
    [2025, "2025-09-25", "2025-10-01"],
    [2026, "2026-09-24", "2026-09-30"],
    [2027, "2027-09-30", "2027-10-06"],
  ])("%i runs from the last Thursday of September for seven days", (year, weekStart, weekEnd) => {
    expect(defaultWeekForYear(year)).toEqual({ weekStart, weekEnd });
  });

  it("numbers editions from 2010", () => {
    expect(editionNumberForYear(2010)).toBe(1);
    expect(editionNumberForYear(2024)).toBe(15);
    expect(editionNumberForYear(2027)).toBe(18);
  });
});

describe("nextEditionDraft", () => {
  const draft2027: EditionDraft = {
    ...edition2027,
    number: 18,
    kitStock: 900,
    kitContents: [{ item: "Placemats", quantity: 50 }],
    kitLimitPerActivity: 1,
    kitLimitPerOrganisation: 5,
  };

  it("takes the next year and number, the last Thursday of September and every date at the same distance", () => {
    const next = nextEditionDraft(draft2027);
    expect(next.year).toBe(2028);
    expect(next.number).toBe(19);
    // 30 September 2028 is a Saturday: the last Thursday is the 28th; 2027's week started 364 days earlier.
    expect(next.weekStart).toBe("2028-09-28");
    expect(next.weekEnd).toBe("2028-10-04");
    expect(toLocalDateTime(next.registrationOpensAt)).toBe("2027-11-01T00:00");
    expect(toLocalDateTime(next.orderingOpensAt)).toBe("2028-01-03T00:00");
    expect(toLocalDateTime(next.orderingClosesAt)).toBe("2028-08-30T00:00");
    expect(toLocalDateTime(next.registrationClosesAt)).toBe("2028-10-05T00:00");
    expect(toLocalDateTime(next.reportDeadline)).toBe("2028-12-14T00:00");
    expect(next).toMatchObject({ kitStock: 900, kitContents: [{ item: "Placemats", quantity: 50 }], kitLimitPerOrganisation: 5 });
    expect(editionProblems(next, [draft2027])).toEqual({});
  });

  it("keeps the Dutch clock time across summer time (a window opening at 09:00 still opens at 09:00)", () => {
    const next = nextEditionDraft({ ...draft2027, orderingOpensAt: at("2027-03-29", "09:00") });
    expect(toLocalDateTime(next.orderingOpensAt)).toBe("2028-03-27T09:00");
  });
});

describe("editionProblems", () => {
  const e2028 = {
    ...edition2027,
    year: 2028,
    number: 19,
    weekStart: "2028-09-28",
    weekEnd: "2028-10-04",
    registrationOpensAt: at("2027-11-01", "00:00"),
    registrationClosesAt: at("2028-10-05", "00:00"),
    orderingOpensAt: at("2028-01-03", "00:00"),
    orderingClosesAt: at("2028-08-31", "00:00"),
    reportDeadline: at("2028-12-14", "00:00"),
  };
  const others = [{ year: 2027, number: 18, weekStart: "2027-09-30", weekEnd: "2027-10-06" }];

  it("accepts dates in order", () => expect(editionProblems(e2028, others)).toEqual({}));

  it.each([
    [{ weekEnd: "2028-09-27" }, "weekEnd", "De laatste dag van de week moet op of na de eerste dag liggen."],
    [{ weekStart: "2029-09-27", weekEnd: "2029-10-03" }, "weekStart", "De week van editie 2028 moet in 2028 beginnen."],
    [{ registrationOpensAt: at("2028-09-28", "00:00") }, "registrationOpensAt", "Aanmelden moet openen voordat de week begint."],
    [{ registrationClosesAt: at("2027-11-01", "00:00") }, "registrationClosesAt", "Aanmelden moet sluiten na het openen."],
    [
      { orderingClosesAt: at("2028-09-28", "00:01") },
      "orderingClosesAt",
      "Pakket bestellen moet sluiten voordat de week begint.",
    ],
    [{ orderingClosesAt: at("2028-01-03", "00:00") }, "orderingClosesAt", "Pakket bestellen moet sluiten na het openen."],
    [{ reportDeadline: at("2028-10-05", "00:00") }, "reportDeadline", "Opkomst doorgeven moet kunnen tot na de week."],
    [{ number: 18 }, "number", "Editie 18 bestaat al (2027)."],
  ])("refuses %o with a message next to %s", (change, field, message) => {
    expect(editionProblems({ ...e2028, ...change }, others)[field]).toContain(message);
  });

  it("refuses a week that overlaps another edition's week, even by one day", () => {
    const problems = editionProblems({ ...e2028, weekStart: "2028-09-28", weekEnd: "2028-10-04" }, [
      { year: 2029, number: 20, weekStart: "2028-10-04", weekEnd: "2028-10-10" },
    ]);
    expect(problems.weekStart?.[0]).toMatch(/^Deze week overlapt met de week van 2029/);
  });
});

describe("editionChangeWarnings", () => {
  const counts = { activities: 412, outsideNewWeek: 37, liveOrders: 120, organisersWithAttendanceLink: 312 };

  it("asks nothing when nothing organisers rely on moves", () => {
    expect(editionChangeWarnings(edition2027, { ...edition2027 }, at("2026-11-23"), counts)).toEqual([]);
    // Registration not open yet and no links sent: moving it is free.
    const later = { ...edition2027, registrationOpensAt: at("2026-12-01") };
    expect(editionChangeWarnings(edition2027, later, at("2026-10-01"), counts)).toEqual([]);
  });

  it("names the open window, the week's activities and the links already sent, with real counts", () => {
    const after = {
      ...edition2027,
      weekStart: "2027-10-07",
      weekEnd: "2027-10-13",
      registrationClosesAt: at("2027-10-14"),
      reportDeadline: at("2028-01-10"),
    };
    const warnings = editionChangeWarnings(edition2027, after, at("2027-10-05"), counts);
    expect(warnings.map((w) => w.field)).toEqual(["registrationClosesAt", "weekStart", "reportDeadline"]);
    expect(warnings[1].text).toContain("412 activiteiten");
    expect(warnings[1].text).toContain("37 daarvan vallen buiten de nieuwe week");
    expect(warnings[2].text).toBe(
      "312 organisatoren kregen al een opkomstlink die verloopt op 16 december 2027 om 00:00. Die link blijft tot dan werken; daarna kunnen ze inloggen om de opkomst door te geven.",
    );
    expect(confirmationKey(warnings)).toBe("registration:412|week:412:37|deadline:312");
  });

  it("warns about an open ordering window that the change closes at once", () => {
    const after = { ...edition2027, orderingClosesAt: at("2027-02-01") };
    const [warning] = editionChangeWarnings(edition2027, after, at("2027-03-01"), counts);
    expect(warning.text).toContain("120 pakketten");
    expect(warning.text).toContain("Met de nieuwe data is bestellen meteen dicht.");
  });
});

describe("editionTimeline", () => {
  it("lists the moments in time order and says where today is", () => {
    const items = editionTimeline(edition2027);
    expect(items.map((i) => i.key)).toEqual([
      "registrationOpensAt",
      "orderingOpensAt",
      "orderingClosesAt",
      "weekStart",
      "weekEnd",
      "registrationClosesAt",
      "reportDeadline",
    ]);
    expect(timelinePosition(items, at("2027-05-01"))).toBe(2);
    expect(timelinePosition(items, at("2026-11-01"))).toBe(0);
  });
});
