import { describe, expect, it } from "vitest";
import { emailTemplateNames, renderEmail, type RenderedEmail } from "../../emails";

const link = (path: string) => `https://komerbij.example${path}`;

// Each template with its own data and the facts the reader must get from it.
const cases: Record<string, { props: Record<string, unknown>; subject: string; facts: string[] }> = {
  "login-code": {
    props: { code: "582014", link: link("/inloggen/link?token=abc"), expiresInMinutes: 15 },
    subject: "Je inlogcode voor Kom erbij: 582014",
    facts: ["582014", link("/inloggen/link?token=abc"), "15 minuten"],
  },
  "team-invite": {
    props: { inviterName: "Sanne Bakker", loginUrl: link("/inloggen") },
    subject: "Je bent toegevoegd aan het programmateam",
    facts: ["Sanne Bakker", "programmateam", link("/inloggen")],
  },
  "activity-received": {
    props: { title: "Samen eten in De Buurtkamer", myActivitiesUrl: link("/organisator"), editionYear: 2027 },
    subject: "We hebben je activiteit ontvangen: Samen eten in De Buurtkamer",
    facts: ["Samen eten in De Buurtkamer", "2027", link("/organisator")],
  },
  "activity-published": {
    props: { title: "Wandelen in het park", publicUrl: link("/activiteiten/77") },
    subject: "Je activiteit staat online: Wandelen in het park",
    facts: ["Wandelen in het park", link("/activiteiten/77")],
  },
  "activity-rejected": {
    props: {
      title: "Bingo-avond",
      reason: "Er staat geen adres bij de activiteit.",
      editUrl: link("/organisator/activiteiten/9/bewerken"),
    },
    subject: "Je activiteit is niet geplaatst: Bingo-avond",
    facts: ["Bingo-avond", "Er staat geen adres bij de activiteit.", link("/organisator/activiteiten/9/bewerken")],
  },
  "activity-change-approved": {
    props: { title: "Wandelen in het park", publicUrl: link("/activiteiten/77") },
    subject: "Je wijziging staat online: Wandelen in het park",
    facts: ["Wandelen in het park", "goedgekeurd", link("/activiteiten/77")],
  },
  "activity-change-rejected": {
    props: { title: "Bingo-avond", reason: "De nieuwe link werkt niet.", editUrl: link("/organisator/activiteiten/9/bewerken") },
    subject: "Je wijziging is niet geplaatst: Bingo-avond",
    facts: ["Bingo-avond", "De nieuwe link werkt niet.", "vorige versie", link("/organisator/activiteiten/9/bewerken")],
  },
  "activity-cancelled": {
    props: { title: "Bingo-avond", reason: "De zaal is dicht door een lekkage." },
    subject: "Je activiteit is afgelast: Bingo-avond",
    facts: ["Bingo-avond", "De zaal is dicht door een lekkage."],
  },
  "kit-order-confirmation": {
    props: {
      reference: "KE-2027-0107",
      activityTitle: "Samen eten in De Buurtkamer",
      address: {
        name: "Joost Jansen",
        organisation: "Buurtkamer Oost",
        street: "Kerkstraat",
        houseNumber: "5",
        addition: "bis",
        postcode: "9711 AA",
        place: "Groningen",
      },
      contents: [
        { item: "placemats", quantity: 40 },
        { item: "gesprekskaartjes", quantity: 3 },
      ],
      orderUrl: link("/organisator/bestellingen/107"),
    },
    subject: "Bevestiging van je bestelling KE-2027-0107",
    facts: [
      "KE-2027-0107",
      "Samen eten in De Buurtkamer",
      "Joost Jansen",
      "Buurtkamer Oost",
      "Kerkstraat 5 bis",
      "9711 AA Groningen",
      "40 × placemats",
      "3 × gesprekskaartjes",
      link("/organisator/bestellingen/107"),
    ],
  },
  "kit-shipped": {
    props: { reference: "KE-2027-0107", activityTitle: "Samen eten in De Buurtkamer", shippedOn: "2027-09-03" },
    subject: "Je pakket is onderweg (bestelling KE-2027-0107)",
    facts: ["KE-2027-0107", "Samen eten in De Buurtkamer", "3 september 2027"],
  },
  "kit-order-cancelled": {
    props: { reference: "KE-2027-0107", activityTitle: "Samen eten in De Buurtkamer", reason: "De voorraad is op." },
    subject: "Je bestelling KE-2027-0107 is geannuleerd",
    facts: ["KE-2027-0107", "Samen eten in De Buurtkamer", "De voorraad is op."],
  },
  "attendance-request": {
    // 1 November 2026 00:00 in Amsterdam: the last day to report is 31 October.
    props: {
      activityTitle: "Wandelen in het park",
      reportUrl: link("/organisator/activiteiten/77/opkomst"),
      deadline: "2026-10-31T23:00:00.000Z",
    },
    subject: "Hoeveel mensen kwamen er? Wandelen in het park",
    facts: ["Wandelen in het park", "tot en met 31 oktober 2026", link("/organisator/activiteiten/77/opkomst")],
  },
  "attendance-reminder": {
    props: {
      activityTitle: "Wandelen in het park",
      reportUrl: link("/organisator/activiteiten/77/opkomst"),
      deadline: "2026-11-15T16:00:00.000Z",
    },
    subject: "Herinnering: geef de opkomst door van Wandelen in het park",
    facts: ["Wandelen in het park", "vóór 15 november 2026 om 17:00", link("/organisator/activiteiten/77/opkomst")],
  },
};

