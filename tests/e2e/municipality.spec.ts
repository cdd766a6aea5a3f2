// Municipalities: the public page under the common name, the coordinator's workspace with review
// powers switched on by the team, and the embeddable agenda inside an iframe on another origin.
// Runs against the built app with demo data (today = 23 Nov 2026; default edition 2027).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { expectAccessible, loginViaMailbox, stubTiles, watchConsole } from "./helpers";

const dbPath = fileURLToPath(new URL("../../data/e2e.db", import.meta.url));

test.beforeEach(async ({ page }) => {
  await stubTiles(page);
});

test("the municipality page is under the name residents use, and search understands it", async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  await page.goto("/gemeenten");
  await expect(page.locator(".municipality-index li")).toHaveCount(342);
  await page.getByRole("link", { name: "Den Haag", exact: true }).click();
  await expect(page).toHaveURL(/\/gemeente\/den-haag$/);
  await expect(page.getByRole("heading", { level: 1, name: "Den Haag" })).toBeVisible();
  await expect(page.getByText("Officiële naam: 's-Gravenhage.")).toBeVisible();
  // The demo has nothing in The Hague for 2027 yet: the page points to the last year with activities.
  await page.getByRole("link", { name: /Bekijk de .* in Den Haag van 2025/ }).click();
  await expect(page.getByRole("heading", { name: "Activiteiten", exact: true })).toBeVisible();
  expect(await page.locator(".results-list .result").count()).toBeGreaterThan(10);
  await expect(page.locator(".results-list .result").first()).toContainText(/'s-Gravenhage|Den Haag/);
  await expectAccessible(page);

  const feed = await page.request.get("/gemeente/den-haag/agenda.ics?editie=2025");
  expect(feed.status()).toBe(200);
  const again = await page.request.get("/gemeente/den-haag/agenda.ics?editie=2025", {
    headers: { "If-None-Match": feed.headers()["etag"] },
  });
  expect(again.status()).toBe(304);

  await page.goto("/?plaats=Den+Haag&editie=2025");
  await expect(page.getByRole("heading", { name: /^Activiteiten bij (gemeente )?Den Haag\b/i })).toBeVisible();
  await expect(page.locator(".results-list .result").first()).toBeVisible();
  expect(errors).toEqual([]);
});

test("the team gives the Utrecht coordinator review powers; they approve a Utrecht activity and get 404 on Amersfoort", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A pending activity in Amersfoort next to the demo's pending ones in Utrecht.
  const db = new Database(dbPath);
  const amersfoortId = Number(
    db
      .prepare(
        `INSERT INTO activities (edition_id, owner_id, organisation_name, organisation_kind, title, description, type, starts_at, ends_at,
           venue_name, place, municipality_code, lat, lon, private_contact_name, private_contact_email, status)
         SELECT edition_id, owner_id, 'Buurthuis Amersfoort', 'welzijn', 'Soep in Amersfoort', description, type, starts_at, ends_at,
           'Buurthuis', 'Amersfoort', 'GM0307', 52.156, 5.387, 'Iemand', 'iemand@example.org', 'pending'
         FROM activities WHERE municipality_code = 'GM0344' AND status = 'pending' LIMIT 1`,
      )
      .run().lastInsertRowid,
  );
  const utrechtPending = db
    .prepare("SELECT id, title FROM activities WHERE municipality_code = 'GM0344' AND status = 'pending' ORDER BY id LIMIT 1")
    .get() as { id: number; title: string };
  db.close();
  expect(amersfoortId).toBeGreaterThan(0);

  await loginViaMailbox(page, "programmateam@example.nl");
  await page.goto("/beheer/team");
  await page.getByRole("button", { name: "Controleren aanzetten voor gemeente.utrecht@example.nl" }).click();
  await expect(page.getByText("De coördinator mag nu activiteiten in de eigen gemeente controleren.")).toBeVisible();
  await expectAccessible(page);
  await page.context().clearCookies();

  await loginViaMailbox(page, "gemeente.utrecht@example.nl");
  await page.goto("/organisator/activiteiten");
  await page.getByRole("link", { name: "Naar het beheer van jouw gemeente" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Beheer gemeente Utrecht" })).toBeVisible();
  await expect(page.getByText("Je mag activiteiten in jouw gemeente controleren")).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "Soep in Amersfoort" })).toHaveCount(0);

  await page.goto(`/gemeente/utrecht/beheer/${utrechtPending.id}`);
  await expect(page.getByRole("heading", { level: 1, name: utrechtPending.title })).toBeVisible();
  await page.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
  await expect(page.getByText("De activiteit is goedgekeurd en staat nu op de website.")).toBeVisible();
  await page.goto(`/gemeente/utrecht/beheer/${utrechtPending.id}`);
  await expect(page.getByText(/Goedgekeurd door gemeente\.utrecht@example\.nl/)).toBeVisible();

  const other = await page.goto(`/gemeente/utrecht/beheer/${amersfoortId}`);
  expect(other?.status()).toBe(404);
  expect((await page.goto("/gemeente/amersfoort/beheer"))?.status()).toBe(404);
  const post = await page.request.post(`/gemeente/utrecht/beheer/${amersfoortId}`, { form: { intent: "approve" } });
  expect(post.status()).toBe(404);
  const check = new Database(dbPath, { readonly: true });
  expect(check.prepare("SELECT status FROM activities WHERE id = ?").get(amersfoortId)).toEqual({ status: "pending" });
  check.close();
});

