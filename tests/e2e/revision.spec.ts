import { expect, test } from "@playwright/test";
import { expectAccessible, logInAs, openE2eDb, stubTiles, watchConsole } from "./helpers";

const ORGANISER = "revisie.e2e@example.org";
const OLD_TITLE = "Samen wandelen langs de Vecht";
const NEW_TITLE = "Samen wandelen en koffie langs de Vecht";

/** A published 2027 activity of its own organiser, so no other spec's data is touched. */
function publishedActivity() {
  const db = openE2eDb();
  try {
    const ownerId = Number(
      db.prepare("insert into users (email, name) values (?, 'Rik Revisie')").run(ORGANISER).lastInsertRowid,
    );
    const id = Number(
      db
        .prepare(
          `insert into activities (edition_id, owner_id, organisation_name, organisation_kind, title, description, type, starts_at, ends_at,
             is_online, venue_name, street, house_number, postcode, place, municipality_code, lat, lon, location_approximate,
             private_contact_name, private_contact_email, status, moderated_at)
           select a.edition_id, ?, 'Wandelclub De Vecht', 'initiatief', ?, 'We wandelen een uur langs de Vecht en drinken daarna samen koffie.',
             'wandelen-bewegen', a.starts_at, a.ends_at, 0, 'Theehuis', 'Zandpad', '1', '3601 NA', 'Maarssen', 'GM0736', 52.139, 5.032, 0,
             'Rik Revisie', ?, 'published', a.created_at
           from activities a join editions e on e.id = a.edition_id where e.year = 2027 and a.status = 'published' order by a.id limit 1`,
        )
        .run(ownerId, OLD_TITLE, ORGANISER).lastInsertRowid,
    );
    db.prepare("insert into activity_target_groups (activity_id, target_group) values (?, 'iedereen')").run(id);
    return id;
  } finally {
    db.close();
  }
}

test("an approved activity edited by its organiser stays as it was in public until the team approves the change", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const id = publishedActivity();
  await stubTiles(page);
  const errors = watchConsole(page);

  // The organiser changes the title (reviewed) and the maximum number of participants (goes live at once).
  await logInAs(page.context(), baseURL!, ORGANISER);
  await page.goto(`/organisator/activiteiten/${id}/bewerken`);
  await page.getByLabel("Titel").fill(NEW_TITLE);
  await page.getByLabel(/Hoeveel mensen kunnen er hoogstens/).fill("25");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByText("Het programmateam kijkt eerst naar je wijziging")).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: OLD_TITLE }) });
  await expect(card).toContainText("Wijziging wacht op controle: titel.");
  await expectAccessible(page);

  // The edit page shows what waits, with the proposed title in the form.
  await card.getByRole("link", { name: /Aanpassen/ }).click();
  await expect(page.getByText("Wijziging wacht op controle: titel.")).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue(NEW_TITLE);
  await expectAccessible(page);

  // The public still sees the approved title.
  const visitor = await browser.newPage();
  await visitor.goto(`/activiteiten/${id}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(OLD_TITLE);

  // The team reviews with JavaScript: the change as a table, the pin on a map, everything else.
  const teamContext = await browser.newContext({ baseURL });
  const team = await teamContext.newPage();
  await stubTiles(team);
  const teamErrors = watchConsole(team);
  await logInAs(teamContext, baseURL!, "programmateam@example.nl");
  await team.goto("/beheer/controle");
  const row = team.getByRole("row").filter({ hasText: NEW_TITLE });
  await expect(row).toContainText("Wijziging");
  await expectAccessible(team);
  await row.getByRole("link", { name: NEW_TITLE }).click();
  await expect(team.getByRole("heading", { level: 1 })).toHaveText(`Wijziging controleren: ${NEW_TITLE}`);
  const diff = team.getByRole("table", { name: "Wat verandert er?" });
  await expect(diff.getByRole("row", { name: /Titel/ })).toContainText(OLD_TITLE);
  await expect(diff.getByRole("row", { name: /Titel/ })).toContainText(NEW_TITLE);
  await expect(team.getByText("Zandpad 1, 3601 NA Maarssen")).toBeVisible();
  await expect(team.getByText("Rik Revisie", { exact: false }).first()).toBeVisible();
  await expect(team.locator(".leaflet-container")).toBeVisible();
  await expectAccessible(team);
  expect(teamErrors).toEqual([]);
  await teamContext.close();

  // Without JavaScript the same page works: a static place line instead of the map, and the decision form.
  const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL });
  await logInAs(noJs, baseURL!, "programmateam@example.nl");
  const reviewer = await noJs.newPage();
  await reviewer.goto(`/beheer/controle/${id}`);
  await expect(reviewer.getByText("De kaart verschijnt als JavaScript aan staat.")).toBeVisible();
  await expect(reviewer.getByText(/Coördinaten 52\.13900, 5\.03200/)).toBeVisible();
  await reviewer.getByRole("button", { name: "Wijziging goedkeuren en publiceren" }).click();
  await expect(reviewer.getByText("1 activiteit goedgekeurd")).toBeVisible();
  await noJs.close();

  // Now the public sees the new title (a fresh browser: anonymous pages may be cached for a minute).
  await visitor.close();
  const later = await browser.newPage();
  await later.goto(`/activiteiten/${id}`);
  await expect(later.getByRole("heading", { level: 1 })).toHaveText(NEW_TITLE);
  await later.close();
  expect(errors).toEqual([]);
});
