// Issue 17 in the browser: low-threshold filters and the anonymous "ik kom", without JavaScript,
// plus axe on the pages that changed. Demo data; today = 23 Nov 2026 (2026 is the archive).
import { expect, test, type Page } from "@playwright/test";
import { DEMO_TODAY } from "../helpers/demo-today";
import { expectAccessible, logInAs, openE2eDb, stubTiles } from "./helpers";

const resultCount = async (page: Page) => Number(await page.locator(".result-count").first().getAttribute("data-total"));

test.describe("without JavaScript", () => {
  // A resident's browser: headless Chromium calls itself "HeadlessChrome", which counts as a bot (not counted).
  test.use({
    javaScriptEnabled: false,
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  });

  test("filtering on 'alleen komen' and 'ophalen' changes the results and the URL", async ({ page }) => {
    await page.goto("/?plaats=3511+AB&editie=2026&straal=25");
    const all = await page.locator(".results-list .result").count();
    expect(all).toBeGreaterThan(5);
    const before = await resultCount(page);

    await page.getByRole("checkbox", { name: "Je kunt gerust alleen komen" }).check();
    await page.getByRole("button", { name: "Zoeken", exact: true }).click();
    await expect(page).toHaveURL(/alleen=on/);
    const alone = await resultCount(page);
    expect(alone).toBeGreaterThan(0);
    expect(alone).toBeLessThan(before);
    for (const card of await page.locator(".results-list .result").all())
      await expect(card.getByText("Je kunt gerust alleen komen")).toBeVisible();

    await page.getByRole("checkbox", { name: "We kunnen je ophalen" }).check();
    await page.getByRole("button", { name: "Zoeken", exact: true }).click();
    await expect(page).toHaveURL(/alleen=on/);
    await expect(page).toHaveURL(/ophalen=on/);
    const both = await resultCount(page);
    expect(both).toBeLessThan(alone);
    for (const card of await page.locator(".results-list .result").all())
      await expect(card.getByText("We kunnen je ophalen")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "We kunnen je ophalen" })).toBeChecked();
  });

  test("'ik kom' is a plain form: counted once per browser, then the calendar file", async ({ page }) => {
    const db = openE2eDb();
    const { id } = db
      .prepare(
        `select a.id from activities a where a.status = 'published' and a.is_online = 0 and a.ends_at > ? and a.show_interest = 1
         and (select count(*) from activity_sessions s where s.activity_id = a.id) = 1 order by a.id limit 1`,
      )
      .get(Date.parse(DEMO_TODAY)) as { id: number };
    const count = () =>
      (
        db
          .prepare(
            "select count(*) as n from activity_interest i join activity_sessions s on s.id = i.session_id where s.activity_id = ?",
          )
          .get(id) as { n: number }
      ).n;
    try {
      const start = count();
      await page.goto(`/activiteiten/${id}`);
      // No cookie before the press: nothing to track.
      expect((await page.context().cookies()).map((c) => c.name)).not.toContain("komerbij_ikkom");
      await page.getByRole("button", { name: "Ik kom (waarschijnlijk)" }).click();
      await expect(page.getByText("Fijn dat je komt!")).toBeVisible();
      await expect(page).toHaveURL(/ikkom=1/);
      await expect(page.getByRole("link", { name: "Zet het in je agenda" }).last()).toHaveAttribute(
        "href",
        `/activiteiten/${id}/agenda.ics`,
      );
      expect((await page.context().cookies()).map((c) => c.name)).toContain("komerbij_ikkom");
      expect(count()).toBe(start + 1);

      // Again from the same browser: still one.
      await page.goto(`/activiteiten/${id}`);
      await page.getByRole("button", { name: "Ik kom (waarschijnlijk)" }).click();
      await expect(page.getByText("Fijn dat je komt!")).toBeVisible();
      expect(count()).toBe(start + 1);
    } finally {
      db.close();
    }
  });

  test("with several dates the resident ticks the days: counted once per day, the thank-you names them", async ({ page }) => {
    const db = openE2eDb();
    const { id } = db
      .prepare(
        `select a.id from activities a where a.status = 'published' and a.is_online = 0
         and (select count(*) from activity_sessions s where s.activity_id = a.id and s.starts_at > ?) >= 2 order by a.id limit 1`,
      )
      .get(Date.parse(DEMO_TODAY)) as { id: number };
    const perSession = () =>
      db
        .prepare(
          `select s.id, (select count(*) from activity_interest i where i.session_id = s.id) as n
           from activity_sessions s where s.activity_id = ? order by s.starts_at, s.id`,
        )
        .all(id) as { id: number; n: number }[];
    try {
      const start = perSession();
      await page.goto(`/activiteiten/${id}`);
      const days = page.getByRole("group", { name: /Op welke dag kom je/ }).getByRole("checkbox");
      await expect(days).toHaveCount(start.length);

      // Nothing ticked: the question says what to do.
      await page.getByRole("button", { name: "Ik kom (waarschijnlijk)" }).click();
      await expect(page.getByText("Kies op welke dag of dagen je komt.")).toBeVisible();
      expect(perSession()).toEqual(start);

      // The first and the last day.
      await days.first().check();
      await days.last().check();
      await page.getByRole("button", { name: "Ik kom (waarschijnlijk)" }).click();
      await expect(page.getByText(/Fijn dat je komt op \w+dag \d+ \w+ en \w+dag \d+ \w+!/)).toBeVisible();
      const expected = start.map((x, i) => ({ ...x, n: i === 0 || i === start.length - 1 ? x.n + 1 : x.n }));
      expect(perSession()).toEqual(expected);

      // The same days again from the same browser: still once per day.
      await page.goto(`/activiteiten/${id}`);
      await days.first().check();
      await page.getByRole("button", { name: "Ik kom (waarschijnlijk)" }).click();
      await expect(page.getByText(/Fijn dat je komt op/)).toBeVisible();
      expect(perSession()).toEqual(expected);
    } finally {
      db.close();
    }
  });
});

