import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { createCookie } from "@remix-run/node";
import Database from "better-sqlite3";
import { DEMO_TODAY } from "../helpers/demo-today";

/** The running e2e server's database file (see playwright.config.ts). */
export function openE2eDb() {
  const db = new Database(fileURLToPath(new URL("../../data/e2e.db", import.meta.url)));
  db.pragma("busy_timeout = 5000");
  return db;
}

// The e2e server runs in demo mode without SESSION_SECRET, so it signs with the demo secret.
const SESSION_COOKIE = "__komerbij_sessie";
const sessionCookie = createCookie(SESSION_COOKIE, { secrets: ["demo-only-session-secret-not-for-production-use"], path: "/" });
// The server's clock stands on DEMO_TODAY (FAKE_NOW); a session forged here lasts a day past it.
const SESSION_EXPIRES_AT = Date.parse(DEMO_TODAY) + 24 * 60 * 60_000;

/**
 * Writes a session for `userId` straight into the e2e database, signed like the app signs it, and
 * returns the `Cookie` header value (for tests where logging in is not the point).
 */
export async function forgeSession(db: Database.Database, userId: number): Promise<string> {
  const sessionId = `e2e-${userId}-${randomUUID()}`;
  db.prepare("insert into sessions (id, user_id, data, expires_at) values (?, ?, ?, ?)").run(
    sessionId,
    userId,
    JSON.stringify({ userId }),
    SESSION_EXPIRES_AT,
  );
  return (await sessionCookie.serialize(sessionId)).split(";")[0];
}

/** Logs the browser context in as the user with `email` through a forged session (replacing any other). */
export async function logInAs(context: BrowserContext, baseURL: string, email: string) {
  const db = openE2eDb();
  let cookie: string;
  try {
    const { id } = db.prepare("select id from users where email = ?").get(email) as { id: number };
    cookie = await forgeSession(db, id);
  } finally {
    db.close();
  }
  await context.clearCookies();
  await context.addCookies([{ name: SESSION_COOKIE, value: cookie.slice(SESSION_COOKIE.length + 1), url: baseURL }]);
}

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
