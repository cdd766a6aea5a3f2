// Shared (browser and server) facts about activities: the fixed lists, their Dutch labels and
// the registration form rules.
import { z } from "zod";
import { dutchPostcodeSchema } from "~/utils/postcode";
import { formatShortDate } from "~/utils/time";
import { isCalendarDate, plainInteger } from "~/utils/form-values";
import { webLinkSchema } from "~/utils/web-link";
import { checkFeatureFields, featureFormFields } from "./activity-features";
import { checkMoreSessions, moreSessionsField } from "./activity-sessions";

export const ACTIVITY_TYPES = {
  ontmoeting: "Ontmoeting",
  "samen-eten": "Samen eten",
  "wandelen-bewegen": "Wandelen en bewegen",
  creatief: "Creatief",
  "muziek-cultuur": "Muziek en cultuur",
  spel: "Spel",
  "gesprek-lezing": "Gesprek of lezing",
  online: "Online",
  anders: "Anders",
} as const;
export type ActivityType = keyof typeof ACTIVITY_TYPES;

export const TARGET_GROUPS = {
  iedereen: "Iedereen",
  ouderen: "Ouderen",
  jongeren: "Jongeren",
  gezinnen: "Gezinnen",
  mantelzorgers: "Mantelzorgers",
  nieuwkomers: "Nieuwkomers",
  beperking: "Mensen met een beperking",
} as const;
export type TargetGroup = keyof typeof TARGET_GROUPS;

