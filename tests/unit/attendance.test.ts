// Signed links and the request/reminder scheduler, on a real SQLite database.
import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attendanceToken, requestDueAt, saveAttendanceReport, scheduleAttendanceRequests } from "~/models/attendance.server";
import { db, schema as t } from "~/utils/db.server";
import { createSignedToken, verifySignedToken } from "~/utils/signed-token.server";
import { amsterdamToUtc } from "~/utils/time";

const DAY = 86_400_000;
let n = 0;
function endedActivity(year = 2026, date = "2026-09-25", status: "published" | "cancelled" = "published") {
  const e = db.select().from(t.editions).where(eq(t.editions.year, year)).get()!;
  const u = db
    .insert(t.users)
    .values({ email: `att-${++n}@example.org` })
    .returning()
    .get();
  return db
    .insert(t.activities)
    .values({
      editionId: e.id,
      ownerId: u.id,
      organisationName: "Buurthuis",
      organisationKind: "welzijn",
      title: `Koffie ${n}`,
      description: "Kom erbij.",
      type: "ontmoeting",
      startsAt: amsterdamToUtc(date, "17:00"),
      endsAt: amsterdamToUtc(date, "19:00"),
      municipalityCode: "GM0344",
      privateContactName: "X",
      privateContactEmail: "x@example.org",
      status,
    })
    .returning()
    .get();
}
const mails = (activityId: number) =>
  db
    .select()
    .from(t.emailOutbox)
    .where(like(t.emailOutbox.dedupeKey, `attendance-%:${activityId}`))
    .all()
    .map((m) => m.dedupeKey);

