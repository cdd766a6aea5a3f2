// The sender's claim must not sort the queue: with 20,000 pending messages a sort per claim was
// the background work that slowed the search page. The plan must use the claim index for both the
// WHERE and the ORDER BY (no "USE TEMP B-TREE").
import { queueAttendanceRequests } from "../helpers/outbox";
import { describe, expect, it } from "vitest";
import { READY_SQL } from "~/models/outbox-renderer.server";
import { CLAIM_SQL } from "~/models/outbox-sender.server";
import { priorityOf } from "~/models/outbox.server";
import { db } from "~/utils/db.server";
import { DEMO_TODAY } from "../helpers/demo-today";

const T0 = new Date(DEMO_TODAY);

describe("the outbox claim query", () => {
  it("uses the claim index for its filter and its order, for urgent and bulk messages alike", () => {
    queueAttendanceRequests(2_000);
    db.$client.exec("ANALYZE");
    for (const priority of [0, 1, 2])
      for (const fresh of [0, 1]) {
        const plan = db.$client
          .prepare(`EXPLAIN QUERY PLAN ${CLAIM_SQL}`)
          .all({ priority, at: T0.getTime(), limit: 100, fresh }) as { detail: string }[];
        const details = plan.map((p) => p.detail).join("\n");
        expect(details).toMatch(
          /SEARCH email_outbox USING INDEX email_outbox_claim \(status=\? AND priority=\? AND next_attempt_at<\?\)/,
        );
        expect(details).not.toMatch(/TEMP B-TREE/);
        expect(details).not.toMatch(/SCAN email_outbox/);
      }
  });

  it("lets the renderer count the rendered messages waiting through their own index, never the whole queue", () => {
    // The 2,000 queued above are unrendered; two are rendered now.
    db.$client.exec(
      `UPDATE email_outbox SET subject = 's', html = 'h', text = 't' WHERE id IN (SELECT id FROM email_outbox LIMIT 2)`,
    );
    const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${READY_SQL}`).all({ ahead: 200 }) as { detail: string }[];
    expect(plan.map((p) => p.detail).join("\n")).toMatch(/USING (COVERING )?INDEX email_outbox_ready/);
    expect(db.$client.prepare(READY_SQL).pluck().get({ ahead: 200 })).toBe(2);
  });

  it("gives login codes and team invites the urgent priority, attendance mail the bulk one, the rest in between", () => {
    expect(priorityOf("login-code")).toBe(0);
    expect(priorityOf("team-invite")).toBe(0);
    expect(priorityOf("kit-order-confirmation")).toBe(1);
    expect(priorityOf("activity-received")).toBe(1);
    expect(priorityOf("attendance-request")).toBe(2);
    expect(priorityOf("attendance-reminder")).toBe(2);
  });
});
