// The team's attendance follow-up: response rates, the list without a report, and reminders by hand
// that never reach an organiser twice within a day.
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { REMINDER_PAUSE_MS, sendAttendanceRemindersNow } from "~/models/attendance-follow-up.server";
import { scheduleAttendanceRequests } from "~/models/attendance.server";
import { action, loader } from "~/routes/beheer.cijfers.opkomst";
import { advanceClock, now, setClock } from "~/utils/clock.server";
import { db, schema as t } from "~/utils/db.server";
import { amsterdamToUtc } from "~/utils/time";
import { DEMO_TODAY } from "../helpers/demo-today";
import { get, outcome, post, sessionCookie } from "../helpers/requests";

let n = 0;
const e2026 = () => db.select().from(t.editions).where(eq(t.editions.year, 2026)).get()!;
const team = db.insert(t.users).values({ email: "opvolgen-team@example.org", role: "programme_team" }).returning().get();

function activity(municipalityCode: string | null) {
  const e = e2026();
  const owner = db
    .insert(t.users)
    .values({ email: `opvolgen-${++n}@example.org`, name: `Organisator ${n}` })
    .returning()
    .get();
  return db
    .insert(t.activities)
    .values({
      editionId: e.id,
      ownerId: owner.id,
      organisationName: `Buurthuis ${n}`,
      organisationKind: "welzijn",
      title: `Soep en praten ${n}`,
      description: "Kom erbij.",
      type: "samen_eten",
      startsAt: amsterdamToUtc(e.weekStart, "17:00"),
      endsAt: amsterdamToUtc(e.weekStart, "19:00"),
      isOnline: municipalityCode === null,
      onlineUrl: municipalityCode === null ? "https://example.org/online" : null,
      municipalityCode,
      privateContactName: "X",
      privateContactEmail: owner.email,
      status: "published",
    })
    .returning()
    .get();
}
const reminders = (activityId: number) =>
  db
    .select({ key: t.emailOutbox.dedupeKey, to: t.emailOutbox.toAddress })
    .from(t.emailOutbox)
    .where(
      and(eq(t.emailOutbox.template, "attendance-reminder"), like(t.emailOutbox.dedupeKey, `attendance-reminder:${activityId}%`)),
    )
    .all();

describe("/beheer/cijfers/opkomst", () => {
  const utrecht = [activity("GM0344"), activity("GM0344")];
  const online = activity(null);
  db.insert(t.attendanceReports).values({ activityId: utrecht[0].id, participants: 20, reportedAt: now() }).run();

  it("shows the response rate per province and municipality and who has not reported, with their organiser", async () => {
    const page = await outcome(loader(get("/beheer/cijfers/opkomst?editie=2026", await sessionCookie(team.id))));
    expect(page.status).toBe(200);
    expect(page.data.perProvince.find((r: { key: string }) => r.key === "Utrecht")).toMatchObject({
      shouldReport: 2,
      reports: 1,
      rate: 0.5,
    });
    expect(page.data.perMunicipality.find((r: { key: string }) => r.key === "GM0344")).toMatchObject({
      label: "Utrecht",
      province: "Utrecht",
      rate: 0.5,
    });
    expect(page.data.perProvince.find((r: { key: string }) => r.key === "Online")).toMatchObject({ shouldReport: 1, reports: 0 });
    const missingIds = page.data.missing.map((m: { id: number }) => m.id);
    expect(missingIds).toEqual(expect.arrayContaining([utrecht[1].id, online.id]));
    expect(missingIds).not.toContain(utrecht[0].id);
    expect(page.data.missing.find((m: { id: number }) => m.id === utrecht[1].id)).toMatchObject({
      organiserEmail: `opvolgen-2@example.org`,
      organiserName: "Organisator 2",
      canRemindNow: true,
    });
  });

  it("is for the programme team only", async () => {
    const organiser = await sessionCookie(utrecht[1].ownerId);
    expect((await outcome(loader(get("/beheer/cijfers/opkomst", organiser)))).status).toBe(403);
    expect(
      (await outcome(action(post("/beheer/cijfers/opkomst", { activiteit: String(utrecht[1].id) }, organiser)))).status,
    ).toBe(403);
  });

  it("sends a reminder now, idempotently: a second click, the same day, sends nothing; a day later it may", async () => {
    const cookie = await sessionCookie(team.id);
    const ids = [String(utrecht[1].id), String(utrecht[0].id)];
    const first = await outcome(action(post("/beheer/cijfers/opkomst?editie=2026", { activiteit: ids }, cookie)));
    expect(first).toMatchObject({ status: 303, location: "/beheer/cijfers/opkomst?editie=2026&verstuurd=1&overgeslagen=1" });
    const again = await outcome(action(post("/beheer/cijfers/opkomst?editie=2026", { activiteit: ids }, cookie)));
    expect(again.location).toBe("/beheer/cijfers/opkomst?editie=2026&verstuurd=0&overgeslagen=2");
    expect(reminders(utrecht[1].id)).toHaveLength(1);
    expect(reminders(utrecht[1].id)[0].to).toBe("opvolgen-2@example.org");

    advanceClock(REMINDER_PAUSE_MS - 60_000);
    expect(sendAttendanceRemindersNow([utrecht[1].id], team.id, now())).toEqual({
      sent: [],
      skipped: [{ id: utrecht[1].id, reason: "recent" }],
    });
    advanceClock(60_000);
    expect(sendAttendanceRemindersNow([utrecht[1].id], team.id, now()).sent).toEqual([utrecht[1].id]);
    expect(reminders(utrecht[1].id)).toHaveLength(2);
    // A reminder by hand is the scheduler's one reminder too: it sends no automatic one on top.
    advanceClock(14 * REMINDER_PAUSE_MS);
    scheduleAttendanceRequests(now());
    expect(reminders(utrecht[1].id)).toHaveLength(2);
    setClock(DEMO_TODAY);
  });

  it("sends nothing within a day of the automatic request, and nothing after the deadline", () => {
    const fresh = activity("GM0344");
    scheduleAttendanceRequests(now());
    expect(sendAttendanceRemindersNow([fresh.id], team.id, now()).skipped).toEqual([{ id: fresh.id, reason: "recent" }]);
    expect(sendAttendanceRemindersNow([fresh.id], team.id, e2026().reportDeadline).skipped).toEqual([
      { id: fresh.id, reason: "not_open" },
    ]);
    expect(reminders(fresh.id)).toHaveLength(0);
  });

  it("asks to choose at least one activity", async () => {
    const answer = await outcome(action(post("/beheer/cijfers/opkomst?editie=2026", {}, await sessionCookie(team.id))));
    expect(answer).toMatchObject({ status: 400, data: { error: { activiteit: ["Kies minstens één activiteit."] } } });
  });
});
