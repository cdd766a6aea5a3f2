// Issue 17, several sessions in the Week: one activity with three dates, from the organiser's form to
// the public page, the list, the calendar file, the review of a change, a copy and the attendance report.
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { action as newAction } from "~/routes/organisator.activiteiten.nieuw";
import { action as editAction } from "~/routes/organisator.activiteiten.$id.bewerken";
import { action as moderateAction } from "~/routes/beheer.controle._index";
import { action as linkAction, loader as linkLoader } from "~/routes/opkomst.$token";
import { attendanceToken } from "~/models/attendance.server";
import { loader as ics } from "~/routes/activiteiten.$id_.agenda[.]ics";
import { getPublicActivity, listMunicipalityActivities, searchNearby } from "~/models/activity-search.server";
import { getOwnActivity, getReviewItem, toFormValues } from "~/models/activity.server";
import { getEditionByYear } from "~/models/edition.server";
import { db, schema } from "~/utils/db.server";
import { DEMO_ORGANISER_EMAIL, DEMO_TEAM_EMAIL, seedDemoData } from "~/demo/demo-data.server";
import { now, setClock } from "~/utils/clock.server";
import { DEMO_TODAY } from "../helpers/demo-today";
import { get, outcome, post, sessionCookie } from "../helpers/requests";

seedDemoData(db, now());
const organiser = await sessionCookie(DEMO_ORGANISER_EMAIL);
const team = await sessionCookie(DEMO_TEAM_EMAIL);
afterEach(() => setClock(DEMO_TODAY));

// The 2027 Week runs Thursday 30 September to Wednesday 6 October.
const form = {
  title: "Ochtendwandeling door het park",
  description: "Samen een rustige wandeling van een uur, daarna koffie. Kom gerust alleen, we wachten bij de ingang.",
  type: "wandelen-bewegen",
  targetGroups: ["iedereen"],
  date: "2027-10-04",
  startTime: "10:00",
  endTime: "11:30",
  // Empty rows in between are ignored; the order does not matter.
  "moreSessions[0].date": "",
  "moreSessions[1].date": "2027-09-30",
  "moreSessions[1].startTime": "10:00",
  "moreSessions[1].endTime": "11:30",
  "moreSessions[3].date": "2027-10-06",
  "moreSessions[3].startTime": "09:30",
  "moreSessions[3].endTime": "11:00",
  venueName: "Ingang Wilhelminapark",
  street: "Wilhelminapark",
  houseNumber: "1",
  postcode: "3581NA",
  place: "Utrecht",
  municipalityCode: "GM0344",
  isFree: "ja",
  organisationName: "Stichting Samen in de Wijk Utrecht",
  organisationKind: "welzijn",
  privateContactName: "Demi Organisator",
  privateContactEmail: "demi@example.nl",
};
const sessionsOf = (id: number) =>
  db
    .select()
    .from(schema.activitySessions)
    .where(eq(schema.activitySessions.activityId, id))
    .orderBy(schema.activitySessions.startsAt)
    .all();
const activityRow = (id: number) => db.select().from(schema.activities).where(eq(schema.activities.id, id)).get()!;
const errorsOf = (r: { data: any }) => r.data.error as Record<string, string[]>;

let id = 0;

