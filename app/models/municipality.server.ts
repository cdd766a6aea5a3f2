// Municipalities: their public page and index, the local contact, and the coordinator's workspace.
// A coordinator sees only their own municipality: every workspace query has the municipality code
// in its WHERE clause, and anything outside it is "not found" (404), never "forbidden".
import { and, count, desc, eq, sql } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, schema } from "~/utils/db.server";
import type { SessionUser } from "./user.server";
import { activitiesCsv, figuresPerMunicipality } from "./figures.server";
import { listEditions, type Edition } from "./edition.server";
import { commonName, namesOf, normaliseName, slugsOf, type MunicipalityName } from "./municipality";
import { utcToAmsterdam } from "~/utils/time";

const m = schema.municipalities;
const a = schema.activities;

export type Municipality = {
  code: string;
  name: string;
  commonName: string;
  slug: string;
  province: string;
  lat: number;
  lon: number;
  box: [minLat: number, minLon: number, maxLat: number, maxLon: number];
};

// Reference data does not change while the server runs: read it once.
let cache: { list: Municipality[]; bySlug: Map<string, Municipality>; byName: Map<string, Municipality> } | null = null;
function reference() {
  if (cache) return cache;
  const rows = db.select().from(m).all();
  const list = rows
    .map((r): Municipality => {
      const named: MunicipalityName = { code: r.code, name: r.name };
      return {
        code: r.code,
        name: r.name,
        commonName: commonName(named),
        slug: slugsOf(named)[0],
        province: r.province,
        lat: r.lat,
        lon: r.lon,
        box: [r.minLat, r.minLon, r.maxLat, r.maxLon],
      };
    })
    .sort((x, y) => x.commonName.localeCompare(y.commonName, "nl"));
  const bySlug = new Map<string, Municipality>();
  const byName = new Map<string, Municipality>();
  for (const item of list) {
    for (const slug of slugsOf(item)) if (!bySlug.has(slug)) bySlug.set(slug, item);
    for (const name of namesOf(item)) if (!byName.has(name)) byName.set(name, item);
  }
  cache = { list, bySlug, byName };
  return cache;
}

export const listMunicipalities = () => reference().list;

export function getMunicipalityByCode(code: string): Municipality | null {
  return reference().list.find((x) => x.code === code) ?? null;
}

/** The municipality a slug names; `canonical` is false for an old or alternative slug (redirect to `slug`). */
export function findMunicipalityBySlug(slug: string): { municipality: Municipality; canonical: boolean } | null {
  const municipality = reference().bySlug.get(slug.toLowerCase());
  return municipality ? { municipality, canonical: municipality.slug === slug } : null;
}

/** The municipality a resident means by a typed name ("Den Haag", "'s-Gravenhage", "sudwest fryslan"). */
export function findMunicipalityByName(query: string): Municipality | null {
  const q = normaliseName(query).replace(/^gemeente /, "");
  return reference().byName.get(q) ?? null;
}

/** All municipalities grouped by province, each with its number of published activities in the edition. */
export function municipalityIndex(editionId: number) {
  const counts = new Map(
    db
      .select({ code: a.municipalityCode, n: count() })
      .from(a)
      .where(and(eq(a.editionId, editionId), eq(a.status, "published")))
      .groupBy(a.municipalityCode)
      .all()
      .map((r) => [r.code, r.n]),
  );
  const provinces = new Map<string, { code: string; slug: string; name: string; activities: number }[]>();
  for (const item of listMunicipalities()) {
    const list = provinces.get(item.province) ?? [];
    list.push({ code: item.code, slug: item.slug, name: item.commonName, activities: counts.get(item.code) ?? 0 });
    provinces.set(item.province, list);
  }
  return [...provinces.entries()]
    .sort(([x], [y]) => x.localeCompare(y, "nl"))
    .map(([province, municipalities]) => ({ province, municipalities }));
}

