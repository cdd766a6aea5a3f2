// Issue 17 with real Requests on real SQLite: the low-threshold filters in the URL, the anonymous
// "ik kom" (one per browser, rate-limited, bots not counted, nothing personal stored), the texts
// in feeds and open data, and the figures.
import { beforeEach, describe, expect, it } from "vitest";
import { loader as searchPage } from "~/routes/_index";
import { loader as kaart } from "~/routes/api.kaart";
import { action as activityAction, loader as activityPage } from "~/routes/activiteiten.$id";
import { loader as ics } from "~/routes/activiteiten.$id_.agenda[.]ics";
import { loader as openDataCsv } from "~/routes/open-data.$year.activiteiten[.]csv";
import { loader as myActivities } from "~/routes/organisator.activiteiten._index";
import {
  INTEREST_LIMIT,
  interestBySession,
  interestCookie,
  interestVsTurnout,
  resetInterestRateLimit,
} from "~/models/activity-interest.server";
import { editionFigures } from "~/models/figures.server";
import { interestForOrganiser, interestForPublic, roundedInterest } from "~/models/activity-features";
import { db, schema } from "~/utils/db.server";
import { amsterdamToUtc } from "~/utils/time";
import { now } from "~/utils/clock.server";
import { addActivity, edition, north } from "../unit/activity-search-fixtures";
import { get, outcome, sessionCookie } from "../helpers/requests";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

const ids = {
  alone: addActivity({ title: "Koffie met ontvangst", ...north(1), hostAtDoor: true }),
  pickup: addActivity({ title: "Wandeling met ophalen", ...north(2), transport: "pickup", languages: ["ar", "en"] }),
  both: addActivity({ title: "Soep met ontvangst en ophalen", ...north(3), hostAtDoor: true, transport: "pickup" }),
  ov: addActivity({ title: "Lezing bij het station", ...north(1.5), transport: "public_transport", easyDutch: true }),
  plain: addActivity({ title: "Gewone bingo", ...north(2.5) }),
  continues: addActivity({
    title: "Breiclub",
    ...north(0.5),
    showInterest: true,
    continuesAfterWeek: true,
    continuesSchedule: "Elke dinsdagochtend",
    continuesContact: "https://example.org/breiclub",
  }),
};

async function titlesFor(query: string): Promise<string[]> {
  const { data } = await outcome(searchPage(get(`/?lat=52.0907&lon=5.1214&straal=10&editie=2027${query}`)) as Promise<unknown>);
  return (data.nearby.items as { title: string }[]).map((a) => a.title).sort();
}

describe("low-threshold filters in the URL", () => {
  it("'alleen komen' and 'ophalen' each narrow the list, and together both must hold", async () => {
    expect(await titlesFor("")).toHaveLength(6);
    expect(await titlesFor("&alleen=on")).toEqual(["Koffie met ontvangst", "Soep met ontvangst en ophalen"]);
    expect(await titlesFor("&ophalen=on")).toEqual(["Soep met ontvangst en ophalen", "Wandeling met ophalen"]);
    expect(await titlesFor("&alleen=on&ophalen=on")).toEqual(["Soep met ontvangst en ophalen"]);
    // Two transport choices: either will do.
    expect(await titlesFor("&ophalen=on&ov=on")).toEqual([
      "Lezing bij het station",
      "Soep met ontvangst en ophalen",
      "Wandeling met ophalen",
    ]);
    expect(await titlesFor("&eenvoudig=on")).toEqual(["Lezing bij het station"]);
    expect(await titlesFor("&taal=ar")).toEqual(["Wandeling met ophalen"]);
    // A wrong value is dropped, as if the filter was not set.
    expect(await titlesFor("&taal=klingon")).toHaveLength(6);
  });

  it("the map data takes the same filters", async () => {
    const body = await kaart(get("/api/kaart?bbox=5.0,52.0,5.3,52.2&editie=2027&alleen=on&ophalen=on")).json();
    expect(body.features.map((f: { properties: { title: string } }) => f.properties.title)).toEqual([
      "Soep met ontvangst en ophalen",
    ]);
  });

  it("cards carry the features as words", async () => {
    const { data } = await outcome(
      searchPage(get(`/?lat=52.0907&lon=5.1214&editie=2027&ophalen=on&alleen=on`)) as Promise<unknown>,
    );
    expect(data.nearby.items[0]).toMatchObject({ hostAtDoor: true, transport: "pickup" });
  });
});

