// Residents: find a meetup nearby. Runs against the built app with demo data (today = 23 Nov 2026,
// so the default edition is 2027; 2026 is the archive with many activities) and a fake PDOK.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, stubTiles, watchConsole } from "./helpers";

type SearchOptions = { editie?: string; straal?: string };

async function submitSearch(page: Page, place: string, options: SearchOptions = {}) {
  await page.goto("/");
  await page.getByLabel("Postcode of plaats").fill(place);
  if (options.straal) await page.getByLabel("Afstand").selectOption(options.straal);
  if (options.editie) await page.getByLabel("Editie").selectOption(options.editie);
  await page.getByRole("button", { name: "Zoeken" }).click();
}

async function searchFor(page: Page, place: string, options: SearchOptions = {}) {
  await submitSearch(page, place, options);
  await expect(page.getByRole("heading", { level: 2, name: /Activiteiten bij/ })).toBeVisible();
}

const results = (page: Page) => page.locator(".results-list .result");

async function distancesOf(page: Page) {
  const texts = await page.locator(".results-list .distance").allTextContents();
  return texts.map((t) =>
    t.endsWith(" m") ? Number(t.replace(/\D/g, "")) / 1000 : Number(t.replace(" km", "").replace(",", ".")),
  );
}

test.beforeEach(async ({ page }) => {
  await stubTiles(page);
});

