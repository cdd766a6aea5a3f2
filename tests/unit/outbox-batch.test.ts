// 10,000 queued messages through Resend's batch endpoint on the local stand-in, over real HTTP:
// every message delivered exactly once, at most 100 per request with one idempotency key per
// batch, login codes overtaking the backlog, and a 429 with Retry-After respected.
import { queueAttendanceRequests } from "../helpers/outbox";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { batchKeyFor, deliverDueEmails, recoverInterruptedSends } from "~/models/outbox-sender.server";
import { enqueueEmail } from "~/models/outbox.server";
import { db, schema } from "~/utils/db.server";
import { createResendTransport } from "~/utils/email.server";
import { resendErrorBody, startFakeResend, type FakeResend } from "../fakes/resend-server";
import { DEMO_TODAY } from "../helpers/demo-today";

const FROM = "Week tegen Eenzaamheid <noreply@komerbij.example>";
const T0 = new Date(DEMO_TODAY);
const BULK = 10_000;

let fake: FakeResend;
const transport = () => createResendTransport({ apiKey: fake.apiKey, from: FROM, baseUrl: fake.url });
const rows = () => db.select().from(schema.emailOutbox).orderBy(schema.emailOutbox.id).all();

/** What the background renderer does: subject, HTML and text stored once per message (here cheaply, to keep the test fast). */
function renderAllOnce() {
  db.update(schema.emailOutbox)
    .set({
      subject: sql`'Hoeveel mensen kwamen er? ' || json_extract(props, '$.activityTitle')`,
      html: sql`'<p>Vul de opkomst in: ' || json_extract(props, '$.reportUrl') || '</p>'`,
      text: sql`'Vul de opkomst in: ' || json_extract(props, '$.reportUrl')`,
    })
    .where(sql`subject IS NULL`)
    .run();
}

const queueLoginCode = (to: string, code: string) =>
  db.transaction((tx) =>
    enqueueEmail(
      tx,
      {
        template: "login-code",
        to,
        props: { code, link: `https://komerbij.example/inloggen/link?token=${code}`, expiresInMinutes: 15 },
      },
      T0,
    ),
  );

beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(() => fake.close());
beforeEach(() => {
  db.delete(schema.emailOutbox).run();
  fake.reset();
});

