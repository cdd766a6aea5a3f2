// Finding likely duplicates in the database (the rule itself: activity-duplicates.ts).
import { and, between, eq, inArray, ne } from "drizzle-orm";
import { schema, type DbOrTx } from "~/utils/db.server";
import { isLikelyDuplicate, START_WINDOW_HOURS, type DuplicateCandidate, type LikelyDuplicate } from "./activity-duplicates";

const a = schema.activities;

/**
 * Activities of the edition, waiting or published, that look like `candidate`; the oldest first.
 * `excludeId` leaves the activity itself out when it is being edited.
 */
export function findLikelyDuplicates(
  tx: DbOrTx,
  editionId: number,
  candidate: DuplicateCandidate,
  excludeId?: number,
): (LikelyDuplicate & { ownerId: number })[] {
  const window = START_WINDOW_HOURS * 3_600_000;
  return tx
    .select({
      id: a.id,
      ownerId: a.ownerId,
      title: a.title,
      startsAt: a.startsAt,
      isOnline: a.isOnline,
      lat: a.lat,
      lon: a.lon,
      locationApproximate: a.locationApproximate,
      postcode: a.postcode,
      houseNumber: a.houseNumber,
      place: a.place,
      status: a.status,
    })
    .from(a)
    .where(
      and(
        eq(a.editionId, editionId),
        inArray(a.status, ["pending", "published"]),
        between(a.startsAt, new Date(candidate.startsAt.getTime() - window), new Date(candidate.startsAt.getTime() + window)),
        excludeId ? ne(a.id, excludeId) : undefined,
      ),
    )
    .orderBy(a.createdAt, a.id)
    .all()
    .filter((other) => isLikelyDuplicate(candidate, other))
    .map((d) => ({
      id: d.id,
      ownerId: d.ownerId,
      title: d.title,
      startsAt: d.startsAt.toISOString(),
      place: d.isOnline ? "Online" : d.place,
      status: d.status,
    }));
}