test.describe("embedded on another website", () => {
  let host: Server;
  let hostUrl: string;

  // Playwright needs the fixtures argument to be destructured, even when no fixture is used.
  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(async ({}, info) => {
    const app = String(info.project.use.baseURL);
    const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente Utrecht – Week tegen Eenzaamheid</title></head>
<body><main><h1>Week tegen Eenzaamheid in onze gemeente</h1>
<iframe src="${app}/embed/gemeente/utrecht?editie=2026&aantal=5&kleur=004080" title="Agenda Week tegen Eenzaamheid in Utrecht" data-kom-erbij style="width:100%;height:600px;border:0"></iframe>
<script src="${app}/embed/agenda.js" defer></script></main></body></html>`;
    host = createServer((_, res) => res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html));
    await new Promise<void>((resolve) => host.listen(Number(process.env.E2E_EMBED_HOST_PORT ?? 0), "127.0.0.1", resolve));
    // "localhost" instead of 127.0.0.1 on another port: a different origin (and site) from the app.
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => host.close(resolve));
  });

  test("the agenda shows in an iframe on another origin, sizes itself, sets no cookie and is accessible", async ({ page }) => {
    test.setTimeout(60_000);
    const errors = watchConsole(page);
    const embedResponse = page.waitForResponse((r) => r.url().includes("/embed/gemeente/utrecht"));
    await page.goto(hostUrl);
    const response = await embedResponse;
    expect(response.status()).toBe(200);
    const headers = await response.allHeaders();
    expect(headers["content-security-policy"]).toContain("frame-ancestors *");
    expect(headers["x-frame-options"]).toBeUndefined();
    expect(headers["set-cookie"]).toBeUndefined();

    const frame = page.frameLocator("iframe[data-kom-erbij]");
    await expect(frame.getByRole("heading", { level: 1, name: "Week tegen Eenzaamheid in Utrecht" })).toBeVisible();
    await expect(frame.locator(".embed-list li")).toHaveCount(5);
    await expect(frame.locator(".embed-list a").first()).toHaveAttribute("target", "_blank");
    // The optional script on the host page fits the frame to its content.
    await expect
      .poll(async () => page.locator("iframe[data-kom-erbij]").evaluate((f) => (f as HTMLIFrameElement).style.height))
      .not.toBe("600px");

    // The host page itself is accessible…
    await expectAccessible(page);
    // …and so is the agenda inside the cross-origin frame: axe runs in the frame's own document.
    // (AxeBuilder skips a cross-origin frame when injecting takes over a second, as it can on a busy machine.)
    const frameHandle = page.frames().find((f) => f.url().includes("/embed/gemeente/utrecht"))!;
    await frameHandle.evaluate(axe.source);
    const inside = await frameHandle.evaluate(
      (tags) =>
        (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => ({
          violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
          passes: r.passes.length,
          url: r.url,
        })),
      ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    );
    expect(inside.url).toContain("/embed/gemeente/utrecht");
    expect(inside.passes).toBeGreaterThan(5);
    expect(inside.violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("without JavaScript the agenda is plain HTML", async ({ browser }, info) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: String(info.project.use.baseURL) });
    const page = await context.newPage();
    await page.goto("/embed/zoek?plaats=Utrecht&editie=2026&aantal=10");
    await expect(page.locator(".embed-list li")).toHaveCount(10);
    await expect(page.locator("header, footer, nav")).toHaveCount(0);
    await context.close();
  });
});

test("the page for municipal websites shows a snippet and a live preview", async ({ page }) => {
  await page.goto("/agenda-op-je-website?gemeente=utrecht");
  await expect(page.getByLabel("Code voor je website")).toHaveValue(/<iframe src="[^"]+\/embed\/gemeente\/utrecht"/);
  await expect(page.frameLocator("iframe.embed-preview").getByRole("heading", { level: 1 })).toContainText("Utrecht");
  await expectAccessible(page);
});
