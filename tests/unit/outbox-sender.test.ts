// The outbox sender against a local stand-in Resend server, over real HTTP, on real SQLite.
import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDueEmails, idempotencyKeyFor, recoverInterruptedSends } from "~/models/outbox-sender.server";
import { enqueueEmail, getOutboxMessage, retryFailedEmail } from "~/models/outbox.server";
import { db, schema } from "~/utils/db.server";
import { classifyResendError, createDemoMailboxTransport, createResendTransport } from "~/utils/email.server";
import { resendErrorBody, startFakeResend, type FakeResend } from "../fakes/resend-server";

const FROM = "Week tegen Eenzaamheid <noreply@komerbij.example>";
const T0 = new Date("2026-11-23T10:00:00Z");
const loginProps = (code: string) => ({
  code,
  link: `https://komerbij.example/inloggen/link?token=${code}`,
  expiresInMinutes: 15,
});

let fake: FakeResend;
const transport = () => createResendTransport({ apiKey: fake.apiKey, from: FROM, baseUrl: fake.url });
const enqueue = (to: string, code: string) =>
  db.transaction((tx) => enqueueEmail(tx, { template: "login-code", to, props: loginProps(code) }, T0));
const rows = () => db.select().from(schema.emailOutbox).orderBy(schema.emailOutbox.id).all();

beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(() => fake.close());
beforeEach(() => {
  db.delete(schema.emailOutbox).run();
  fake.reset();
});

