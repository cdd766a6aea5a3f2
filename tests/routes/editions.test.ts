import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ensureReferenceData } from "../../db/reference/load";
import { action as editAction, loader as editLoader } from "~/routes/beheer.edities.$year._index";
import { loader as listLoader } from "~/routes/beheer.edities._index";
import { action as newAction, loader as newLoader } from "~/routes/beheer.edities.nieuw";
import { toLocalDateTime } from "~/models/edition";
import { db, schema as t } from "~/utils/db.server";
import { now, setClock } from "~/utils/clock.server";
import { DEMO_TODAY } from "../helpers/demo-today";
import { get, outcome, post, sessionCookie } from "../helpers/requests";

let counter = 0;
const person = (role: "organiser" | "programme_team") =>
  db
    .insert(t.users)
    .values({ email: `editions-${++counter}@example.org`, role })
    .returning()
    .get();
const team = person("programme_team");
const edition = (year: number) => db.select().from(t.editions).where(eq(t.editions.year, year)).get()!;
const audits = (action: string) =>
  db
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.action, action), eq(t.auditLog.entityType, "edition")))
    .all();

describe("/beheer/edities", () => {
  it("is for the programme team only", async () => {
    const organiser = await sessionCookie(person("organiser").id);
    expect((await outcome(listLoader(get("/beheer/edities", organiser)))).status).toBe(403);
    expect((await outcome(newAction(post("/beheer/edities/nieuw", {}, organiser)))).status).toBe(403);
  });

  it("proposes 2028 from 2027 and creates it; the reference loader leaves the team's editions alone", async () => {
    const cookie = await sessionCookie(team.id);
    const page = await outcome(newLoader(get("/beheer/edities/nieuw", cookie)));
    expect(page.data.values).toMatchObject({ year: "2028", number: "19", weekStart: "2028-09-28", weekEnd: "2028-10-04" });
    const created = await outcome(newAction(post("/beheer/edities/nieuw", page.data.values, cookie)));
    expect(created).toMatchObject({ status: 303, location: "/beheer/edities/2028?melding=aangemaakt" });
    expect(edition(2028)).toMatchObject({ number: 19, kitStock: 900, activityWindowStart: "2028-09-28" });
    expect(audits("edition.created").map((a) => a.entityId)).toEqual(["2028"]);

    // The team moves 2027's week; starting the server again (reference data) must not undo it.
    setClock("2026-08-01T10:00:00+02:00");
    const values = { ...(await outcome(editLoader(get("/beheer/edities/2027", cookie, { year: "2027" })))).data.values };
    const moved = await outcome(
      editAction(
        post("/beheer/edities/2027", { ...values, weekStart: "2027-09-23", weekEnd: "2027-09-29" }, cookie, { year: "2027" }),
      ),
    );
    expect(moved.status).toBe(303);
    ensureReferenceData(db);
    expect(edition(2027)).toMatchObject({ weekStart: "2027-09-23", weekEnd: "2027-09-29", activityWindowEnd: "2027-09-29" });
    setClock(DEMO_TODAY);
  });

  it("refuses dates out of order and a week that overlaps another edition, next to the field, writing nothing", async () => {
    const cookie = await sessionCookie(team.id);
    const values = (await outcome(editLoader(get("/beheer/edities/2026", cookie, { year: "2026" })))).data.values;
    const before = edition(2026);
    const bad = await outcome(
      editAction(
        post(
          "/beheer/edities/2026",
          { ...values, orderingClosesAt: "2026-09-25T00:00", reportDeadline: "2026-09-30T12:00" },
          cookie,
          { year: "2026" },
        ),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.error).toMatchObject({
      orderingClosesAt: ["Pakket bestellen moet sluiten voordat de week begint."],
      reportDeadline: ["Opkomst doorgeven moet kunnen tot na de week."],
    });
    expect(bad.data.initialValue.orderingClosesAt).toBe("2026-09-25T00:00");
    const clash = await outcome(editAction(post("/beheer/edities/2026", { ...values, number: "18" }, cookie, { year: "2026" })));
    expect(clash.status).toBe(400);
    expect(clash.data.error.number).toEqual(["Editie 18 bestaat al (2027)."]);
    expect(edition(2026).orderingClosesAt).toEqual(before.orderingClosesAt);
  });

  it("asks to confirm a change organisers rely on, with real counts, and saves only the confirmed change", async () => {
    const cookie = await sessionCookie(team.id);
    const e2026 = edition(2026);
    const owners = [person("organiser"), person("organiser")];
    for (const [i, owner] of owners.entries()) {
      const { id } = db
        .insert(t.activities)
        .values({
          editionId: e2026.id,
          ownerId: owner.id,
          organisationName: "Buurthuis",
          organisationKind: "welzijn",
          title: `Soep ${i}`,
          description: "Kom erbij.",
          type: "samen_eten",
          startsAt: new Date("2026-09-25T16:00:00Z"),
          endsAt: new Date("2026-09-25T18:00:00Z"),
          isOnline: true,
          onlineUrl: "https://example.org",
          privateContactName: "A",
          privateContactEmail: owner.email,
          status: "published",
        })
        .returning()
        .get();
      db.insert(t.emailOutbox)
        .values({
          dedupeKey: `attendance-request:${id}`,
          template: "attendance-request",
          props: {},
          toAddress: owner.email,
          nextAttemptAt: now(),
        })
        .run();
    }
    const values = (await outcome(editLoader(get("/beheer/edities/2026", cookie, { year: "2026" })))).data.values;
    const later = { ...values, reportDeadline: "2027-01-15T00:00" };
    const asked = await outcome(editAction(post("/beheer/edities/2026", later, cookie, { year: "2026" })));
    expect(asked.status).toBe(409);
    const [warning] = asked.data.confirm.warnings;
    expect(warning.text).toMatch(/^2 organisatoren kregen al een opkomstlink die verloopt op 16 december 2026 om 00:00\./);
    expect(toLocalDateTime(edition(2026).reportDeadline)).toBe("2026-12-16T00:00");

    const wrongKey = await outcome(
      editAction(post("/beheer/edities/2026", { ...later, bevestig: "deadline:1" }, cookie, { year: "2026" })),
    );
    expect(wrongKey.status).toBe(409);
    const confirmed = await outcome(
      editAction(post("/beheer/edities/2026", { ...later, bevestig: asked.data.confirm.key }, cookie, { year: "2026" })),
    );
    expect(confirmed.status).toBe(303);
    expect(toLocalDateTime(edition(2026).reportDeadline)).toBe("2027-01-15T00:00");
    const [entry] = audits("edition.dates_updated").filter(
      (a) => a.entityId === "2026" && (a.details as any).confirmedWarnings.length,
    );
    expect((entry.details as any).before.reportDeadline).toBe("2026-12-15T23:00:00.000Z");
  });

  it("answers 404 for an unknown or malformed year", async () => {
    const cookie = await sessionCookie(team.id);
    expect((await outcome(editLoader(get("/beheer/edities/1999", cookie, { year: "1999" })))).status).toBe(404);
    expect((await outcome(editLoader(get("/beheer/edities/20x6", cookie, { year: "20x6" })))).status).toBe(404);
  });
});