// axe runs inside the page, so these pages are checked with JavaScript on.
test("the search page with the feature filters ticked (axe)", async ({ page }) => {
  await stubTiles(page);
  await page.goto("/?plaats=3511+AB&editie=2026&alleen=on&ophalen=on&taal=ar");
  await expect(page.getByRole("checkbox", { name: "Je kunt gerust alleen komen" })).toBeChecked();
  await expectAccessible(page);
});

test("the activity page shows the features and what continues after the Week, and the thank-you after 'ik kom' (axe)", async ({
  page,
}) => {
  await stubTiles(page);
  const db = openE2eDb();
  const { id } = db
    .prepare(
      "select id from activities where status = 'published' and is_online = 0 and continues_after_week = 1 and host_at_door = 1 and transport is not null order by id desc limit 1",
    )
    .get() as { id: number };
  db.close();
  await page.goto(`/activiteiten/${id}`);
  await expect(page.getByText("Je kunt gerust alleen komen — er is iemand die je ontvangt")).toBeVisible();
  await expect(page.getByText("Dit gaat door na de Week")).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/activiteiten/${id}?ikkom=1`);
  await expect(page.getByText("Fijn dat je komt!")).toBeVisible();
  await expectAccessible(page);
});

test("organiser: the form's new fieldsets, the count on 'Mijn activiteiten' and the attendance question (axe)", async ({
  page,
  context,
  baseURL,
}) => {
  await logInAs(context, baseURL!, "organisator@example.nl");
  await page.goto("/organisator/activiteiten/nieuw");
  await expect(page.getByRole("group", { name: "Vervoer" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Dit gaat door na de Week" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/organisator/activiteiten");
  await expect(page.getByText(/mensen hebben laten weten dat ze komen/).first()).toBeVisible();
  // An activity on several days: a line per day.
  await expect(page.getByText("Laten weten dat ze komen:").first()).toBeVisible();
  await expect(page.locator(".interest li").first()).toHaveText(/^\w\w \d+ \w+: /);

  const db = openE2eDb();
  const { id } = db
    .prepare(
      `select a.id from activities a join users u on u.id = a.owner_id join editions e on e.id = a.edition_id
       where u.email = 'organisator@example.nl' and a.status = 'published' and a.ends_at < ? and e.year = 2026 order by a.id limit 1`,
    )
    .get(Date.parse(DEMO_TODAY)) as { id: number };
  db.close();
  await page.goto(`/organisator/activiteiten/${id}/opkomst`);
  await expect(page.getByRole("group", { name: /nieuwe mensen na de Week teruggekomen/ })).toBeVisible();
  await expectAccessible(page);
});

test("programme figures: continuing activities and 'ik kom' against turnout (axe)", async ({ page, context, baseURL }) => {
  await logInAs(context, baseURL!, "programmateam@example.nl");
  await page.goto("/beheer/cijfers?editie=2026");
  await expect(page.getByRole("heading", { name: /Na de Week/ })).toBeVisible();
  await expect(page.getByTestId("continuing")).not.toHaveText("0");
  await expect(page.getByTestId("interest-vs-turnout")).toContainText("deelnemers gemeld");
  await expectAccessible(page);
});