describe("outbox sender with Resend", () => {
  it("sends what Resend expects: from, to, subject, html, text and a stable Idempotency-Key", async () => {
    enqueue("Ada@Example.nl ", "123456");
    const result = await deliverDueEmails({ transport: transport(), now: () => T0 });
    expect(result).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    const [row] = rows();
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/emails");
    expect(request.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["idempotency-key"]).toBe(idempotencyKeyFor(row.id));
    expect(request.headers["idempotency-key"]).toBe(`komerbij-outbox-${row.id}`);
    expect(Object.keys(request.body!).sort()).toEqual(["from", "html", "subject", "text", "to"]);
    expect(request.body!.from).toBe(FROM);
    expect(request.body!.to).toEqual(["ada@example.nl"]);
    expect(request.body!.subject).toBe("Je inlogcode voor Kom erbij: 123456");
    expect(request.body!.html).toContain("123456");
    expect(request.body!.text).toContain("https://komerbij.example/inloggen/link?token=123456");

    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(1);
    expect(row.providerMessageId).toBe(fake.delivered[0].id);
    expect(row.sentAt).toEqual(T0);
    // Delivered: the stored copy keeps the message but no longer the code or the one-time link.
    expect(row.subject).toBe("Je inlogcode voor Kom erbij: [verborgen]");
    expect(row.html).not.toContain("123456");
    expect(row.html).toContain("[verborgen]");
    expect(row.text).not.toContain("123456");
    expect(row.text).not.toContain("token=");
    expect(JSON.stringify(row.props)).not.toContain("123456");
  });

  it("sends a login code before an older backlog of attendance requests", async () => {
    const request = {
      activityTitle: "Koffie",
      reportUrl: "https://komerbij.example/opkomst/x",
      deadline: "2026-12-15T23:00:00.000Z",
    };
    db.transaction((tx) => {
      for (let i = 0; i < 3; i++)
        enqueueEmail(
          tx,
          { template: "attendance-request", to: `org${i}@example.nl`, props: request },
          new Date(T0.getTime() - 60_000),
        );
    });
    enqueue("wacht@example.nl", "654321");
    await deliverDueEmails({ transport: transport(), now: () => T0, batchSize: 1 });
    expect(fake.requests.map((r) => r.body!.to)).toEqual([["wacht@example.nl"]]);
  });

  it("retries a 500 and a 429 with backoff, then delivers exactly once", async () => {
    enqueue("bo@example.nl", "222222");
    fake.failNext(
      { status: 500, body: resendErrorBody(500, "internal_server_error", "Something went wrong") },
      { status: 429, body: resendErrorBody(429, "rate_limit_exceeded", "Too many requests"), headers: { "retry-after": "1" } },
    );
    let clock = T0;
    const options = { transport: transport(), now: () => clock };

    expect(await deliverDueEmails(options)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = rows();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/500 internal_server_error/);
    expect(row.nextAttemptAt.getTime()).toBe(T0.getTime() + 30_000);

    // Not due yet: nothing is sent before the backoff has passed.
    expect(await deliverDueEmails(options)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);

    clock = new Date(T0.getTime() + 30_000);
    // A 429 stops the run and says how long Resend asked us to wait (Retry-After: 1).
    expect(await deliverDueEmails(options)).toEqual({ sent: 0, retrying: 1, failed: 0, retryAfterMs: 1_000 });
    [row] = rows();
    expect(row.lastError).toMatch(/429 rate_limit_exceeded/);
    expect(row.nextAttemptAt.getTime()).toBe(clock.getTime() + 60_000);

    clock = new Date(clock.getTime() + 60_000);
    expect(await deliverDueEmails(options)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    [row] = rows();
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(fake.delivered).toHaveLength(1);
    expect(new Set(fake.requests.map((r) => r.headers["idempotency-key"]))).toEqual(new Set([idempotencyKeyFor(row.id)]));
  });

  it("retries a network error (nothing listening) as transient", async () => {
    enqueue("cy@example.nl", "333333");
    const unreachable = createResendTransport({ apiKey: fake.apiKey, from: FROM, baseUrl: "http://127.0.0.1:1" });
    expect(await deliverDueEmails({ transport: unreachable, now: () => T0 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(rows()[0].lastError).toMatch(/^network/);
  });

  it("marks a message failed on a permanent 4xx and keeps the reason; the team can retry it", async () => {
    enqueue("dee@example.nl", "444444");
    fake.failNext({ status: 422, body: resendErrorBody(422, "validation_error", "Invalid `to` field.") });
    expect(await deliverDueEmails({ transport: transport(), now: () => T0 })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    let [row] = rows();
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "422 validation_error: Invalid `to` field." });
    expect(fake.delivered).toHaveLength(0);

    const user = db.insert(schema.users).values({ email: "team@example.nl", role: "programme_team" }).returning().get();
    expect(retryFailedEmail(row.id, user.id, T0)).toBe(true);
    expect(retryFailedEmail(row.id, user.id, T0)).toBe(false); // only failed messages
    expect(await deliverDueEmails({ transport: transport(), now: () => T0 })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    [row] = rows();
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    const auditRow = db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "email.retry")).get();
    expect(auditRow?.details).toMatchObject({ previousError: "422 validation_error: Invalid `to` field." });
  });

  it("treats a wrong API key (403) as permanent", async () => {
    enqueue("key@example.nl", "454545");
    const wrongKey = createResendTransport({ apiKey: "re_wrong", from: FROM, baseUrl: fake.url });
    expect(await deliverDueEmails({ transport: wrongKey, now: () => T0 })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(rows()[0].lastError).toBe("403 invalid_api_key: API key is invalid");
  });

  it("gives up after a bounded number of attempts and records the last error", async () => {
    enqueue("eli@example.nl", "555555");
    let clock = T0;
    for (let i = 0; i < 3; i++)
      fake.failNext({ status: 503, body: resendErrorBody(503, "application_error", `Unavailable ${i + 1}`) });
    const options = { transport: transport(), now: () => clock, maxAttempts: 3, backoff: () => 1_000 };
    for (let i = 0; i < 3; i++) {
      await deliverDueEmails(options);
      clock = new Date(clock.getTime() + 1_000);
    }
    const [row] = rows();
    expect(row).toMatchObject({ status: "failed", attempts: 3, lastError: "503 application_error: Unavailable 3" });
    expect(fake.requests).toHaveLength(3);
  });

  it("fails a message whose template or props are wrong, without calling Resend", async () => {
    // Rows an older release could have left behind: the typecheck keeps enqueueEmail from writing them.
    db.insert(schema.emailOutbox)
      .values([
        { template: "no-such-template", toAddress: "f@example.nl", props: {}, nextAttemptAt: T0, createdAt: T0 },
        { template: "login-code", toAddress: "g@example.nl", props: { code: "1" }, nextAttemptAt: T0, createdAt: T0 },
      ])
      .run();
    expect(await deliverDueEmails({ transport: transport(), now: () => T0 })).toEqual({ sent: 0, retrying: 0, failed: 2 });
    expect(rows().map((r) => r.lastError)).toEqual([
      expect.stringMatching(/Unknown e-mail template/),
      expect.stringMatching(/Invalid props/),
    ]);
    expect(fake.requests).toHaveLength(0);
  });

  it("re-sends a message left in 'sending' with the same key; Resend answers with the first id and sends nothing new", async () => {
    enqueue("hu@example.nl", "666666");
    await deliverDueEmails({ transport: transport(), now: () => T0 });
    const [sent] = rows();
    // As if the process died after Resend accepted the message but before the row was updated: the
    // row is still 'sending' with the content exactly as rendered (codes are only removed on 'sent').
    const first = fake.requests[0].body!;
    db.update(schema.emailOutbox)
      .set({
        status: "sending",
        sentAt: null,
        providerMessageId: null,
        subject: String(first.subject),
        html: String(first.html),
        text: String(first.text),
        props: loginProps("666666"),
      })
      .where(eq(schema.emailOutbox.id, sent.id))
      .run();

    expect(recoverInterruptedSends(T0)).toEqual({ requeued: 1, failed: 0 });
    expect(await deliverDueEmails({ transport: transport(), now: () => T0 })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.delivered).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ status: "sent", providerMessageId: fake.delivered[0].id });
    expect(rows()[0].subject).not.toContain("666666");
  });

  it("does not re-send blind after Resend's 24-hour idempotency window", async () => {
    enqueue("iv@example.nl", "777777");
    db.update(schema.emailOutbox).set({ status: "sending", attempts: 1, nextAttemptAt: T0 }).run();
    expect(recoverInterruptedSends(new Date(T0.getTime() + 25 * 60 * 60_000))).toEqual({ requeued: 0, failed: 1 });
    expect(rows()[0].status).toBe("failed");
    expect(rows()[0].lastError).toMatch(/24 uur/);
  });

  it("a stopped sender finishes the message in hand and leaves the rest pending", async () => {
    for (let i = 0; i < 4; i++) enqueue(`stop${i}@example.nl`, `10000${i}`);
    const controller = new AbortController();
    fake.onRequest(() => {
      if (fake.requests.length === 2) controller.abort();
    });
    expect(await deliverDueEmails({ transport: transport(), now: () => T0, signal: controller.signal })).toEqual({
      sent: 2,
      retrying: 0,
      failed: 0,
    });
    expect(rows().map((r) => r.status)).toEqual(["sent", "sent", "pending", "pending"]);
    expect(await deliverDueEmails({ transport: transport(), now: () => T0 })).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(fake.delivered).toHaveLength(4);
  });

  it("a sender killed mid-batch and started again delivers each message exactly once", async () => {
    const count = 6;
    for (let i = 0; i < count; i++) enqueue(`crash${i}@example.nl`, `20000${i}`);
    // Resend accepts each message on arrival but answers slowly; the sender process dies (SIGKILL)
    // the moment the third request arrives, so that message is sent but never recorded.
    fake.setResponseDelay(100);
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        'const m = await import("./app/models/outbox-sender.server.ts"); await m.deliverDueEmails({ batchSize: 100 });',
      ],
      {
        cwd: process.cwd(),
        env: {
          ...process.env,
          VITEST: "",
          NODE_ENV: "test",
          RESEND_API_KEY: fake.apiKey,
          RESEND_BASE_URL: fake.url,
          EMAIL_FROM: FROM,
        },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on("exit", (code, signal) => resolve(signal ?? code)),
    );
    fake.onRequest(() => {
      if (fake.requests.length === 3) child.kill("SIGKILL");
    });
    expect(await exited, stderr).toBe("SIGKILL");

    expect(rows().map((r) => r.status)).toEqual(["sent", "sent", "sending", "pending", "pending", "pending"]);
    expect(fake.delivered).toHaveLength(3);

    // Start again (what startOutboxSender does): recover, then deliver.
    fake.setResponseDelay(0);
    expect(recoverInterruptedSends()).toEqual({ requeued: 1, failed: 0 });
    expect(await deliverDueEmails({ transport: transport() })).toEqual({ sent: 4, retrying: 0, failed: 0 });

    const all = rows();
    expect(all.every((r) => r.status === "sent")).toBe(true);
    expect(fake.delivered).toHaveLength(count);
    const keys = fake.delivered.map((d) => d.idempotencyKey);
    expect(new Set(keys).size).toBe(count);
    expect(keys.sort()).toEqual(all.map((r) => idempotencyKeyFor(r.id)).sort());
    // The interrupted message was asked for twice but sent once, and the row has Resend's first id.
    const interrupted = all[2];
    expect(fake.requests.filter((r) => r.headers["idempotency-key"] === idempotencyKeyFor(interrupted.id))).toHaveLength(2);
    expect(interrupted.providerMessageId).toBe(
      fake.delivered.find((d) => d.idempotencyKey === idempotencyKeyFor(interrupted.id))!.id,
    );
  });
});

