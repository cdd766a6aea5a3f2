import { describe, expect, it } from "vitest";
import {
  distanceMetres,
  isLikelyDuplicate,
  normaliseTitle,
  SIMILAR_TITLE,
  titleSimilarity,
  type DuplicateCandidate,
} from "~/models/activity-duplicates";

describe("title similarity (Dice of character trigrams after normalising)", () => {
  it("normalises case, accents, punctuation, filler words and spaces", () => {
    expect(normaliseTitle("Koffie-ochtend in de Bibliotheek!")).toBe("koffieochtendbibliotheek");
    expect(normaliseTitle("Café 't Hoekje")).toBe("cafehoekje");
    expect(titleSimilarity("Koffieochtend in de bibliotheek", "Koffie-ochtend in de Bibliotheek!")).toBe(1);
  });

  it("forgives a typo or an added word", () => {
    expect(titleSimilarity("Koffieochtend", "Koffieochtend met taart")).toBeGreaterThanOrEqual(SIMILAR_TITLE);
    expect(titleSimilarity("Wandelen in het Wilhelminapark", "Wandelen in het Wilhelmnapark")).toBeGreaterThanOrEqual(
      SIMILAR_TITLE,
    );
  });

  it("keeps apart titles that only share the building", () => {
    expect(titleSimilarity("Samen koken in De Schakel", "Bingo in De Schakel")).toBeLessThan(SIMILAR_TITLE);
    expect(titleSimilarity("Samen koken in De Schakel", "Samen zingen in De Schakel")).toBeLessThan(SIMILAR_TITLE);
    // The documented price of the threshold: an added long word is missed.
    expect(titleSimilarity("Soep en praatjes", "Soep, brood en praatjes")).toBeLessThan(SIMILAR_TITLE);
  });

  it("handles titles that are only filler words or very short", () => {
    expect(titleSimilarity("De", "Het")).toBe(0);
    expect(titleSimilarity("Yoga", "yoga!")).toBe(1);
    expect(titleSimilarity("Yo", "Go")).toBe(0);
  });
});

describe("likely duplicate", () => {
  const base: DuplicateCandidate = {
    ownerId: 1,
    title: "Bingo-avond",
    startsAt: new Date("2027-10-02T17:00:00Z"),
    isOnline: false,
    lat: 52.09,
    lon: 5.12,
    locationApproximate: false,
    postcode: "3511 NS",
    houseNumber: "200",
  };

  it("needs the same organiser or place, a start within 3 hours and a similar title", () => {
    expect(isLikelyDuplicate(base, { ...base })).toBe(true);
    expect(isLikelyDuplicate(base, { ...base, startsAt: new Date("2027-10-02T20:00:00Z") })).toBe(true); // exactly 3 h
    expect(isLikelyDuplicate(base, { ...base, startsAt: new Date("2027-10-02T20:01:00Z") })).toBe(false);
    expect(isLikelyDuplicate(base, { ...base, title: "Filmavond" })).toBe(false);
  });

  it("counts another organiser in the same place: within 200 m, or the same postcode and house number", () => {
    const other = { ...base, ownerId: 2, postcode: "3512 AA", houseNumber: "1" };
    expect(isLikelyDuplicate(base, { ...other, lat: 52.0915 })).toBe(true); // ~167 m
    expect(isLikelyDuplicate(base, { ...other, lat: 52.0925 })).toBe(false); // ~278 m
    expect(isLikelyDuplicate(base, { ...other, lat: 52.2, postcode: "3511NS", houseNumber: "200" })).toBe(true);
    // A pin "bij benadering" (town centre) says nothing about the building.
    expect(isLikelyDuplicate(base, { ...other, locationApproximate: true })).toBe(false);
    expect(isLikelyDuplicate(base, { ...other, isOnline: true, lat: null, lon: null })).toBe(false);
  });

  it("measures distance in metres", () => {
    expect(distanceMetres({ lat: 52, lon: 5 }, { lat: 52.001, lon: 5 })).toBeCloseTo(111.2, 0);
  });
});
