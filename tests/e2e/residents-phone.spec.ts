// Residents on their phone (issue 16): results first, a list/map switch, the folded search, the
// Week at a glance, a place search that works while PDOK is down, and the map's popups in clusters.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, stubTiles, watchConsole } from "./helpers";

const PDOK_PORT = Number(process.env.E2E_PDOK_PORT ?? 3211);
const pdok = (state: "down" | "up") => fetch(`http://127.0.0.1:${PDOK_PORT}/__${state}`, { method: "POST" });

async function searchFromHome(page: Page, place: string, editie = "2026") {
  await page.goto("/");
  await page.getByLabel("Postcode of plaats").fill(place);
  await page.getByLabel("Editie").selectOption(editie);
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
}

const results = (page: Page) => page.locator(".results-list .result");

/** Markers on the map, counting each cluster as the number it shows. */
async function markersOnMap(page: Page) {
  const clusters = await page
    .locator(".marker-cluster > div > span")
    .evaluateAll((spans) => spans.map((s) => Number(s.childNodes[0]?.textContent ?? 0)));
  return clusters.reduce((a, b) => a + b, 0) + (await page.locator(".leaflet-marker-icon.map-pin").count());
}

test.beforeEach(async ({ page }) => {
  await stubTiles(page);
});

test.describe("on a phone (375 × 812)", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("a search lands on the results; the map is a switch away and shows the same results", async ({ page }) => {
    const errors = watchConsole(page);
    await searchFromHome(page, "Zwolle");
    const heading = page.getByRole("heading", { level: 2, name: /Activiteiten bij .*Zwolle/ });
    await expect(heading).toBeFocused();
    await expect(results(page).first()).toBeInViewport();
    // The form folds into one line; "wijzig" opens it again.
    await expect(page.locator(".search-summary")).toContainText("Binnen 10 km van Gemeente Zwolle · alle dagen");
    await expect(page.getByLabel("Postcode of plaats")).toBeHidden();
    await expect(page).not.toHaveURL(/dag=|soort=|voor=/);

    const total = Number(await page.locator(".result-count").getAttribute("data-total"));
    await expect(page.locator(".leaflet-container")).toHaveCount(0);
    await page.getByRole("button", { name: "Kaart" }).click();
    await expect(page.getByRole("button", { name: "Kaart" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(".leaflet-container")).toBeVisible();
    await expect(results(page).first()).toBeHidden();
    await expect.poll(() => markersOnMap(page)).toBe(Math.min(total, 500));
    await page.getByRole("button", { name: "Lijst" }).click();
    await expect(results(page).first()).toBeVisible();

    await page.getByRole("link", { name: /wijzig/ }).click();
    await expect(page.getByLabel("Postcode of plaats")).toBeVisible();
    expect(errors).toEqual([]);
    await expectAccessible(page);
  });

  test("the home page shows the Week at a glance", async ({ page }) => {
    await page.goto("/?editie=2026");
    await expect(page.getByRole("heading", { name: "De Week in één oogopslag" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Kaart van Nederland/ })).toBeVisible();
    await expect(page.locator(".week-map-dot")).not.toHaveCount(0);
    const top = page.locator(".glance-list a").first();
    const name = await top.textContent();
    await top.click();
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`Activiteiten bij .*${name}`) })).toBeVisible();
    await expectAccessible(page);
  });
});

test("on a wide screen the list and the map stand side by side, without a switch", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await searchFromHome(page, "Zwolle");
  await expect(results(page).first()).toBeVisible();
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expect(page.getByRole("button", { name: "Kaart" })).toHaveCount(0);
  await expect(page.getByLabel("Postcode of plaats")).toBeVisible();
});

test("no public page scrolls sideways at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/?plaats=Utrecht&editie=2026");
  const activity = await results(page).first().getByRole("link").getAttribute("href");
  for (const url of [
    "/",
    "/?editie=2026",
    "/?plaats=Utrecht&editie=2026",
    "/?plaats=Utrect",
    "/?online=on&editie=2026",
    activity!,
    "/organisator",
    "/inloggen",
    "/privacy",
    "/toegankelijkheid",
    "/bestaat-niet",
  ]) {
    await page.goto(url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, url).toBeLessThanOrEqual(320);
  }
});