/** The visible text of the HTML: React puts <!-- --> between text and expressions, and escapes quotes. */
const visibleText = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The facts are in the plain text and in the HTML's text, and neither shows a missing value. */
function expectReadable(email: RenderedEmail, facts: string[]) {
  const htmlText = visibleText(email.html);
  for (const fact of facts) {
    expect(email.text).toContain(fact);
    expect(htmlText).toContain(fact);
  }
  expect(email.text).not.toContain("<");
  for (const text of [email.text, htmlText]) expect(text).not.toMatch(/undefined|\bnull\b|NaN|Invalid Date/);
}

/** Every string in a template's example props, except ISO dates (a template shows those in Dutch words). */
function textsOf(value: unknown): string[] {
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}/.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(textsOf);
  return [];
}

describe("e-mail templates", () => {
  it("covers every template in the registry", () => {
    expect(Object.keys(cases).sort()).toEqual([...emailTemplateNames].sort());
  });

  for (const [template, { props, subject, facts }] of Object.entries(cases)) {
    it(`${template}: renders HTML and plain text with its key facts`, async () => {
      const email = await renderEmail(template, props);
      expect(email.subject).toBe(subject);
      expect(email.html).toMatch(/^<!DOCTYPE html/);
      expect(email.html).toContain('lang="nl"');
      expectReadable(email, [...facts, "Week tegen Eenzaamheid"]);
    });
  }

  it("renders each template's example data (the preview)", async () => {
    const { emailTemplates } = await import("../../emails");
    for (const name of emailTemplateNames) {
      const example = emailTemplates[name].previewProps;
      const email = await renderEmail(name, example);
      // Every text and link of the example reaches the reader (dates are shown formatted, so not compared here).
      expectReadable(email, textsOf(example));
      expect(email.subject).not.toMatch(/undefined|null|NaN/);
    }
  });

  it("tells an organiser who cancelled their own order that they did, with their reason", async () => {
    const props = { reference: "KE-2027-0108", activityTitle: "Soep", reason: "Gaat niet door.", cancelledBy: "organiser" };
    const email = await renderEmail("kit-order-cancelled", props);
    expect(email.subject).toBe("Je bestelling KE-2027-0108 is geannuleerd");
    expect(email.text).toContain('Je hebt je bestelling KE-2027-0108 van een Kom Erbij-pakket voor "Soep" geannuleerd.');
    expect(email.text).toContain("Je gaf deze reden op:");
    expect(email.text).toContain("Gaat niet door.");
    expect((await renderEmail("kit-order-cancelled", { ...props, cancelledBy: undefined })).text).toContain("Dit is de reden:");
  });

  it("refuses an unknown template and props that do not fit", async () => {
    await expect(renderEmail("does-not-exist", {})).rejects.toThrow(/Unknown e-mail template "does-not-exist"/);
    await expect(renderEmail("login-code", { code: "1" })).rejects.toThrow(
      /Invalid props for e-mail template "login-code": link/,
    );
  });
});
