import { describe, expect, it } from "vitest";
import {
  availabilityMessage,
  canCancel,
  canMoveTo,
  kitAvailability,
  kitOrderReference,
  KitOrderInputSchema,
  KitSettingsSchema,
  parseKitOrderFilters,
  stockLeft,
} from "~/models/kit-order";
import { dutchPostcode, normalizeDutchPostcode } from "~/utils/postcode";
import { amsterdamToUtc } from "~/utils/time";

// The 2027 window as seeded: opens 2 November 2026 00:00, closes 1 September 2027 00:00 (Dutch time).
const edition = {
  orderingOpensAt: amsterdamToUtc("2026-11-02", "00:00"),
  orderingClosesAt: amsterdamToUtc("2027-09-01", "00:00"),
  kitStock: 900,
};
const at = (date: string, time: string) => amsterdamToUtc(date, time);

describe("kitAvailability: the ordering window in Dutch time", () => {
  it.each([
    ["2026-11-01", "23:59", "not_open"],
    ["2026-11-02", "00:00", "open"],
    ["2026-11-02", "00:01", "open"],
    ["2027-08-31", "23:59", "open"],
    ["2027-09-01", "00:00", "closed"],
    ["2027-09-01", "00:01", "closed"],
  ] as const)("on %s at %s is %s", (date, time, state) => {
    expect(kitAvailability(edition, 0, at(date, time)).state).toBe(state);
  });

  it("counts the last second before closing as open and the closing instant as closed", () => {
    expect(kitAvailability(edition, 0, new Date(edition.orderingClosesAt.getTime() - 1000)).state).toBe("open");
    expect(kitAvailability(edition, 0, edition.orderingClosesAt).state).toBe("closed");
    expect(kitAvailability(edition, 0, new Date(edition.orderingOpensAt.getTime() - 1)).state).toBe("not_open");
  });

  it("uses summer time at the closing: 31 August 23:59 Dutch time is 21:59 UTC", () => {
    expect(kitAvailability(edition, 0, new Date("2027-08-31T21:59:00Z")).state).toBe("open");
    expect(kitAvailability(edition, 0, new Date("2027-08-31T22:00:00Z")).state).toBe("closed");
  });

  it("uses winter time at the opening: 2 November 00:00 Dutch time is 23:00 UTC the day before", () => {
    expect(kitAvailability(edition, 0, new Date("2026-11-01T22:59:59Z")).state).toBe("not_open");
    expect(kitAvailability(edition, 0, new Date("2026-11-01T23:00:00Z")).state).toBe("open");
  });

  it("is sold out when the live orders reach the stock, and reports what is left otherwise", () => {
    const now = at("2027-03-01", "12:00");
    expect(kitAvailability(edition, 899, now)).toEqual({ state: "open", stockLeft: 1 });
    expect(kitAvailability(edition, 900, now)).toEqual({ state: "sold_out" });
    expect(kitAvailability(edition, 950, now)).toEqual({ state: "sold_out" });
    expect(stockLeft(10, 12)).toBe(0);
  });

  it("checks the window before the stock: a closed window says closed, even with stock left", () => {
    expect(kitAvailability({ ...edition, kitStock: 0 }, 0, at("2027-09-02", "09:00")).state).toBe("closed");
  });

  it("explains every refusal in plain Dutch with the date", () => {
    expect(availabilityMessage(kitAvailability(edition, 0, at("2026-10-01", "12:00")))).toBe(
      "Bestellen kan nog niet. Je kunt het pakket bestellen vanaf 2 november 2026 om 00:00.",
    );
    expect(availabilityMessage(kitAvailability(edition, 0, at("2027-09-05", "12:00")))).toBe(
      "Bestellen kan niet meer. Je kon het pakket bestellen tot en met 31 augustus 2027 om 23:59.",
    );
    expect(availabilityMessage({ state: "sold_out" })).toMatch(/^De pakketten zijn op\./);
    expect(availabilityMessage({ state: "open", stockLeft: 3 })).toBeNull();
  });
});

describe("status rules", () => {
  it("moves forward only: besteld → in behandeling → verzonden", () => {
    expect(canMoveTo("ordered", "processing")).toBe(true);
    expect(canMoveTo("processing", "shipped")).toBe(true);
    expect(canMoveTo("ordered", "shipped")).toBe(true);
    expect(canMoveTo("shipped", "processing")).toBe(false);
    expect(canMoveTo("cancelled", "shipped")).toBe(false);
    expect(canMoveTo("processing", "ordered")).toBe(false);
  });

  it("allows cancelling until shipped", () => {
    expect(canCancel("ordered")).toBe(true);
    expect(canCancel("processing")).toBe(true);
    expect(canCancel("shipped")).toBe(false);
    expect(canCancel("cancelled")).toBe(false);
  });

  it("makes readable, unique references", () => {
    expect(kitOrderReference(2027, 123, 0)).toBe("KE2027-00123");
    expect(kitOrderReference(2027, 123, 1)).toBe("KE2027-00123-2");
  });
});