describe("an activity with three sessions", () => {
  it("refuses a wrong extra row with the error next to that row's field, and saves nothing", async () => {
    const before = db.select().from(schema.activities).all().length;
    const wrong = await outcome(
      newAction(
        post(
          "/organisator/activiteiten/nieuw",
          {
            ...form,
            "moreSessions[1].endTime": "09:00",
            "moreSessions[3].date": "2027-10-20",
            "moreSessions[4].date": "2027-10-04",
            "moreSessions[4].startTime": "10:00",
            "moreSessions[4].endTime": "11:30",
            "moreSessions[5].startTime": "14:00",
          },
          organiser,
        ),
      ),
    );
    expect(wrong.status).toBe(400);
    const errors = errorsOf(wrong);
    expect(errors["moreSessions[1].endTime"]).toEqual(["De eindtijd moet na de begintijd liggen."]);
    expect(errors["moreSessions[3].date"]?.[0]).toMatch(/^Kies een datum tussen/);
    expect(errors["moreSessions[4].date"]).toEqual(["Deze datum en begintijd staan er al. Kies een andere dag of tijd."]);
    expect(errors["moreSessions[5].date"]).toEqual(["Vul de datum in."]);
    expect(errors["moreSessions[5].endTime"]).toEqual(["Vul de eindtijd in."]);
    expect(errors["moreSessions[0].date"]).toBeUndefined();
    expect(db.select().from(schema.activities).all().length).toBe(before);
  });

  it("stores three sessions, the first date being the earliest", async () => {
    const result = await outcome(newAction(post("/organisator/activiteiten/nieuw", form, organiser)));
    expect(result.status).toBe(302);
    id = db.select().from(schema.activities).orderBy(schema.activities.id).all().at(-1)!.id;
    const sessions = sessionsOf(id);
    expect(sessions.map((x) => x.startsAt.toISOString())).toEqual([
      "2027-09-30T08:00:00.000Z",
      "2027-10-04T08:00:00.000Z",
      "2027-10-06T07:30:00.000Z",
    ]);
    expect(activityRow(id).startsAt.toISOString()).toBe("2027-09-30T08:00:00.000Z");
    expect(activityRow(id).endsAt.toISOString()).toBe("2027-09-30T09:30:00.000Z");
    await outcome(moderateAction(post("/beheer/controle", { ids: [String(id)] }, team)));
    expect(activityRow(id).status).toBe("published");
  });

  it("shows three dates on its page", () => {
    const page = getPublicActivity(id)!;
    expect(page.sessions).toHaveLength(3);
    expect(page.sessions.map((x) => new Date(x.startsAt).toISOString().slice(0, 10))).toEqual([
      "2027-09-30",
      "2027-10-04",
      "2027-10-06",
    ]);
  });

  it("appears once in the list with '3 keer' and the next session by the platform clock", () => {
    const listed = () => listMunicipalityActivities(getEditionByYear(2027)!.id, "GM0344").filter((a) => a.id === id);
    expect(listed()).toHaveLength(1);
    expect(listed()[0]).toMatchObject({ sessionCount: 3, startsAt: Date.parse("2027-09-30T08:00:00Z") });
    setClock("2027-10-02T12:00:00+02:00"); // Saturday: the next one is Monday
    expect(listed()[0].startsAt).toBe(Date.parse("2027-10-04T08:00:00Z"));
    setClock("2027-11-01T12:00:00+01:00"); // after the Week: the first again
    expect(listed()[0].startsAt).toBe(Date.parse("2027-09-30T08:00:00Z"));
  });

  it("matches a day filter when any session is on that day, and is listed once", () => {
    const edition = getEditionByYear(2027)!;
    const found = (dag?: "ma" | "do" | "wo" | "za" | "weekend") =>
      searchNearby({
        edition,
        lat: activityRow(id).lat!,
        lon: activityRow(id).lon!,
        radiusKm: 2,
        filters: { gratis: false, dag } as never,
        page: 1,
        pageSize: 500,
      }).items.filter((a) => a.id === id).length;
    expect([found("do"), found("ma"), found("wo"), found("za"), found("weekend"), found()]).toEqual([1, 1, 1, 0, 0, 1]);
    // With a day filter the list shows the session on that day.
    const shown = searchNearby({
      edition,
      lat: activityRow(id).lat!,
      lon: activityRow(id).lon!,
      radiusKm: 2,
      filters: { gratis: false, dag: "ma" } as never,
      page: 1,
      pageSize: 500,
    }).items.find((a) => a.id === id)!;
    expect(shown).toMatchObject({ sessionCount: 3, startsAt: Date.parse("2027-10-04T08:00:00Z") });
  });

  it("has a calendar file that a calendar library parses back into three events with their own UIDs", async () => {
    const response = ics(get(`/activiteiten/${id}/agenda.ics`, undefined, { id: String(id) }));
    const text = await (response as Response).text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      "2027-09-30T08:00:00.000Z",
      "2027-10-04T08:00:00.000Z",
      "2027-10-06T07:30:00.000Z",
    ]);
    expect(events.map((e) => e.endDate.toJSDate().toISOString())[2]).toBe("2027-10-06T09:00:00.000Z");
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
    expect(events.every((e) => e.summary === form.title)).toBe(true);
  });

  it("a change of dates on the published activity waits for review, shown as a list, and approving applies it", async () => {
    const params = { id: String(id) };
    const changed = { ...form, "moreSessions[3].date": "2027-10-05" };
    const result = await outcome(editAction(post(`/organisator/activiteiten/${id}/bewerken`, changed, organiser, params)));
    expect(result.status).toBe(302);
    expect(sessionsOf(id).map((x) => x.startsAt.toISOString().slice(0, 10))).toEqual(["2027-09-30", "2027-10-04", "2027-10-06"]);
    const diff = getReviewItem(id)!.revision!.diff;
    expect(diff.map((d) => d.label)).toEqual(["Data en tijden"]);
    expect(diff[0].now).toMatch(/6 oktober 2027/);
    expect(diff[0].proposed).toMatch(/5 oktober 2027, 09:30 – 11:00 uur/);
    const kept = sessionsOf(id)[0].id;
    await outcome(moderateAction(post("/beheer/controle", { ids: [String(id)] }, team)));
    const after = sessionsOf(id);
    expect(after.map((x) => x.startsAt.toISOString().slice(0, 10))).toEqual(["2027-09-30", "2027-10-04", "2027-10-05"]);
    expect(after[0].id).toBe(kept); // unchanged sessions keep their id (calendar UID, attendance counts)
  });

  it("a copy to the next edition keeps the pattern: every session on the same weekday", () => {
    // The copy page fills the form with toFormValues(activity, weekShift(from, to)); 364 days is 52 weeks.
    const activity = getOwnActivity(activityRow(id).ownerId, id)!;
    const values = toFormValues(activity, 364);
    expect([values.date, ...values.moreSessions.map((x) => x.date)]).toEqual(["2028-09-28", "2028-10-02", "2028-10-03"]);
    const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
    expect([values.date, ...values.moreSessions.map((x) => x.date)].map(weekday)).toEqual([4, 1, 2]);
    expect(values.moreSessions[1]).toMatchObject({ startTime: "09:30", endTime: "11:00" });
  });

  it("asks attendance per session and stores their sum (through the e-mailed link)", async () => {
    setClock("2027-10-08T12:00:00+02:00");
    const token = attendanceToken(id, getEditionByYear(2027)!.reportDeadline);
    const url = `/opkomst/${token}`;
    const view = (await outcome(linkLoader(get(url, undefined, { token })))).data;
    expect(view.state).toBe("open");
    expect(view.sessions).toHaveLength(3);
    const [s1, s2, s3] = view.sessions.map((x: { id: number }) => `session_${x.id}`);
    const missing = await outcome(
      linkAction(post(url, { [s1]: "12", [s2]: "", [s3]: "9", volunteers: "2" }, undefined, { token })),
    );
    expect(missing.status).toBe(400);
    expect(missing.data.errors[s2]).toEqual(["Vul in hoeveel deelnemers er deze keer waren. Een schatting is goed."]);
    expect(missing.data.values[s1]).toBe("12");
    const saved = await outcome(
      linkAction(post(url, { [s1]: "12", [s2]: "15", [s3]: "9", volunteers: "2" }, undefined, { token })),
    );
    expect(saved.status).toBe(303);
    const report = db.select().from(schema.attendanceReports).where(eq(schema.attendanceReports.activityId, id)).get()!;
    expect(report.participants).toBe(36);
    const counts = db
      .select()
      .from(schema.attendanceSessionCounts)
      .where(eq(schema.attendanceSessionCounts.reportId, report.id))
      .all();
    expect(counts.map((c) => c.participants).sort((x, y) => x - y)).toEqual([9, 12, 15]);
    // Read back per session, for editing.
    const again = (await outcome(linkLoader(get(url, undefined, { token })))).data;
    expect(again.values).toMatchObject({ [s1]: "12", [s2]: "15", [s3]: "9" });
  });
});
