// Queues attendance requests the way the scheduler does (real enqueueEmail, real SQLite).
import { enqueueEmail } from "~/models/outbox.server";
import { db } from "~/utils/db.server";
import { DEMO_TODAY } from "./demo-today";

/** `count` attendance requests numbered from `from` (their dedupe keys too), queued at `at`. */
export function queueAttendanceRequests(count: number, from = 0, at = new Date(DEMO_TODAY)) {
  db.transaction((tx) => {
    for (let i = from; i < from + count; i++)
      enqueueEmail(
        tx,
        {
          template: "attendance-request",
          to: `organisator${i}@example.nl`,
          props: {
            activityTitle: `Koffie ${i}`,
            reportUrl: `https://komerbij.example/opkomst/t${i}`,
            deadline: at.toISOString(),
          },
          dedupeKey: `attendance-request:${i}`,
        },
        at,
      );
  });
}
