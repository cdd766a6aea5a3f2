import { eq } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";

export type UserRole = "organiser" | "programme_team" | "coordinator";
export type SessionUser = { id: number; email: string; name: string | null; role: UserRole; municipalityCode: string | null };

export const ROLE_LABELS: Record<UserRole, string> = {
  organiser: "Organisator",
  programme_team: "Programmateam",
  coordinator: "Gemeentecoördinator",
};

const sessionUserColumns = {
  id: schema.users.id,
  email: schema.users.email,
  name: schema.users.name,
  role: schema.users.role,
  municipalityCode: schema.users.municipalityCode,
};

export function getUserById(id: number): SessionUser | null {
  return db.select(sessionUserColumns).from(schema.users).where(eq(schema.users.id, id)).get() ?? null;
}

export function getUserByEmail(email: string): SessionUser | null {
  return db.select(sessionUserColumns).from(schema.users).where(eq(schema.users.email, email.trim().toLowerCase())).get() ?? null;
}
