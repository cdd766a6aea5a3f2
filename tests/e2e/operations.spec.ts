// Operations: a page a shared cache (CDN, nginx proxy_cache) keeps is served to other readers with
// its CSP intact, and the server stops cleanly on SIGTERM.
import { expect, test, type Page } from "@playwright/test";
import { stubTiles } from "./helpers";
import { readDb, startOwnServer } from "./own-server";

type Stored = { status: number; headers: Record<string, string>; body: string };

/** Collects CSP violations as the page reports them (the event and the console message). */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return async () => [...violations, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

test("a cached anonymous search page keeps a strict CSP for every reader and still hydrates", async ({
  page,
  browser,
  request,
}) => {
  const path = "/?plaats=3511+AB&editie=2026";
  // The first reader's answer, as a shared cache stores it: body and headers.
  const first = await request.get(path);
  const stored: Stored = { status: first.status(), headers: first.headers(), body: await first.text() };
  expect(stored.headers["cache-control"]).toMatch(/public/);
  expect(stored.headers["cache-control"]).toMatch(/s-maxage=\d+/);
  const csp = stored.headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(csp).not.toMatch(/nonce|unsafe-inline'[^;]*script|unsafe-eval/);
  expect(stored.body).not.toMatch(/nonce=/);

  // Two later readers get exactly the stored copy (the cache answers; the app is not asked).
  for (const reader of [page, await (await browser.newContext()).newPage()]) {
    await stubTiles(reader);
    const violations = await watchCsp(reader);
    let served = 0;
    await reader.route(`**${path}`, (route) => {
      served++;
      return route.fulfill({ status: stored.status, headers: stored.headers, body: stored.body });
    });
    await reader.goto(path);
    expect(served).toBe(1);
    await expect(reader.getByRole("heading", { name: /Activiteiten bij/ })).toBeVisible();
    // Hydrated: the map (JavaScript only) replaces its no-JS fallback.
    await expect(reader.locator(".leaflet-container")).toBeVisible();
    await expect(reader.locator(".map-fallback")).toHaveCount(0);
    expect(await violations()).toEqual([]);
  }
});

test("an injected inline script in a cached page does not run: only the page's own scripts are allowed", async ({
  page,
  request,
}) => {
  const path = "/?plaats=Utrecht&editie=2026";
  const first = await request.get(path);
  const headers = first.headers();
  const tampered = (await first.text()).replace("</body>", "<script>window.__injected = true</script></body>");
  await stubTiles(page);
  const violations = await watchCsp(page);
  await page.route(`**${path}`, (route) => route.fulfill({ status: 200, headers, body: tampered }));
  await page.goto(path);
  await expect(page.locator(".leaflet-container")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect((await violations()).length).toBeGreaterThan(0);
});

test("a logged-in visitor's pages are private; anonymous activity pages are public", async ({ request }) => {
  const anonymous = await request.get("/?plaats=Utrecht&editie=2026", { headers: { Cookie: "" } });
  expect(anonymous.headers()["cache-control"]).toMatch(/^public/);
  const personal = await request.get("/?plaats=Utrecht&editie=2026", { headers: { Cookie: "__komerbij_sessie=iets" } });
  expect(personal.headers()["cache-control"]).toBe("private, no-cache");
  expect(personal.headers()["content-security-policy"]).toMatch(/'nonce-/);
});

test("SIGTERM: no new connections, the request in flight is answered, then the process exits 0", async () => {
  test.setTimeout(90_000);
  const server = await startOwnServer();
  try {
    const url = new URL(server.url);
    // A request in flight: its body is still arriving when the signal comes.
    const { request: httpRequest } = await import("node:http");
    const answered = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: "/inloggen",
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "30", Origin: server.url },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.write("email=organisator%40ex");
      setTimeout(() => req.end("ample.nl"), 1_500);
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = server.signal("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    // Stopped accepting: a new connection is refused while the old request is still being read.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(await answered).toBeLessThan(500);
    expect(await exited).toBe(0);
    expect(server.output()).toMatch(/Stopped cleanly/);
  } finally {
    await server.stop();
  }
});

test("bulk mail is rendered by the background renderer, stored by the server and sent, while pages answer", async () => {
  test.setTimeout(90_000);
  // The demo "today" is after the 2026 Week: the scheduler queues an attendance request per ended activity.
  const server = await startOwnServer();
  try {
    const bulk = () =>
      readDb(server.dbPath, (db) =>
        db
          .prepare(
            `SELECT count(*) AS total, sum(status = 'sent' AND subject IS NOT NULL AND html LIKE '%opkomst%') AS sent
             FROM email_outbox WHERE template = 'attendance-request'`,
          )
          .get(),
      ) as { total: number; sent: number | null };
    await expect.poll(() => bulk().total, { timeout: 30_000 }).toBeGreaterThan(10);
    // Bulk mail is sent only once the renderer process has rendered it and the server has stored it.
    await expect.poll(() => bulk().sent === bulk().total, { timeout: 60_000 }).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.output()).not.toMatch(/E-mail renderer/);
  } finally {
    await server.stop();
  }
});
