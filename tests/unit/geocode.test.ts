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
    expect(nonsense).toEqual({ suggestions: [], unavailable: false, postcode: false });
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

  it("falls back to the offline gazetteer: a place's own point, or a municipality's centre marked approximate", async () => {
    expect(await geocode.geocodePlace("Amersfoort")).toMatchObject({
      municipalityCode: "GM0307",
      approximate: false,
      label: "Amersfoort",
    });
    expect(await geocode.geocodePlace("Barneveld")).toMatchObject({ municipalityCode: "GM0203" });
    expect(await geocode.geocodePlace("Súdwest-Fryslân")).toMatchObject({ label: "gemeente Súdwest-Fryslân", approximate: true });
  });

  it("knows villages and districts with their municipality, and their other names", async () => {
    expect(await geocode.geocodePlace("Bolsward")).toMatchObject({
      label: "Bolsward (gemeente Súdwest-Fryslân)",
      municipalityCode: "GM1900",
      approximate: false,
    });
    expect(await geocode.geocodePlace("Boalsert")).toMatchObject({ label: "Bolsward (gemeente Súdwest-Fryslân)" });
    const scheveningen = await geocode.geocodePlace("scheveningen");
    expect(scheveningen).toMatchObject({ municipalityCode: "GM0518" });
    expect((scheveningen as { lat: number }).lat).toBeCloseTo(52.105, 2);
  });

  it("suggests a near miss and says a postcode needs the address service", async () => {
    expect(await geocode.geocodePlace("Bolswrad")).toMatchObject({ unavailable: true, postcode: false });
    expect(((await geocode.geocodePlace("Bolswrad")) as { suggestions: string[] }).suggestions[0]).toBe("Bolsward");
    expect(await geocode.geocodePlace("1234")).toEqual({ suggestions: [], unavailable: true, postcode: true });
  });

  it("remembers where a postcode area is from an earlier PDOK answer", async () => {
    // "3511 AB" was found while PDOK was up (first test); "3511" now lands there, approximately.
    expect(await geocode.geocodePlace("3511")).toMatchObject({ label: "postcodegebied 3511", approximate: true });
  });

  it("matches accents, case and everyday names", async () => {
    expect(await geocode.geocodePlace("súdwest-fryslân")).toMatchObject({ municipalityCode: "GM1900", approximate: true });
    expect(await geocode.geocodePlace("Den Haag")).toMatchObject({ municipalityCode: "GM0518" });
    expect(await geocode.geocodePlace("den bosch")).toMatchObject({ municipalityCode: "GM0796" });
  });

  it("says a postcode cannot be looked up now", async () => {
    expect(await geocode.geocodePlace("1234 XY")).toMatchObject({ unavailable: true, postcode: true });
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