describe("error classification and the demo mailbox", () => {
  it("treats network errors, 429 and 5xx as transient and other 4xx as permanent", () => {
    expect(classifyResendError({ name: "application_error", statusCode: null, message: "Unable to fetch data." }).transient).toBe(
      true,
    );
    expect(classifyResendError({ name: "rate_limit_exceeded", statusCode: 429, message: "slow down" }).transient).toBe(true);
    expect(classifyResendError({ name: "internal_server_error", statusCode: 500, message: "oops" }).transient).toBe(true);
    expect(classifyResendError({ name: "application_error", statusCode: 502, message: "bad gateway" }).transient).toBe(true);
    expect(classifyResendError({ name: "concurrent_idempotent_requests", statusCode: 409, message: "in flight" }).transient).toBe(
      true,
    );
    expect(classifyResendError({ name: "validation_error", statusCode: 422, message: "bad to" }).transient).toBe(false);
    expect(classifyResendError({ name: "invalid_idempotent_request", statusCode: 409, message: "other body" }).transient).toBe(
      false,
    );
    expect(classifyResendError({ name: "invalid_api_key", statusCode: 403, message: "no" })).toEqual({
      transient: false,
      error: "403 invalid_api_key: no",
    });
  });

  it("demo mode delivers into the outbox itself: rendered and readable for the mailbox", async () => {
    enqueue("demo@example.nl", "909090");
    expect(await deliverDueEmails({ transport: createDemoMailboxTransport(), now: () => T0 })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    const message = getOutboxMessage(rows()[0].id)!;
    expect(message.status).toBe("sent");
    expect(message.subject).toContain("909090");
    expect(message.text).toContain("909090");
    expect(message.html).toContain("https://komerbij.example/inloggen/link?token=909090");
    expect(fake.requests).toHaveLength(0);
  });
});
