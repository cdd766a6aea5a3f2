// Delivers the e-mail outbox in the background.
//
// Why this never sends a message twice and never drops one, even when the process dies mid-send:
// 1. A message is only ever written by the business transaction that causes it (enqueueEmail),
//    so it exists if and only if the change does.
// 2. The sender claims one row at a time (status 'sending', attempts + 1) in its own transaction
//    before it talks to the provider, and records the outcome in another transaction afterwards.
// 3. Every request for a row carries the same idempotency key, komerbij-outbox-<id>. Resend
//    remembers a key for 24 hours: a second request with the same key and the same body returns the
//    first answer (same message id) instead of sending again. The rendered subject/HTML/text are
//    stored on the row before the first request, so a repeat request is byte-for-byte the same.
// 4. A crash between "claimed" and "recorded" leaves the row in 'sending'. When the sender starts,
//    those rows go back to 'pending' and are sent again with the same key: if the first request
//    reached Resend, Resend answers with the original id and nothing new goes out; if it did not,
//    the message goes out now. Either way: exactly one e-mail.
// 5. The 24-hour window is the one gap: a row left in 'sending' for longer than that is not sent
//    blind, but marked failed with an explanation, so the programme team decides (retry page).
import { and, asc, eq, lt, lte, sql } from "drizzle-orm";
import { renderEmail } from "../../emails";
import { deliveryNow } from "~/utils/clock.server";
import { db, immediate, schema } from "~/utils/db.server";
import { getEmailTransport, type EmailTransport } from "~/utils/email.server";
import { withoutSecrets } from "./outbox.server";

export const MAX_ATTEMPTS = 8;
const INTERVAL_MS = 1_500;
const BATCH_SIZE = 25;
const URGENT_TEMPLATES = ["login-code", "team-invite"];
const IDEMPOTENCY_WINDOW_MS = 23 * 60 * 60_000; // Resend keeps keys 24 hours; keep a margin.

/** Stable per message, so every attempt (also after a restart) is the same request to Resend. */
export const idempotencyKeyFor = (id: number) => `komerbij-outbox-${id}`;

/** 30 s, 1, 2, 4, 8, 16, 32 min … capped at 1 hour: about an hour of trying before giving up. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);

export type SenderOptions = {
  transport?: EmailTransport;
  now?: () => Date;
  maxAttempts?: number;
  backoff?: (attempts: number) => number;
  batchSize?: number;
  /** Checked between messages: a stopped sender finishes the message in hand, then returns. */
  signal?: AbortSignal;
};

export type BatchResult = { sent: number; retrying: number; failed: number };

/** Puts rows a crashed sender left in 'sending' back in the queue (see point 4 and 5 above). */
export function recoverInterruptedSends(at: Date = deliveryNow()): { requeued: number; failed: number } {
  return immediate((tx) => {
    const expired = tx
      .update(schema.emailOutbox)
      .set({
        status: "failed",
        lastError:
          "Verzenden is langer dan 24 uur geleden onderbroken. Misschien is het bericht toch aangekomen. Vraag het de ontvanger en probeer het alleen opnieuw als het niet is aangekomen.",
      })
      .where(
        and(
          eq(schema.emailOutbox.status, "sending"),
          lt(schema.emailOutbox.nextAttemptAt, new Date(at.getTime() - IDEMPOTENCY_WINDOW_MS)),
        ),
      )
      .run().changes;
    const requeued = tx
      .update(schema.emailOutbox)
      .set({ status: "pending", nextAttemptAt: at })
      .where(eq(schema.emailOutbox.status, "sending"))
      .run().changes;
    return { requeued, failed: expired };
  });
}

/** Takes the oldest due message: 'pending' → 'sending', one more attempt. nextAttemptAt now records when it was claimed. */
function claimNext(at: Date) {
  return immediate((tx) => {
    const row = tx
      .select()
      .from(schema.emailOutbox)
      .where(and(eq(schema.emailOutbox.status, "pending"), lte(schema.emailOutbox.nextAttemptAt, at)))
      // Someone is waiting for a login code right now; bulk mail (attendance requests) can wait a bit.
      .orderBy(
        sql`${schema.emailOutbox.template} NOT IN (${sql.join(
          URGENT_TEMPLATES.map((t) => sql`${t}`),
          sql`, `,
        )})`,
        asc(schema.emailOutbox.nextAttemptAt),
        asc(schema.emailOutbox.id),
      )
      .limit(1)
      .get();
    if (!row) return null;
    const attempts = row.attempts + 1;
    tx.update(schema.emailOutbox)
      .set({ status: "sending", attempts, nextAttemptAt: at })
      .where(eq(schema.emailOutbox.id, row.id))
      .run();
    return { ...row, attempts };
  });
}

