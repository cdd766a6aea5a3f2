import { expect, test } from "@playwright/test";
import { expectAccessible, stubTiles, watchConsole } from "./helpers";

test("the home page loads in Dutch without console errors and with security headers", async ({ page }) => {
  const errors = watchConsole(page);
  await stubTiles(page);
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("link", { name: /Kom erbij/ }).first()).toBeVisible();
  const headers = response!.headers();
  // A public page a CDN may share: its own inline scripts are allowed by hash, not by a per-request nonce.
  expect(headers["cache-control"]).toMatch(/^public, .*s-maxage=/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*('unsafe-inline'|nonce)/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
  // Hydrated: the button that only works with JavaScript has appeared (errors would show by now).
  await expect(page.getByRole("button", { name: "Gebruik mijn locatie" })).toBeVisible();
  expect(errors).toEqual([]);
  await expectAccessible(page);
});

test("the navigation reaches the three audiences and the footer pages", async ({ page }) => {
  const errors = watchConsole(page);
  await stubTiles(page);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  // Residents see what they need; team and organiser links appear only after logging in with that role.
  await expect(nav.getByRole("link")).toHaveText(["Activiteiten", "Organiseer iets", "Inloggen"]);
  await nav.getByRole("link", { name: "Organiseer iets" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zelf een activiteit organiseren");
  await expectAccessible(page);
  await nav.getByRole("link", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/inloggen/);
  await nav.getByRole("link", { name: "Activiteiten" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Toegankelijkheid" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toegankelijkheid");
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test("an unknown address gets a friendly Dutch 404", async ({ page }) => {
  const response = await page.goto("/bestaat-niet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina bestaat niet");
  await expectAccessible(page);
});

test("health, robots.txt and security.txt answer", async ({ request }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.text()).toBe("ok");
  expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /beheer");
  expect(await (await request.get("/.well-known/security.txt")).text()).toMatch(/^Contact: mailto:/m);
});
