// Shared (browser and server) facts about activities: the fixed lists and their Dutch labels.

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

export const ACCESSIBILITY_FEATURES = {
  wheelchairAccessible: "Toegankelijk met rolstoel",
  hearingLoop: "Ringleiding",
  quietSpace: "Rustige ruimte",
  transportHelp: "Hulp bij vervoer",
} as const;
export type AccessibilityFeature = keyof typeof ACCESSIBILITY_FEATURES;

export const ACTIVITY_STATUSES = {
  pending: "Wacht op controle",
  published: "Gepubliceerd",
  rejected: "Niet geplaatst",
  cancelled: "Geannuleerd",
} as const;
export type ActivityStatus = keyof typeof ACTIVITY_STATUSES;
