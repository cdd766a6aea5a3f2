import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as newAction, loader as newLoader } from "~/routes/organisator.activiteiten.nieuw";
import { action as editAction, loader as editLoader } from "~/routes/organisator.activiteiten.$id.bewerken";
import { action as cancelAction } from "~/routes/organisator.activiteiten.$id.annuleren";
import { loader as myLoader } from "~/routes/organisator.activiteiten._index";
import { action as moderateAction } from "~/routes/beheer.controle._index";
import { action as reviewAction } from "~/routes/beheer.controle.$id";
import { db, schema } from "~/utils/db.server";
import { DEMO_ORGANISER_EMAIL, DEMO_TEAM_EMAIL, seedDemoData } from "~/demo/demo-data.server";
import { now } from "~/utils/clock.server";
import { get, outcome, post, sessionCookie } from "../helpers/requests";

seedDemoData(db, now());
const organiser = await sessionCookie(DEMO_ORGANISER_EMAIL);
const other = await sessionCookie("organisator-007@example.org");
const team = await sessionCookie(DEMO_TEAM_EMAIL);

const valid = {
  title: "Samen soep eten in de Schakel",
  description: "Een warme kom soep en een goed gesprek. Iedereen is welkom, ook als je alleen komt.",
  type: "samen-eten",
  targetGroups: ["iedereen", "ouderen"],
  date: "2027-10-01",
  startTime: "12:00",
  endTime: "14:00",
  venueName: "Buurthuis De Schakel",
  street: "Dorpsstraat",
  houseNumber: "12a",
  postcode: "3511ab",
  place: "Utrecht",
  wheelchairAccessible: "on",
  isFree: "ja",
  organisationName: "Stichting Samen",
  organisationKind: "welzijn",
  privateContactName: "Demi Organisator",
  privateContactEmail: "demi@example.nl",
};
const activities = () => db.select({ n: schema.activities.id }).from(schema.activities).all().length;
const errorsOf = (r: { data: any }) => r.data.error as Record<string, string[]>;

describe("registering an activity", () => {
  it("saves a valid activity as waiting for review, with the place found and an e-mail queued", async () => {
    const before = activities();
    const result = await outcome(newAction(post("/organisator/activiteiten/nieuw", valid, organiser)));
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/organisator\/activiteiten\?melding=aangemeld&locatie=ongeveer$/);
    expect(activities()).toBe(before + 1);
    const saved = db.select().from(schema.activities).orderBy(schema.activities.id).all().at(-1)!;
    expect(saved).toMatchObject({
      status: "pending",
      postcode: "3511 AB",
      municipalityCode: "GM0344",
      locationApproximate: true,
      wheelchairAccessible: true,
      isFree: true,
    });
    expect(saved.startsAt.toISOString()).toBe("2027-10-01T10:00:00.000Z");
    const mail = db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.template, "activity-received")).all().at(-1)!;
    expect(mail.toAddress).toBe(DEMO_ORGANISER_EMAIL);
    const audit = db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, String(saved.id)))
      .all();
    expect(audit.map((x) => x.action)).toEqual(["activity.created"]);
  });

  it("gives a Dutch error next to every empty required field and saves nothing", async () => {
    const before = activities();
    const result = await outcome(newAction(post("/organisator/activiteiten/nieuw", {}, organiser)));
    expect(result.status).toBe(400);
    const errors = errorsOf(result);
    for (const field of [
      "title",
      "description",
      "type",
      "targetGroups",
      "date",
      "startTime",
      "endTime",
      "isFree",
      "organisationName",
      "organisationKind",
      "privateContactName",
      "privateContactEmail",
    ]) {
      expect(errors[field]?.[0], field).toMatch(/^(Vul|Kies|Gebruik)/);
    }
    expect(activities()).toBe(before);
  });

  it.each([
    ["1234 SS", "postcode", "Vul een Nederlandse postcode in, zoals 1234 AB."],
    ["0123 AB", "postcode", "Vul een Nederlandse postcode in, zoals 1234 AB."],
  ])("refuses the postcode %s", async (postcode, field, message) => {
    const result = await outcome(newAction(post("/organisator/activiteiten/nieuw", { ...valid, postcode }, organiser)));
    expect(result.status).toBe(400);
    expect(errorsOf(result)[field]).toEqual([message]);
  });

  it("refuses an end before the start and a date outside the activity window, keeping what was typed", async () => {
    const result = await outcome(
      newAction(
        post(
          "/organisator/activiteiten/nieuw",
          { ...valid, startTime: "15:00", endTime: "14:00", date: "2027-11-20" },
          organiser,
        ),
      ),
    );
    expect(result.status).toBe(400);
    expect(errorsOf(result).endTime).toEqual(["De eindtijd moet na de begintijd liggen."]);
    expect(errorsOf(result).date).toEqual(["Kies een datum tussen 30 september 2027 en 6 oktober 2027."]);
    expect(result.data.initialValue.title).toBe(valid.title);
  });

  it("refuses a title of 10,000 characters and too many links", async () => {
    const result = await outcome(
      newAction(
        post(
          "/organisator/activiteiten/nieuw",
          { ...valid, title: "x".repeat(10_000), description: `${valid.description} https://a.nl https://b.nl https://c.nl` },
          organiser,
        ),
      ),
    );
    expect(errorsOf(result).title).toEqual(["Gebruik hoogstens 120 tekens voor een titel."]);
    expect(errorsOf(result).description).toEqual(["Zet hoogstens 2 links in de beschrijving."]);
  });

  it("stores HTML and script as plain text", async () => {
    const title = `<script>alert("x")</script> Koffie`;
    const result = await outcome(
      newAction(post("/organisator/activiteiten/nieuw", { ...valid, title, organisationName: "<b>Stichting</b>" }, organiser)),
    );
    expect(result.status).toBe(302);
    const saved = db.select().from(schema.activities).orderBy(schema.activities.id).all().at(-1)!;
    expect(saved.title).toBe(title);
  });

  it("keeps a pin the organiser dragged on the map, instead of the municipality centre", async () => {
    const mine = db.select().from(schema.activities).where(eq(schema.activities.title, valid.title)).get()!;
    expect(mine.locationApproximate).toBe(true);
    const params = { id: String(mine.id) };
    const moved = { ...valid, municipalityCode: "GM0344", pinLat: "52.091234", pinLon: "5.118765" };
    const result = await outcome(editAction(post(`/organisator/activiteiten/${mine.id}/bewerken`, moved, organiser, params)));
    expect(result.location).toBe("/organisator/activiteiten?melding=opgeslagen");
    expect(db.select().from(schema.activities).where(eq(schema.activities.id, mine.id)).get()).toMatchObject({
      lat: 52.091234,
      lon: 5.118765,
      locationApproximate: false,
    });
    const outside = await outcome(
      editAction(post(`/organisator/activiteiten/${mine.id}/bewerken`, { ...moved, pinLat: "48.85" }, organiser, params)),
    );
    expect(outside.status).toBe(400);
  });

  it("shows another organiser's activity as not found, for reading, editing and cancelling", async () => {
    const mine = db
      .select()
      .from(schema.activities)
      .innerJoin(schema.users, eq(schema.users.id, schema.activities.ownerId))
      .where(eq(schema.users.email, DEMO_ORGANISER_EMAIL))
      .all()
      .at(-1)!.activities;
    const params = { id: String(mine.id) };
    expect((await outcome(editLoader(get(`/organisator/activiteiten/${mine.id}/bewerken`, other, params)))).status).toBe(404);
    expect((await outcome(editAction(post(`/organisator/activiteiten/${mine.id}/bewerken`, valid, other, params)))).status).toBe(
      404,
    );
    expect(
      (
        await outcome(
          cancelAction(post(`/organisator/activiteiten/${mine.id}/annuleren`, { reason: "Weg ermee" }, other, params)),
        )
      ).status,
    ).toBe(404);
    expect(db.select().from(schema.activities).where(eq(schema.activities.id, mine.id)).get()!.status).toBe(mine.status);
  });

  it("sends anonymous visitors to the login page", async () => {
    const result = await outcome(newLoader(get("/organisator/activiteiten/nieuw")));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/inloggen?terug=%2Forganisator%2Factiviteiten%2Fnieuw");
  });

  it("says clearly when registration is closed, with the dates", async () => {
    db.update(schema.editions)
      .set({ registrationClosesAt: new Date("2026-11-01T00:00:00Z") })
      .where(eq(schema.editions.year, 2027))
      .run();
    try {
      const page = await outcome(newLoader(get("/organisator/activiteiten/nieuw", organiser)));
      expect(page.data.open).toBe(false);
      expect(page.data.closedText).toBe(
        "Aanmelden voor de Week tegen Eenzaamheid 2027 kon van 2 november 2026 tot en met 1 november 2026.",
      );
      const result = await outcome(newAction(post("/organisator/activiteiten/nieuw", valid, organiser)));
      expect(result.status).toBe(302);
      expect(result.location).toBe("/organisator/activiteiten/nieuw");
    } finally {
      db.update(schema.editions)
        .set({ registrationClosesAt: new Date("2027-10-06T22:00:00Z") })
        .where(eq(schema.editions.year, 2027))
        .run();
    }
  });
});

