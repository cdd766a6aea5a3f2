// The demo mailbox and the team's e-mail page, called with real Requests on real SQLite.
import { beforeAll, describe, expect, it } from "vitest";
import { deliverDueEmails } from "~/models/outbox-sender.server";
import { enqueueEmail } from "~/models/outbox.server";
import { loader as mailboxMessage } from "~/routes/demo.mailbox.$id";
import { loader as mailbox } from "~/routes/demo.mailbox._index";
import { action as teamEmailAction, loader as teamEmail } from "~/routes/beheer.e-mail";
import { db, schema } from "~/utils/db.server";
import { createDemoMailboxTransport } from "~/utils/email.server";
import { now } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { emailTemplateNames } from "../../emails";
import { seedDemoData } from "~/demo/demo-data.server";
import { get, post, sessionCookie } from "../helpers/requests";

const login = { code: "314159", link: "http://localhost:3000/inloggen/link?token=pi", expiresInMinutes: 15 };

beforeAll(async () => {
  seedDemoData(db, now());
  db.delete(schema.emailOutbox).run();
  db.transaction((tx) => enqueueEmail(tx, { template: "login-code", to: "organisator@example.nl", props: login }, now()));
  await deliverDueEmails({ transport: createDemoMailboxTransport() });
  // Props that do not fit the template: fails at render time, with the reason.
  db.insert(schema.emailOutbox)
    .values({
      template: "login-code",
      toAddress: "kapot@example.nl",
      props: { code: "0" },
      nextAttemptAt: now(),
      createdAt: now(),
    })
    .run();
  await deliverDueEmails({ transport: createDemoMailboxTransport() });
  // Still waiting: the sender has not run since.
  db.transaction((tx) =>
    enqueueEmail(
      tx,
      {
        template: "kit-shipped",
        to: "organisator@example.nl",
        props: { reference: "KE-1", activityTitle: "Soep", shippedOn: "2027-09-01" },
      },
      now(),
    ),
  );
}, 120_000); // seeds the full demo data set: seconds on a quiet machine, longer on a busy one

describe("demo mailbox", () => {
  it("lists messages newest first with to, subject, time and status", async () => {
    const { messages } = await mailbox(get("/demo/mailbox"));
    expect(messages.map((m) => m.to)).toEqual(["organisator@example.nl", "kapot@example.nl", "organisator@example.nl"]);
    expect(messages[0]).toMatchObject({ subject: "Pakket verstuurd", statusLabel: "Wacht op verzending" });
    expect(messages[1]).toMatchObject({ subject: "Inlogcode", statusLabel: "Mislukt" });
    expect(messages[2]).toMatchObject({ subject: "Je inlogcode voor Kom erbij: 314159", statusLabel: "Verstuurd" });
  });

  it("shows one message rendered: HTML whose links open in the whole window, and the text part", async () => {
    const id = (await mailbox(get("/demo/mailbox"))).messages[2].id;
    const message = await mailboxMessage(get(`/demo/mailbox/${id}`, undefined, { id: String(id) }));
    expect(message.html).toContain('<base target="_top">');
    expect(message.html).toContain('href="http://localhost:3000/inloggen/link?token=pi"');
    expect(message.text).toContain("314159");
    await expect(mailboxMessage(get("/demo/mailbox/999999", undefined, { id: "999999" }))).rejects.toMatchObject({
      status: 404,
    });
    await expect(mailboxMessage(get("/demo/mailbox/abc", undefined, { id: "abc" }))).rejects.toMatchObject({ status: 404 });
  });

  it("does not exist when real e-mail is configured", async () => {
    env.RESEND_API_KEY = "re_live";
    try {
      await expect(mailbox(get("/demo/mailbox"))).rejects.toMatchObject({ status: 404 });
      await expect(mailboxMessage(get("/demo/mailbox/1", undefined, { id: "1" }))).rejects.toMatchObject({ status: 404 });
    } finally {
      delete env.RESEND_API_KEY;
    }
  });
});

describe("team e-mail page", () => {
  it("is only for the programme team", async () => {
    await expect(teamEmail(get("/beheer/e-mail"))).rejects.toMatchObject({ status: 302 });
    await expect(teamEmail(get("/beheer/e-mail", await sessionCookie("organisator@example.nl")))).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      teamEmailAction(post("/beheer/e-mail", { intent: "retry", id: "1" }, await sessionCookie("organisator@example.nl"))),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("shows pending, sent and failed with the reason, and puts a failed message back in the queue", async () => {
    const cookie = await sessionCookie("programmateam@example.nl");
    const data = await teamEmail(get("/beheer/e-mail", cookie));
    expect(data.counts).toEqual({ pending: 1, sending: 0, sent: 1, failed: 1 });
    const failed = data.messages.find((m) => m.status === "failed")!;
    expect(failed.lastError).toMatch(/Invalid props/);

    const onlyFailed = await teamEmail(get("/beheer/e-mail?status=failed", cookie));
    expect(onlyFailed.messages.map((m) => m.id)).toEqual([failed.id]);

    const response = await teamEmailAction(post("/beheer/e-mail", { intent: "retry", id: String(failed.id) }, cookie));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/beheer/e-mail?opnieuw=${failed.id}`);
    const after = await teamEmail(get("/beheer/e-mail", cookie));
    expect(after.counts).toEqual({ pending: 2, sending: 0, sent: 1, failed: 0 });

    const bad = await teamEmailAction(post("/beheer/e-mail", { intent: "retry", id: "x" }, cookie));
    expect(bad.status).toBe(400);
  });
});

describe("template previews in the demo mailbox", () => {
  it("renders every template with its example data, and 404s for an unknown one", async () => {
    const { loader: preview } = await import("~/routes/demo.mailbox.voorbeeld.$template");
    const { templates } = await mailbox(get("/demo/mailbox"));
    expect(templates).toHaveLength(emailTemplateNames.length);
    for (const t of templates) {
      const page = await preview(get(`/demo/mailbox/voorbeeld/${t.name}`, undefined, { template: t.name }));
      expect(page.label).toBe(t.label);
      expect(page.text.length).toBeGreaterThan(100);
    }
    await expect(preview(get("/demo/mailbox/voorbeeld/nope", undefined, { template: "nope" }))).rejects.toMatchObject({
      status: 404,
    });
  });
});
