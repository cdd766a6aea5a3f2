// The whole path of a package: an organiser orders one for a demo activity, the programme team ships
// it and exports it, the organiser sees "Verzonden". Sessions are written into the e2e database.
import { expect, test } from "@playwright/test";
import { expectAccessible, logInAs, openE2eDb, stubTiles } from "./helpers";

test.beforeEach(async ({ page }) => {
  await stubTiles(page);
});

test("order, ship, export and follow a Kom Erbij-pakket", async ({ page, baseURL }) => {
  const db = openE2eDb();
  const activity = db
    .prepare(
      `select a.id, a.title from activities a join users u on u.id = a.owner_id join editions e on e.id = a.edition_id
       where u.email = 'organisator@example.nl' and e.year = 2027 and a.status = 'published'
       and not exists (select 1 from kit_orders o where o.activity_id = a.id and o.status not in ('cancelled','rejected')) order by a.id limit 1`,
    )
    .get() as { id: number; title: string };
  const pending = db
    .prepare(
      "select a.id from activities a join users u on u.id = a.owner_id join editions e on e.id = a.edition_id where u.email = 'organisator@example.nl' and e.year = 2027 and a.status = 'pending'",
    )
    .get() as { id: number };
  db.close();
  expect(activity).toBeTruthy();

  // Organiser: the overview, then the form.
  await logInAs(page.context(), baseURL!, "organisator@example.nl");
  await page.goto("/organisator/pakketten");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn Kom Erbij-pakketten" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: `Bestel een pakket voor ${activity.title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kom Erbij-pakket bestellen" })).toBeVisible();
  await expect(page.getByText("50 × Placemats")).toBeVisible();
  await expectAccessible(page);

  // A wrong postcode is explained next to the field and what was typed stays.
  await page.getByLabel("Naam van wie het pakket aanneemt").fill("Demi Organisator");
  await page.getByLabel("Organisatie (niet verplicht)").fill('Stichting "Samen", Utrecht');
  await page.getByLabel("Straat").fill("Coöperatiestraat");
  await page.getByLabel("Huisnummer").fill("7");
  await page.getByLabel("Toevoeging (niet verplicht)").fill("A");
  await page.getByLabel("Postcode").fill("0123 AB");
  await page.getByLabel("Plaats").fill("Utrecht");
  await page.getByLabel("Hoeveel deelnemers verwacht je?").fill("45");
  await page.getByRole("button", { name: "Verder naar controleren" }).click();
  await expect(page.getByText("Vul een Nederlandse postcode in, zoals 1234 AB.")).toBeVisible();
  await expect(page.getByLabel("Postcode")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Straat")).toHaveValue("Coöperatiestraat");
  await expectAccessible(page);

  await page.getByLabel("Postcode").fill("3512jk");
  await page.getByRole("button", { name: "Verder naar controleren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Controleer je bestelling" })).toBeVisible();
  await expect(page.getByText("3512 JK Utrecht")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Bestelling plaatsen" }).click();

  const reference = `KE2027-${String(activity.id).padStart(5, "0")}`;
  await expect(page).toHaveURL(new RegExp(`/organisator/pakketten/${reference}\\?besteld=1$`));
  await expect(page.getByText("Bedankt, je bestelling is geplaatst.")).toBeVisible();
  await expect(page.locator(".status")).toHaveText("Besteld");
  await expectAccessible(page);

  // The confirmation e-mail is in the outbox (the demo mailbox page is built elsewhere).
  const mail = openE2eDb()
    .prepare("select to_address as toAddress, template, props from email_outbox where dedupe_key = ?")
    .get(`kit-order-confirmation:${reference}`) as { toAddress: string; template: string; props: string };
  expect(mail).toMatchObject({ toAddress: "organisator@example.nl", template: "kit-order-confirmation" });
  expect(JSON.parse(mail.props)).toMatchObject({
    reference,
    activityTitle: activity.title,
    address: { postcode: "3512 JK", street: "Coöperatiestraat", addition: "A" },
  });

  // The pending activity cannot get a package yet.
  await page.goto(`/organisator/activiteiten/${pending.id}/pakket`);
  await expect(page.getByText("Je kunt pas een pakket bestellen als je activiteit is goedgekeurd")).toBeVisible();
  await expectAccessible(page);

  // Programme team: find it, mark it shipped in bulk.
  await logInAs(page.context(), baseURL!, "programmateam@example.nl");
  await page.goto(`/beheer/pakketten?zoek=${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: "Pakketbestellingen 2027" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(`Kies ${reference}`).check();
  await page.getByLabel("Nieuwe status").selectOption("shipped");
  await page.getByLabel("Verzenddatum").fill("2026-11-24");
  await page.getByRole("button", { name: "Status wijzigen" }).click();
  await expect(page.getByText("1 bestelling op ‘verzonden’ gezet.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(reference) }).locator(".status")).toHaveText("Verzonden");

  // The export for the mailing house contains the order, with the organisation quoted.
  const csv = await page.request.get(`/beheer/pakketten/export.csv?zoek=${reference}`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = (await csv.body()).toString("utf8");
  expect(text.startsWith("\uFEFFReferentie,Naam,Organisatie")).toBe(true);
  expect(text).toContain(`${reference},Demi Organisator,"Stichting ""Samen"", Utrecht",Coöperatiestraat,7,A,3512 JK,Utrecht,`);

  // The order detail and the edition settings are accessible too.
  await page.goto(`/beheer/pakketten/${reference}`);
  await expect(page.getByText("Status gewijzigd (Verzonden) door Pim Programmateam")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/beheer/edities/2027/pakket");
  await expect(page.getByRole("heading", { level: 1, name: "Kom Erbij-pakket 2027 instellen" })).toBeVisible();
  await expectAccessible(page);

  // Organiser: sees "Verzonden" and can no longer cancel.
  await logInAs(page.context(), baseURL!, "organisator@example.nl");
  await page.goto(`/organisator/pakketten/${reference}`);
  await expect(page.locator(".status")).toHaveText("Verzonden");
  await expect(page.getByText("op 24 november 2026")).toBeVisible();
  await expect(page.getByRole("button", { name: "Bestelling annuleren" })).toHaveCount(0);
  const shippedMail = openE2eDb()
    .prepare("select props from email_outbox where dedupe_key = ?")
    .get(`kit-shipped:${reference}`) as {
    props: string;
  };
  expect(JSON.parse(shippedMail.props)).toEqual({ reference, activityTitle: activity.title, shippedOn: "2026-11-24" });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the two-step order works with plain forms, and the order page then points to the existing order", async ({
    page,
    baseURL,
  }) => {
    const db = openE2eDb();
    const activity = db
      .prepare(
        `select a.id, a.title from activities a join users u on u.id = a.owner_id join editions e on e.id = a.edition_id
         where u.email = 'organisator@example.nl' and e.year = 2027 and a.status = 'published'
         and not exists (select 1 from kit_orders o where o.activity_id = a.id and o.status not in ('cancelled','rejected')) order by a.id limit 1`,
      )
      .get() as { id: number; title: string };
    db.close();
    await logInAs(page.context(), baseURL!, "organisator@example.nl");
    await page.goto(`/organisator/activiteiten/${activity.id}/pakket`);
    for (const [label, value] of [
      ["Naam van wie het pakket aanneemt", "Demi"],
      ["Straat", "Lange Nieuwstraat"],
      ["Huisnummer", "3"],
      ["Postcode", "3512 PA"],
      ["Plaats", "Utrecht"],
      ["Hoeveel deelnemers verwacht je?", "20"],
    ]) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByRole("button", { name: "Verder naar controleren" }).click();
    await page.getByRole("button", { name: "Gegevens aanpassen" }).click();
    await expect(page.getByLabel("Straat")).toHaveValue("Lange Nieuwstraat");
    await page.getByRole("button", { name: "Verder naar controleren" }).click();
    await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
    await expect(page.getByText("Bedankt, je bestelling is geplaatst.")).toBeVisible();
    // Coming back to the order page points to the existing order instead of offering a second one.
    await page.goto(`/organisator/activiteiten/${activity.id}/pakket`);
    await expect(page.getByText("Voor deze activiteit is al een pakket besteld.")).toBeVisible();
    const count = openE2eDb().prepare("select count(*) as n from kit_orders where activity_id = ?").get(activity.id) as {
      n: number;
    };
    expect(count.n).toBe(1);
  });
});