test("a marker's popup inside a cluster stays open, leads to the activity, and back to the same results", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/?plaats=Utrecht&editie=2026&straal=25");
  const search = new URL(page.url()).search;
  await expect(page.locator(".marker-cluster").first()).toBeVisible();
  // Zoom into clusters until single markers show.
  for (let i = 0; i < 6 && (await page.locator(".leaflet-marker-icon.map-pin").count()) === 0; i++) {
    await page.locator(".marker-cluster").first().click();
    await page.waitForTimeout(600);
  }
  const marker = page.locator(".leaflet-marker-icon.map-pin").first();
  await marker.click();
  const popup = page.locator(".leaflet-popup");
  await expect(popup).toBeVisible();
  await page.waitForTimeout(1_500);
  await expect(popup).toBeVisible();

  // With the keyboard too.
  await popup.getByRole("button", { name: "Sluiten" }).click();
  await expect(popup).toHaveCount(0);
  await marker.focus();
  await page.keyboard.press("Enter");
  await expect(popup).toBeVisible();
  await page.waitForTimeout(1_500);
  await expect(popup).toBeVisible();

  const link = popup.getByRole("link");
  const title = await link.textContent();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  await page.getByRole("link", { name: "Terug naar zoeken" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Activiteiten bij/ })).toBeVisible();
  const params = (u: string) => Object.fromEntries(new URL(u, "http://x").searchParams);
  expect(params(page.url())).toEqual(params(search));
});

test("'Terug naar zoeken' also returns to the search without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/?plaats=Zwolle&editie=2026&soort=samen-eten");
  await results(page).first().getByRole("link").click();
  await page.getByRole("link", { name: "Terug naar zoeken" }).click();
  await expect(page).toHaveURL(/plaats=Zwolle/);
  await expect(page).toHaveURL(/soort=samen-eten/);
  await expect(page).toHaveURL(/#resultaten$/);
  await context.close();
});

test.describe("with the PDOK stand-in down", () => {
  test.afterEach(async () => {
    await pdok("up");
  });

  test("places, districts, everyday names and a known postcode area are still found", async ({ page }) => {
    // An earlier PDOK answer for a full postcode tells where its four-digit area is.
    await page.goto("/?plaats=3511+AB&editie=2026");
    await expect(page.getByRole("heading", { level: 2, name: /Activiteiten bij 3511AB Utrecht/ })).toBeVisible();
    await pdok("down");
    for (const [query, heading] of [
      ["Bolsward", /Activiteiten bij Bolsward \(gemeente Súdwest-Fryslân\)/],
      ["Scheveningen", /Activiteiten bij Scheveningen \(gemeente Den Haag\)/],
      ["Den Haag", /Activiteiten bij Den Haag/],
      ["3511", /Activiteiten bij postcodegebied 3511/],
    ] as const) {
      await searchFromHome(page, query);
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
      expect(Number(await page.locator(".result-count").getAttribute("data-total")), query).toBeGreaterThan(0);
    }
  });

  test("a misspelling gets 'Bedoel je …?', an unknown postcode says what was tried", async ({ page }) => {
    await pdok("down");
    await searchFromHome(page, "Bolswrad");
    await expect(page.locator("#plaats-error")).toContainText(
      'We vonden "Bolswrad" niet in onze lijst met plaatsen en gemeenten',
    );
    await expect(page.getByRole("status").filter({ hasText: "Bedoel je" })).toContainText("Bedoel je Bolsward?");
    await page.getByRole("link", { name: "Bolsward", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: /Activiteiten bij Bolsward/ })).toBeVisible();

    await searchFromHome(page, "9999");
    await expect(page.locator("#plaats-error")).toContainText('We kunnen postcode "9999" nu niet opzoeken');
    await expectAccessible(page);
  });
});
