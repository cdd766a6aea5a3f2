import type { DbOrTx } from "~/utils/db.server";
import { schema } from "~/utils/db.server";

export type OutboxMessage = {
  /** Template name in emails/ (e.g. "login-code"). */
  template: string;
  to: string;
  props: Record<string, unknown>;
  /** Same key twice = one message: makes "send this once" (reminders, schedulers) a database rule. */
  dedupeKey?: string;
};

/** Queues an e-mail inside the caller's transaction, so the message exists if and only if the change does. */
export function enqueueEmail(tx: DbOrTx, message: OutboxMessage, now: Date = new Date()) {
  tx.insert(schema.emailOutbox)
    .values({
      template: message.template,
      toAddress: message.to.trim().toLowerCase(),
      props: message.props,
      dedupeKey: message.dedupeKey ?? null,
      nextAttemptAt: now,
    })
    .onConflictDoNothing({ target: schema.emailOutbox.dedupeKey })
    .run();
}
