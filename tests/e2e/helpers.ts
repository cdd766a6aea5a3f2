import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails the test on any console error or uncaught page error. Call before navigating. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/** Offline map tiles: answer them empty so no request leaves the machine. */
export async function stubTiles(page: Page) {
  await page.route("**/tiles/**", (r) => r.fulfill({ status: 204, body: "" }));
}

export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The login codes the demo mailbox shows for `email`, newest first. */
async function loginCodesIn(page: Page, email: string) {
  await page.goto("/demo/mailbox");
  const rows = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "Je inlogcode" });
  return (await rows.allTextContents()).map((t) => t.match(/Kom erbij: (\d{6})/)?.[1]).filter((c): c is string => Boolean(c));
}

/** Logs in the way a person does: ask for a code, read it in the demo mailbox, type it in. */
export async function loginViaMailbox(page: Page, email: string) {
  const earlier = new Set(await loginCodesIn(page, email));
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  await expect(page.getByRole("heading", { name: "Vul je code in" })).toBeVisible();
  const codePage = page.url();
  let code: string | undefined;
  await expect(async () => {
    code = (await loginCodesIn(page, email)).find((c) => !earlier.has(c));
    expect(code).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  await page.goto(codePage);
  await page.getByLabel("Code").fill(code!);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
}

/** Waits until the demo mailbox shows a message to `email` whose subject contains `subject`. */
export async function expectMail(page: Page, email: string, subject: string) {
  await expect(async () => {
    await page.goto("/demo/mailbox");
    await expect(page.getByRole("row").filter({ hasText: email }).filter({ hasText: subject })).not.toHaveCount(0);
  }).toPass({ timeout: 15_000 });
}