function press(
  activityId: number,
  {
    cookie,
    ip = "203.0.113.7",
    ua = BROWSER,
    sessions = [],
  }: { cookie?: string; ip?: string; ua?: string; sessions?: (number | string)[] } = {},
) {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": ua };
  if (cookie) headers.Cookie = cookie;
  const body = new URLSearchParams(sessions.map((x) => ["sessie", String(x)]));
  return outcome(
    activityAction({
      request: new Request(`http://localhost/activiteiten/${activityId}?terug=plaats%3DUtrecht`, {
        method: "POST",
        body,
        headers,
      }),
      params: { id: String(activityId) },
      context: { clientIp: ip },
    }) as Promise<unknown>,
  );
}
/** All presses on an activity, over its sessions. */
const interestCount = (activityId: number) =>
  (interestBySession([activityId]).get(activityId) ?? []).reduce((n, x) => n + x.presses, 0);
const cookieOf = (setCookie: string | null | undefined) => setCookie!.split(";")[0];

describe("ik kom (waarschijnlijk)", () => {
  beforeEach(() => resetInterestRateLimit());

  it("counts a browser once, however often it presses, and two browsers twice", async () => {
    const first = await press(ids.plain);
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/activiteiten/${ids.plain}?terug=plaats%3DUtrecht&ikkom=1#ik-kom`);
    // The cookie is set only now, after the press: a random id, http-only, for the activity pages only.
    expect(first.setCookie).toMatch(/^komerbij_ikkom=[^;]+; Max-Age=31536000; Path=\/activiteiten; HttpOnly; SameSite=Lax/);
    const browserA = cookieOf(first.setCookie);

    const again = await press(ids.plain, { cookie: browserA });
    expect(again.status).toBe(302);
    expect(again.setCookie).toBeNull();
    expect(interestCount(ids.plain)).toBe(1);

    const browserB = await press(ids.plain, { ip: "198.51.100.23" });
    expect(cookieOf(browserB.setCookie)).not.toBe(browserA);
    expect(interestCount(ids.plain)).toBe(2);

    // The same browser on another activity counts there.
    await press(ids.alone, { cookie: browserA });
    expect(interestCount(ids.alone)).toBe(1);
  });

  it("stores no personal data: only the session, a hash of the browser's random id and the time", async () => {
    const { setCookie } = await press(ids.pickup, { ip: "192.0.2.55" });
    const key = (await interestCookie.parse(cookieOf(setCookie))) as string;
    const rows = db.$client
      .prepare("SELECT i.* FROM activity_interest i JOIN activity_sessions s ON s.id = i.session_id WHERE s.activity_id = ?")
      .all(ids.pickup) as Record<string, unknown>[];
    // The row, as stored:
    console.info("activity_interest row:", rows[0]);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]).sort()).toEqual(["browser_key_hash", "created_at", "session_id"]);
    expect(rows[0].browser_key_hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain("192.0.2.55");
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(stored).not.toContain(key);
    expect(stored).not.toContain("Chrome");
  });

  it("limits 50 rapid presses from one client, without blocking other clients", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await press(ids.both, { ip: "203.0.113.99" })).status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(INTEREST_LIMIT.presses);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - INTEREST_LIMIT.presses);
    // Each press came without a cookie (a script), so each counted until the limit; no more after it.
    expect(interestCount(ids.both)).toBe(INTEREST_LIMIT.presses);
    const limited = await press(ids.both, { ip: "203.0.113.99" });
    expect(limited.status).toBe(429);
    expect(limited.data.error[""][0]).toMatch(/heel vaak/);
    expect((await press(ids.both, { ip: "203.0.113.100" })).status).toBe(302);
  });

  it("does not count bots, and refuses activities that are over or not public", async () => {
    const bot = await press(ids.ov, { ua: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
    expect(bot.status).toBe(302);
    expect(bot.setCookie).toBeNull();
    expect(interestCount(ids.ov)).toBe(0);

    const past = addActivity({ title: "Vorig jaar", year: 2026, day: "2026-09-24" });
    expect((await press(past)).status).toBe(409);
    const pending = addActivity({ title: "Nog niet", status: "pending" });
    expect((await press(pending)).status).toBe(404);
  });

  it("shows residents a friendly sentence only when the organiser allows it", async () => {
    for (let i = 0; i < 4; i++) await press(ids.continues, { ip: `203.0.113.${150 + i}` });
    await press(ids.plain, { ip: "203.0.113.160" });
    await press(ids.plain, { ip: "203.0.113.161" });
    const shown = await outcome(
      activityPage(get(`/activiteiten/${ids.continues}`, undefined, { id: String(ids.continues) })) as Promise<unknown>,
    );
    expect(shown.data.interestSentences).toEqual(["4 mensen zijn van plan te komen. Je bent niet de enige!"]);
    // One session: no choice of days, the button as it was.
    expect(shown.data.sessionChoices).toBeNull();
    expect(shown.data.activity).toMatchObject({ continuesAfterWeek: true, continuesSchedule: "Elke dinsdagochtend" });
    const hidden = await outcome(
      activityPage(get(`/activiteiten/${ids.plain}`, undefined, { id: String(ids.plain) })) as Promise<unknown>,
    );
    expect(interestCount(ids.plain)).toBeGreaterThanOrEqual(3);
    expect(hidden.data.interestSentences).toEqual([]);
    const thanks = await outcome(
      activityPage(get(`/activiteiten/${ids.plain}?ikkom=1`, undefined, { id: String(ids.plain) })) as Promise<unknown>,
    );
    expect(thanks.data.pressed).toBe(true);
    expect(thanks.data.pressedDays).toEqual([]);
  });

  it("rounds the count sensibly", () => {
    expect([0, 1, 9, 12, 14, 23, 49, 51, 137].map(roundedInterest)).toEqual([0, 1, 9, 10, 15, 25, 50, 50, 140]);
    expect(interestForOrganiser(14)).toBe("Ongeveer 15 mensen hebben laten weten dat ze komen.");
    expect(interestForOrganiser(1)).toBe("1 persoon heeft laten weten dat die komt.");
    expect(interestForPublic(2)).toBeNull();
  });
});

