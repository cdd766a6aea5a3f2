// Exact stock under real concurrency: 50 organisers POST their confirmation at the same moment to the
// running server (app/server.mjs on build/), with 10 packages left. Sessions are written straight into the
// e2e database and signed like the app signs them (login is not part of this test).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import type Database from "better-sqlite3";
import { forgeSession, openE2eDb } from "./helpers";

const liveOrders = (db: Database.Database, editionId: number) =>
  (
    db
      .prepare("select count(*) as n from kit_orders where edition_id = ? and status not in ('cancelled', 'rejected')")
      .get(editionId) as { n: number }
  ).n;

test("with 10 packages left, 50 simultaneous orders give exactly 10 orders and 40 clear refusals", async ({ baseURL }) => {
  const db = openE2eDb();
  const edition = db
    .prepare("select id, kit_stock as kitStock, week_start as weekStart from editions where year = 2027")
    .get() as { id: number; kitStock: number; weekStart: string };
  const stamp = randomUUID();
  const startsAt = Date.parse(`${edition.weekStart}T10:00:00+02:00`);
  const organisers = db.transaction(() =>
    Array.from({ length: 50 }, (_, i) => {
      const userId = Number(
        db
          .prepare("insert into users (email, name, role) values (?, ?, 'organiser')")
          .run(`drukte-${stamp}-${i}@example.org`, `Drukte ${i}`).lastInsertRowid,
      );
      const activityId = Number(
        db
          .prepare(
            `insert into activities (edition_id, owner_id, organisation_name, organisation_kind, title, description, type, starts_at, ends_at, municipality_code, private_contact_name, private_contact_email, status)
             values (?, ?, ?, 'welzijn', ?, 'Kom erbij.', 'ontmoeting', ?, ?, 'GM0344', 'X', 'x@example.org', 'published')`,
          )
          .run(edition.id, userId, `Buurtkamer ${i}`, `Drukte-test ${i}`, startsAt, startsAt + 7_200_000).lastInsertRowid,
      );
      return { activityId, userId };
    }),
  )();
  const cookies = await Promise.all(organisers.map((o) => forgeSession(db, o.userId)));
  db.prepare("update editions set kit_stock = ? where id = ?").run(liveOrders(db, edition.id) + 10, edition.id);

  try {
    const responses = await Promise.all(
      organisers.map(async (o, i) => {
        const res = await fetch(`${baseURL}/organisator/activiteiten/${o.activityId}/pakket`, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: cookies[i], "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            intent: "confirm",
            submissionKey: `drukte-${stamp}-${i}-sleutel`,
            deliveryName: `Drukte ${i}`,
            deliveryOrganisation: "",
            street: "Oudegracht",
            houseNumber: String(i + 1),
            houseNumberAddition: "",
            postcode: "3511 AB",
            place: "Utrecht",
            expectedParticipants: "30",
            remarks: "",
          }),
        });
        return { status: res.status, location: res.headers.get("location"), body: await res.text() };
      }),
    );
    const placed = responses.filter((r) => r.status === 303);
    const refused = responses.filter((r) => r.status === 409);
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(40);
    expect(placed.every((r) => /\/organisator\/pakketten\/KE2027-\d{5}\?besteld=1$/.test(r.location ?? ""))).toBe(true);
    expect(refused.every((r) => r.body.includes("De pakketten zijn op."))).toBe(true);

    const stock = db.prepare("select kit_stock as n from editions where id = ?").get(edition.id) as { n: number };
    expect(stock.n - liveOrders(db, edition.id)).toBe(0);
    const ours = db.prepare(`select count(*) as n from kit_orders where submission_key like 'drukte-${stamp}-%'`).get() as {
      n: number;
    };
    expect(ours.n).toBe(10);
  } finally {
    // Give the other specs their stock back.
    db.prepare("update editions set kit_stock = ? where id = ?").run(edition.kitStock + 10, edition.id);
    db.close();
  }
});