test("search by postcode: a list sorted by distance, with the count in words", async ({ page }) => {
  const errors = watchConsole(page);
  await searchFor(page, "3511 AB", { editie: "2026" });
  await expect(page).toHaveURL(/plaats=3511\+AB/);
  await expect(page.getByRole("heading", { name: "Activiteiten bij 3511AB Utrecht" })).toBeVisible();
  await expect(page.locator(".result-count")).toContainText(/We vonden \S+ activiteiten binnen 10 km/);
  const distances = await distancesOf(page);
  expect(distances.length).toBeGreaterThan(5);
  expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  expect(Math.max(...distances)).toBeLessThanOrEqual(10);
  // The map shows the same results as markers (clustered) after hydration.
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
  await expect(page.locator(".map-fallback")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("search by place name and by municipality name", async ({ page }) => {
  await searchFor(page, "Zwolle", { editie: "2026" });
  await expect(page.getByRole("heading", { name: /Activiteiten bij Gemeente Zwolle/ })).toBeVisible();
  await expect(results(page).first()).toContainText("Zwolle");

  await searchFor(page, "Stichtse Vecht", { editie: "2026", straal: "25" });
  await expect(page.getByRole("heading", { name: /Activiteiten bij Gemeente Stichtse Vecht/ })).toBeVisible();
  await expect(page.locator(".result-count")).toContainText("binnen 25 km");
  expect(await results(page).count()).toBeGreaterThan(0);
});

test("an unknown place gets a helpful message with suggestions", async ({ page }) => {
  await submitSearch(page, "Utrect");
  await expect(page.locator("#plaats-error")).toContainText('We kennen "Utrect" niet');
  await expect(page.getByLabel("Postcode of plaats")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("link", { name: "Utrecht", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Activiteiten bij/ })).toBeVisible();
});

test("each filter narrows the results and lives in the URL", async ({ page }) => {
  await searchFor(page, "Utrecht", { editie: "2026", straal: "25" });
  const total = async () => Number(await page.locator(".result-count").getAttribute("data-total"));
  const all = await total();
  expect(all).toBeGreaterThan(20);
  await expect(page.getByRole("navigation", { name: "Meer resultaten" })).toContainText("Pagina 1 van");

  const apply = async (act: () => Promise<unknown>, param: RegExp) => {
    await act();
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page).toHaveURL(param);
    // The URL can change a moment before the new results are on screen: the links to the other editions
    // are rendered from the same data as the list, so once they carry the filter, the list is the new one.
    await expect(page.getByRole("link", { name: "2027", exact: true })).toHaveAttribute("href", param);
    await expect(page.locator(".result-count")).toBeVisible();
  };

  await apply(() => page.getByLabel("Soort activiteit").selectOption("samen-eten"), /soort=samen-eten/);
  expect(await total()).toBeLessThan(all);
  for (const soort of await page.locator(".results-list .facts div:has(dt:text('Soort')) dd").allTextContents())
    expect(soort).toBe("Samen eten");
  await page.getByLabel("Soort activiteit").selectOption("");

  await apply(() => page.getByLabel("Dag").selectOption("za"), /dag=za/);
  for (const when of await page.locator(".results-list .facts div:has(dt:text('Wanneer')) dd").allTextContents())
    expect(when).toMatch(/^zaterdag/);
  await page.getByLabel("Dag").selectOption("");

  await apply(() => page.getByLabel("Voor wie").selectOption("mantelzorgers"), /voor=mantelzorgers/);
  expect(await total()).toBeLessThan(all);
  await page.getByLabel("Voor wie").selectOption("");

  await apply(() => page.getByLabel("Alleen gratis").check(), /gratis=on/);
  for (const cost of await page.locator(".results-list .facts div:has(dt:text('Kosten')) dd").allTextContents())
    expect(cost).toMatch(/^Gratis/);
  await page.getByLabel("Alleen gratis").uncheck();

  await apply(() => page.getByLabel("Toegankelijk met rolstoel").check(), /rolstoel=on/);
  const n = await results(page).count();
  await expect(page.locator(".results-list .result .access-list", { hasText: "Toegankelijk met rolstoel" })).toHaveCount(n);
  await page.getByLabel("Toegankelijk met rolstoel").uncheck();

  await apply(() => page.getByLabel("Ook online activiteiten").check(), /online=on/);
  await expect(page.getByRole("heading", { name: "Online activiteiten" })).toBeVisible();
  await expect(page.locator("#online ~ ol .result").first()).toContainText("Online");
});

test("the edition switch shows the coming edition by default and earlier ones as an archive", async ({ page }) => {
  await page.goto("/?plaats=Utrecht");
  await expect(page.getByLabel("Editie")).toHaveValue("2027");
  await expect(page.locator(".edition-switch")).toContainText("Je bekijkt de activiteiten van 2027");
  // After hydration the page moves focus (and so the scroll position) to the result count; a click that
  // lands while the page scrolls can miss the link, so wait for that first, as a reader would.
  await expect(page.locator("#resultaten")).toBeFocused();
  await page.locator(".edition-switch").getByRole("link", { name: "2026" }).click();
  await expect(page).toHaveURL(/editie=2026/);
  await expect(page.locator(".edition-switch")).toContainText("archief van 2026");
});

test("open an activity and download it for my calendar", async ({ page }) => {
  await searchFor(page, "Amsterdam", { straal: "25" });
  const first = results(page).first().getByRole("link");
  const title = await first.textContent();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  for (const term of ["Wanneer", "Waar", "Voor wie", "Goed om te weten", "Kosten", "Aanmelden", "Contact", "Organisator"]) {
    await expect(page.locator("dt", { hasText: new RegExp(`^${term}$`) })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: /Route plannen/ })).toBeVisible();
  await expect(page.locator(".leaflet-container")).toBeVisible();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Zet in mijn agenda" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^activiteit-\d+\.ics$/);
  const ics = readFileSync((await download.path())!, "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain(`SUMMARY:${title}`);
  await expectAccessible(page);
});

test("a past or cancelled activity says so clearly", async ({ page, request }) => {
  const db = openE2eDb();
  const cancelled = db.prepare("SELECT id FROM activities WHERE status = 'cancelled' LIMIT 1").get() as { id: number };
  const pending = db.prepare("SELECT id FROM activities WHERE status = 'pending' LIMIT 1").get() as { id: number };
  const past = db
    .prepare(
      "SELECT a.id FROM activities a JOIN editions e ON e.id = a.edition_id WHERE status = 'published' AND e.year = 2025 LIMIT 1",
    )
    .get() as { id: number };
  db.close();
  await page.goto(`/activiteiten/${cancelled.id}`);
  await expect(page.getByText("Deze activiteit gaat niet door.")).toBeVisible();
  await page.goto(`/activiteiten/${past.id}`);
  await expect(page.getByText("Deze activiteit is al geweest.")).toBeVisible();
  expect((await request.get(`/activiteiten/${pending.id}`)).status()).toBe(404);
  expect((await request.get(`/activiteiten/${pending.id}/agenda.ics`)).status()).toBe(404);
});

test("axe finds no WCAG 2.2 AA problems on the home and results pages", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await searchFor(page, "3511 AB", { editie: "2026" });
  await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same search works as a plain form and the list is the answer", async ({ page }) => {
    await searchFor(page, "3511 AB", { editie: "2026", straal: "25" });
    await expect(page).toHaveURL(/plaats=3511\+AB.*editie=2026|editie=2026.*plaats=3511\+AB/);
    await expect(page.locator(".result-count")).toContainText(/We vonden \S+ activiteiten/);
    await expect(results(page)).toHaveCount(20);
    await expect(page.locator(".leaflet-container")).toHaveCount(0);
    await expect(page.locator(".map-fallback")).toBeVisible();
    await expect(page.getByRole("button", { name: "Gebruik mijn locatie" })).toHaveCount(0);
    await page.getByLabel("Alleen gratis").check();
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page).toHaveURL(/gratis=on/);
    await page.getByRole("link", { name: /^Volgende/ }).click();
    await expect(page).toHaveURL(/pagina=2/);
    await results(page).first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

function openE2eDb() {
  return new Database(fileURLToPath(new URL("../../data/e2e.db", import.meta.url)), { readonly: true, fileMustExist: true });
}

test("no public page or route reveals private contact details", async ({ request }) => {
  const db = openE2eDb();
  const privateRows = db
    .prepare(
      "SELECT private_contact_email AS email, private_contact_phone AS phone, private_contact_name AS name FROM activities",
    )
    .all() as { email: string; phone: string | null; name: string }[];
  const sample = db
    .prepare(
      "SELECT a.id FROM activities a JOIN editions e ON e.id = a.edition_id WHERE a.status IN ('published', 'cancelled') AND a.municipality_code = 'GM0344' LIMIT 8",
    )
    .all() as { id: number }[];
  const deliveries = db.prepare("SELECT street || ' ' || house_number AS line FROM kit_orders").all() as { line: string }[];
  db.close();
  const secrets = new Set(
    [...privateRows.flatMap((r) => [r.email, r.phone ?? ""]), ...deliveries.map((d) => d.line)].filter(Boolean),
  );
  expect(secrets.size).toBeGreaterThan(100);

  const urls = [
    "/",
    "/?plaats=3511+AB&editie=2026&straal=25",
    "/?plaats=Utrecht&straal=25&online=on",
    "/?online=on&editie=2026",
    "/api/kaart?bbox=3.3,50.7,7.3,53.6&editie=2026",
    "/api/kaart?bbox=3.3,50.7,7.3,53.6",
    ...sample.flatMap(({ id }) => [
      `/activiteiten/${id}`,
      `/activiteiten/${id}/agenda.ics`,
      `/activiteiten/${id}.data`,
      `/_root.data?plaats=Utrecht&editie=2026`,
    ]),
  ];
  for (const url of urls) {
    const response = await request.get(url);
    const body = await response.text();
    expect(body, url).not.toMatch(/prive\.\d+@example\.org/);
    expect(body, url).not.toMatch(/\b06-\d{8}\b/);
    for (const secret of secrets)
      if (body.includes(secret) && !/^\S+ \d+$/.test(secret)) throw new Error(`${url} shows private value ${secret}`);
  }
});
