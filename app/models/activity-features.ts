// What makes an activity easy to walk into, in ONE place (browser-safe): the fields an organiser
// fills in, the words and icons residents see on cards, the activity page, posters and the
// booklet, the search filters in the URL and the columns of feeds and open data.
import { z } from "zod";
import { formatDay, formatShortDay, formatTime } from "~/utils/time";

/** How residents get there: one value per activity (or none). */
export const TRANSPORT_OPTIONS = {
  pickup: "We kunnen je ophalen",
  public_transport: "Goed bereikbaar met OV",
} as const;
export type Transport = keyof typeof TRANSPORT_OPTIONS;
export const TRANSPORT_VALUES = Object.keys(TRANSPORT_OPTIONS) as [Transport, ...Transport[]];

/** Languages besides Dutch an organiser can say are spoken: a short fixed list (the most asked-for in the Netherlands). */
export const LANGUAGES = {
  en: "Engels",
  ar: "Arabisch",
  tr: "Turks",
  pl: "Pools",
  uk: "Oekraïens",
  pap: "Papiaments",
  ti: "Tigrinya",
  ngt: "Nederlandse Gebarentaal",
} as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_VALUES = Object.keys(LANGUAGES) as [Language, ...Language[]];

/** The yes/no features, in the order residents see them; `filter` is the URL parameter of the search. */
export const FLAG_FEATURES = {
  hostAtDoor: {
    label: "Je kunt gerust alleen komen — er is iemand die je ontvangt",
    short: "Je kunt gerust alleen komen",
    formLabel: "Je kunt gerust alleen komen: er staat iemand bij de deur die mensen ontvangt",
    filter: "alleen",
    icon: "door",
  },
  easyDutch: {
    label: "In eenvoudig Nederlands",
    short: "Eenvoudig Nederlands",
    formLabel: "We praten in eenvoudig Nederlands",
    filter: "eenvoudig",
    icon: "speech",
  },
  quietSpace: {
    label: "Rustige ruimte",
    short: "Rustige ruimte",
    formLabel: "Er is een rustige ruimte",
    filter: "rustig",
    icon: "quiet",
  },
  hearingLoop: {
    label: "Ringleiding",
    short: "Ringleiding",
    formLabel: "Er is een ringleiding",
    filter: "ringleiding",
    icon: "ear",
  },
  wheelchairAccessible: {
    label: "Toegankelijk met rolstoel",
    short: "Toegankelijk met rolstoel",
    formLabel: "Toegankelijk met rolstoel",
    filter: "rolstoel",
    icon: "wheelchair",
  },
} as const;
export type FlagFeature = keyof typeof FLAG_FEATURES;
export const FLAG_FEATURE_KEYS = Object.keys(FLAG_FEATURES) as FlagFeature[];

export const TRANSPORT_FILTERS = { pickup: "ophalen", public_transport: "ov" } as const satisfies Record<Transport, string>;
export const TRANSPORT_ICONS = { pickup: "transport", public_transport: "bus" } as const satisfies Record<Transport, string>;

export type FeatureIcon = (typeof FLAG_FEATURES)[FlagFeature]["icon"] | (typeof TRANSPORT_ICONS)[Transport] | "language";

/** The low-threshold facts of an activity as stored. */
export type ActivityFeatures = {
  hostAtDoor: boolean;
  transport: Transport | null;
  easyDutch: boolean;
  languages: Language[];
  quietSpace: boolean;
  hearingLoop: boolean;
  wheelchairAccessible: boolean;
};

export type FeatureLine = { key: string; icon: FeatureIcon; label: string };

/** "Engels, Arabisch en Turks" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
}

export const languagesText = (languages: Language[]) =>
  languages.length ? `Ook in het ${listInWords(languages.map((l) => LANGUAGES[l] ?? l))}` : "";

/** The features an activity has, as words with an icon, in the same order everywhere. */
export function featureLines(a: ActivityFeatures, { short = false } = {}): FeatureLine[] {
  const lines: FeatureLine[] = [];
  const flag = (key: FlagFeature) => {
    if (a[key]) lines.push({ key, icon: FLAG_FEATURES[key].icon, label: FLAG_FEATURES[key][short ? "short" : "label"] });
  };
  flag("hostAtDoor");
  if (a.transport) lines.push({ key: "transport", icon: TRANSPORT_ICONS[a.transport], label: TRANSPORT_OPTIONS[a.transport] });
  flag("easyDutch");
  if (a.languages.length) lines.push({ key: "languages", icon: "language", label: languagesText(a.languages) });
  flag("quietSpace");
  flag("hearingLoop");
  flag("wheelchairAccessible");
  return lines;
}

/** One line of plain text (feeds, calendar descriptions): "Je kunt gerust alleen komen · We kunnen je ophalen". */
export const featuresText = (a: ActivityFeatures) =>
  featureLines(a, { short: true })
    .map((l) => l.label)
    .join(" · ");

export type ContinuesAfterWeek = {
  continuesAfterWeek: boolean;
  continuesSchedule: string | null;
  continuesContact: string | null;
};

