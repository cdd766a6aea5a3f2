// Attendance follow-up for the programme team (issue 13): response rates per province and
// municipality, the activities still without a report (with their organiser: a team-only page),
// and "stuur herinnering nu" for a selection.
import { sql } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, immediate, type AppDatabase } from "~/utils/db.server";
import { LAST_SESSION_END } from "./activity-sessions.server";
import { attendanceState, attendanceToken, attendanceUrl } from "./attendance.server";
import { enqueueEmail } from "./outbox.server";

/** Never a second attendance e-mail (request or reminder, automatic or by hand) within this time. */
export const REMINDER_PAUSE_MS = 24 * 60 * 60_000;

/**
 * The outbox keys of an activity's attendance e-mails: "attendance-request:<id>",
 * "attendance-reminder:<id>" (the scheduler's one reminder) and "attendance-reminder:<id>:<ms>" (sent
 * by hand). As a range condition on the unique dedupe_key index (';' sorts right after ':').
 */
const attendanceMailOf = (activityId: unknown) => sql`(
  o.dedupe_key = 'attendance-request:' || ${activityId}
  or o.dedupe_key = 'attendance-reminder:' || ${activityId}
  or (o.dedupe_key > 'attendance-reminder:' || ${activityId} || ':' and o.dedupe_key < 'attendance-reminder:' || ${activityId} || ';'))`;

export type ResponseRate = {
  key: string;
  label: string;
  province?: string;
  shouldReport: number;
  reports: number;
  rate: number | null;
};

const withRate = <T extends { shouldReport: number; reports: number }>(r: T) => ({
  ...r,
  rate: r.shouldReport ? r.reports / r.shouldReport : null,
});

/** Published activities that have ended (they should report), grouped by `group`. */
function rates(editionId: number, now: Date, byMunicipality: boolean): ResponseRate[] {
  const rows = db.all<Omit<ResponseRate, "rate">>(sql`
    select ${byMunicipality ? sql`coalesce(m.code, 'online')` : sql`coalesce(m.province, 'Online')`} as key,
      ${byMunicipality ? sql`coalesce(m.name, 'Online')` : sql`coalesce(m.province, 'Online')`} as label,
      ${byMunicipality ? sql`coalesce(m.province, 'Online') as province,` : sql``}
      count(*) as shouldReport, count(r.id) as reports
    from activities a
    left join municipalities m on m.code = a.municipality_code
    left join attendance_reports r on r.activity_id = a.id
    where a.edition_id = ${editionId} and a.status = 'published' and a.ends_at <= ${now.getTime()} and ${LAST_SESSION_END} <= ${now.getTime()}
    group by 1 order by ${byMunicipality ? sql`3, 2` : sql`2`}`);
  return rows.map(withRate);
}

/** What the follow-up page shows for an edition at `now`. */
export function attendanceFollowUp(edition: { id: number; reportDeadline: Date }, now: Date) {
  const missing = db.all<{
    id: number;
    title: string;
    startsAt: number;
    municipality: string | null;
    organisationName: string;
    organiserName: string | null;
    organiserEmail: string;
    lastMailAt: number | null;
  }>(sql`
    select a.id, a.title, a.starts_at as startsAt, m.name as municipality, a.organisation_name as organisationName,
      u.name as organiserName, u.email as organiserEmail,
      (select max(o.created_at) from email_outbox o where ${attendanceMailOf(sql`a.id`)}) as lastMailAt
    from activities a
    join users u on u.id = a.owner_id
    left join municipalities m on m.code = a.municipality_code
    where a.edition_id = ${edition.id} and a.status = 'published' and a.ends_at <= ${now.getTime()} and ${LAST_SESSION_END} <= ${now.getTime()}
      and not exists (select 1 from attendance_reports r where r.activity_id = a.id)
    order by m.name, a.starts_at, a.id`);
  const perProvince = rates(edition.id, now, false);
  const total = perProvince.reduce(
    (s, r) => ({ shouldReport: s.shouldReport + r.shouldReport, reports: s.reports + r.reports }),
    {
      shouldReport: 0,
      reports: 0,
    },
  );
  return {
    total: withRate(total),
    perProvince,
    perMunicipality: rates(edition.id, now, true),
    missing: missing.map((m) => ({
      ...m,
      startsAt: new Date(m.startsAt),
      lastMailAt: m.lastMailAt === null ? null : new Date(m.lastMailAt),
      canRemindNow: m.lastMailAt === null || now.getTime() - m.lastMailAt >= REMINDER_PAUSE_MS,
    })),
    remindable: now < edition.reportDeadline,
  };
}

export type ReminderSkip = "not_found" | "reported" | "not_open" | "recent";
export type ReminderResult = { sent: number[]; skipped: { id: number; reason: ReminderSkip }[] };

function reminderTarget(tx: AppDatabase, activityId: number) {
  return tx.get<
    | {
        id: number;
        title: string;
        status: string;
        endsAt: number;
        reportDeadline: number;
        email: string;
        reported: number;
        lastMailAt: number | null;
      }
    | undefined
  >(sql`
    select a.id, a.title, a.status, ${LAST_SESSION_END} as endsAt, e.report_deadline as reportDeadline, u.email,
      exists(select 1 from attendance_reports r where r.activity_id = a.id) as reported,
      (select max(o.created_at) from email_outbox o where ${attendanceMailOf(sql`a.id`)}) as lastMailAt
    from activities a join editions e on e.id = a.edition_id join users u on u.id = a.owner_id
    where a.id = ${activityId}`);
}

/**
 * "Stuur herinnering nu": queues an attendance reminder for each chosen activity that still has no
 * report while reporting is open — unless that activity got any attendance e-mail in the last 24 hours
 * (REMINDER_PAUSE_MS), so a double click, a second tab or the scheduler never sends a second one within
 * a day. One IMMEDIATE transaction: the check and the queueing cannot interleave with another request.
 * A reminder by hand also counts as the scheduler's one reminder (attendance.server.ts).
 */
export function sendAttendanceRemindersNow(activityIds: number[], actorId: number, now: Date): ReminderResult {
  return immediate((tx) => {
    const result: ReminderResult = { sent: [], skipped: [] };
    for (const id of activityIds) {
      const target = reminderTarget(tx, id);
      const skip = (reason: ReminderSkip) => result.skipped.push({ id, reason });
      if (!target) {
        skip("not_found");
        continue;
      }
      if (target.reported) {
        skip("reported");
        continue;
      }
      const deadline = new Date(target.reportDeadline);
      const state = attendanceState(
        { status: target.status, endsAt: new Date(target.endsAt) },
        { reportDeadline: deadline },
        now,
      );
      if (state !== "open") {
        skip("not_open");
        continue;
      }
      if (target.lastMailAt !== null && now.getTime() - target.lastMailAt < REMINDER_PAUSE_MS) {
        skip("recent");
        continue;
      }
      enqueueEmail(
        tx,
        {
          template: "attendance-reminder",
          to: target.email,
          dedupeKey: `attendance-reminder:${id}:${now.getTime()}`,
          props: {
            activityTitle: target.title,
            reportUrl: attendanceUrl(attendanceToken(id, deadline)),
            deadline: deadline.toISOString(),
          },
        },
        now,
      );
      audit(tx, { actorId, action: "attendance.reminder_sent", entityType: "activity", entityId: id, details: { by: "team" } });
      result.sent.push(id);
    }
    return result;
  });
}
