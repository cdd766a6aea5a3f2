// Issue 13, "done when": the programme team creates edition 2028 from the defaults and moves its
// week; with the platform clock inside the registration window it set, a new organiser sees 2028
// open for registration on those dates.
//
// The clock: the shared e2e server is pinned to DEMO_TODAY (November 2026), when 2028's default
// registration window (from 1 November 2027) is not open. This spec runs its own production server
// on its own database, and restarts that same server with FAKE_NOW set inside the window — the only
// way the platform's clock is ever set (app/utils/clock.server.ts). Nothing else is shared or faked.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { expectAccessible, watchConsole } from "./helpers";
import { login, readDb, startOwnServer, type OwnServer } from "./own-server";

let server: OwnServer;

test.describe.configure({ mode: "serial" });
test.afterAll(async () => {
  await server?.stop();
});

async function contextFor(
  browser: Browser,
  email: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const cookie = await login(server.url, email, server.dbPath);
  const [name, value] = cookie.split(/=(.*)/s);
  const context = await browser.newContext({ baseURL: server.url, ...options });
  await context.addCookies([{ name, value, url: server.url }]);
  return context;
}

test("the team creates 2028 from the defaults and moves its week; a new organiser then registers for 2028 on those dates", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  server = await startOwnServer();
  const team = await contextFor(browser, "programmateam@example.nl");
  const page = await team.newPage();
  const errors = watchConsole(page);

  await page.goto("/beheer");
  await page.getByRole("link", { name: "Edities", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edities" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nieuwe editie (2028) maken" }).click();
  await expect(page.getByLabel("Jaar")).toHaveValue("2028");
  await expect(page.getByLabel("Editienummer")).toHaveValue("19");
  await expect(page.getByLabel("Eerste dag van de week")).toHaveValue("2028-09-28");
  await expect(page.getByLabel("Aanmelden van activiteiten opent")).toHaveValue("2027-11-01T00:00");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Editie aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Week tegen Eenzaamheid 2028 (19e editie)" })).toBeVisible();
  await expect(page.getByText("De editie is aangemaakt.")).toBeVisible();
  await expect(page.locator(".timeline-today")).toContainText("Vandaag, maandag 23 november 2026: Aanmelden nog niet open");

  // A week that ends before it starts is refused next to the field; nothing is saved.
  await page.getByLabel("Laatste dag van de week").fill("2028-10-01");
  await page.getByLabel("Eerste dag van de week").fill("2028-10-05");
  await page.getByRole("button", { name: "Data opslaan" }).click();
  await expect(page.locator("#weekEnd-fout")).toHaveText("De laatste dag van de week moet op of na de eerste dag liggen.");
  await expect(page.getByLabel("Laatste dag van de week")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // Move the week one week later, and registration with it.
  await page.getByLabel("Eerste dag van de week").fill("2028-10-05");
  await page.getByLabel("Laatste dag van de week").fill("2028-10-11");
  await page.getByLabel("Aanmelden van activiteiten sluit").fill("2028-10-12T00:00");
  await page.getByRole("button", { name: "Data opslaan" }).click();
  await expect(page.getByText("De data zijn opgeslagen.")).toBeVisible();
  await expect(page.locator(".timeline")).toContainText("De week begint: donderdag 5 oktober 2028");
  await expectAccessible(page);
  // The refused save above answers 400 on purpose (the browser logs that status); nothing else may appear.
  expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
  const audit = readDb(server.dbPath, (db) =>
    db.prepare("select action from audit_log where entity_type = 'edition' and entity_id = '2028' order by id").all(),
  );
  expect(audit).toEqual([{ action: "edition.created" }, { action: "edition.dates_updated" }]);
  await team.close();

  // The platform clock inside 2028's registration window: 15 November 2027.
  server = await server.restart({ FAKE_NOW: "2027-11-15T10:00:00+01:00" });
  const organiser = await contextFor(browser, "nieuw.in.2028@example.org");
  const form = await organiser.newPage();
  await form.goto("/organisator/activiteiten/nieuw");
  await expect(form.getByRole("heading", { level: 1, name: "Activiteit aanmelden voor 2028" })).toBeVisible();
  await expect(form.getByText("Aanmelden kan tot en met 11 oktober 2028.")).toBeVisible();
  const date = form.locator('input[type="date"]').first();
  await expect(date).toHaveAttribute("min", "2028-10-05");
  await expect(date).toHaveAttribute("max", "2028-10-11");
  await organiser.close();
});

test("changing a window that is open now asks for confirmation with real counts, also without JavaScript", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  // The restarted server stands on 15 November 2027: 2028 registration is open (no activities yet).
  const activities = readDb(server.dbPath, (db) =>
    db.prepare("select count(*) as n from activities a join editions e on e.id = a.edition_id where e.year = 2028").get(),
  ) as { n: number };
  expect(activities.n).toBe(0);
  const team = await contextFor(browser, "programmateam@example.nl", { javaScriptEnabled: false });
  const page = await team.newPage();
  await page.goto("/beheer/edities/2028");
  await page.getByLabel("Aanmelden van activiteiten sluit").fill("2028-09-01T00:00");
  await page.getByRole("button", { name: "Data opslaan" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Weet je het zeker?" });
  await expect(alert).toContainText(
    "Aanmelden is nu open; organisatoren rekenen op aanmelden tot en met 11 oktober 2028 om 23:59.",
  );
  await expect(alert).toContainText("Er is nog geen activiteit aangemeld.");
  // (axe needs JavaScript in the page; the same form is checked with axe in the test above.)
  await page.getByRole("button", { name: "Ja, wijzig de data" }).click();
  await expect(page.getByText("De data zijn opgeslagen.")).toBeVisible();
  await expect(page.getByLabel("Aanmelden van activiteiten sluit")).toHaveValue("2028-09-01T00:00");
  await team.close();
});