export const ORGANISATION_KINDS = {
  gemeente: "Gemeente",
  welzijn: "Welzijnsorganisatie",
  bibliotheek: "Bibliotheek",
  initiatief: "Vrijwilligersinitiatief",
  bedrijf: "Bedrijf",
  anders: "Anders",
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

export const ACTIVITY_STATUSES = {
  pending: "Wacht op controle",
  published: "Gepubliceerd",
  rejected: "Niet geplaatst",
  cancelled: "Geannuleerd",
} as const;
export type ActivityStatus = keyof typeof ACTIVITY_STATUSES;

// ---------------------------------------------------------------------------------------------
// The registration form. Built per edition because the allowed dates depend on it.

const MAX_LINKS_IN_DESCRIPTION = 2;
const text = (label: string, max: number, min = 1) =>
  z
    .string({ required_error: `Vul ${label} in.` })
    .trim()
    .min(min, min > 1 ? `Gebruik minstens ${min} tekens voor ${label}.` : `Vul ${label} in.`)
    .max(max, `Gebruik hoogstens ${max} tekens voor ${label}.`);
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `Gebruik hoogstens ${max} tekens voor ${label}.`).optional();
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const time = (label: string) =>
  z
    .string({ required_error: `Vul ${label} in.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Vul ${label} in als uu:mm, bijvoorbeeld 14:30.`);
const optionalEmail = z.string().trim().email("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.").max(254).optional();
const optionalPhone = z
  .string()
  .trim()
  .regex(/^[+0-9 ()-]{8,20}$/, "Vul een telefoonnummer in met alleen cijfers, spaties of streepjes.")
  .optional();
const enumOf = <T extends Record<string, string>>(values: T, message: string) =>
  z.enum(Object.keys(values) as [keyof T & string, ...(keyof T & string)[]], { errorMap: () => ({ message }) });

export type ActivityWindow = { activityWindowStart: string; activityWindowEnd: string };

export function activityFormSchema(window: ActivityWindow, windowText: string) {
  return z
    .object({
      title: text("een titel", 120, 5),
      description: text("een beschrijving", 3000, 20).refine(
        (d) => (d.match(/https?:\/\//gi) ?? []).length <= MAX_LINKS_IN_DESCRIPTION,
        `Zet hoogstens ${MAX_LINKS_IN_DESCRIPTION} links in de beschrijving.`,
      ),
      type: enumOf(ACTIVITY_TYPES, "Kies wat voor activiteit het is."),
      targetGroups: z
        .array(enumOf(TARGET_GROUPS, "Kies een doelgroep uit de lijst."), { required_error: "Kies minstens één doelgroep." })
        .min(1, "Kies minstens één doelgroep."),
      date: z
        .string({ required_error: "Vul de datum in." })
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul de datum in als dd-mm-jjjj.")
        .refine(isCalendarDate, "Deze datum bestaat niet. Kies een dag uit de kalender.")
        .refine((d) => d >= window.activityWindowStart && d <= window.activityWindowEnd, `Kies een datum ${windowText}.`),
      startTime: time("de begintijd"),
      endTime: time("de eindtijd"),
      // "Nog een keer in de Week": the same activity on other dates and times (activity-sessions.ts).
      moreSessions: moreSessionsField,
      isOnline: checkbox,
      onlineUrl: webLinkSchema(500).optional(),
      venueName: optionalText("de naam van de plek", 120),
      street: optionalText("de straat", 120),
      houseNumber: z
        .string()
        .trim()
        .regex(/^\d{1,5}\s?[a-zA-Z0-9-]{0,6}$/, "Vul een huisnummer in, bijvoorbeeld 12 of 12a.")
        .optional(),
      postcode: dutchPostcodeSchema().optional(),
      place: optionalText("de plaats", 80),
      municipalityCode: z
        .string()
        .regex(/^GM\d{4}$/, "Kies een gemeente uit de lijst.")
        .optional(),
      // Set only when the organiser dragged the pin on the map (JavaScript); inside the Netherlands.
      pinLat: z.coerce.number().min(50.7).max(53.6).optional(),
      pinLon: z.coerce.number().min(3.3).max(7.3).optional(),
      // Low threshold, accessibility, "ik kom" and after the Week: defined with their labels in activity-features.ts.
      ...featureFormFields,
      isFree: z.enum(["ja", "nee"], { errorMap: () => ({ message: "Kies of de activiteit gratis is." }) }),
      price: z
        .string()
        .trim()
        .regex(/^\d{1,3}([,.]\d{1,2})?$/, "Vul een bedrag in euro's in, bijvoorbeeld 2,50.")
        .optional(),
      signUpRequired: checkbox,
      signUpInfo: optionalText("hoe mensen zich aanmelden", 500),
      maxParticipants: plainInteger(
        z
          .number({ invalid_type_error: "Vul een heel getal in, met alleen cijfers." })
          .int("Vul een heel getal in.")
          .min(1, "Vul een getal van 1 of meer in.")
          .max(10_000, "Vul een getal tot 10.000 in.")
          .optional(),
      ),
      organisationName: text("de naam van je organisatie", 120),
      organisationKind: enumOf(ORGANISATION_KINDS, "Kies wat voor organisatie het is."),
      publicContactName: optionalText("de naam", 120),
      publicContactEmail: optionalEmail,
      publicContactPhone: optionalPhone,
      privateContactName: text("je naam", 120),
      privateContactEmail: z
        .string({ required_error: "Vul je e-mailadres in." })
        .trim()
        .email("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")
        .max(254),
      privateContactPhone: optionalPhone,
    })
    .superRefine((v, ctx) => {
      const need = (cond: boolean, path: string, message: string) =>
        cond && ctx.addIssue({ code: "custom", path: [path], message });
      need(v.endTime <= v.startTime, "endTime", "De eindtijd moet na de begintijd liggen.");
      checkMoreSessions(
        v,
        v.moreSessions,
        (d) => d >= window.activityWindowStart && d <= window.activityWindowEnd,
        windowText,
        (path, message) => ctx.addIssue({ code: "custom", path, message }),
      );
      if (v.isOnline) need(!v.onlineUrl, "onlineUrl", "Vul de link naar de online activiteit in.");
      else {
        need(!v.street, "street", "Vul de straat in.");
        need(!v.houseNumber, "houseNumber", "Vul het huisnummer in.");
        need(!v.postcode, "postcode", "Vul de postcode in.");
        need(!v.place, "place", "Vul de plaats in.");
      }
      need(v.isFree === "nee" && !v.price, "price", "Vul in wat het kost.");
      need(v.signUpRequired && !v.signUpInfo, "signUpInfo", "Vertel hoe mensen zich kunnen aanmelden.");
      checkFeatureFields(v, need);
    });
}
export type ActivityFormValues = z.infer<ReturnType<typeof activityFormSchema>>;

export type NextStep = { text: string; action?: "edit" | "order" | "report" };

/** What an organiser should do next with an activity, in plain words. */
export function nextStep(input: {
  status: ActivityStatus;
  hasKitOrder: boolean;
  hasReport: boolean;
  orderingOpen: boolean;
  ended: boolean;
  reportingOpen: boolean;
}): NextStep {
  if (input.status === "pending") return { text: "Wacht op controle door het programmateam." };
  if (input.status === "rejected")
    return { text: "Niet geplaatst. Pas je activiteit aan en stuur hem opnieuw in.", action: "edit" };
  if (input.status === "cancelled") return { text: "Geannuleerd." };
  if (input.ended) {
    if (input.hasReport) return { text: "Klaar. Bedankt voor het doorgeven van de opkomst!" };
    return input.reportingOpen
      ? { text: "Geef door hoeveel mensen er waren.", action: "report" }
      : { text: "Niets meer te doen: je activiteit is voorbij." };
  }
  if (!input.hasKitOrder && input.orderingOpen) return { text: "Bestel het gratis Kom Erbij-pakket.", action: "order" };
  return { text: "Je activiteit staat op de kaart." };
}

/** "tussen 30 september 2027 en 6 oktober 2027" */
export const activityWindowText = (w: ActivityWindow) =>
  `tussen ${formatShortDate(w.activityWindowStart)} en ${formatShortDate(w.activityWindowEnd)}`;

/** A review decision on a pending activity (programme team, or a coordinator allowed to review). */
export const ReviewDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({
    intent: z.literal("reject"),
    reason: z
      .string({ required_error: "Schrijf de reden op. De organisator krijgt die te zien." })
      .trim()
      .min(5, "Schrijf de reden op. De organisator krijgt die te zien.")
      .max(1000, "Gebruik hoogstens 1000 tekens."),
  }),
]);
