import type { AppDatabase } from "../client";
import * as t from "../schema";
import { EDITIONS } from "./editions";
import { MUNICIPALITIES_2025 } from "./municipalities-2025";

/** Reference facts every installation needs: the municipalities and the editions. Never overwrites edits. */
export function ensureReferenceData(db: AppDatabase) {
  db.transaction((tx) => {
    for (const [code, name, province, lat, lon, minLat, minLon, maxLat, maxLon] of MUNICIPALITIES_2025) {
      tx.insert(t.municipalities)
        .values({ code, name, province, lat, lon, minLat, minLon, maxLat, maxLon })
        .onConflictDoNothing()
        .run();
    }
    for (const e of EDITIONS) {
      tx.insert(t.editions)
        .values({
          year: e.year,
          number: e.number,
          weekStart: e.weekStart,
          weekEnd: e.weekEnd,
          activityWindowStart: e.weekStart,
          activityWindowEnd: e.weekEnd,
          registrationOpensAt: new Date(e.registrationOpensAt),
          registrationClosesAt: new Date(e.registrationClosesAt),
          orderingOpensAt: new Date(e.orderingOpensAt),
          orderingClosesAt: new Date(e.orderingClosesAt),
          reportDeadline: new Date(e.reportDeadline),
          kitStock: e.kitStock,
          kitContents: e.kitContents,
        })
        .onConflictDoNothing()
        .run();
    }
  });
}
