// Issue 13: every /beheer page, with JavaScript on, as the programme team: no console error, no page
// error (a page that breaks on hydration, like /beheer/team once did, shows "Er ging iets mis"), and
// no axe violation. The pages are found by following the links from /beheer, so a new page is
// checked as soon as it is linked; of pages that differ only by an id or reference, one is opened.
import { expect, test } from "@playwright/test";
import { expectAccessible, logInAs, stubTiles, watchConsole } from "./helpers";

/** The page a URL stands for: ids and order references replaced, the query dropped. */
const pageKind = (path: string) =>
  path
    .split("?")[0]
    .replace(/\/\d+(?=\/|$)/g, "/:id")
    .replace(/\/KE[\w-]+/g, "/:reference");

test("every /beheer page works with JavaScript, without console errors, and passes axe", async ({ page, context, baseURL }) => {
  test.setTimeout(420_000);
  await logInAs(context, baseURL!, "programmateam@example.nl");
  await stubTiles(page);
  const errors = watchConsole(page);
  const queue = ["/beheer"];
  const seen = new Set<string>([pageKind("/beheer")]);
  const visited: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const started = performance.now();
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    await expect(page.getByText("Er ging iets mis"), path).toHaveCount(0);
    await expect(page.locator("h1"), path).toHaveCount(1);
    await expectAccessible(page);
    expect(errors, `console errors on ${path}`).toEqual([]);
    visited.push(`${path} (${Math.round(performance.now() - started)} ms)`);
    const links = await page.locator('main a[href^="/beheer"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of links) {
      const url = new URL(href, baseURL);
      // Downloads (CSV exports) are files, not pages.
      if (/\.(csv|pdf|ics)$|export/.test(url.pathname)) continue;
      const kind = pageKind(url.pathname);
      if (seen.has(kind)) continue;
      seen.add(kind);
      queue.push(url.pathname + url.search);
    }
  }
  console.log(`checked ${visited.length} /beheer pages: ${visited.join(", ")}`);
  // The crawl must have reached the pages of this issue and the ones that once crashed.
  for (const kind of [
    "/beheer/team",
    "/beheer/edities",
    "/beheer/edities/nieuw",
    "/beheer/edities/:id",
    "/beheer/edities/:id/pakket",
    "/beheer/cijfers/opkomst",
  ])
    expect(
      visited.map((v) => pageKind(v.split(" ")[0])),
      kind,
    ).toContain(kind);
});