/** An activity on several days (2027 edition); `days` as "YYYY-MM-DD HH:MM", the first is activities.starts_at. */
function addActivityOnDays(title: string, days: string[], values: Parameters<typeof addActivity>[0] = {}) {
  const [first, ...more] = days.map((d) => d.split(" "));
  const startsAt = amsterdamToUtc(first[0], first[1]);
  const twoHours = (from: Date) => new Date(from.getTime() + 2 * 3600_000);
  const id = addActivity({ title, ...north(4), day: first[0], startsAt, endsAt: twoHours(startsAt), ...values });
  const sessionIds = [
    db
      .select()
      .from(schema.activitySessions)
      .all()
      .find((x) => x.activityId === id)!.id,
  ];
  for (const [date, time] of more) {
    const startsAt = amsterdamToUtc(date, time);
    const row = db
      .insert(schema.activitySessions)
      .values({ activityId: id, startsAt, endsAt: twoHours(startsAt) })
      .returning({ id: schema.activitySessions.id })
      .get();
    sessionIds.push(row.id);
  }
  return { id, sessionIds };
}
const pressesOf = (activityId: number) =>
  (interestBySession([activityId]).get(activityId) ?? []).map((x) => [x.sessionId, x.presses]);

describe("ik kom per session", () => {
  beforeEach(() => resetInterestRateLimit());

  it("counts once per session: the same browser on two sessions counts on each, twice on one counts once", async () => {
    const {
      id,
      sessionIds: [tue, thu],
    } = addActivityOnDays("Samen eten, twee keer", ["2027-09-28 18:00", "2027-09-30 18:00"]);
    const first = await press(id, { sessions: [tue, thu] });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/activiteiten/${id}?terug=plaats%3DUtrecht&ikkom=1&dag=${tue}&dag=${thu}#ik-kom`);
    const browser = cookieOf(first.setCookie);
    expect(pressesOf(id)).toEqual([
      [tue, 1],
      [thu, 1],
    ]);

    // The same browser again, once for Tuesday and once for both: nothing changes.
    await press(id, { cookie: browser, sessions: [tue] });
    await press(id, { cookie: browser, sessions: [tue, thu] });
    expect(pressesOf(id)).toEqual([
      [tue, 1],
      [thu, 1],
    ]);
    // Another browser only on Thursday.
    await press(id, { ip: "198.51.100.40", sessions: [thu] });
    expect(pressesOf(id)).toEqual([
      [tue, 1],
      [thu, 2],
    ]);

    // The thank-you names the days the resident chose, in words.
    const thanks = await outcome(
      activityPage(get(`/activiteiten/${id}?ikkom=1&dag=${tue}&dag=${thu}`, undefined, { id: String(id) })) as Promise<unknown>,
    );
    expect(thanks.data.pressedDays).toEqual(["dinsdag 28 september", "donderdag 30 september"]);
  });

  it("asks which day when there are several, and refuses a day of another activity", async () => {
    const { id } = addActivityOnDays("Wandelen, twee keer", ["2027-09-27 10:00", "2027-09-29 10:00"]);
    const none = await press(id);
    expect(none.status).toBe(400);
    expect(none.data.error.sessie).toEqual(["Kies op welke dag of dagen je komt."]);
    const other = addActivityOnDays("Iets anders", ["2027-09-27 14:00", "2027-09-28 14:00"]);
    const wrong = await press(id, { sessions: [other.sessionIds[0]] });
    expect(wrong.status).toBe(400);
    expect(wrong.data.error.sessie[0]).toMatch(/hoort niet bij deze activiteit/);
    expect((await press(id, { sessions: ["abc"] })).status).toBe(400);
    expect(interestCount(id)).toBe(0);
  });

  it("refuses a session that is over with a clear message, and offers only the sessions still to come", async () => {
    // Today is 23 November 2026: the first session was last week, the other two are in the Week of 2027.
    const {
      id,
      sessionIds: [past, soon, later],
    } = addActivityOnDays("Koor, drie keer", ["2026-11-17 19:00", "2027-09-28 19:00", "2027-09-30 19:00"], {
      showInterest: true,
    });
    const refused = await press(id, { sessions: [past, soon] });
    expect(refused.status).toBe(409);
    expect(refused.data.error.sessie).toEqual(["Op dinsdag 17 november is het al geweest. Kies een andere dag."]);
    expect(interestCount(id)).toBe(0);

    for (let i = 0; i < 3; i++) await press(id, { ip: `203.0.113.${200 + i}`, sessions: [soon] });
    await press(id, { ip: "203.0.113.210", sessions: [later] });
    const page = await outcome(activityPage(get(`/activiteiten/${id}`, undefined, { id: String(id) })) as Promise<unknown>);
    expect(page.data.sessionChoices).toEqual([
      { id: soon, text: "dinsdag 28 september 2027, 19:00 – 21:00 uur" },
      { id: later, text: "donderdag 30 september 2027, 19:00 – 21:00 uur" },
    ]);
    // Per session (one person may come twice), and only from a few people on: Thursday has one.
    expect(page.data.interestSentences).toEqual([
      "Op dinsdag 28 september zijn 3 mensen van plan te komen.",
      "Je bent niet de enige!",
    ]);
  });

  it("shows the organiser a line per session on 'Mijn activiteiten', and one line for a single session", async () => {
    const { id, sessionIds } = addActivityOnDays("Bingo, twee keer", ["2027-09-29 14:00", "2027-09-29 19:00"]);
    for (let i = 0; i < 12; i++) await press(id, { ip: `203.0.113.${50 + i}`, sessions: [sessionIds[0]] });
    await press(id, { ip: "203.0.113.70", sessions: [sessionIds[1]] });
    const ownerId = db.select({ ownerId: schema.activities.ownerId }).from(schema.activities).all()[0].ownerId;
    const { data } = await outcome(
      myActivities(get("/organisator/activiteiten", await sessionCookie(ownerId))) as Promise<unknown>,
    );
    const cards = (data.groups as { activities: { id: number; interest: unknown }[] }[]).flatMap((g) => g.activities);
    // Two sessions on one day: the time tells them apart.
    expect(cards.find((x) => x.id === id)!.interest).toEqual({
      sentence: "Laten weten dat ze komen:",
      perSession: ["wo 29 sep 14:00: ongeveer 10 mensen", "wo 29 sep 19:00: 1 persoon"],
    });
    expect(cards.find((x) => x.id === ids.alone)!.interest).toEqual({
      sentence: "1 persoon heeft laten weten dat die komt.",
      perSession: [],
    });
  });

  it("compares ik kom with turnout per session where the report has a number per session", async () => {
    // 2026 edition (reported): one activity on two days with a count per day, one with one day.
    const twoDays = addActivityOnDays("Vorig jaar, twee keer", ["2026-09-24 10:00", "2026-09-26 10:00"], { year: 2026 });
    const oneDay = addActivityOnDays("Vorig jaar, een keer", ["2026-09-25 10:00"], { year: 2026 });
    const insertPress = (sessionId: number, n: number) => {
      for (let i = 0; i < n; i++)
        db.insert(schema.activityInterest)
          .values({ sessionId, browserKeyHash: `${sessionId}-${i}`.padEnd(64, "0"), createdAt: now() })
          .run();
    };
    insertPress(twoDays.sessionIds[0], 4); // Thursday: 4 presses, 10 came
    insertPress(twoDays.sessionIds[1], 0); // Saturday: no presses, 6 came (left out: nothing to compare)
    insertPress(oneDay.sessionIds[0], 3); // 3 presses, 8 came
    const report = (activityId: number, participants: number) =>
      db
        .insert(schema.attendanceReports)
        .values({ activityId, participants, reportedAt: now() })
        .returning({ id: schema.attendanceReports.id })
        .get().id;
    const r = report(twoDays.id, 16);
    db.insert(schema.attendanceSessionCounts).values({ reportId: r, sessionId: twoDays.sessionIds[0], participants: 10 }).run();
    db.insert(schema.attendanceSessionCounts).values({ reportId: r, sessionId: twoDays.sessionIds[1], participants: 6 }).run();
    report(oneDay.id, 8);

    const figures = interestVsTurnout(edition(2026).id);
    expect(figures.presses).toBe(7);
    expect(figures.activitiesWithInterest).toBe(2);
    expect(figures.compared).toEqual({ activities: 2, sessions: 2, presses: 7, participants: 18 });
  });
});

