// The geocoder against a local stand-in PDOK (real HTTP, real JSON shape) and, when PDOK is
// unreachable, against the municipality reference data in this test's own SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPdokServer, type FakePdok } from "../fakes/pdok-server";

let pdok: FakePdok;
let geocode: typeof import("~/utils/geocode.server");

beforeAll(async () => {
  pdok = await startPdokServer();
  process.env.PDOK_LOCATIESERVER_URL = pdok.url;
  geocode = await import("~/utils/geocode.server");
});
afterAll(() => pdok.close());

describe("geocodePlace with PDOK reachable", () => {
  it("finds a postcode", async () => {
    const r = await geocode.geocodePlace("3511 ab");
    expect(r).toMatchObject({ label: "3511AB Utrecht", municipalityCode: "GM0344", approximate: false });
    expect(pdok.requests.at(-1)).toMatch(/\/free\?q=3511AB&fq=type%3A%28postcode\+OR\+adres/);
  });

  it("finds a place and a municipality by name", async () => {
    expect(await geocode.geocodePlace("Zwolle")).toMatchObject({ municipalityCode: "GM0193", approximate: false });
    expect(await geocode.geocodePlace("Maarssen")).toMatchObject({
      label: "Maarssen, Stichtse Vecht, Utrecht",
      municipalityCode: "GM1904",
    });
    const r = await geocode.geocodePlace("Stichtse Vecht");
    expect(r).toMatchObject({ municipalityCode: "GM1904" });
  });

  it("gives suggestions for an unknown place", async () => {
    const r = await geocode.geocodePlace("Utrect");
    expect(geocode.isGeocodeMiss(r)).toBe(true);
    expect(r).toMatchObject({ unavailable: false });
    expect((r as { suggestions: string[] }).suggestions).toContain("Utrecht");
    const nonsense = await geocode.geocodePlace("qqqqqqqqqq");
    expect(nonsense).toEqual({ suggestions: [], unavailable: false });
  });

  it("geocodes an organiser's address", async () => {
    expect(
      await geocode.geocodeAddress({ street: "Oudegracht", houseNumber: "1", postcode: "3511 AB", place: "Utrecht" }),
    ).toEqual({
      lat: 52.0913,
      lon: 5.1201,
      municipalityCode: "GM0344",
      approximate: false,
    });
  });
});

describe("geocodePlace with PDOK unreachable", () => {
  beforeAll(async () => {
    await pdok.close();
  });

  it("falls back to the municipality reference data, marked approximate", async () => {
    const r = await geocode.geocodePlace("Amersfoort");
    expect(r).toMatchObject({ municipalityCode: "GM0307", approximate: true, label: "gemeente Amersfoort" });
  });

  it("matches accents, case and everyday names", async () => {
    expect(await geocode.geocodePlace("súdwest-fryslân")).toMatchObject({ municipalityCode: "GM1900", approximate: true });
    expect(await geocode.geocodePlace("Den Haag")).toMatchObject({ municipalityCode: "GM0518" });
    expect(await geocode.geocodePlace("den bosch")).toMatchObject({ municipalityCode: "GM0796" });
  });

  it("says a postcode cannot be looked up now", async () => {
    expect(await geocode.geocodePlace("1234 XY")).toMatchObject({ unavailable: true });
  });

  it("still places an organiser's address approximately", async () => {
    expect(
      await geocode.geocodeAddress({ street: "Markt", houseNumber: "1", postcode: "6211 CK", place: "Maastricht" }),
    ).toMatchObject({
      municipalityCode: "GM0935",
      approximate: true,
    });
    expect(
      await geocode.geocodeAddress({ street: "X", houseNumber: "1", postcode: "9999 ZZ", place: "Nergenshuizen" }),
    ).toBeNull();
  });
});
