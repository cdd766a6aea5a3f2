// Fixtures for the search tests: activities at known places around Utrecht centre, written with
// the real schema into the test's own SQLite file (the R*Tree follows through its triggers).
import { eq } from "drizzle-orm";
import { db, schema } from "~/utils/db.server";
import { amsterdamToUtc } from "~/utils/time";

export const UTRECHT = { lat: 52.0907, lon: 5.1214 };
export const edition = (year: number) => db.select().from(schema.editions).where(eq(schema.editions.year, year)).get()!;

let ownerId: number | undefined;
function owner() {
  ownerId ??= db.insert(schema.users).values({ email: "eigenaar@example.org", name: "Eigenaar" }).returning().get().id;
  return ownerId;
}

/** Moves a point `km` kilometres north (positive) of Utrecht centre. */
export const north = (km: number) => ({ lat: UTRECHT.lat + km / 111.195, lon: UTRECHT.lon });

export function addActivity(
  values: Partial<typeof schema.activities.$inferInsert> & { year?: number; groups?: string[]; day?: string } = {},
) {
  const { year = 2027, groups = ["iedereen"], day = "2027-09-30", ...rest } = values;
  const startsAt = amsterdamToUtc(day, "10:00");
  const row = db
    .insert(schema.activities)
    .values({
      editionId: edition(year).id,
      ownerId: owner(),
      organisationName: "Stichting Test",
      organisationKind: "welzijn",
      title: "Koffie",
      description: "Koffie drinken.",
      type: "ontmoeting",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      municipalityCode: "GM0344",
      place: "Utrecht",
      ...UTRECHT,
      privateContactName: "Prive Persoon",
      privateContactEmail: "prive.geheim@example.org",
      privateContactPhone: "06-12345678",
      status: "published",
      ...rest,
    })
    .returning({ id: schema.activities.id, startsAt: schema.activities.startsAt, endsAt: schema.activities.endsAt })
    .get();
  // Every activity has its sessions; activities.starts_at/ends_at are the first (db/schema.ts).
  db.insert(schema.activitySessions).values({ activityId: row.id, startsAt: row.startsAt, endsAt: row.endsAt }).run();
  for (const targetGroup of groups) db.insert(schema.activityTargetGroups).values({ activityId: row.id, targetGroup }).run();
  return row.id;
}
