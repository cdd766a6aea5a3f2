// Review that cannot be bypassed (pending revisions) and the duplicate warning, through the real
// routes on real SQLite.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as newAction } from "~/routes/organisator.activiteiten.nieuw";
import { action as editAction, loader as editLoader } from "~/routes/organisator.activiteiten.$id.bewerken";
import { action as cancelAction } from "~/routes/organisator.activiteiten.$id.annuleren";
import { loader as myLoader } from "~/routes/organisator.activiteiten._index";
import { action as queueAction, loader as queueLoader } from "~/routes/beheer.controle._index";
import { action as reviewAction, loader as reviewLoader } from "~/routes/beheer.controle.$id";
import { loader as publicLoader } from "~/routes/activiteiten.$id";
import { DIRECT_FIELDS, REVIEWED_FIELDS } from "~/models/activity-revision";
import { db, schema } from "~/utils/db.server";
import { DEMO_ORGANISER_EMAIL, DEMO_TEAM_EMAIL, seedDemoData } from "~/demo/demo-data.server";
import { now } from "~/utils/clock.server";
import { get, outcome, post, sessionCookie } from "../helpers/requests";

seedDemoData(db, now());
const organiser = await sessionCookie(DEMO_ORGANISER_EMAIL);
const otherOrganiser = await sessionCookie("organisator-007@example.org");
const team = await sessionCookie(DEMO_TEAM_EMAIL);

const base = {
  description: "Een warme kom soep en een goed gesprek. Iedereen is welkom, ook als je alleen komt.",
  type: "samen-eten",
  targetGroups: ["iedereen"],
  date: "2027-10-01",
  startTime: "18:00",
  endTime: "20:00",
  venueName: "Wijkcentrum De Pijler",
  street: "Oudegracht",
  houseNumber: "200",
  postcode: "3511 NS",
  place: "Utrecht",
  municipalityCode: "GM0344",
  isFree: "ja",
  organisationName: "Stichting Samen",
  organisationKind: "welzijn",
  privateContactName: "Demi Organisator",
  privateContactEmail: "demi@example.nl",
};

const rowOf = (id: number) => db.select().from(schema.activities).where(eq(schema.activities.id, id)).get()!;
const lastActivity = () => db.select().from(schema.activities).orderBy(schema.activities.id).all().at(-1)!;
const idParams = (id: number) => ({ id: String(id) });

async function register(fields: Record<string, string | string[]>, cookie = organiser) {
  return outcome(newAction(post("/organisator/activiteiten/nieuw", { ...base, ...fields }, cookie)));
}

/** A published activity of the demo organiser, with its form values. */
async function publishedActivity(title: string, extra: Record<string, string> = {}) {
  const fields = { ...base, title, startTime: "10:00", endTime: "11:00", date: "2027-09-30", ...extra };
  const created = await register(fields);
  expect(created.status).toBe(302);
  const { id } = lastActivity();
  await outcome(queueAction(post("/beheer/controle", { ids: [String(id)] }, team)));
  expect(rowOf(id).status).toBe("published");
  return { id, fields };
}

const edit = (id: number, fields: Record<string, string | string[]>) =>
  outcome(editAction(post(`/organisator/activiteiten/${id}/bewerken`, fields, organiser, idParams(id))));
const publicTitle = async (id: number) => (await outcome(publicLoader(get(`/activiteiten/${id}`, undefined, idParams(id))))).data;

describe("which fields wait for review", () => {
  it("classifies every field once: the public free text, time and place are reviewed, ticks and private data are not", () => {
    const reviewed = Object.keys(REVIEWED_FIELDS);
    const direct = Object.keys(DIRECT_FIELDS);
    expect(reviewed.filter((f) => direct.includes(f))).toEqual([]);
    for (const f of ["title", "description", "startsAt", "onlineUrl", "street", "lat", "signUpInfo", "publicContactEmail"])
      expect(reviewed).toContain(f);
    for (const f of ["maxParticipants", "wheelchairAccessible", "priceCents", "privateContactPhone", "targetGroups"])
      expect(direct).toContain(f);
  });
});

