// Attendance through the e-mailed link, and the programme team's figures rising by exactly that number.
// The scheduler runs at server start; the link is read from the outbox row (the demo mailbox lists only
// the newest messages, and a first start queues several hundred requests for 2026).
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, logInAs, openE2eDb, watchConsole } from "./helpers";

const reportedTotal = async (page: Page) =>
  Number((await page.getByTestId("participants-reported").textContent())!.replace(/\D/g, ""));

test("an organiser reports attendance through the e-mailed link; the 2026 dashboard total rises by exactly that", async ({
  page,
  context,
  baseURL,
}) => {
  const errors = watchConsole(page);
  // The scheduler queued a request for each of the demo organiser's finished 2026 activities.
  let request: { props: string } | undefined;
  await expect(async () => {
    const db = openE2eDb();
    try {
      request = db
        .prepare(
          "select o.props from email_outbox o join editions e on e.year = 2026 where o.template = 'attendance-request' and o.to_address = 'organisator@example.nl' and json_extract(o.props, '$.deadline') = strftime('%Y-%m-%dT%H:%M:%fZ', e.report_deadline / 1000.0, 'unixepoch') order by o.id limit 1",
        )
        .get() as { props: string } | undefined;
    } finally {
      db.close();
    }
    expect(request).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  const props = JSON.parse(request!.props) as { reportUrl: string; activityTitle: string; deadline: string };
  expect(props.reportUrl).toMatch(/\/opkomst\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);

  await logInAs(context, baseURL!, "programmateam@example.nl");
  await page.goto("/beheer/cijfers?editie=2026");
  await expect(page.getByRole("heading", { level: 1, name: "Cijfers Week tegen Eenzaamheid 2026" })).toBeVisible();
  const before = await reportedTotal(page);
  await expectAccessible(page);

  // The link works without logging in: use a fresh browser context.
  const organiser = await context.browser()!.newContext({ baseURL });
  const form = await organiser.newPage();
  const formErrors = watchConsole(form);
  await form.goto(new URL(props.reportUrl).pathname);
  await expect(form.getByRole("heading", { level: 1, name: "Opkomst doorgeven" })).toBeVisible();
  await expect(form.getByText(props.activityTitle).first()).toBeVisible();
  await expectAccessible(form);

  // Bad input: a Dutch error next to the field, nothing saved.
  await form.getByLabel("Aantal deelnemers").fill("-4");
  await form.getByLabel("Aantal vrijwilligers").fill("3");
  await form.getByRole("button", { name: "Opkomst doorgeven" }).click();
  await expect(form.getByText("Vul een aantal in van 0 of meer.")).toBeVisible();
  await expect(form.getByLabel("Aantal deelnemers")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(form);
  // The refused submission answered 400 on purpose; only errors after this point count.
  formErrors.length = 0;

  const participants = 37;
  await form.getByLabel("Aantal deelnemers").fill(String(participants));
  await form.getByLabel("Hoeveel deelnemers waren er voor het eerst?").fill("8");
  await form.getByRole("button", { name: "Opkomst doorgeven" }).click();
  await expect(form.getByText("Bedankt! We hebben de opkomst opgeslagen.")).toBeVisible();
  await expect(form.getByRole("heading", { name: "Opkomst aanpassen" })).toBeVisible();
  await expectAccessible(form);
  expect(formErrors).toEqual([]);
  await organiser.close();

  await page.goto("/beheer/cijfers?editie=2026");
  expect(await reportedTotal(page)).toBe(before + participants);
  expect(errors).toEqual([]);
});

test("the comparison shows 2024, 2025 and 2026 side by side, with charts that have a text alternative", async ({
  page,
  context,
  baseURL,
}) => {
  const errors = watchConsole(page);
  await logInAs(context, baseURL!, "programmateam@example.nl");
  await page.goto("/beheer/cijfers/vergelijken");
  const table = page.getByRole("table", { name: "Edities naast elkaar" });
  for (const year of ["2024", "2025", "2026"]) await expect(table.getByRole("columnheader", { name: year })).toBeVisible();
  await expect(page.getByRole("img", { name: /Pakketbestellingen opgeteld/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Kaart: activiteiten per gemeente/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Wat tonen").selectOption("deelnemers");
  await page.getByRole("button", { name: "Toon kaart" }).click();
  await expect(page.getByRole("img", { name: /Kaart: gemelde deelnemers per gemeente/ })).toBeVisible();
  expect(errors).toEqual([]);
});