/** How many activities start on each day of the edition (Europe/Amsterdam dates), for "per dag". */
export function countPerDay(edition: Edition, activities: { startsAt: number; cancelled: boolean }[]) {
  const days = new Map<string, number>();
  for (let date = edition.activityWindowStart; date <= edition.activityWindowEnd;) {
    days.set(date, 0);
    const next = new Date(`${date}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    date = next.toISOString().slice(0, 10);
  }
  for (const item of activities) {
    if (item.cancelled) continue;
    const { date } = utcToAmsterdam(new Date(item.startsAt));
    days.set(date, (days.get(date) ?? 0) + 1);
  }
  return [...days.entries()].map(([date, n]) => ({ date, activities: n }));
}

// ---------------------------------------------------------------------------------------------
// The local contact (public once the coordinator sets it)

const contactColumns = {
  name: schema.municipalityContacts.name,
  email: schema.municipalityContacts.email,
  phone: schema.municipalityContacts.phone,
  website: schema.municipalityContacts.website,
};
export type MunicipalityContact = { name: string; email: string | null; phone: string | null; website: string | null };

export function getMunicipalityContact(code: string): MunicipalityContact | null {
  return (
    db
      .select(contactColumns)
      .from(schema.municipalityContacts)
      .where(eq(schema.municipalityContacts.municipalityCode, code))
      .get() ?? null
  );
}

export function setMunicipalityContact(actor: { id: number }, code: string, contact: MunicipalityContact | null, now: Date) {
  db.transaction((tx) => {
    const c = schema.municipalityContacts;
    if (contact === null) tx.delete(c).where(eq(c.municipalityCode, code)).run();
    else
      tx.insert(c)
        .values({ municipalityCode: code, ...contact, updatedAt: now, updatedById: actor.id })
        .onConflictDoUpdate({ target: c.municipalityCode, set: { ...contact, updatedAt: now, updatedById: actor.id } })
        .run();
    audit(tx, {
      actorId: actor.id,
      action: contact ? "municipality.contact_set" : "municipality.contact_removed",
      entityType: "municipality",
      entityId: code,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The coordinator's workspace

export type WorkspaceAccess = { municipality: Municipality; canReview: boolean; asTeam: boolean };

/**
 * Who may open a municipality's workspace: its own coordinator, and the programme team.
 * Anyone else gets the same 404 as for a municipality that does not exist.
 */
export function workspaceAccess(user: SessionUser, slug: string): WorkspaceAccess {
  const found = findMunicipalityBySlug(slug);
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const { municipality } = found;
  if (user.role === "programme_team") return { municipality, canReview: true, asTeam: true };
  if (user.role === "coordinator" && user.municipalityCode === municipality.code) {
    const row = db.select({ canReview: schema.users.canReview }).from(schema.users).where(eq(schema.users.id, user.id)).get();
    return { municipality, canReview: Boolean(row?.canReview), asTeam: false };
  }
  throw new Response("Niet gevonden", { status: 404 });
}

/** The coordinator's own municipality, for the link after login; null for everyone else. */
export function coordinatorHome(user: SessionUser): string | null {
  if (user.role !== "coordinator" || !user.municipalityCode) return null;
  const municipality = getMunicipalityByCode(user.municipalityCode);
  return municipality ? `/gemeente/${municipality.slug}/beheer` : null;
}

/** Every activity of the municipality in the edition, in any state. */
export function listWorkspaceActivities(code: string, editionId: number) {
  return db
    .select({
      id: a.id,
      title: a.title,
      status: a.status,
      startsAt: a.startsAt,
      place: a.place,
      isOnline: a.isOnline,
      organisationName: a.organisationName,
      hasKitOrder: sql<number>`exists(select 1 from kit_orders o where o.activity_id = ${a.id} and o.status not in ('cancelled','rejected'))`,
      participants: sql<number | null>`(select r.participants from attendance_reports r where r.activity_id = ${a.id})`,
      changePending: sql<number>`exists(select 1 from activity_revisions v where v.activity_id = ${a.id} and v.status = 'pending')`,
    })
    .from(a)
    .where(and(eq(a.municipalityCode, code), eq(a.editionId, editionId)))
    .orderBy(a.startsAt, a.id)
    .all()
    .map((r) => ({ ...r, hasKitOrder: Boolean(r.hasKitOrder), changePending: Boolean(r.changePending) }));
}

/** One activity of the municipality with the details a reviewer needs; null outside the municipality. */
export function getWorkspaceActivity(code: string, id: number) {
  return (
    db
      .select({
        id: a.id,
        title: a.title,
        description: a.description,
        status: a.status,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        isOnline: a.isOnline,
        venueName: a.venueName,
        street: a.street,
        houseNumber: a.houseNumber,
        postcode: a.postcode,
        place: a.place,
        organisationName: a.organisationName,
        privateContactName: a.privateContactName,
        privateContactEmail: a.privateContactEmail,
        privateContactPhone: a.privateContactPhone,
        moderationReason: a.moderationReason,
        editionYear: schema.editions.year,
      })
      .from(a)
      .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
      .where(and(eq(a.id, id), eq(a.municipalityCode, code)))
      .get() ?? null
  );
}

/** Who decided what about this activity, newest first (from the audit log). */
export function activityHistory(id: number) {
  return db
    .select({ at: schema.auditLog.at, action: schema.auditLog.action, actor: schema.users.email })
    .from(schema.auditLog)
    .leftJoin(schema.users, eq(schema.users.id, schema.auditLog.actorId))
    .where(and(eq(schema.auditLog.entityType, "activity"), eq(schema.auditLog.entityId, String(id))))
    .orderBy(desc(schema.auditLog.at), desc(schema.auditLog.id))
    .all();
}

/** The municipality's figures for an edition and the edition before it. */
export function localFigures(code: string, edition: Edition, now: Date) {
  const previous = listEditions().find((e) => e.year < edition.year) ?? null;
  const figuresFor = (e: Edition) => {
    const row = figuresPerMunicipality(e.id, now).find((x) => x.key === code)!;
    const statuses = db
      .select({ status: a.status, n: count() })
      .from(a)
      .where(and(eq(a.municipalityCode, code), eq(a.editionId, e.id)))
      .groupBy(a.status)
      .all();
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.n])) as Record<string, number | undefined>;
    return {
      year: e.year,
      published: row.activities,
      pending: byStatus.pending ?? 0,
      cancelled: byStatus.cancelled ?? 0,
      kitOrders: row.kitOrders,
      shouldReport: row.shouldReport,
      reports: row.reports,
      participants: row.participants,
      responseRate: row.shouldReport ? row.reports / row.shouldReport : null,
    };
  };
  return { current: figuresFor(edition), previous: previous ? figuresFor(previous) : null };
}

/** The municipality's activities with private contact details as CSV; every download is audited. */
export function workspaceActivitiesCsv(actor: { id: number }, code: string, edition: Edition): string {
  const body = activitiesCsv(edition.id, { withContact: true, municipalityCode: code });
  audit(db, {
    actorId: actor.id,
    action: "export.municipality_activities_with_contact",
    entityType: "municipality",
    entityId: code,
    details: { edition: edition.year },
  });
  return body;
}

/** The newest edition in which the municipality had public activities, with their number (for an empty year). */
export function latestEditionWithActivities(code: string): { year: number; activities: number } | null {
  return (
    db
      .select({ year: schema.editions.year, activities: count() })
      .from(a)
      .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
      .where(and(eq(a.municipalityCode, code), eq(a.status, "published")))
      .groupBy(schema.editions.year)
      .orderBy(desc(schema.editions.year))
      .get() ?? null
  );
}
