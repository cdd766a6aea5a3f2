// Roles and their labels: shared by server and browser (a page that shows a role label in the
// browser must get it from here, never from user.server.ts, which is empty in the browser bundle).

export type UserRole = "organiser" | "programme_team" | "coordinator";

export const ROLE_LABELS: Record<UserRole, string> = {
  organiser: "Organisator",
  programme_team: "Programmateam",
  coordinator: "Gemeentecoördinator",
};

/** The order in which the team page lists roles. */
export const STAFF_ROLES = ["programme_team", "coordinator"] as const satisfies readonly UserRole[];