describe("editing a published activity", () => {
  it("keeps the approved title public until the team approves the change; safe fields go live at once", async () => {
    const { id, fields } = await publishedActivity("Soep en praatjes in De Pijler");
    const result = await edit(id, {
      ...fields,
      title: "casino bonus gratis geld",
      maxParticipants: "30",
      hearingLoop: "on",
    });
    expect(result.location).toBe("/organisator/activiteiten?melding=ter-controle");
    // The public row: old title, new direct fields.
    expect(rowOf(id)).toMatchObject({ title: "Soep en praatjes in De Pijler", maxParticipants: 30, hearingLoop: true });
    const page = await publicTitle(id);
    expect(JSON.stringify(page)).not.toContain("casino");

    // The organiser sees that a change waits, and the edit form shows what they asked for.
    const mine = await outcome(myLoader(get("/organisator/activiteiten", organiser)));
    const card = mine.data.groups[0].activities.find((x: { id: number }) => x.id === id);
    expect(card.pendingChange).toBe("Wijziging wacht op controle: titel.");
    const form = await outcome(editLoader(get(`/organisator/activiteiten/${id}/bewerken`, organiser, idParams(id))));
    expect(form.data.defaultValue.title).toBe("casino bonus gratis geld");
    expect(form.data.pendingChange).toBe("Wijziging wacht op controle: titel.");

    // The team sees it in the queue and a side-by-side diff on the review page.
    const queue = await outcome(queueLoader(get("/beheer/controle", team)));
    expect(queue.data.pending.find((x: { id: number }) => x.id === id)).toMatchObject({
      kind: "revision",
      title: "casino bonus gratis geld",
    });
    const review = await outcome(reviewLoader(get(`/beheer/controle/${id}`, team, idParams(id))));
    expect(review.data.revision.diff).toEqual([
      { field: "title", label: "Titel", now: "Soep en praatjes in De Pijler", proposed: "casino bonus gratis geld" },
    ]);

    // A second edit replaces the pending change (one pending revision per activity).
    await edit(id, { ...fields, title: "Soep, brood en praatjes in De Pijler", maxParticipants: "30", hearingLoop: "on" });
    const revisions = db.select().from(schema.activityRevisions).where(eq(schema.activityRevisions.activityId, id)).all();
    expect(revisions.map((r) => r.status)).toEqual(["pending"]);

    // Rejecting keeps the approved version and tells the organiser why.
    await outcome(
      reviewAction(post(`/beheer/controle/${id}`, { intent: "reject", reason: "Titel klopt niet." }, team, idParams(id))),
    );
    expect(rowOf(id).title).toBe("Soep en praatjes in De Pijler");
    const refused = db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.template, "activity-change-rejected")).all();
    expect(refused.at(-1)!.props).toMatchObject({ reason: "Titel klopt niet." });
    const after = await outcome(myLoader(get("/organisator/activiteiten", organiser)));
    expect(after.data.groups[0].activities.find((x: { id: number }) => x.id === id).changeRefused).toBe("Titel klopt niet.");

    // Approving applies the change in one go, audits and e-mails.
    await edit(id, { ...fields, title: "Soep, brood en praatjes", startTime: "10:30", maxParticipants: "30", hearingLoop: "on" });
    const approved = await outcome(reviewAction(post(`/beheer/controle/${id}`, { intent: "approve" }, team, idParams(id))));
    expect(approved.location).toBe("/beheer/controle?goedgekeurd=1");
    expect(rowOf(id)).toMatchObject({ title: "Soep, brood en praatjes", status: "published", maxParticipants: 30 });
    expect(rowOf(id).startsAt.toISOString()).toBe("2027-09-30T08:30:00.000Z");
    const audit = db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityType, "activity"), eq(schema.auditLog.entityId, String(id))))
      .all()
      .map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(["activity.revision-rejected", "activity.revision-approved"]));
    const mail = db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.template, "activity-change-approved")).all();
    expect(mail.at(-1)!.props).toMatchObject({ title: "Soep, brood en praatjes" });
  });

  it("changes only safe fields directly, without a revision", async () => {
    const { id, fields } = await publishedActivity("Samen breien in De Pijler");
    const result = await edit(id, { ...fields, wheelchairAccessible: "on", isFree: "nee", price: "2,50" });
    expect(result.location).toBe("/organisator/activiteiten?melding=opgeslagen");
    expect(rowOf(id)).toMatchObject({ wheelchairAccessible: true, isFree: false, priceCents: 250 });
    expect(db.select().from(schema.activityRevisions).where(eq(schema.activityRevisions.activityId, id)).all()).toEqual([]);
  });

  it("puts a changed online link, address and sign-up text up for review too", async () => {
    const { id, fields } = await publishedActivity("Voorlezen in De Pijler");
    await edit(id, { ...fields, street: "Neude", houseNumber: "11", signUpRequired: "on", signUpInfo: "Bel ons" });
    expect(rowOf(id)).toMatchObject({ street: "Oudegracht", signUpInfo: null, signUpRequired: true });
    const review = await outcome(reviewLoader(get(`/beheer/controle/${id}`, team, idParams(id))));
    expect(review.data.revision.diff.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(["street", "houseNumber", "signUpInfo"]),
    );
    // Changing it all back withdraws the pending change.
    await edit(id, fields);
    expect(db.select().from(schema.activityRevisions).where(eq(schema.activityRevisions.activityId, id)).get()!.status).toBe(
      "withdrawn",
    );
  });

  it("lets an activity that was never approved simply change", async () => {
    const created = await register({ title: "Schaken voor beginners", startTime: "14:00", endTime: "16:00" });
    expect(created.status).toBe(302);
    const { id } = lastActivity();
    await edit(id, { ...base, title: "Schaken voor iedereen", startTime: "14:00", endTime: "16:00" });
    expect(rowOf(id)).toMatchObject({ title: "Schaken voor iedereen", status: "pending" });
    expect(db.select().from(schema.activityRevisions).where(eq(schema.activityRevisions.activityId, id)).all()).toEqual([]);
  });

  it("cancels at once, also while a change waits (the change is withdrawn)", async () => {
    const { id, fields } = await publishedActivity("Koor voor iedereen in De Pijler");
    await edit(id, { ...fields, title: "Popkoor voor iedereen in De Pijler" });
    await outcome(
      cancelAction(post(`/organisator/activiteiten/${id}/annuleren`, { reason: "Zaal is dicht" }, organiser, idParams(id))),
    );
    expect(rowOf(id).status).toBe("cancelled");
    expect(db.select().from(schema.activityRevisions).where(eq(schema.activityRevisions.activityId, id)).get()!.status).toBe(
      "withdrawn",
    );
  });
});

