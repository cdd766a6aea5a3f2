// The outbox is written in the caller's transaction: the e-mail exists if and only if the change does.
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { enqueueEmail } from "~/models/outbox.server";
import { audit } from "~/utils/audit.server";
import { db, immediate, schema } from "~/utils/db.server";

const outboxCount = () => db.select({ n: count() }).from(schema.emailOutbox).get()!.n;
const T0 = new Date("2026-11-23T09:00:00Z");
const invite = (email: string) => ({
  template: "team-invite" as const,
  to: email,
  props: { inviterName: "Sanne", loginUrl: "https://komerbij.example/inloggen" },
});

beforeEach(() => {
  db.delete(schema.emailOutbox).run();
});

describe("enqueueEmail", () => {
  it("a business action that fails after writing leaves neither the change nor the e-mail", () => {
    expect(() =>
      immediate((tx) => {
        const user = tx.insert(schema.users).values({ email: "nieuw@example.nl", role: "programme_team" }).returning().get();
        audit(tx, { actorId: null, action: "user.invited", entityType: "user", entityId: user.id });
        enqueueEmail(tx, invite(user.email), T0);
        throw new Error("something later in the action went wrong");
      }),
    ).toThrow(/went wrong/);
    expect(db.select().from(schema.users).where(eq(schema.users.email, "nieuw@example.nl")).get()).toBeUndefined();
    expect(outboxCount()).toBe(0);
  });

  it("a business action that succeeds leaves both, the e-mail pending and due now", () => {
    const at = new Date("2026-11-23T09:00:00Z");
    db.transaction((tx) => {
      tx.insert(schema.users).values({ email: "ok@example.nl", role: "programme_team" }).run();
      enqueueEmail(tx, invite(" OK@Example.nl "), at);
    });
    expect(db.select().from(schema.users).where(eq(schema.users.email, "ok@example.nl")).get()).toBeDefined();
    const row = db.select().from(schema.emailOutbox).get()!;
    expect(row).toMatchObject({
      template: "team-invite",
      toAddress: "ok@example.nl",
      status: "pending",
      attempts: 0,
      nextAttemptAt: at,
      html: null,
    });
    expect(row.props).toEqual(invite("x").props);
  });

  it("the same dedupe key twice is one message", () => {
    for (let i = 0; i < 2; i++)
      db.transaction((tx) => enqueueEmail(tx, { ...invite("once@example.nl"), dedupeKey: "invite:once@example.nl" }, T0));
    expect(outboxCount()).toBe(1);
  });
});