describe("bulk delivery through the batch endpoint", () => {
  it("delivers 10,000 queued messages exactly once, 100 per request, while login codes overtake the backlog", async () => {
    queueAttendanceRequests(BULK);
    renderAllOnce();
    // Partway through the backlog, three people ask for a login code.
    let loginsQueuedAt = -1;
    fake.onRequest((request) => {
      if (request.path === "/emails/batch" && fake.requests.length === 20) {
        loginsQueuedAt = fake.requests.length;
        for (let i = 0; i < 3; i++) queueLoginCode(`wacht${i}@example.nl`, `55500${i}`);
      }
    });

    let total = { sent: 0, retrying: 0, failed: 0 };
    for (let run = 0; run < 200 && total.sent < BULK + 3; run++) {
      const result = await deliverDueEmails({ transport: transport(), now: () => T0, batchSize: 1_000 });
      total = {
        sent: total.sent + result.sent,
        retrying: total.retrying + result.retrying,
        failed: total.failed + result.failed,
      };
    }
    expect(total).toEqual({ sent: BULK + 3, retrying: 0, failed: 0 });

    // Exactly once: every row sent, one delivery per row, each recipient once.
    const all = rows();
    expect(all.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(fake.delivered).toHaveLength(BULK + 3);
    expect(new Set(fake.delivered.map((d) => (d.body.to as string[])[0])).size).toBe(BULK + 3);
    expect(new Set(all.map((r) => r.providerMessageId)).size).toBe(BULK + 3);

    // Bulk went in batches of at most 100, each with its own idempotency key; login codes alone.
    const batchRequests = fake.requests.filter((r) => r.path === "/emails/batch");
    const sizes = batchRequests.map((r) => (r.body as unknown as unknown[]).length);
    expect(Math.max(...sizes)).toBe(100);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(BULK);
    // (A run handles at most batchSize messages, so the run with the login codes ends on a shorter batch.)
    expect(batchRequests.length).toBeLessThanOrEqual(BULK / 100 + 1);
    expect(new Set(batchRequests.map((r) => r.headers["idempotency-key"])).size).toBe(batchRequests.length);
    expect(batchRequests[0].headers["idempotency-key"]).toBe(batchKeyFor(all.slice(0, 100).map((r) => r.id)));
    expect(batchRequests[0].headers["x-batch-validation"]).toBe("permissive");

    // The login codes were the very next requests after they were queued, before the other ~80 batches.
    const singles = fake.requests.flatMap((r, i) => (r.path === "/emails" ? [i] : []));
    expect(loginsQueuedAt).toBe(20);
    expect(singles).toEqual([20, 21, 22]);
    // Secrets of delivered bulk mail are gone from the stored copy too.
    expect(all.find((r) => r.template === "attendance-request")!.text).not.toContain("opkomst/t0");
  }, 120_000);

  it("waits for Retry-After on a 429 and then sends the same batch with the same key, once", async () => {
    queueAttendanceRequests(250);
    renderAllOnce();
    fake.failNext({
      status: 429,
      body: resendErrorBody(429, "rate_limit_exceeded", "Too many requests"),
      headers: { "retry-after": "120" },
    });
    let clock = T0;
    const options = { transport: transport(), now: () => clock, batchSize: 1_000 };

    // The first batch is refused: the run stops at once and says how long to wait.
    expect(await deliverDueEmails(options)).toEqual({ sent: 0, retrying: 100, failed: 0, retryAfterMs: 120_000 });
    expect(fake.requests).toHaveLength(1);
    const refused = rows().filter((r) => r.status === "pending" && r.batchKey);
    expect(refused).toHaveLength(100);
    expect(refused.every((r) => r.nextAttemptAt.getTime() === T0.getTime() + 120_000)).toBe(true);

    // Later: the refused batch goes again whole, with its own key and members; the other 150 in new batches.
    clock = new Date(T0.getTime() + 120_000);
    expect(await deliverDueEmails(options)).toEqual({ sent: 250, retrying: 0, failed: 0 });
    const keys = fake.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys.filter((k) => k === keys[0])).toHaveLength(2);
    const again = fake.requests.slice(1).find((r) => r.headers["idempotency-key"] === keys[0])!;
    expect(again.body).toEqual(fake.requests[0].body);
    expect(fake.delivered).toHaveLength(250);
  });

  it("re-sends a batch interrupted by a crash with the same members and key: Resend delivers nothing twice", async () => {
    queueAttendanceRequests(100);
    renderAllOnce();
    await deliverDueEmails({ transport: transport(), now: () => T0 });
    expect(fake.delivered).toHaveLength(100);
    // As if the process died after Resend accepted the batch but before the rows were updated.
    const first = fake.requests[0].body as unknown as { text: string; html: string; subject: string }[];
    const sent = rows();
    db.transaction((tx) =>
      sent.forEach((row, i) =>
        tx
          .update(schema.emailOutbox)
          .set({ status: "sending", sentAt: null, providerMessageId: null, ...first[i] })
          .where(eq(schema.emailOutbox.id, row.id))
          .run(),
      ),
    );
    expect(recoverInterruptedSends(T0)).toEqual({ requeued: 100, failed: 0 });
    expect(await deliverDueEmails({ transport: transport(), now: () => T0 })).toEqual({ sent: 100, retrying: 0, failed: 0 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].headers["idempotency-key"]).toBe(fake.requests[0].headers["idempotency-key"]);
    expect(fake.delivered).toHaveLength(100);
  });

  it("fails only the message Resend refuses in a batch, not the other 99", async () => {
    queueAttendanceRequests(100);
    renderAllOnce();
    fake.refuseRecipient("organisator7@example.nl");
    expect(await deliverDueEmails({ transport: transport(), now: () => T0 })).toEqual({ sent: 99, retrying: 0, failed: 1 });
    const failed = rows().filter((r) => r.status === "failed");
    expect(failed.map((r) => r.toAddress)).toEqual(["organisator7@example.nl"]);
    expect(failed[0].lastError).toMatch(/Invalid `to` field/);
  });

  it("renders a message that nobody rendered yet once, and sends that same content", async () => {
    queueAttendanceRequests(3);
    expect(await deliverDueEmails({ transport: transport(), now: () => T0 })).toEqual({ sent: 3, retrying: 0, failed: 0 });
    const [request] = fake.requests;
    expect((request.body as unknown as { subject: string }[])[0].subject).toMatch(/Koffie 0/);
  });
});
