import { describe, expect, it } from "vitest";
import { defaultWeekForYear, editionNumberForYear, editionPhase, type EditionTimeline } from "~/models/edition";
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
