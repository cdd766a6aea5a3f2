// The report form through its two doors: the logged-in organiser page and the e-mailed link.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attendanceToken } from "~/models/attendance.server";
import { action as ownAction, loader as ownLoader } from "~/routes/organisator.activiteiten.$id.opkomst";
import { action as linkAction, loader as linkLoader } from "~/routes/opkomst.$token";
import { db, schema as t } from "~/utils/db.server";
import { createSignedToken } from "~/utils/signed-token.server";
import { amsterdamToUtc } from "~/utils/time";
import { get, outcome, post, sessionCookie } from "../helpers/requests";

let n = 0;
const edition = (year: number) => db.select().from(t.editions).where(eq(t.editions.year, year)).get()!;
function setup(year = 2026) {
  const e = edition(year);
  const u = db
    .insert(t.users)
    .values({ email: `opkomst-${++n}@example.org`, name: `Org ${n}` })
    .returning()
    .get();
  const a = db
    .insert(t.activities)
    .values({
      editionId: e.id,
      ownerId: u.id,
      organisationName: "Buurthuis",
      organisationKind: "welzijn",
      title: `Koffieochtend ${n}`,
      description: "Kom erbij.",
      type: "ontmoeting",
      startsAt: amsterdamToUtc(e.weekStart, "10:00"),
      endsAt: amsterdamToUtc(e.weekStart, "12:00"),
      municipalityCode: "GM0344",
      privateContactName: "X",
      privateContactEmail: "x@example.org",
      status: "published",
    })
    .returning()
    .get();
  return { user: u, activity: a, token: attendanceToken(a.id, e.reportDeadline) };
}
const reportOf = (activityId: number) =>
  db.select().from(t.attendanceReports).where(eq(t.attendanceReports.activityId, activityId)).get();
const good = { participants: "35", volunteers: "4", firstTimers: "6", newcomersReturned: "yes", remarks: "Gezellig!" };

