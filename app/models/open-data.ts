// The open-data schema: one list of fields, used by the GeoJSON and CSV files and by the page that
// documents them. Only public fields: what the activity page shows anyway, without contact persons.

export const OPEN_DATA_LICENCE = {
  name: "CC0 1.0 Universeel (publiek domein)",
  url: "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
  attribution: "Bron: Week tegen Eenzaamheid (Kom erbij); gemeentegrenzen: CBS, Kadaster.",
};

export const OPEN_DATA_FIELDS = [
  ["id", "geheel getal", "Vast nummer van de activiteit."],
  ["url", "tekst (URL)", "De pagina van de activiteit."],
  ["editie", "geheel getal", "Jaar van de Week tegen Eenzaamheid."],
  ["titel", "tekst", "Naam van de activiteit."],
  ["soort", "tekst", "Soort activiteit (code, zoals ontmoeting, samen-eten, online)."],
  ["doelgroepen", "tekst", "Voor wie, codes gescheiden door komma's (iedereen, ouderen, jongeren …)."],
  ["begint", "datum-tijd (ISO 8601, UTC)", "Begin van de activiteit."],
  ["eindigt", "datum-tijd (ISO 8601, UTC)", "Einde van de activiteit."],
  ["status", "tekst", "gepubliceerd of geannuleerd."],
  ["online", "ja/nee", "Of de activiteit online is (dan zonder plek op de kaart)."],
  ["locatie", "tekst", "Naam van de plek, zoals een buurthuis."],
  ["adres", "tekst", "Straat en huisnummer van de plek van de activiteit (een openbare plek, geen privéadres)."],
  ["postcode", "tekst", "Postcode van de plek."],
  ["plaats", "tekst", "Plaats."],
  ["gemeentecode", "tekst", "CBS-code van de gemeente, zoals GM0344."],
  ["gemeente", "tekst", "Officiële naam van de gemeente (CBS)."],
  ["provincie", "tekst", "Provincie."],
  ["breedtegraad", "decimaal getal (WGS84)", "Plek op de kaart (in GeoJSON: de geometrie)."],
  ["lengtegraad", "decimaal getal (WGS84)", "Plek op de kaart (in GeoJSON: de geometrie)."],
  ["plek_bij_benadering", "ja/nee", "De plek is het midden van de gemeente of plaats, niet het precieze adres."],
  ["gratis", "ja/nee", "Of meedoen gratis is."],
  ["prijs_euro", "decimaal getal", "Prijs in euro als het niet gratis is."],
  ["rolstoeltoegankelijk", "ja/nee", "Toegankelijk met een rolstoel."],
  ["ringleiding", "ja/nee", "Er is een ringleiding."],
  ["rustige_ruimte", "ja/nee", "Er is een rustige ruimte."],
  ["alleen_komen", "ja/nee", "Je kunt gerust alleen komen: er is iemand die je ontvangt."],
  ["vervoer", "tekst", "ophalen (we kunnen je ophalen), ov (goed bereikbaar met OV) of leeg."],
  ["eenvoudig_nederlands", "ja/nee", "Er wordt eenvoudig Nederlands gesproken."],
  ["talen", "tekst", "Andere talen die er gesproken worden, codes gescheiden door komma's (en, ar, tr, pl, uk, pap, ti, ngt)."],
  ["gaat_door_na_de_week", "ja/nee", "De activiteit gaat door na de Week."],
  ["na_de_week", "tekst", "Wanneer en hoe vaak het na de Week doorgaat, zoals de organisator het schreef."],
  ["aanmelden_nodig", "ja/nee", "Of je je moet aanmelden."],
  ["organisatie", "tekst", "Naam van de organiserende organisatie."],
] as const;

export type OpenDataField = (typeof OPEN_DATA_FIELDS)[number][0];

export const OPEN_DATA_FIGURE_FIELDS = [
  ["Gemeentecode", "CBS-code van de gemeente."],
  ["Gemeente", "Officiële naam van de gemeente."],
  ["Provincie", "Provincie."],
  ["Activiteiten", "Gepubliceerde activiteiten in deze editie."],
  ["Pakketten besteld", "Activiteiten met een (niet geannuleerde) bestelling van het Kom Erbij-pakket."],
  ["Had moeten melden", "Gepubliceerde activiteiten die voorbij zijn."],
  ["Meldingen", "Activiteiten waarvan de organisator het aantal deelnemers heeft gemeld."],
  ["Deelnemers gemeld", "Som van de gemelde deelnemers."],
  ["Gemiddeld per melding", "Deelnemers gemeld gedeeld door meldingen."],
] as const;
