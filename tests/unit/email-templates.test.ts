import { describe, expect, it } from "vitest";
import { emailTemplateNames, renderEmail } from "../../emails";

const link = (path: string) => `https://komerbij.example${path}`;

// Each template with its own data and the facts the reader must get from it.
const cases: Record<string, { props: Record<string, unknown>; subject: RegExp; facts: string[] }> = {
  "login-code": {
    props: { code: "582014", link: link("/inloggen/link?token=abc"), expiresInMinutes: 15 },
    subject: /inlogcode/i,
    facts: ["582014", link("/inloggen/link?token=abc"), "15 minuten"],
  },
  "team-invite": {
    props: { inviterName: "Sanne Bakker", loginUrl: link("/inloggen") },
    subject: /programmateam/,
    facts: ["Sanne Bakker", "programmateam", link("/inloggen")],
  },
  "activity-received": {
    props: { title: "Samen eten in De Buurtkamer", myActivitiesUrl: link("/organisator"), editionYear: 2027 },
    subject: /ontvangen/,
    facts: ["Samen eten in De Buurtkamer", "2027", link("/organisator")],
  },
  "activity-published": {
    props: { title: "Wandelen in het park", publicUrl: link("/activiteiten/77") },
    subject: /online/,
    facts: ["Wandelen in het park", link("/activiteiten/77")],
  },
  "activity-rejected": {
    props: {
      title: "Bingo-avond",
      reason: "Er staat geen adres bij de activiteit.",
      editUrl: link("/organisator/activiteiten/9/bewerken"),
    },
    subject: /niet geplaatst/,
    facts: ["Bingo-avond", "Er staat geen adres bij de activiteit.", link("/organisator/activiteiten/9/bewerken")],
  },
  "activity-cancelled": {
    props: { title: "Bingo-avond", reason: "De zaal is dicht door een lekkage." },
    subject: /afgelast/,
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
    subject: /KE-2027-0107/,
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
    subject: /onderweg/,
    facts: ["KE-2027-0107", "Samen eten in De Buurtkamer", "3 september 2027"],
  },
  "kit-order-cancelled": {
    props: { reference: "KE-2027-0107", activityTitle: "Samen eten in De Buurtkamer", reason: "De voorraad is op." },
    subject: /geannuleerd/,
    facts: ["KE-2027-0107", "Samen eten in De Buurtkamer", "De voorraad is op."],
  },
  "attendance-request": {
    // 1 November 2026 00:00 in Amsterdam: the last day to report is 31 October.
    props: {
      activityTitle: "Wandelen in het park",
      reportUrl: link("/organisator/activiteiten/77/opkomst"),
      deadline: "2026-10-31T23:00:00.000Z",
    },
    subject: /Hoeveel mensen/,
    facts: ["Wandelen in het park", "tot en met 31 oktober 2026", link("/organisator/activiteiten/77/opkomst")],
  },
  "attendance-reminder": {
    props: {
      activityTitle: "Wandelen in het park",
      reportUrl: link("/organisator/activiteiten/77/opkomst"),
      deadline: "2026-11-15T16:00:00.000Z",
    },
    subject: /Herinnering/,
    facts: ["Wandelen in het park", "vóór 15 november 2026 om 17:00", link("/organisator/activiteiten/77/opkomst")],
  },
};

describe("e-mail templates", () => {
  it("covers every template in the registry", () => {
    expect(Object.keys(cases).sort()).toEqual([...emailTemplateNames].sort());
  });

  for (const [template, { props, subject, facts }] of Object.entries(cases)) {
    it(`${template}: renders HTML and plain text with its key facts`, async () => {
      const email = await renderEmail(template, props);
      expect(email.subject).toMatch(subject);
      expect(email.html).toMatch(/^<!DOCTYPE html/);
      expect(email.html).toContain('lang="nl"');
      expect(email.html).toContain("#b3261e");
      // React puts <!-- --> between text and expressions, so compare the HTML's visible text.
      const htmlText = email.html
        .replace(/<!-- -->/g, "")
        .replace(/&#x27;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
      for (const fact of facts) {
        expect(email.text).toContain(fact);
        expect(htmlText).toContain(fact);
      }
      expect(email.text).toContain("Week tegen Eenzaamheid");
      expect(email.text).not.toContain("<");
    });
  }

  it("renders each template's example data (the preview)", async () => {
    const { emailTemplates } = await import("../../emails");
    for (const name of emailTemplateNames) {
      const email = await renderEmail(name, emailTemplates[name].previewProps);
      expect(email.subject.length).toBeGreaterThan(5);
    }
  });

  it("refuses an unknown template and props that do not fit", async () => {
    await expect(renderEmail("does-not-exist", {})).rejects.toThrow(/Unknown e-mail template "does-not-exist"/);
    await expect(renderEmail("login-code", { code: "1" })).rejects.toThrow(
      /Invalid props for e-mail template "login-code": link/,
    );
  });
});
