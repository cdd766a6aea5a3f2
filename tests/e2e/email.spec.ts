import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_TODAY } from "../helpers/demo-today";
import { expectAccessible, openE2eDb, stubTiles, watchConsole } from "./helpers";

// Due at once: the sender sends when next_attempt_at ≤ the later of the real and the platform clock (DEMO_TODAY).
const DUE_AT = Date.parse(DEMO_TODAY) - 1000;

/** Queues a login-code e-mail the way the app's outbox does (a pending row), straight in the e2e database. */
function queueLoginCode(code: string) {
  const sqlite = openE2eDb();
  try {
    const props = JSON.stringify({
      code,
      link: `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}/inloggen/link?token=e2e-${code}`,
      expiresInMinutes: 15,
    });
    sqlite
      .prepare(
        "INSERT INTO email_outbox (template, props, to_address, priority, next_attempt_at) VALUES ('login-code', ?, 'organisator@example.nl', 0, ?)",
      )
      .run(props, DUE_AT);
  } finally {
    sqlite.close();
  }
}

/** The page around the message; the e-mail's own HTML sits in a sandboxed frame without scripts, where axe cannot run. */
async function expectAccessibleAroundMessage(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .exclude("iframe")
    .analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the demo mailbox shows a queued e-mail within seconds, rendered, and passes axe", async ({ page }) => {
  const errors = watchConsole(page);
  await stubTiles(page);
  await page.goto("/");
  await page.getByRole("note").getByRole("link", { name: "demo-mailbox" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demo-mailbox");
  await expectAccessible(page);

  queueLoginCode("271828");
  // The background sender (started by entry.server) renders and "delivers" it; the list refreshes itself.
  await page.reload();
  const row = page.getByRole("row", { name: /Je inlogcode voor Kom erbij: 271828/ });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row.getByText("Verstuurd")).toBeVisible({ timeout: 10_000 });
  await expectAccessible(page);

  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je inlogcode voor Kom erbij: 271828");
  await expect(page.getByText("organisator@example.nl")).toBeVisible();
  const frame = page.frameLocator('iframe[title^="E-mail:"]');
  await expect(frame.getByText("271828", { exact: true })).toBeVisible();
  const loginLink = frame.getByRole("link", { name: "Inloggen", exact: true });
  await expect(loginLink).toHaveAttribute("href", /\/inloggen\/link\?token=e2e-271828$/);
  // The link works from inside the sandboxed frame: it opens the platform outside the frame.
  const [opened] = await Promise.all([page.waitForEvent("popup"), loginLink.click()]);
  await expect(opened).toHaveURL(/\/inloggen\/link\?token=e2e-271828$/);
  await opened.close();
  await expect(page.locator("pre")).toContainText("JE INLOGCODE");
  await expectAccessibleAroundMessage(page);
  expect(errors).toEqual([]);
});

test("an unknown message in the demo mailbox is a 404", async ({ page }) => {
  const response = await page.goto("/demo/mailbox/999999");
  expect(response?.status()).toBe(404);
});

test("each e-mail can be previewed with example data", async ({ page }) => {
  await page.goto("/demo/mailbox");
  await page.getByRole("link", { name: "Bestelling pakket bevestigd" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Voorbeeld: Bestelling pakket bevestigd");
  await expect(page.frameLocator("iframe").getByText("3511 AB Utrecht")).toBeVisible();
  await expectAccessibleAroundMessage(page);
});

test("on a fresh install the login code arrives in the demo mailbox within seconds, and the team sees it on its e-mail page", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await stubTiles(page);
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill("programmateam@example.nl");
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vul je code in");

  await page.goto("/demo/mailbox");
  const row = page.getByRole("row", { name: /Je inlogcode voor Kom erbij: \d{6}.*programmateam@example\.nl/ });
  await expect(row.getByText("Verstuurd")).toBeVisible({ timeout: 10_000 });
  await row.getByRole("link").click();

  const [loginPage] = await Promise.all([
    page.waitForEvent("popup"),
    page.frameLocator('iframe[title^="E-mail:"]').getByRole("link", { name: "Inloggen", exact: true }).click(),
  ]);
  await loginPage.getByRole("button", { name: "Inloggen" }).click();
  await expect(loginPage).toHaveURL(/\/beheer$/);
  await loginPage.getByRole("link", { name: "E-mail" }).click();
  await expect(loginPage.getByRole("heading", { level: 1 })).toHaveText("E-mail");
  await expect(loginPage.getByRole("row", { name: /programmateam@example\.nl/ }).first()).toContainText("Verstuurd");
  // Issue 12: the team never sees a login code.
  await expect(loginPage.getByRole("row", { name: /programmateam@example\.nl/ }).first()).toContainText(
    "Je inlogcode voor Kom erbij: [verborgen]",
  );
  await expectAccessible(loginPage);
  expect(errors).toEqual([]);
});