describe("signed tokens", () => {
  const secret = "x".repeat(40);
  const expires = new Date("2026-12-16T00:00:00+01:00");
  it("verify only for the exact purpose they were signed for, until (not at) the expiry", () => {
    const token = createSignedToken("attendance:12", expires, secret);
    expect(verifySignedToken(token, "attendance:12", new Date("2026-12-15T23:59:59+01:00"), secret)).toMatchObject({
      ok: true,
      purpose: "attendance:12",
    });
    expect(verifySignedToken(token, "attendance:13", new Date("2026-11-01"), secret)).toEqual({
      ok: false,
      reason: "wrong_purpose",
    });
    expect(verifySignedToken(token, "attendance:1", new Date("2026-11-01"), secret)).toEqual({
      ok: false,
      reason: "wrong_purpose",
    });
    expect(verifySignedToken(token, "login:12", new Date("2026-11-01"), secret)).toEqual({ ok: false, reason: "wrong_purpose" });
    expect(verifySignedToken(token, "attendance:12", expires, secret)).toEqual({ ok: false, reason: "expired" });
  });
  it("refuse tampering, another secret and garbage", () => {
    const token = createSignedToken("attendance:12", expires, secret);
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ p: "attendance:13", e: expires.getTime() })).toString("base64url")}.${signature}`;
    expect(verifySignedToken(forged, "attendance:13", new Date("2026-11-01"), secret)).toEqual({ ok: false, reason: "invalid" });
    const longer = `${Buffer.from(JSON.stringify({ p: "attendance:12", e: expires.getTime() + 365 * DAY })).toString("base64url")}.${signature}`;
    expect(verifySignedToken(longer, "attendance:12", new Date("2026-11-01"), secret)).toEqual({ ok: false, reason: "invalid" });
    expect(verifySignedToken(token, "attendance:12", new Date("2026-11-01"), "y".repeat(40))).toEqual({
      ok: false,
      reason: "invalid",
    });
    for (const junk of ["", "abc", "a.b.c", `${token}x`, token.replace(".", "")])
      expect(verifySignedToken(junk, "attendance:12", new Date("2026-11-01"), secret).ok).toBe(false);
  });
});

describe("attendance scheduler", () => {
  it("asks from the day after the activity, once, and reminds once 7 days after the request if nothing came in", () => {
    const a = endedActivity();
    expect(requestDueAt(a.endsAt)).toEqual(amsterdamToUtc("2026-09-26"));
    scheduleAttendanceRequests(new Date("2026-09-25T21:00:00+02:00"));
    expect(mails(a.id)).toEqual([]);

    const asked = new Date("2026-09-26T00:05:00+02:00");
    expect(scheduleAttendanceRequests(asked).requests).toBeGreaterThanOrEqual(1);
    expect(scheduleAttendanceRequests(asked)).toEqual({ requests: 0, reminders: 0 });
    expect(mails(a.id)).toEqual([`attendance-request:${a.id}`]);
    const request = db
      .select()
      .from(t.emailOutbox)
      .where(eq(t.emailOutbox.dedupeKey, `attendance-request:${a.id}`))
      .get()!;
    expect(request.template).toBe("attendance-request");
    expect(request.toAddress).toMatch(/^att-\d+@example\.org$/);
    const deadline = db.select().from(t.editions).where(eq(t.editions.year, 2026)).get()!.reportDeadline;
    expect(request.props).toMatchObject({
      activityTitle: a.title,
      deadline: deadline.toISOString(),
      reportUrl: `http://localhost:3000/opkomst/${attendanceToken(a.id, deadline)}`,
    });

    scheduleAttendanceRequests(new Date(asked.getTime() + 7 * DAY - 60_000));
    expect(mails(a.id)).toEqual([`attendance-request:${a.id}`]);
    const later = new Date(asked.getTime() + 7 * DAY);
    scheduleAttendanceRequests(later);
    scheduleAttendanceRequests(later);
    scheduleAttendanceRequests(new Date(later.getTime() + 14 * DAY));
    expect(mails(a.id).sort()).toEqual([`attendance-reminder:${a.id}`, `attendance-request:${a.id}`]);
    const reminder = db
      .select()
      .from(t.emailOutbox)
      .where(eq(t.emailOutbox.dedupeKey, `attendance-reminder:${a.id}`))
      .get()!;
    expect(reminder.props).toMatchObject({
      activityTitle: a.title,
      reportUrl: request.props.reportUrl,
      deadline: deadline.toISOString(),
    });
  });

  it("sends a reminder 7 days after the request even when the first run came long after the activity", () => {
    const a = endedActivity();
    const firstRun = new Date("2026-11-23T10:00:00+01:00");
    scheduleAttendanceRequests(firstRun);
    expect(mails(a.id)).toEqual([`attendance-request:${a.id}`]);
    scheduleAttendanceRequests(new Date(firstRun.getTime() + 6 * DAY));
    expect(mails(a.id)).toHaveLength(1);
    scheduleAttendanceRequests(new Date(firstRun.getTime() + 7 * DAY));
    expect(mails(a.id)).toHaveLength(2);
  });

  it("does not remind when the report came in, and skips cancelled activities and closed editions", () => {
    const reported = endedActivity();
    const cancelled = endedActivity(2026, "2026-09-25", "cancelled");
    const old = endedActivity(2025, "2025-09-26");
    const asked = new Date("2026-09-27T10:00:00+02:00");
    scheduleAttendanceRequests(asked);
    expect(mails(reported.id)).toEqual([`attendance-request:${reported.id}`]);
    expect(
      saveAttendanceReport({
        activityId: reported.id,
        via: "link",
        input: { participants: 12, volunteers: 2 },
        now: new Date(asked.getTime() + DAY),
      }),
    ).toEqual({ ok: true, created: true });
    scheduleAttendanceRequests(new Date(asked.getTime() + 8 * DAY));
    expect(mails(reported.id)).toEqual([`attendance-request:${reported.id}`]);
    expect(mails(cancelled.id)).toEqual([]);
    expect(mails(old.id)).toEqual([]);
    // After the 2026 deadline nothing more goes out.
    const late = endedActivity();
    scheduleAttendanceRequests(new Date("2026-12-16T00:00:00+01:00"));
    expect(mails(late.id)).toEqual([]);
  });
});
