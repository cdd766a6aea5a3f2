// Issue 17, several sessions in the Week, in the browser: the demo organiser registers an activity on
// two days without JavaScript, and it shows both dates; axe on the form and the activity page.
import { expect, test } from "@playwright/test";
import { expectAccessible, logInAs, openE2eDb, stubTiles } from "./helpers";

const TITLE = "Wandelen op maandag en donderdag E2E";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the demo organiser registers an activity with two sessions and sees both dates", async ({ page, context, baseURL }) => {
    await logInAs(context, baseURL!, "organisator@example.nl");
    await page.goto("/organisator/activiteiten/nieuw");
    await page.getByLabel("Titel").fill(TITLE);
    await page
      .getByLabel("Beschrijving")
      .fill("Een rustige wandeling van een uur door de wijk. Kom gerust alleen, we wachten bij de deur.");
    await page.getByLabel("Soort activiteit").selectOption("wandelen-bewegen");
    await page.getByRole("checkbox", { name: "Iedereen" }).check();
    await page.getByLabel("Datum").fill("2027-10-04");
    await page.getByLabel("Begintijd").fill("10:00");
    await page.getByLabel("Eindtijd").fill("11:00");
    // The extra rows are there without JavaScript, folded in a <details>.
    await page.getByText("Nog een keer in de Week").click();
    const second = page.getByRole("group", { name: "Keer 2" });
    await second.getByLabel("Dag").fill("2027-09-30");
    await second.getByLabel("Van").fill("10:00");
    await second.getByLabel("Tot").fill("09:00");
    await page.getByLabel("Straat").fill("Oudegracht");
    await page.getByLabel("Huisnummer").fill("200");
    await page.getByLabel("Postcode").fill("3511 NR");
    await page.getByLabel("Plaats", { exact: true }).fill("Utrecht");
    await page.getByRole("radio", { name: "Ja, gratis" }).check();
    await page.getByLabel("Naam van je organisatie").fill("Stichting Samen in de Wijk Utrecht");
    await page.getByLabel("Soort organisatie").selectOption("welzijn");
    await page.getByLabel("Je naam").fill("Demi Organisator");
    await page.getByLabel("Je e-mailadres").fill("demi@example.nl");
    await page.getByRole("button", { name: "Activiteit aanmelden" }).click();

    // The error stands next to the row it is about; the rows stay filled and open.
    await expect(second.getByText("De eindtijd moet na de begintijd liggen.")).toBeVisible();
    await expect(second.getByLabel("Tot")).toHaveAttribute("aria-invalid", "true");
    await expect(second.getByLabel("Dag")).toHaveValue("2027-09-30");
    await second.getByLabel("Tot").fill("11:00");
    await page.getByRole("button", { name: "Activiteit aanmelden" }).click();
    const confirm = page.getByRole("button", { name: "Toch indienen" });
    if (await confirm.isVisible()) await confirm.click();
    await expect(page.getByText("Bedankt! Je activiteit is ontvangen.")).toBeVisible();

    const db = openE2eDb();
    let id: number;
    try {
      ({ id } = db.prepare("select id from activities where title = ? order by id desc limit 1").get(TITLE) as { id: number });
      const sessions = db.prepare("select starts_at from activity_sessions where activity_id = ? order by starts_at").all(id);
      expect(sessions).toHaveLength(2);
      // Publishing is the team's work (tested elsewhere); here the page is what matters.
      db.prepare("update activities set status = 'published' where id = ?").run(id);
    } finally {
      db.close();
    }
    await page.goto(`/activiteiten/${id}`);
    await expect(page.getByText("2 keer in de Week:")).toBeVisible();
    const dates = page.locator("ul.sessions li");
    await expect(dates).toHaveCount(2);
    await expect(dates.first()).toContainText("30 september 2027");
    await expect(dates.last()).toContainText("4 oktober 2027");
    const ics = await page.request.get(`/activiteiten/${id}/agenda.ics`);
    expect((await ics.text()).match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});

// axe runs inside the page, so these pages are checked with JavaScript on.
test("the form with the extra rows open, and an activity page with several dates (axe)", async ({ page, context, baseURL }) => {
  await stubTiles(page);
  await logInAs(context, baseURL!, "organisator@example.nl");
  await page.goto("/organisator/activiteiten/nieuw");
  await page.getByText("Nog een keer in de Week").click();
  await expect(page.getByRole("group", { name: "Keer 7" })).toBeVisible();
  await expectAccessible(page);

  const db = openE2eDb();
  const { id } = db
    .prepare(
      "select a.id from activities a where a.status = 'published' and (select count(*) from activity_sessions s where s.activity_id = a.id) >= 3 order by a.id desc limit 1",
    )
    .get() as { id: number };
  db.close();
  await page.goto(`/activiteiten/${id}`);
  await expect(page.locator("ul.sessions li").first()).toBeVisible();
  // "Ik kom" asks which day(s): a checkbox per day still to come.
  await expect(page.getByRole("group", { name: /Op welke dag kom je/ })).toBeVisible();
  await expectAccessible(page);
});
