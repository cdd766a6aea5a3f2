// The background renderer stays only a little ahead of the sender: rendering a queue of 20,000 as
// fast as a core allows took that core from the requests for nothing.
import { queueAttendanceRequests } from "../helpers/outbox";
import { describe, expect, it } from "vitest";
import { deliverDueEmails } from "~/models/outbox-sender.server";
import { loadWatch, renderQueuedEmails } from "~/models/outbox-renderer.server";
import { db } from "~/utils/db.server";
import { getEmailTransport } from "~/utils/email.server";
import { DEMO_TODAY } from "../helpers/demo-today";

const T0 = new Date(DEMO_TODAY);

const counts = () =>
  db.$client
    .prepare(
      `SELECT sum(status = 'pending' AND subject IS NOT NULL) AS ready, sum(status = 'pending' AND subject IS NULL) AS waiting,
        sum(status = 'sent') AS sent FROM email_outbox WHERE template = 'attendance-request'`,
    )
    .get() as { ready: number; waiting: number; sent: number };

describe("the background e-mail renderer", () => {
  it("renders until `ahead` messages wait for the sender, then waits until the sender has taken some", async () => {
    queueAttendanceRequests(30);

    expect(await renderQueuedEmails(50, 12)).toBe(12);
    expect(counts()).toEqual({ ready: 12, waiting: 18, sent: 0 });
    // Ahead enough: nothing more is rendered, however often it is asked.
    expect(await renderQueuedEmails(50, 12)).toBe(0);
    expect(await renderQueuedEmails(50, 12)).toBe(0);
    expect(counts().ready).toBe(12);

    // The sender takes the rendered ones (bulk mail only when rendered), and the renderer goes on.
    const sent = await deliverDueEmails({ transport: getEmailTransport(), now: () => T0, renderedOnly: true, batchSize: 5 });
    expect(sent.sent).toBe(5);
    expect(await renderQueuedEmails(50, 12)).toBe(5);
    expect(counts()).toEqual({ ready: 12, waiting: 13, sent: 5 });
  });

  it("sends the rendered start of the queue in order, and waits while the oldest message is not rendered", async () => {
    db.$client.exec("DELETE FROM email_outbox");
    queueAttendanceRequests(20);
    const deliver = () => deliverDueEmails({ transport: getEmailTransport(), now: () => T0, renderedOnly: true, batchSize: 100 });
    expect(await renderQueuedEmails(6, 100)).toBe(6);
    // A batch of at most 100, but only the six rendered ones at the head go; the sender renders nothing itself.
    expect((await deliver()).sent).toBe(6);
    expect(counts()).toEqual({ ready: 0, waiting: 14, sent: 6 });

    // A rendered message further back does not jump the queue past the unrendered oldest one.
    db.$client.exec(
      `UPDATE email_outbox SET subject = 's', html = '<p>h</p>', text = 't' WHERE id = (SELECT max(id) FROM email_outbox)`,
    );
    expect((await deliver()).sent).toBe(0);
    expect(counts()).toEqual({ ready: 1, waiting: 13, sent: 6 });

    // Once the renderer has caught up, everything goes, in order, each once.
    expect(await renderQueuedEmails(50, 100)).toBe(13);
    expect((await deliver()).sent).toBe(14);
    expect(counts()).toEqual({ ready: 0, waiting: 0, sent: 20 });
  });

  it("hears from the server only when it turns busy or idle again, without flapping in between", () => {
    const watch = loadWatch();
    expect([0.1, 0.4, 0.5].map(watch)).toEqual([null, null, null]);
    expect(watch(0.9)).toBe(true);
    // Still busy between the two thresholds; idle only below the lower one.
    expect([0.95, 0.45, 0.31].map(watch)).toEqual([null, null, null]);
    expect(watch(0.2)).toBe(false);
    expect([0.1, 0.45].map(watch)).toEqual([null, null]);
    expect(watch(0.6)).toBe(true);
  });
});
