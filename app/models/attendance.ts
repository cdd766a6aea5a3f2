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

export const AttendanceReportSchema = z
  .object({
    participants: count(
      "Vul in hoeveel deelnemers er waren. Een schatting is goed.",
      MAX_REPORTED_PARTICIPANTS,
      `Vul een aantal in tot en met ${MAX_REPORTED_PARTICIPANTS.toLocaleString("nl-NL")}. Waren het er echt meer? Neem dan contact op met het programmateam.`,
    ),
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
  })
  .superRefine((v, ctx) => {
    if (v.firstTimers !== undefined && v.firstTimers > v.participants)
      ctx.addIssue({
        code: "custom",
        path: ["firstTimers"],
        message: "Er kunnen niet meer mensen voor het eerst zijn geweest dan er deelnemers waren.",
      });
  });
export type AttendanceReportInput = z.infer<typeof AttendanceReportSchema>;

export const ATTENDANCE_FIELDS = ["participants", "volunteers", "firstTimers", "newcomersReturned", "remarks"] as const;

export type AttendanceState = "open" | "not_published" | "not_ended" | "closed";

export const ATTENDANCE_STATE_TEXT: Record<Exclude<AttendanceState, "open">, string> = {
  not_published: "Voor deze activiteit kun je geen opkomst doorgeven: hij staat niet (meer) op de kaart.",
  not_ended: "Je kunt de opkomst doorgeven zodra de activiteit voorbij is.",
  closed: "Opkomst doorgeven kan niet meer: de termijn is voorbij.",
};
