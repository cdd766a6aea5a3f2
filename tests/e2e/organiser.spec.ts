import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, expectMail, loginViaMailbox, stubTiles } from "./helpers";

const ORGANISER = "nieuwe.organisator.e2e@example.org";

async function fillActivity(page: Page, title: string) {
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Beschrijving").fill("Samen koffie drinken en kennismaken. Iedereen is welkom, ook als je alleen komt.");
  await page.getByLabel("Soort activiteit").selectOption("ontmoeting");
  await page.getByRole("group", { name: "Voor wie is het?" }).getByLabel("Iedereen").check();
  await page.getByLabel("Datum").fill("2027-10-02");
  await page.getByLabel("Begintijd").fill("10:00");
  await page.getByLabel("Eindtijd").fill("12:00");
  await page.getByLabel("Straat").fill("Oudegracht");
  await page.getByLabel("Huisnummer").fill("100");
  await page.getByLabel("Postcode").fill("3511 AB");
  await page.getByLabel("Plaats", { exact: true }).fill("Utrecht");
  await page.getByLabel("Ja, gratis").check();
  await page.getByLabel("Naam van je organisatie").fill("Buurtinitiatief E2E");
  await page.getByLabel("Soort organisatie").selectOption("initiatief");
  await page.getByLabel("Je naam").fill("Eva Tester");
  await page.getByLabel("Je e-mailadres").fill("eva.prive@example.org");
}

async function withoutJavaScript(browser: Browser, from: Page) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: new URL(from.url()).origin });
  await context.addCookies(await from.context().cookies());
  return context.newPage();
}

test("a new organiser logs in, registers with and without JavaScript, and the team moderates", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await stubTiles(page);
  await page.goto("/inloggen");
  await expectAccessible(page);
  await loginViaMailbox(page, ORGANISER);
  await expect(page.getByRole("heading", { name: "Mijn activiteiten" })).toBeVisible();
  await expectAccessible(page);

  // With JavaScript: first a mistake, shown next to the field; then a valid activity.
  await page.getByRole("link", { name: /Nieuwe activiteit aanmelden/ }).click();
  await fillActivity(page, "Koffie met JavaScript");
  await page.getByLabel("Postcode").fill("1234 SS");
  await page.getByRole("button", { name: "Activiteit aanmelden" }).click();
  await expect(page.getByText("Vul een Nederlandse postcode in, zoals 1234 AB.")).toBeVisible();
  await expect(page.getByLabel("Postcode")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Postcode").fill("3511 AB");
  await page.getByRole("button", { name: "Activiteit aanmelden" }).click();
  await expect(page.getByText("Bedankt! Je activiteit is ontvangen.")).toBeVisible();

  // Without JavaScript: the server validates and keeps what was typed.
  const noJs = await withoutJavaScript(browser, page);
  await noJs.goto("/organisator/activiteiten/nieuw");
  await fillActivity(noJs, "Koffie zonder JavaScript");
  await noJs.getByLabel("Eindtijd").fill("09:00");
  await noJs.getByRole("button", { name: "Activiteit aanmelden" }).click();
  await expect(noJs.getByText("De eindtijd moet na de begintijd liggen.")).toBeVisible();
  await expect(noJs.getByLabel("Titel")).toHaveValue("Koffie zonder JavaScript");
  await noJs.getByLabel("Eindtijd").fill("12:00");
  await noJs.getByRole("button", { name: "Activiteit aanmelden" }).click();
  // Same organiser, same time and place, a similar title: "lijkt op …" first, then "Toch indienen" (no JavaScript).
  await expect(noJs.getByRole("heading", { name: /Lijkt op een activiteit/ })).toBeVisible();
  await expect(noJs.getByRole("listitem").filter({ hasText: "„Koffie met JavaScript”" })).toBeVisible();
  await expect(noJs.getByLabel("Titel")).toHaveValue("Koffie zonder JavaScript");
  await noJs.getByRole("button", { name: "Toch indienen" }).click();
  await expect(noJs.getByText("Bedankt! Je activiteit is ontvangen.")).toBeVisible();
  await noJs.context().close();

  await page.goto("/organisator/activiteiten");
  for (const title of ["Koffie met JavaScript", "Koffie zonder JavaScript"]) {
    await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) })).toContainText(
      "Wacht op controle",
    );
  }

  // The programme team approves one and rejects the other.
  const teamContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const team = await teamContext.newPage();
  await loginViaMailbox(team, "programmateam@example.nl");
  await team.goto("/beheer/controle");
  await expectAccessible(team);
  // The queue marks the pair ("Lijkt op"): both rows link to "Koffie met JavaScript".
  await expect(team.getByRole("row", { name: "Kies Koffie zonder JavaScript" })).toContainText("Lijkt op: Koffie met JavaScript");
  await team.getByRole("link", { name: "Koffie met JavaScript" }).first().click();
  await team.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
  await expect(team.getByText("1 activiteit goedgekeurd")).toBeVisible();
  await team.getByRole("link", { name: "Koffie zonder JavaScript" }).click();
  await team.getByLabel("Reden").fill("Er mist een beschrijving van de plek.");
  await team.getByRole("button", { name: "Afwijzen" }).click();
  await expect(team.getByText("De activiteit is afgewezen.")).toBeVisible();
  await teamContext.close();

  await expectMail(page, ORGANISER, "Je activiteit staat online: Koffie met JavaScript");
  await expectMail(page, ORGANISER, "Je activiteit is niet geplaatst: Koffie zonder JavaScript");

  await page.goto("/organisator/activiteiten");
  const published = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Koffie met JavaScript" }) });
  await expect(published).toContainText("Gepubliceerd");
  await published.getByRole("link", { name: /Bekijk op de site/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Koffie met JavaScript");
  await expect(page.getByText("eva.prive@example.org")).toHaveCount(0);

  // With JavaScript the pin can be dragged to the right spot on the edit page.
  await page.goto("/organisator/activiteiten");
  await published.getByRole("link", { name: /Aanpassen/ }).click();
  const pin = page.locator(".leaflet-marker-icon.map-pin");
  await expect(pin).toBeVisible();
  await pin.scrollIntoViewIfNeeded();
  const box = (await pin.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + 40, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByText("De punaise is verplaatst.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByText("Je wijzigingen zijn opgeslagen.")).toBeVisible();
  await expect(page.getByText(/in het midden van de gemeente/)).toHaveCount(0);
});
