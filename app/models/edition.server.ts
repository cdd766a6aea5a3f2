import { asc, desc, eq } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";
import { formatShortDate } from "~/utils/time";
import { editionPhase, isOrderingOpen, isRegistrationOpen, lastInclusiveMinute, weekBounds } from "./edition";

export type Edition = typeof schema.editions.$inferSelect;

export function listEditions(): Edition[] {
  return db.select().from(schema.editions).orderBy(desc(schema.editions.year)).all();
}

export function getEditionByYear(year: number): Edition | null {
  return db.select().from(schema.editions).where(eq(schema.editions.year, year)).get() ?? null;
}

/**
 * Which edition a request means: the year it names (`?editie=YYYY` or a route's year), else
 * `fallback()` (each audience has its own default). One behaviour everywhere: a named year that is
 * malformed or unknown gives null, which routes answer with 404 — never a silent fallback.
 */
export function resolveEdition(asked: string | null | undefined, fallback: () => Edition | null): Edition | null {
  if (asked === null || asked === undefined || asked.trim() === "") return fallback();
  return /^\d{4}$/.test(asked.trim()) ? getEditionByYear(Number(asked)) : null;
}

export function getEditionById(id: number): Edition | null {
  return db.select().from(schema.editions).where(eq(schema.editions.id, id)).get() ?? null;
}

/** The edition the public sees by default: the one running, else the next one coming, else the latest. */
export function getPublicEdition(now: Date): Edition | null {
  const editions = db.select().from(schema.editions).orderBy(asc(schema.editions.year)).all();
  return editions.find((e) => weekBounds(e).endsAt > now) ?? editions.at(-1) ?? null;
}

/** The edition organisers can register activities for now, if any. */
export function getRegistrationEdition(now: Date): Edition | null {
  return listEditions().find((e) => isRegistrationOpen(e, now)) ?? null;
}

/** The edition in which kit ordering is open now, if any. */
export function getOrderingEdition(now: Date): Edition | null {
  return listEditions().find((e) => isOrderingOpen(e, now)) ?? null;
}

export function describeEdition(edition: Edition, now: Date) {
  return { ...edition, phase: editionPhase(edition, now) };
}

/** Why registering is not possible now, with the dates of the newest edition. */
export function registrationClosedText(now: Date): string {
  const latest = listEditions()[0];
  if (!latest) return "";
  const lastDay = formatShortDate(lastInclusiveMinute(latest.registrationClosesAt));
  const name = `de Week tegen Eenzaamheid ${latest.year}`;
  return now < latest.registrationOpensAt
    ? `Aanmelden voor ${name} kan van ${formatShortDate(latest.registrationOpensAt)} tot en met ${lastDay}.`
    : `Aanmelden voor ${name} kon van ${formatShortDate(latest.registrationOpensAt)} tot en met ${lastDay}.`;
}
