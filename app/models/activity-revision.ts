// Which changes to a published activity wait for review, and which go live at once (shared with the
// browser: the organiser's and reviewer's pages show these labels).
//
// The rule: anything the public sees as free text, and anything that says where or when to go, is
// checked by a person before it replaces the approved version. "Casino bonus gratis geld" in a title,
// a changed online link or a moved address reaches the public only through review.
// Fields that go live directly are fixed choices, numbers and data the public never sees:
//   - type, target groups, organisation kind: a choice from a fixed list, no text of the organiser;
//   - accessibility and low-threshold ticks (host at the door, transport, easy Dutch, languages,
//     showing the "ik kom" count, "continues after the Week"), free or not, the price, "sign-up needed", the maximum number of participants:
//     ticks and numbers, which organisers correct often ("we now have a hearing loop", "full at 30");
//   - the private contact (name, e-mail, phone): only the team sees it.
// The free text of "continues after the Week" (when, and a contact or link) is reviewed like any text.
// Deliberately reviewed although the issue named it as a possible safe field: the sign-up text. It is
// free public text (up to 500 characters, may hold a link), so it is exactly where spam would move to.
//
// A new column of `activities` that the form writes must be added to one of the two lists below;
// the typecheck in activity.server.ts (everyColumnClassified) fails until it is.

/** Columns that change what the public sees: a change to a published activity waits for review. */
export const REVIEWED_FIELDS = {
  title: "Titel",
  description: "Beschrijving",
  startsAt: "Begin",
  endsAt: "Einde",
  // All dates and times (activity_sessions); not a column: the snapshot holds the list.
  sessions: "Data en tijden",
  isOnline: "Online",
  onlineUrl: "Link naar de online activiteit",
  venueName: "Naam van de plek",
  street: "Straat",
  houseNumber: "Huisnummer",
  postcode: "Postcode",
  place: "Plaats",
  municipalityCode: "Gemeente",
  lat: "Breedtegraad van de punaise",
  lon: "Lengtegraad van de punaise",
  locationApproximate: "Plek bij benadering",
  signUpInfo: "Hoe je je aanmeldt",
  organisationName: "Organisatie",
  publicContactName: "Openbare contactpersoon",
  publicContactEmail: "Openbaar e-mailadres",
  publicContactPhone: "Openbaar telefoonnummer",
  continuesSchedule: "Wanneer het doorgaat na de Week",
  continuesContact: "Contact of link voor na de Week",
} as const;
export type ReviewedField = keyof typeof REVIEWED_FIELDS;

/** Columns (and the target groups) that go live at once, also on a published activity. Why: see above. */
export const DIRECT_FIELDS = {
  type: "Soort activiteit",
  targetGroups: "Voor wie",
  organisationKind: "Soort organisatie",
  wheelchairAccessible: "Toegankelijk met rolstoel",
  hearingLoop: "Ringleiding",
  quietSpace: "Rustige ruimte",
  hostAtDoor: "Iemand ontvangt je bij de deur",
  transport: "Vervoer",
  easyDutch: "Makkelijk Nederlands",
  languages: "Andere talen",
  showInterest: "Laat zien hoeveel mensen komen",
  continuesAfterWeek: "Gaat door na de Week",
  isFree: "Gratis",
  priceCents: "Prijs",
  signUpRequired: "Aanmelden nodig",
  maxParticipants: "Hoogstens aantal deelnemers",
  privateContactName: "Contactpersoon (niet openbaar)",
  privateContactEmail: "E-mailadres (niet openbaar)",
  privateContactPhone: "Telefoon (niet openbaar)",
} as const;
export type DirectField = keyof typeof DIRECT_FIELDS;

export const REVISION_STATUSES = {
  pending: "Wacht op controle",
  approved: "Goedgekeurd",
  rejected: "Niet goedgekeurd",
  withdrawn: "Ingetrokken",
} as const;
export type RevisionStatus = keyof typeof REVISION_STATUSES;

/** One line of the reviewer's side-by-side table: the field and both values as text. */
export type RevisionDiffRow = { field: ReviewedField; label: string; now: string; proposed: string };

/** The organiser's notice, e.g. "Wijziging wacht op controle: titel, beschrijving." */
export function pendingChangeText(fields: ReviewedField[]) {
  const labels = [
    ...new Set(
      fields.map((f) =>
        f === "lat" || f === "lon"
          ? "Plek op de kaart"
          : f === "startsAt" || f === "endsAt"
            ? REVIEWED_FIELDS.sessions
            : REVIEWED_FIELDS[f],
      ),
    ),
  ];
  return `Wijziging wacht op controle: ${labels.map((l) => l.toLowerCase()).join(", ")}.`;
}