const finish = (id: number, values: Partial<typeof schema.emailOutbox.$inferInsert>) =>
  db
    .update(schema.emailOutbox)
    .set(values)
    .where(and(eq(schema.emailOutbox.id, id), eq(schema.emailOutbox.status, "sending")))
    .run();

/** Sends every due message once (until none is due, batchSize is reached or the signal stops it). */
export async function deliverDueEmails(options: SenderOptions = {}): Promise<BatchResult> {
  const transport = options.transport ?? getEmailTransport();
  const now = options.now ?? deliveryNow;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const backoff = options.backoff ?? backoffMs;
  const result: BatchResult = { sent: 0, retrying: 0, failed: 0 };

  for (let i = 0; i < (options.batchSize ?? BATCH_SIZE) && !options.signal?.aborted; i++) {
    const row = claimNext(now());
    if (!row) break;

    let content =
      row.html !== null && row.subject !== null && row.text !== null
        ? { subject: row.subject, html: row.html, text: row.text }
        : null;
    if (!content) {
      try {
        content = await renderEmail(row.template, row.props);
      } catch (error) {
        // A template that does not exist or props that do not fit will not get better by waiting.
        finish(row.id, { status: "failed", lastError: `render: ${error instanceof Error ? error.message : String(error)}` });
        result.failed++;
        continue;
      }
      db.update(schema.emailOutbox).set(content).where(eq(schema.emailOutbox.id, row.id)).run();
    }

    const outcome = await transport
      .send({ to: row.toAddress, ...content, idempotencyKey: idempotencyKeyFor(row.id) })
      .catch((error: unknown) => ({
        ok: false as const,
        transient: true,
        error: `transport: ${error instanceof Error ? error.message : String(error)}`,
      }));
    const at = now();
    if (outcome.ok) {
      // Delivered for real: the stored copy no longer needs its code or one-time link. (The demo
      // mailbox *is* the recipient, so there the message stays whole.) A 'sent' row is never sent
      // again, so the idempotent resend of point 4 always works on the unchanged copy.
      const scrubbed = transport.kind === "demo" ? null : withoutSecrets({ ...row, ...content });
      finish(row.id, {
        status: "sent",
        sentAt: at,
        providerMessageId: outcome.providerMessageId,
        lastError: null,
        ...(scrubbed ?? {}),
      });
      result.sent++;
    } else if (outcome.transient && row.attempts < maxAttempts) {
      finish(row.id, {
        status: "pending",
        nextAttemptAt: new Date(at.getTime() + backoff(row.attempts)),
        lastError: outcome.error,
      });
      result.retrying++;
    } else {
      finish(row.id, { status: "failed", lastError: outcome.error });
      result.failed++;
    }
  }
  return result;
}

declare global {
  // One sender per process, also across module reloads in development.
  var __komerbijOutboxSender: { stop: () => Promise<void> } | undefined;
}

/** Starts the background sender (once per process). Not in unit tests: they drive deliverDueEmails themselves. */
export function startOutboxSender(options: SenderOptions = {}) {
  if (process.env.VITEST || globalThis.__komerbijOutboxSender) return;
  const controller = new AbortController();
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = deliverDueEmails({ ...options, signal: controller.signal })
      .catch((error) => console.error("E-mail outbox:", error))
      .finally(() => (running = null));
  };
  try {
    const recovered = recoverInterruptedSends();
    if (recovered.requeued || recovered.failed)
      console.warn(`E-mail outbox: ${recovered.requeued} interrupted message(s) queued again, ${recovered.failed} marked failed`);
  } catch (error) {
    console.error("E-mail outbox: recovery failed", error);
  }
  const timer = setInterval(tick, INTERVAL_MS);
  timer.unref();
  tick();
  globalThis.__komerbijOutboxSender = {
    async stop() {
      clearInterval(timer);
      controller.abort();
      await running;
      globalThis.__komerbijOutboxSender = undefined;
    },
  };
}
