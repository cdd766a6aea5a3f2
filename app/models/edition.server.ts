import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, immediate, schema, type AppDatabase } from "~/utils/db.server";
import { formatShortDate } from "~/utils/time";
import {
  confirmationKey,
  EDITION_INSTANTS,
  editionChangeWarnings,
  editionPhase,
  editionProblems,
  isOrderingOpen,
  isRegistrationOpen,
  lastInclusiveMinute,
  nextEditionDraft,
  weekBounds,
  type EditionChangeCounts,
  type EditionChangeWarning,
  type EditionDraft,
  type EditionFormInput,
} from "./edition";
import { countLiveOrders } from "./kit-order.server";

export type Edition = typeof schema.editions.$inferSelect;

// Every public page asks for the editions: prepared once (drizzle builds the SQL once, not per request).
const newestFirst = db.select().from(schema.editions).orderBy(desc(schema.editions.year)).prepare();
const byYear = db
  .select()
  .from(schema.editions)
  .where(eq(schema.editions.year, sql.placeholder("year")))
  .prepare();
const byId = db
  .select()
  .from(schema.editions)
  .where(eq(schema.editions.id, sql.placeholder("id")))
  .prepare();

export function listEditions(): Edition[] {
  return newestFirst.all();
}

export function getEditionByYear(year: number): Edition | null {
  return byYear.get({ year }) ?? null;
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
  return byId.get({ id }) ?? null;
}

/** The edition the public sees by default: the one running, else the next one coming, else the latest. */
export function getPublicEdition(now: Date): Edition | null {
  const editions = listEditions().reverse();
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

// ---------------------------------------------------------------------------------------------
// The programme team sets the editions (issue 13). Reference data (db/reference/editions.ts) only
// fills an empty installation; from then on these commands own the rows, and every change is audited.

/** The next edition as the team starts from it (defaults from the latest edition), or null when none exists. */
export function getNextEditionDraft(): EditionDraft | null {
  const latest = listEditions()[0];
  return latest ? nextEditionDraft(latest) : null;
}

export type EditionSaveResult =
  | { ok: true; year: number }
  | { ok: false; errors: Record<string, string[]> }
  | { ok: false; errors?: undefined; confirm: { warnings: EditionChangeWarning[]; key: string } };

const others = (tx: AppDatabase, exceptId?: number) =>
  tx
    .select({
      year: schema.editions.year,
      number: schema.editions.number,
      weekStart: schema.editions.weekStart,
      weekEnd: schema.editions.weekEnd,
    })
    .from(schema.editions)
    .where(exceptId === undefined ? undefined : ne(schema.editions.id, exceptId))
    .all();

const instantsAsText = (e: Pick<Edition, (typeof EDITION_INSTANTS)[number] | "weekStart" | "weekEnd">) => ({
  weekStart: e.weekStart,
  weekEnd: e.weekEnd,
  ...Object.fromEntries(EDITION_INSTANTS.map((k) => [k, e[k].toISOString()])),
});

/** Creates an edition with the team's dates; kit settings come from the defaults (the latest edition). */
export function createEdition(input: EditionFormInput, actorId: number, now: Date): EditionSaveResult {
  return immediate((tx): EditionSaveResult => {
    const problems = editionProblems(input, others(tx));
    if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
    const latest = tx.select().from(schema.editions).orderBy(desc(schema.editions.year)).limit(1).get();
    const kit = latest
      ? {
          kitStock: latest.kitStock,
          kitContents: latest.kitContents,
          kitLimitPerActivity: latest.kitLimitPerActivity,
          kitLimitPerOrganisation: latest.kitLimitPerOrganisation,
        }
      : {};
    tx.insert(schema.editions)
      .values({ ...input, ...kit, activityWindowStart: input.weekStart, activityWindowEnd: input.weekEnd, createdAt: now })
      .run();
    audit(tx, {
      actorId,
      action: "edition.created",
      entityType: "edition",
      entityId: input.year,
      details: { number: input.number, ...instantsAsText(input), kitFrom: latest?.year ?? null },
    });
    return { ok: true, year: input.year };
  });
}

/** The counts behind the confirmation texts, for `edition` with the new dates `after`. */
function changeCounts(tx: AppDatabase, edition: Edition, after: EditionFormInput): EditionChangeCounts {
  const a = schema.activities;
  const registered = and(eq(a.editionId, edition.id), inArray(a.status, ["pending", "published"]));
  const week = weekBounds(after);
  const { activities, outsideNewWeek } = tx
    .select({
      activities: sql<number>`count(*)`,
      outsideNewWeek: sql<number>`coalesce(sum(${a.startsAt} < ${week.startsAt.getTime()} or ${a.startsAt} >= ${week.endsAt.getTime()}), 0)`,
    })
    .from(a)
    .where(registered)
    .get()!;
  const organisersWithAttendanceLink = tx
    .select({ n: sql<number>`count(distinct ${a.ownerId})` })
    .from(a)
    .where(
      and(
        eq(a.editionId, edition.id),
        sql`exists (select 1 from email_outbox o where o.dedupe_key = 'attendance-request:' || ${a.id})`,
      ),
    )
    .get()!.n;
  return { activities, outsideNewWeek, liveOrders: countLiveOrders(tx, edition.id), organisersWithAttendanceLink };
}

/**
 * Saves new dates for an edition (its year stays). A change that touches what organisers rely on
 * (see editionChangeWarnings) is saved only when `confirmed` equals the key of the warnings shown;
 * otherwise the warnings come back to show. Nothing is written unless everything is right.
 */
export function updateEdition(
  year: number,
  input: EditionFormInput,
  confirmed: string | null,
  actorId: number,
  now: Date,
): EditionSaveResult {
  return immediate((tx): EditionSaveResult => {
    const edition = tx.select().from(schema.editions).where(eq(schema.editions.year, year)).get();
    if (!edition) return { ok: false, errors: { "": ["Deze editie bestaat niet."] } };
    const after = { ...input, year: edition.year };
    const problems = editionProblems(after, others(tx, edition.id));
    if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
    const warnings = editionChangeWarnings(edition, after, now, changeCounts(tx, edition, after));
    const key = confirmationKey(warnings);
    if (warnings.length > 0 && confirmed !== key) return { ok: false, confirm: { warnings, key } };
    tx.update(schema.editions)
      .set({
        number: after.number,
        weekStart: after.weekStart,
        weekEnd: after.weekEnd,
        activityWindowStart: after.weekStart,
        activityWindowEnd: after.weekEnd,
        ...Object.fromEntries(EDITION_INSTANTS.map((k) => [k, after[k]])),
        updatedAt: now,
      })
      .where(eq(schema.editions.id, edition.id))
      .run();
    audit(tx, {
      actorId,
      action: "edition.dates_updated",
      entityType: "edition",
      entityId: edition.year,
      details: {
        before: { number: edition.number, ...instantsAsText(edition) },
        after: { number: after.number, ...instantsAsText(after) },
        confirmedWarnings: warnings.map((w) => w.text),
      },
    });
    return { ok: true, year: edition.year };
  });
}