describe("the e-mailed link", () => {
  it("opens the form of its own activity without login, saves, and shows the saved report for editing", async () => {
    const { activity, token } = setup();
    const page = await outcome(linkLoader(get(`/opkomst/${token}`, undefined, { token })));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ ok: true, state: "open", report: null, activity: { title: activity.title } });
    const saved = await outcome(linkAction(post(`/opkomst/${token}`, good, undefined, { token })));
    expect(saved).toMatchObject({ status: 303, location: `/opkomst/${token}?opgeslagen=1` });
    expect(reportOf(activity.id)).toMatchObject({
      participants: 35,
      volunteers: 4,
      firstTimers: 6,
      remarks: "Gezellig!",
      reportedById: activity.ownerId,
    });
    const again = await outcome(linkLoader(get(`/opkomst/${token}`, undefined, { token })));
    expect(again.data).toMatchObject({ state: "open", report: { participants: 35 }, values: { participants: "35" } });
    await outcome(linkAction(post(`/opkomst/${token}`, { ...good, participants: "40", firstTimers: "" }, undefined, { token })));
    expect(reportOf(activity.id)).toMatchObject({ participants: 40, firstTimers: null });
    expect(db.select().from(t.attendanceReports).where(eq(t.attendanceReports.activityId, activity.id)).all()).toHaveLength(1);
    expect(
      db
        .select()
        .from(t.auditLog)
        .where(eq(t.auditLog.entityId, String(activity.id)))
        .all()
        .map((r) => r.action),
    ).toEqual(["attendance.reported", "attendance.updated"]);
  });

  it("cannot open or write another activity, nor work when signed for another purpose, tampered or expired", async () => {
    const a = setup();
    const b = setup();
    const deadline = edition(2026).reportDeadline;
    const [, signature] = a.token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ p: `attendance:${b.activity.id}`, e: deadline.getTime() })).toString("base64url")}.${signature}`;
    const other = createSignedToken(`login:${a.activity.id}`, deadline);
    const sneaky = createSignedToken(`attendance:${a.activity.id}:extra`, deadline);
    for (const token of [forged, other, sneaky, "onzin", `${a.token}x`]) {
      expect((await outcome(linkLoader(get(`/opkomst/${token}`, undefined, { token })))).status).toBe(404);
      expect((await outcome(linkAction(post(`/opkomst/${token}`, good, undefined, { token })))).status).toBe(404);
    }
    const expired = createSignedToken(`attendance:${a.activity.id}`, new Date("2026-11-01T00:00:00Z"));
    const gone = await outcome(linkLoader(get(`/opkomst/${expired}`, undefined, { token: expired })));
    expect(gone.status).toBe(410);
    expect(gone.data.message).toContain("werkt niet meer");
    expect((await outcome(linkAction(post(`/opkomst/${expired}`, good, undefined, { token: expired })))).status).toBe(410);
    // A's link writes A only.
    await outcome(linkAction(post(`/opkomst/${a.token}`, good, undefined, { token: a.token })));
    expect(reportOf(a.activity.id)).toBeTruthy();
    expect(reportOf(b.activity.id)).toBeUndefined();
  });

  it.each([
    [{ participants: "-5" }, "participants", "Vul een aantal in van 0 of meer."],
    [
      { participants: "2500000" },
      "participants",
      "Vul een aantal in tot en met 100.000. Waren het er echt meer? Neem dan contact op met het programmateam.",
    ],
    [{ participants: "veel" }, "participants", "Vul een aantal in met alleen cijfers, zoals 25."],
    [{ participants: "12,5" }, "participants", "Vul een aantal in met alleen cijfers, zoals 25."],
    [{ participants: "" }, "participants", "Vul in hoeveel deelnemers er waren. Een schatting is goed."],
    [{ volunteers: "" }, "volunteers", "Vul in hoeveel vrijwilligers er hielpen. Waren er geen? Vul dan 0 in."],
    [{ volunteers: "-1" }, "volunteers", "Vul een aantal in van 0 of meer."],
    [{ firstTimers: "36" }, "firstTimers", "Er kunnen niet meer mensen voor het eerst zijn geweest dan er deelnemers waren."],
    [{ remarks: "x".repeat(1001) }, "remarks", "Je opmerking is te lang (hoogstens 1000 tekens)."],
  ])("refuses %j with a Dutch message next to the field, keeps the input, saves nothing", async (change, field, message) => {
    const { activity, token, user } = setup();
    const fields = { ...good, ...change };
    const res = await outcome(linkAction(post(`/opkomst/${token}`, fields, undefined, { token })));
    expect(res.status).toBe(400);
    expect(res.data.errors[field]).toEqual([message]);
    expect(res.data.values).toEqual(fields);
    const own = await outcome(
      ownAction(
        post(`/organisator/activiteiten/${activity.id}/opkomst`, fields, await sessionCookie(user.id), {
          id: String(activity.id),
        }),
      ),
    );
    expect(own.status).toBe(400);
    expect(own.data.errors[field]).toEqual([message]);
    expect(reportOf(activity.id)).toBeUndefined();
  });

  it("refuses after the report deadline (the form was open, the deadline passed), saving nothing", async () => {
    const { activity, token, user } = setup(2025);
    const e = edition(2025);
    // 2025's deadline (30 November 2025) has passed on the test's "today": the link itself has expired.
    expect((await outcome(linkAction(post(`/opkomst/${token}`, good, undefined, { token })))).status).toBe(410);
    // A link that outlives the (moved) deadline still cannot save after it.
    const longLink = createSignedToken(`attendance:${activity.id}`, new Date("2030-01-01"));
    const res = await outcome(linkAction(post(`/opkomst/${longLink}`, good, undefined, { token: longLink })));
    expect(res.status).toBe(409);
    expect(res.data.message).toBe("Opkomst doorgeven kan niet meer: de termijn is voorbij.");
    const own = await outcome(
      ownAction(
        post(`/organisator/activiteiten/${activity.id}/opkomst`, good, await sessionCookie(user.id), { id: String(activity.id) }),
      ),
    );
    expect(own.status).toBe(409);
    const page = await outcome(
      ownLoader(
        get(`/organisator/activiteiten/${activity.id}/opkomst`, await sessionCookie(user.id), { id: String(activity.id) }),
      ),
    );
    expect(page.data).toMatchObject({ state: "closed" });
    expect(reportOf(activity.id)).toBeUndefined();
    expect(e.reportDeadline.getTime()).toBeLessThan(Date.parse("2026-11-23"));
  });
});

describe("the logged-in organiser page", () => {
  it("is only for the owner, and only opens the form once the activity has ended", async () => {
    const { activity, user } = setup();
    const intruder = setup().user;
    const url = `/organisator/activiteiten/${activity.id}/opkomst`;
    expect((await outcome(ownLoader(get(url, await sessionCookie(intruder.id), { id: String(activity.id) })))).status).toBe(404);
    expect(
      (await outcome(ownAction(post(url, good, await sessionCookie(intruder.id), { id: String(activity.id) })))).status,
    ).toBe(404);
    expect((await outcome(ownLoader(get(url, undefined, { id: String(activity.id) })))).status).toBe(302);
    const page = await outcome(ownLoader(get(url, await sessionCookie(user.id), { id: String(activity.id) })));
    expect(page.data).toMatchObject({ state: "open", stateText: null });
    expect(await outcome(ownAction(post(url, good, await sessionCookie(user.id), { id: String(activity.id) })))).toMatchObject({
      status: 303,
      location: `${url}?opgeslagen=1`,
    });
    expect(reportOf(activity.id)).toMatchObject({ participants: 35 });

    const future = setup(2027);
    const futureUrl = `/organisator/activiteiten/${future.activity.id}/opkomst`;
    const cookie = await sessionCookie(future.user.id);
    expect((await outcome(ownLoader(get(futureUrl, cookie, { id: String(future.activity.id) })))).data).toMatchObject({
      state: "not_ended",
    });
    expect((await outcome(ownAction(post(futureUrl, good, cookie, { id: String(future.activity.id) })))).status).toBe(409);
    db.update(t.activities).set({ status: "cancelled" }).where(eq(t.activities.id, future.activity.id)).run();
    expect((await outcome(ownLoader(get(futureUrl, cookie, { id: String(future.activity.id) })))).data).toMatchObject({
      state: "not_published",
    });
    expect(reportOf(future.activity.id)).toBeUndefined();
  });
});