describe("duplicate warning", () => {
  it("flags the same activity submitted twice, and saves it only after 'toch indienen'", async () => {
    const evening = { title: "Bingo-avond in De Pijler", date: "2027-10-02", startTime: "19:00", endTime: "21:00" };
    expect((await register(evening)).status).toBe(302);
    const first = lastActivity();

    const again = await register({ ...evening, title: "Bingoavond in de Pijler!" });
    expect(again.status).toBe(409);
    expect(again.data.likelyDuplicates).toEqual([expect.objectContaining({ id: first.id, title: "Bingo-avond in De Pijler" })]);
    expect(again.data.error[""][0]).toContain("lijkt op");
    expect(again.data.initialValue.title).toBe("Bingoavond in de Pijler!");
    expect(lastActivity().id).toBe(first.id);

    const confirmed = await register({ ...evening, title: "Bingoavond in de Pijler!", tochIndienen: "ja" });
    expect(confirmed.status).toBe(302);
    const second = lastActivity();

    // The queue marks the pair; "samenvoegen" refuses the newer with a fixed reason in one click.
    const queue = await outcome(queueLoader(get("/beheer/controle", team)));
    const marked = queue.data.pending.find((x: { id: number }) => x.id === second.id);
    expect(marked.duplicates).toEqual([{ id: first.id, title: first.title }]);
    expect(marked.mergeInto).toMatchObject({ id: first.id });
    const merged = await outcome(queueAction(post("/beheer/controle", { samenvoegen: `${second.id}:${first.id}` }, team)));
    expect(merged.location).toBe("/beheer/controle?samengevoegd=1");
    expect(rowOf(second.id).status).toBe("rejected");
    expect(rowOf(second.id).moderationReason).toContain("„Bingo-avond in De Pijler”");
    expect(rowOf(first.id).status).toBe("pending");
  });

  it("does not flag two different activities in the same building on the same evening", async () => {
    const evening = { date: "2027-10-03", startTime: "19:00", endTime: "21:00" };
    expect((await register({ ...evening, title: "Samen koken in De Pijler" })).status).toBe(302);
    expect((await register({ ...evening, title: "Bingo in De Pijler", startTime: "19:30" }, otherOrganiser)).status).toBe(302);
    expect((await register({ ...evening, title: "Filmavond voor buren", startTime: "20:00" })).status).toBe(302);
  });

  it("tells another organiser only that a look-alike waits, not what it is", async () => {
    const slot = { date: "2027-10-04", startTime: "10:00", endTime: "12:00", title: "Wandelen rond De Pijler" };
    expect((await register(slot)).status).toBe(302);
    const other = await register(slot, otherOrganiser);
    expect(other.status).toBe(409);
    expect(other.data.likelyDuplicates[0]).toMatchObject({ title: "een activiteit die nog wordt gecontroleerd", place: null });
  });
});
