// Shared (browser and server) rules for reporting attendance after the Week.
import { z } from "zod";
import { plainInteger } from "~/utils/form-values";

/**
 * Upper bounds that catch typing mistakes, not real events: even the biggest activities in the Week
 * (festivals, city-wide walks) stay far below these. An organiser with a truly bigger number can say
 * so in the remark and ask the programme team.
 */
export const MAX_REPORTED_PARTICIPANTS = 100_000;
export const MAX_REPORTED_VOLUNTEERS = 10_000;
export const MAX_REMARK_LENGTH = 1000;

const count = (required: string, max: number, tooMany: string) =>
  plainInteger(
    z
      .number({ required_error: required, invalid_type_error: "Vul een aantal in met alleen cijfers, zoals 25." })
      .int("Vul een heel getal in, zoals 25.")
      .min(0, "Vul een aantal in van 0 of meer.")
      .max(max, tooMany),
  );

/** "Did people who came for the first time come back?" (the Week's aim: contact that lasts). */
export const NEWCOMERS_RETURNED = {
  yes: "Ja, er zijn nieuwe mensen teruggekomen",
  no: "Nee, nog niet",
  unknown: "Weet ik (nog) niet",
} as const;
export type NewcomersReturned = keyof typeof NEWCOMERS_RETURNED;
const NEWCOMERS_RETURNED_VALUES = Object.keys(NEWCOMERS_RETURNED) as [NewcomersReturned, ...NewcomersReturned[]];

const participantsCount = (required: string) =>
  count(
    required,
    MAX_REPORTED_PARTICIPANTS,
    `Vul een aantal in tot en met ${MAX_REPORTED_PARTICIPANTS.toLocaleString("nl-NL")}. Waren het er echt meer? Neem dan contact op met het programmateam.`,
  );

/** The form field of one session's number of participants (activities with several sessions). */
export const sessionFieldName = (sessionId: number) => `session_${sessionId}`;

const reportFields = z.object({
  volunteers: count(
    "Vul in hoeveel vrijwilligers er hielpen. Waren er geen? Vul dan 0 in.",
    MAX_REPORTED_VOLUNTEERS,
    `Vul een aantal in tot en met ${MAX_REPORTED_VOLUNTEERS.toLocaleString("nl-NL")}.`,
  ),
  firstTimers: count(
    "",
    MAX_REPORTED_PARTICIPANTS,
    `Vul een aantal in tot en met ${MAX_REPORTED_PARTICIPANTS.toLocaleString("nl-NL")}.`,
  ).optional(),
  newcomersReturned: z
    .enum(NEWCOMERS_RETURNED_VALUES, { errorMap: () => ({ message: "Kies een van de antwoorden." }) })
    .optional(),
  remarks: z
    .string()
    .trim()
    .max(MAX_REMARK_LENGTH, `Je opmerking is te lang (hoogstens ${MAX_REMARK_LENGTH} tekens).`)
    .optional(),
});

export type AttendanceReportInput = z.infer<typeof reportFields> & {
  participants: number;
  /** Only for an activity with several sessions; `participants` is then their sum. */
  sessionCounts?: { sessionId: number; participants: number }[];
};

/**
 * The report form. One session: the number of participants. Several (`sessionIds`): a number per
 * session, and the total is their sum (so the figures keep one number per activity).
 */
export function attendanceReportSchema(sessionIds: number[] = []) {
  const perSession = sessionIds.length > 1;
  const counted = perSession
    ? reportFields.extend(
        Object.fromEntries(
          sessionIds.map((id) => [
            sessionFieldName(id),
            participantsCount("Vul in hoeveel deelnemers er deze keer waren. Een schatting is goed."),
          ]),
        ),
      )
    : reportFields.extend({ participants: participantsCount("Vul in hoeveel deelnemers er waren. Een schatting is goed.") });
  return counted
    .transform((parsed): AttendanceReportInput => {
      // The extended shape has an index signature; read the fixed fields and the numbers separately.
      const v = parsed as unknown as z.infer<typeof reportFields>;
      const numbers = parsed as unknown as Record<string, number>;
      const sessionCounts = perSession
        ? sessionIds.map((sessionId) => ({ sessionId, participants: numbers[sessionFieldName(sessionId)] }))
        : undefined;
      return {
        volunteers: v.volunteers,
        firstTimers: v.firstTimers,
        newcomersReturned: v.newcomersReturned,
        remarks: v.remarks,
        participants: sessionCounts ? sessionCounts.reduce((sum, c) => sum + c.participants, 0) : numbers.participants,
        sessionCounts,
      };
    })
    .superRefine((v, ctx) => {
      if (v.firstTimers !== undefined && v.firstTimers > v.participants)
        ctx.addIssue({
          code: "custom",
          path: ["firstTimers"],
          message: "Er kunnen niet meer mensen voor het eerst zijn geweest dan er deelnemers waren.",
        });
    });
}
export const AttendanceReportSchema = attendanceReportSchema();

export const ATTENDANCE_FIELDS = ["participants", "volunteers", "firstTimers", "newcomersReturned", "remarks"] as const;
/** Every field of the form for these sessions (to echo the values back after an error). */
export const attendanceFieldNames = (sessionIds: number[]) => [...ATTENDANCE_FIELDS, ...sessionIds.map(sessionFieldName)];

export type AttendanceState = "open" | "not_published" | "not_ended" | "closed";

export const ATTENDANCE_STATE_TEXT: Record<Exclude<AttendanceState, "open"> | "sessions_changed", string> = {
  sessions_changed: "De data van deze activiteit zijn net veranderd. Laad de pagina opnieuw en vul het aantal per keer in.",
  not_published: "Voor deze activiteit kun je geen opkomst doorgeven: hij staat niet (meer) op de kaart.",
  not_ended: "Je kunt de opkomst doorgeven zodra de activiteit voorbij is.",
  closed: "Opkomst doorgeven kan niet meer: de termijn is voorbij.",
};