describe("features in feeds, open data and figures", () => {
  it("puts the features and 'gaat door na de Week' in the calendar description", async () => {
    const response = (await ics(get(`/activiteiten/${ids.both}/agenda.ics`, undefined, { id: String(ids.both) }))) as Response;
    const text = (await response.text()).replace(/\r\n[ \t]/g, "");
    expect(text).toContain("Je kunt gerust alleen komen · We kunnen je ophalen");
    const cont = (await ics(
      get(`/activiteiten/${ids.continues}/agenda.ics`, undefined, { id: String(ids.continues) }),
    )) as Response;
    expect((await cont.text()).replace(/\r\n[ \t]/g, "")).toContain("Gaat door na de Week: Elke dinsdagochtend.");
  });

  it("has the new columns in the open-data CSV", async () => {
    const response = (await openDataCsv(get("/open-data/2027/activiteiten.csv", undefined, { year: "2027" }))) as Response;
    const [header, ...lines] = (await response.text()).trim().split(/\r?\n/);
    for (const column of ["alleen_komen", "vervoer", "eenvoudig_nederlands", "talen", "gaat_door_na_de_week", "na_de_week"])
      expect(header).toContain(column);
    const pickupLine = lines.find((l) => l.includes("Wandeling met ophalen"))!;
    expect(pickupLine).toContain("ophalen");
    expect(pickupLine).toContain("ar,en");
    expect(lines.join("\n")).not.toContain("example.org/breiclub");
  });

  it("counts continuing activities and compares ik kom with reported turnout", () => {
    const figures = editionFigures(edition(2027), now());
    expect(figures.lastingContact.continuing).toBe(1);
    expect(figures.lastingContact.interest.presses).toBeGreaterThan(0);
  });
});
