// The public facts of an activity in the words a poster, invitation card, booklet or share preview
// prints. Built only from the public selector (getPublicActivity / the booklet query), so no
// organiser's personal data can reach paper or a preview image.
import { continuesText, featureLines, type ActivityFeatures } from "./activity-features";
import type { PublicActivity } from "./activity-search.server";
import { formatCost, typeLabel } from "~/components/activity-facts";
import { env } from "~/utils/env.server";
import { formatDate, formatTime } from "~/utils/time";

export const WELCOME_ALONE = "Je bent welkom, ook als je alleen komt.";

/** The absolute address of a page on the platform, as printed in QR codes and share tags. */
export const absoluteUrl = (path: string) => `${env.PUBLIC_URL.replace(/\/$/, "")}${path}`;
export const activityPageUrl = (id: number) => absoluteUrl(`/activiteiten/${id}`);

type PrintableActivity = Pick<
  PublicActivity,
  | "id"
  | "title"
  | "type"
  | "description"
  | "startsAt"
  | "endsAt"
  | "isOnline"
  | "venueName"
  | "street"
  | "houseNumber"
  | "postcode"
  | "place"
  | "isFree"
  | "priceCents"
  | "signUpRequired"
  | "signUpInfo"
  | "publicContactName"
  | "publicContactEmail"
  | "publicContactPhone"
  | "organisationName"
  | "editionYear"
  | "cancelled"
  | "continuesAfterWeek"
  | "continuesSchedule"
  | "continuesContact"
  | keyof ActivityFeatures
>;

export type PrintFacts = ReturnType<typeof printFacts>;

export function printFacts(a: PrintableActivity) {
  const street = [a.street, a.houseNumber].filter(Boolean).join(" ");
  const placeLines = a.isOnline
    ? ["Online, via internet"]
    : [a.venueName, street, [a.postcode, a.place].filter(Boolean).join(" ")].filter((l): l is string => Boolean(l));
  return {
    id: a.id,
    title: a.title,
    typeText: typeLabel(a.type),
    description: a.description,
    dayText: capitalise(formatDate(a.startsAt)),
    timeText: `${formatTime(a.startsAt)} tot ${formatTime(a.endsAt)} uur`,
    startsAt: a.startsAt,
    placeLines,
    placeShort: a.isOnline ? "Online" : [a.venueName, a.place].filter(Boolean).join(", "),
    place: a.isOnline ? null : a.place,
    // Everyone who comes to a place alone should read that they are welcome; online it is implicit.
    welcomeAlone: !a.isOnline && !a.cancelled,
    // With a host at the door the welcome line says so itself, so the feature list leaves it out.
    welcomeText: a.hostAtDoor ? `${WELCOME_ALONE} Er is iemand die je ontvangt.` : WELCOME_ALONE,
    costText: formatCost(a.isFree, a.priceCents) === "Gratis" ? "Gratis" : `Kosten: ${formatCost(a.isFree, a.priceCents)}`,
    signUpText: a.signUpRequired ? (a.signUpInfo ?? "Aanmelden is nodig.") : "Aanmelden is niet nodig. Loop gewoon binnen.",
    accessibility: featureLines(a, { short: true }).filter((l) => !(a.hostAtDoor && l.key === "hostAtDoor")),
    continuesText: continuesText(a),
    contactLines: [a.publicContactName, a.publicContactPhone, a.publicContactEmail].filter((l): l is string => Boolean(l)),
    organisationName: a.organisationName,
    editionYear: a.editionYear,
    cancelled: a.cancelled,
    url: activityPageUrl(a.id),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "koffieochtend-utrecht": lower case, ASCII, hyphens; for file names people can read. */
export function fileSlug(...parts: (string | null | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join(" ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** "poster-koffieochtend-utrecht-2027.pdf" */
export const documentFileName = (kind: string, facts: Pick<PrintFacts, "title" | "place" | "editionYear">, ext = "pdf") =>
  `${fileSlug(kind, facts.title, facts.place)}-${facts.editionYear}.${ext}`;

/** The Content-Disposition value for a download with a readable name. */
export const attachment = (fileName: string) => `attachment; filename="${fileName}"`;