describe("Dutch postcode", () => {
  it.each([
    ["1234 AB", "1234 AB"],
    ["1234ab", "1234 AB"],
    [" 3511  lk ", "3511 LK"],
    ["9999 ZZ", "9999 ZZ"],
  ])("accepts %j as %j", (input, output) => {
    expect(normalizeDutchPostcode(input)).toBe(output);
    expect(dutchPostcode.parse(input)).toBe(output);
  });

  it.each([
    "0123 AB",
    "1234 SA",
    "1234 SD",
    "1234 SS",
    "123 AB",
    "12345 AB",
    "1234 A",
    "1234 A1",
    "10115",
    "B-1000",
    "SW1A 1AA",
    "1234-AB",
    "ABCD 12",
  ])("refuses %j", (input) => {
    const result = dutchPostcode.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(
      "Vul een Nederlandse postcode in, zoals 1234 AB. We bezorgen alleen in Nederland.",
    );
  });

  it("asks for a postcode when empty", () => {
    expect(dutchPostcode.safeParse("  ").error?.issues[0].message).toBe("Vul een postcode in.");
  });
});

describe("order input", () => {
  const valid = {
    deliveryName: "Demi Organisator",
    street: "Oudegracht",
    houseNumber: "12",
    postcode: "3511ab",
    place: "Utrecht",
    expectedParticipants: 40,
  };

  it("accepts a Dutch address and normalises the postcode", () => {
    expect(KitOrderInputSchema.parse(valid)).toMatchObject({ postcode: "3511 AB", expectedParticipants: 40 });
  });

  it.each([
    [{ expectedParticipants: 0 }, "expectedParticipants", "Vul een aantal in van 1 of meer."],
    [{ expectedParticipants: -5 }, "expectedParticipants", "Vul een aantal in van 1 of meer."],
    [{ expectedParticipants: 2.5 }, "expectedParticipants", "Vul een heel getal in, zoals 40."],
    [
      { expectedParticipants: 1_000_000 },
      "expectedParticipants",
      "Vul een aantal in tot en met 10.000. Verwacht je echt meer? Zet het dan bij de opmerkingen.",
    ],
    [
      { houseNumber: "12a" },
      "houseNumber",
      "Vul een huisnummer in met alleen cijfers, zoals 12. Een letter of toevoeging kan in het veld hieronder.",
    ],
    [{ street: " " }, "street", "Vul de straat in."],
    [
      { houseNumberAddition: "<script>" },
      "houseNumberAddition",
      "Vul een korte toevoeging in, zoals A, 2 of bis (hoogstens 10 letters of cijfers).",
    ],
  ])("refuses %j with a Dutch message", (change, path, message) => {
    const result = KitOrderInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === path)?.message).toBe(message);
  });
});

describe("edition package settings", () => {
  const base = {
    opensDate: "2026-11-02",
    opensTime: "00:00",
    closesDate: "2027-09-01",
    closesTime: "00:00",
    kitStock: 900,
    kitLimitPerActivity: 1,
    contents: [{ item: "Placemats", quantity: 50 }, {}, undefined],
  };

  it("keeps only filled-in rows of the contents", () => {
    expect(KitSettingsSchema.parse(base).contents).toEqual([{ item: "Placemats", quantity: 50 }]);
  });

  it("refuses a closing before the opening, negative stock and half-filled rows", () => {
    const result = KitSettingsSchema.safeParse({
      ...base,
      closesDate: "2026-11-01",
      kitStock: -1,
      contents: [{ item: "Posters" }],
    });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      closesDate: "De sluiting moet na de opening liggen.",
      kitStock: "De voorraad kan niet negatief zijn.",
      "contents.0.quantity": "Vul het aantal in.",
    });
  });
});

describe("team filters from the URL", () => {
  it("reads Dutch parameters and ignores nonsense instead of failing", () => {
    expect(
      parseKitOrderFilters(new URLSearchParams("editie=2027&status=shipped&gemeente=GM0344&van=2026-11-01&zoek=Utrecht")),
    ).toEqual({
      status: "shipped",
      province: undefined,
      municipality: "GM0344",
      from: "2026-11-01",
      to: undefined,
      q: "Utrecht",
      page: 1,
    });
    expect(parseKitOrderFilters(new URLSearchParams("status=lost&gemeente=Utrecht&pagina=-1"))).toMatchObject({
      status: undefined,
      municipality: undefined,
      from: undefined,
      page: 1,
    });
  });

  it("refuses a date filter that is not a real day with a 400 in Dutch (a CSV must not silently include everything)", () => {
    for (const query of ["tot=2027-13-45", "van=2027-02-30", "van=0000-00-00", "tot=gisteren"]) {
      let thrown: unknown;
      try {
        parseKitOrderFilters(new URLSearchParams(query));
      } catch (error) {
        thrown = error;
      }
      expect(thrown, query).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(400);
    }
  });
});