describe("moderation", () => {
  it("only the programme team moderates; approving publishes and e-mails, rejecting needs a reason", async () => {
    const pending = db.select().from(schema.activities).where(eq(schema.activities.status, "pending")).all();
    const [first, second] = pending;
    expect((await outcome(moderateAction(post("/beheer/controle", { ids: [String(first.id)] }, organiser)))).status).toBe(403);

    const approved = await outcome(moderateAction(post("/beheer/controle", { ids: [String(first.id)] }, team)));
    expect(approved.location).toBe("/beheer/controle?goedgekeurd=1");
    expect(db.select().from(schema.activities).where(eq(schema.activities.id, first.id)).get()!.status).toBe("published");

    const noReason = await outcome(
      reviewAction(post(`/beheer/controle/${second.id}`, { intent: "reject", reason: "" }, team, { id: String(second.id) })),
    );
    expect(noReason.status).toBe(400);
    await outcome(
      reviewAction(
        post(`/beheer/controle/${second.id}`, { intent: "reject", reason: "Er staat geen adres bij." }, team, {
          id: String(second.id),
        }),
      ),
    );
    expect(db.select().from(schema.activities).where(eq(schema.activities.id, second.id)).get()).toMatchObject({
      status: "rejected",
      moderationReason: "Er staat geen adres bij.",
    });
    const templates = db
      .select({ t: schema.emailOutbox.template })
      .from(schema.emailOutbox)
      .all()
      .map((r) => r.t);
    expect(templates).toContain("activity-published");
    expect(templates).toContain("activity-rejected");
  });

  it("lists an organiser's own activities per edition with the next step", async () => {
    const page = await outcome(myLoader(get("/organisator/activiteiten", organiser)));
    const years = page.data.groups.map((g: { year: number }) => g.year);
    expect(years).toEqual([2027, 2026, 2025, 2024]);
    const steps = page.data.groups[1].activities.map((x: { next: { action?: string } }) => x.next.action);
    expect(steps).toContain("report"); // 2026 has ended and is in its reporting phase
  });
});
