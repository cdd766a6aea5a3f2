import { eq, ne, sql } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, schema } from "~/utils/db.server";
import { enqueueEmail } from "./outbox.server";
import { absoluteUrl } from "~/utils/public-url.server";

import type { UserRole } from "./user";

export type { UserRole } from "./user";
export type SessionUser = { id: number; email: string; name: string | null; role: UserRole; municipalityCode: string | null };

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

/** Everyone with a role beyond organiser, for the team page. */
export function listStaff() {
  return db
    .select({ ...sessionUserColumns, canReview: schema.users.canReview, lastLoginAt: schema.users.lastLoginAt })
    .from(schema.users)
    .where(ne(schema.users.role, "organiser"))
    .orderBy(schema.users.role, schema.users.email)
    .all();
}

/** Makes `email` a programme-team member (creating the account if needed) and e-mails them. */
export function inviteTeamMember(actor: SessionUser, emailInput: string, now: Date) {
  const email = emailInput.trim().toLowerCase();
  db.transaction((tx) => {
    const existing = tx
      .select({ id: schema.users.id, role: schema.users.role })
      .from(schema.users)
      .where(eq(schema.users.email, email))
      .get();
    const id = existing
      ? (tx.update(schema.users).set({ role: "programme_team" }).where(eq(schema.users.id, existing.id)).run(), existing.id)
      : tx.insert(schema.users).values({ email, role: "programme_team", createdAt: now }).returning({ id: schema.users.id }).get()
          .id;
    audit(tx, {
      actorId: actor.id,
      action: "user.role_granted",
      entityType: "user",
      entityId: id,
      details: { role: "programme_team", previous: existing?.role ?? null },
    });
    enqueueEmail(
      tx,
      {
        template: "team-invite",
        to: email,
        props: { inviterName: actor.name ?? actor.email, loginUrl: absoluteUrl("/inloggen") },
      },
      now,
    );
  });
}

/** Takes a staff role away (the account stays, as an organiser). Nobody can remove their own role. */
export function revokeRole(actor: SessionUser, userId: number) {
  if (actor.id === userId) throw new Response("Je kunt je eigen rol niet intrekken.", { status: 400 });
  db.transaction((tx) => {
    const user = tx.select({ role: schema.users.role }).from(schema.users).where(eq(schema.users.id, userId)).get();
    if (!user || user.role === "organiser") return;
    tx.update(schema.users)
      .set({ role: "organiser", municipalityCode: null, canReview: false })
      .where(eq(schema.users.id, userId))
      .run();
    audit(tx, {
      actorId: actor.id,
      action: "user.role_revoked",
      entityType: "user",
      entityId: userId,
      details: { previous: user.role },
    });
  });
}

/**
 * Makes `email` the coordinator of a municipality (creating the account if needed). Review powers
 * are off unless the team switches them on. Audited.
 */
export function appointCoordinator(actor: SessionUser, emailInput: string, municipalityCode: string, canReview: boolean) {
  const email = emailInput.trim().toLowerCase();
  db.transaction((tx) => {
    const existing = tx
      .select({ id: schema.users.id, role: schema.users.role, municipalityCode: schema.users.municipalityCode })
      .from(schema.users)
      .where(eq(schema.users.email, email))
      .get();
    if (existing?.role === "programme_team") throw new Response("Dit account hoort bij het programmateam.", { status: 400 });
    const values = { role: "coordinator" as const, municipalityCode, canReview };
    const id = existing
      ? (tx.update(schema.users).set(values).where(eq(schema.users.id, existing.id)).run(), existing.id)
      : tx
          .insert(schema.users)
          .values({ email, ...values })
          .returning({ id: schema.users.id })
          .get().id;
    audit(tx, {
      actorId: actor.id,
      action: "user.role_granted",
      entityType: "user",
      entityId: id,
      details: { role: "coordinator", municipalityCode, canReview, previous: existing?.role ?? null },
    });
  });
}

/** Switches a coordinator's review powers for their municipality on or off. Audited. */
export function setCoordinatorReview(actor: SessionUser, userId: number, canReview: boolean) {
  db.transaction((tx) => {
    const user = tx.select({ role: schema.users.role }).from(schema.users).where(eq(schema.users.id, userId)).get();
    if (user?.role !== "coordinator") throw new Response("Niet gevonden", { status: 404 });
    tx.update(schema.users).set({ canReview }).where(eq(schema.users.id, userId)).run();
    audit(tx, {
      actorId: actor.id,
      action: canReview ? "user.review_granted" : "user.review_revoked",
      entityType: "user",
      entityId: userId,
    });
  });
}

/** The organiser account of `email` (created when new), for registering an activity on their behalf. */
export function findOrCreateOrganiser(emailInput: string, name: string | null): { id: number; email: string; created: boolean } {
  const email = emailInput.trim().toLowerCase();
  const existing = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).get();
  if (existing) return { id: existing.id, email, created: false };
  const { id } = db.insert(schema.users).values({ email, name, role: "organiser" }).returning({ id: schema.users.id }).get();
  return { id, email, created: true };
}

/** Undoes `findOrCreateOrganiser` when the registration it was for did not go through: no empty accounts are left. */
export function removeUnusedOrganiser(userId: number) {
  db.delete(schema.users)
    .where(
      sql`${schema.users.id} = ${userId} and ${schema.users.role} = 'organiser'
        and not exists (select 1 from activities a where a.owner_id = ${userId})
        and not exists (select 1 from sessions s where s.user_id = ${userId})`,
    )
    .run();
}