/** "Gaat door na de Week: elke dinsdagochtend. Contact: 030-1234567" (empty when it does not continue). */
export function continuesText(a: ContinuesAfterWeek): string {
  if (!a.continuesAfterWeek) return "";
  return [
    `Gaat door na de Week${a.continuesSchedule ? `: ${a.continuesSchedule}` : ""}.`,
    a.continuesContact ? `Contact: ${a.continuesContact}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** Languages as stored (a JSON array of codes); unknown codes are dropped. */
export function parseLanguages(value: unknown): Language[] {
  let list: unknown = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(list) ? list.filter((l): l is Language => typeof l === "string" && l in LANGUAGES) : [];
}

// ---------------------------------------------------------------------------------------------
// The organiser's form: the fields of this module (the activity form spreads them in).

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `Gebruik hoogstens ${max} tekens voor ${label}.`).optional();

export const featureFormFields = {
  hostAtDoor: checkbox,
  transport: z
    .enum(["geen", ...TRANSPORT_VALUES], { errorMap: () => ({ message: "Kies hoe mensen er komen." }) })
    .optional()
    .transform((v) => (v === undefined || v === "geen" ? null : v)),
  easyDutch: checkbox,
  languages: z
    .array(z.enum(LANGUAGE_VALUES, { errorMap: () => ({ message: "Kies een taal uit de lijst." }) }))
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
  quietSpace: checkbox,
  hearingLoop: checkbox,
  wheelchairAccessible: checkbox,
  showInterest: checkbox,
  continuesAfterWeek: checkbox,
  continuesSchedule: optionalText("wanneer het doorgaat", 200),
  continuesContact: optionalText("het contact of de link", 300),
};

/** Rules across the fields above (called from the activity form's superRefine). */
export function checkFeatureFields(
  v: { continuesAfterWeek: boolean; continuesSchedule?: string },
  need: (cond: boolean, path: string, message: string) => void,
) {
  need(
    v.continuesAfterWeek && !v.continuesSchedule,
    "continuesSchedule",
    "Vertel wanneer en hoe vaak het doorgaat, bijvoorbeeld: elke dinsdagochtend.",
  );
}

// ---------------------------------------------------------------------------------------------
// "Ik kom (waarschijnlijk)": the numbers in words.

/**
 * A count people can trust without it pretending to be exact: small numbers as they are, then
 * rounded to 5 (under 50) or 10. Anonymous presses are an indication, not a sign-up list.
 */
export function roundedInterest(n: number): number {
  if (n < 10) return n;
  if (n < 50) return Math.round(n / 5) * 5;
  return Math.round(n / 10) * 10;
}

/** For the organiser: "ongeveer 15 mensen hebben laten weten dat ze komen". */
export function interestForOrganiser(n: number): string {
  if (n === 0) return "Nog niemand heeft laten weten dat ze komen.";
  if (n === 1) return "1 persoon heeft laten weten dat die komt.";
  return `${n < 10 ? n : `Ongeveer ${roundedInterest(n)}`} mensen hebben laten weten dat ze komen.`;
}

/** For residents, only when the organiser allows it and only from a few people on (one lonely "1" helps nobody). */
export const PUBLIC_INTEREST_MINIMUM = 3;
export function interestForPublic(n: number): string | null {
  if (n < PUBLIC_INTEREST_MINIMUM) return null;
  return `${n < 10 ? n : `Ongeveer ${roundedInterest(n)}`} mensen zijn van plan te komen. Je bent niet de enige!`;
}

/** The presses on one session of an activity. */
export type SessionInterest = {
  sessionId: number;
  startsAt: number | string | Date;
  endsAt: number | string | Date;
  presses: number;
};

/**
 * For residents, an activity with several sessions: a sentence per session, because one person may come
 * twice and a total would count them twice. Only sessions with a few people (see PUBLIC_INTEREST_MINIMUM);
 * the caller passes the sessions still to come.
 */
export function interestForPublicPerSession(sessions: SessionInterest[]): string[] {
  const days = dayLabels(sessions, formatDay, " om ");
  const lines = sessions.flatMap((s, i) =>
    s.presses >= PUBLIC_INTEREST_MINIMUM ? [`Op ${days[i]} zijn ${peopleCount(s.presses)} mensen van plan te komen.`] : [],
  );
  return lines.length ? [...lines, "Je bent niet de enige!"] : [];
}

/** For the organiser, an activity with several sessions: "di 29 sep: ongeveer 15 mensen" per session. */
export function interestForOrganiserPerSession(sessions: SessionInterest[]): string[] {
  const days = dayLabels(sessions, formatShortDay, " ");
  return sessions.map((s, i) => {
    const who = s.presses === 0 ? "nog niemand" : s.presses === 1 ? "1 persoon" : `${peopleCount(s.presses)} mensen`;
    return `${days[i]}: ${who}`;
  });
}

/** The day of each session ("dinsdag 29 september"), with the time when two sessions share a day. */
export function dayLabels(
  sessions: { startsAt: number | string | Date }[],
  day: (v: number | string | Date) => string,
  beforeTime: string,
): string[] {
  const labels = sessions.map((s) => day(s.startsAt));
  return labels.map((label, i) =>
    labels.indexOf(label) !== labels.lastIndexOf(label) ? `${label}${beforeTime}${formatTime(sessions[i].startsAt)}` : label,
  );
}

/** "5", or "ongeveer 15" from 10 on. */
const peopleCount = (n: number) => (n < 10 ? String(n) : `ongeveer ${roundedInterest(n)}`);
