// Delivers the e-mail outbox in the background.
//
// Why this never sends a message twice and never drops one, even when the process dies mid-send:
// 1. A message is only ever written by the business transaction that causes it (enqueueEmail),
//    so it exists if and only if the change does.
// 2. The sender claims rows (status 'sending', attempts + 1) in its own transaction before it talks
//    to the provider, and records the outcome in another transaction afterwards. Urgent messages
//    (login codes, team invites: priority 0) are claimed one at a time and always first; the rest go
//    out through Resend's batch endpoint, up to 100 per request: confirmations of what someone just
//    did (priority 1) before the scheduler's bulk mail (attendance requests, priority 2).
// 3. Every request for a row carries the same idempotency key, komerbij-outbox-<id>; a batch carries
//    komerbij-outbox-batch-<first>-<last>-<n>, stored on its rows (batch_key), so a retried or
//    recovered batch is the same request with the same members. Resend
//    remembers a key for 24 hours: a second request with the same key and the same body returns the
//    first answer (same message id) instead of sending again. The rendered subject/HTML/text are
//    stored on the row before the first request, so a repeat request is byte-for-byte the same.
// 4. A crash between "claimed" and "recorded" leaves the row in 'sending'. When the sender starts,
//    those rows go back to 'pending' and are sent again with the same key: if the first request
//    reached Resend, Resend answers with the original id and nothing new goes out; if it did not,
//    the message goes out now. Either way: exactly one e-mail.
// 5. The 24-hour window is the one gap: a row left in 'sending' for longer than that is not sent
//    blind, but marked failed with an explanation, so the programme team decides (retry page).
import { and, eq, lt } from "drizzle-orm";
import { setImmediate as yieldToRequests } from "node:timers/promises";
import { renderEmail, type RenderedEmail } from "../../emails";
import { deliveryNow, monotonicMs } from "~/utils/clock.server";
import { db, immediate, schema } from "~/utils/db.server";
import { getEmailTransport, MAX_BATCH_SIZE, type DeliveryFailure, type EmailTransport } from "~/utils/email.server";
import { BULK_PRIORITY, TRANSACTIONAL_PRIORITY, URGENT_PRIORITY, withoutSecrets } from "./outbox.server";

export const MAX_ATTEMPTS = 8;
const INTERVAL_MS = 1_500;
/** Messages per run (every 1.5 s): one full batch, or that many login codes; about 65 a second, 20,000 in five minutes. */
const MESSAGES_PER_RUN = 100;
const IDEMPOTENCY_WINDOW_MS = 23 * 60 * 60_000; // Resend keeps keys 24 hours; keep a margin.

/** Stable per message, so every attempt (also after a restart) is the same request to Resend. */
export const idempotencyKeyFor = (id: number) => `komerbij-outbox-${id}`;
/** Stable per batch: stored on its rows when claimed, so a retry is the same request. */
export const batchKeyFor = (ids: number[]) => `komerbij-outbox-batch-${ids[0]}-${ids[ids.length - 1]}-${ids.length}`;

/** 30 s, 1, 2, 4, 8, 16, 32 min … capped at 1 hour: about an hour of trying before giving up. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);

export type SenderOptions = {
  transport?: EmailTransport;
  now?: () => Date;
  maxAttempts?: number;
  backoff?: (attempts: number) => number;
  /** At most this many messages per run. */
  batchSize?: number;
  /** Messages per Resend batch request (at most 100). */
  bulkBatchSize?: number;
  /** Only send bulk mail (priority 2) a background renderer has rendered already (the sender then never renders it itself). */
  renderedOnly?: boolean | (() => boolean);
  /** Checked between messages: a stopped sender finishes the message (or batch) in hand, then returns. */
  signal?: AbortSignal;
};

/** `retryAfterMs`: Resend said 429 with Retry-After; the run stopped and nothing should be sent before then. */
export type BatchResult = { sent: number; retrying: number; failed: number; retryAfterMs?: number };

/** Puts rows a crashed sender left in 'sending' back in the queue (see point 4 and 5 above). Batches keep their key. */
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

// ---------------------------------------------------------------------------------------------
// Claiming. Plain SQL on purpose: these run for every message, and the claim must use the index
// email_outbox_claim (status, priority, next_attempt_at; id is the rowid) for its WHERE *and* its
// ORDER BY, never sort the whole queue (tests/unit/outbox-claim.test.ts checks the plan).

const COLUMNS = `id, template, props, to_address AS toAddress, subject, html, text, attempts, batch_key AS batchKey`;

/**
 * The next due messages of one priority, in queue order; @fresh = 1 skips members of a batch tried before.
 * No condition on whether a message is rendered: with 200,000 unrendered messages queued, "the next
 * rendered one" walked the whole queue whenever the sender had caught up with the renderer (0.1-0.2 s of
 * the event loop every 1.5 s at 1,000,000 activities). Bulk mail goes in queue order instead; see claimBatch.
 */
export const CLAIM_SQL = `SELECT ${COLUMNS} FROM email_outbox
  WHERE status = 'pending' AND priority = @priority AND next_attempt_at <= @at AND (@fresh = 0 OR batch_key IS NULL)
  ORDER BY next_attempt_at, id LIMIT @limit`;
const BATCH_MEMBERS_SQL = `SELECT ${COLUMNS} FROM email_outbox WHERE batch_key = ? AND status = 'pending' ORDER BY id`;
const MARK_SENDING_SQL = `UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = @at, batch_key = @batchKey WHERE id = @id`;

type RawRow = {
  id: number;
  template: string;
  props: string;
  toAddress: string;
  subject: string | null;
  html: string | null;
  text: string | null;
  attempts: number;
  batchKey: string | null;
};
type ClaimedRow = Omit<RawRow, "props"> & { props: Record<string, unknown> };

const statements = new Map<string, ReturnType<typeof db.$client.prepare>>();
const prepared = (sql: string) => {
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.$client.prepare(sql)));
  return statement;
};

function markSending(rows: RawRow[], at: Date, batchKey: string | null): ClaimedRow[] {
  const mark = prepared(MARK_SENDING_SQL);
  return rows.map((row) => {
    mark.run({ id: row.id, at: at.getTime(), batchKey });
    return { ...row, props: JSON.parse(row.props) as Record<string, unknown>, attempts: row.attempts + 1, batchKey };
  });
}

const claimParams = (priority: number, at: Date, limit: number, fresh: boolean) => ({
  priority,
  at: at.getTime(),
  limit,
  fresh: fresh ? 1 : 0,
});

/** The oldest due urgent message (login code, team invite), claimed alone. */
function claimUrgent(at: Date): ClaimedRow | null {
  return immediate(() => {
    const row = prepared(CLAIM_SQL).get(claimParams(URGENT_PRIORITY, at, 1, false)) as RawRow | undefined;
    return row ? markSending([row], at, null)[0] : null;
  });
}

/**
 * Up to `max` due bulk messages as one batch. A batch that was tried before (refused for a while,
 * or interrupted by a crash) goes again whole, with its own key; otherwise the oldest due messages
 * form a new batch. With `renderedOnly` the batch is the rendered start of the queue: when the oldest
 * due message has no content yet, nothing is claimed and the sender waits for the renderer (which
 * works through the queue in the same order), instead of searching the queue for rendered ones.
 */
function claimBatch(priority: number, at: Date, max: number, renderedOnly: boolean): ClaimedRow[] {
  return immediate(() => {
    const head = prepared(CLAIM_SQL).get(claimParams(priority, at, 1, false)) as RawRow | undefined;
    if (!head) return [];
    if (head.batchKey) return markSending(prepared(BATCH_MEMBERS_SQL).all(head.batchKey) as RawRow[], at, head.batchKey);
    if (renderedOnly && head.subject === null) return [];
    let rows = prepared(CLAIM_SQL).all(claimParams(priority, at, max, true)) as RawRow[];
    if (renderedOnly) {
      const unrendered = rows.findIndex((r) => r.subject === null);
      if (unrendered !== -1) rows = rows.slice(0, unrendered);
    }
    return markSending(rows, at, batchKeyFor(rows.map((r) => r.id)));
  });
}

// ---------------------------------------------------------------------------------------------
// Content and outcomes

// The outcomes, also plain prepared SQL: a batch of 100 records 100 outcomes, on the thread that answers requests.
const SENT_SQL = `UPDATE email_outbox SET status = 'sent', sent_at = @at, provider_message_id = @providerMessageId, last_error = NULL,
    props = coalesce(@props, props), subject = coalesce(@subject, subject), html = coalesce(@html, html), text = coalesce(@text, text)
  WHERE id = @id AND status = 'sending'`;
const RETRY_SQL = `UPDATE email_outbox SET status = 'pending', next_attempt_at = @nextAttemptAt, last_error = @error WHERE id = @id AND status = 'sending'`;
const FAILED_SQL = `UPDATE email_outbox SET status = 'failed', last_error = @error WHERE id = @id AND status = 'sending'`;
const STORE_CONTENT_SQL = `UPDATE email_outbox SET subject = @subject, html = @html, text = @text WHERE id = @id`;

const markFailed = (id: number, error: string) => prepared(FAILED_SQL).run({ id, error });

const contentOf = (row: { subject: string | null; html: string | null; text: string | null }): RenderedEmail | null =>
  row.html !== null && row.subject !== null && row.text !== null
    ? { subject: row.subject, html: row.html, text: row.text }
    : null;

/** The stored content, or rendered now and stored (once per message: a retry sends the same bytes). Null: cannot be rendered. */
async function ensureContent(row: ClaimedRow): Promise<RenderedEmail | null> {
  const stored = contentOf(row);
  if (stored) return stored;
  try {
    const content = await renderEmail(row.template, row.props);
    prepared(STORE_CONTENT_SQL).run({ id: row.id, ...content });
    return content;
  } catch (error) {
    // A template that does not exist or props that do not fit will not get better by waiting.
    markFailed(row.id, `render: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

type Settings = { transport: EmailTransport; now: () => Date; maxAttempts: number; backoff: (attempts: number) => number };

function recordSent(settings: Settings, row: ClaimedRow, content: RenderedEmail, providerMessageId: string, at: Date) {
  // Delivered for real: the stored copy no longer needs its code or one-time link. (The demo
  // mailbox *is* the recipient, so there the message stays whole.) A 'sent' row is never sent
  // again, so the idempotent resend of point 4 always works on the unchanged copy.
  const scrubbed = settings.transport.kind === "demo" ? null : withoutSecrets({ ...row, ...content });
  prepared(SENT_SQL).run({
    id: row.id,
    at: at.getTime(),
    providerMessageId,
    props: scrubbed ? JSON.stringify(scrubbed.props) : null,
    subject: scrubbed?.subject ?? null,
    html: scrubbed?.html ?? null,
    text: scrubbed?.text ?? null,
  });
}

/** A refused request: try again later (429 not before Retry-After), or give up. True when it will be retried. */
function recordFailure(settings: Settings, row: ClaimedRow, outcome: DeliveryFailure, at: Date): boolean {
  if (outcome.transient && row.attempts < settings.maxAttempts) {
    const delay = Math.max(settings.backoff(row.attempts), outcome.retryAfterMs ?? 0);
    prepared(RETRY_SQL).run({ id: row.id, nextAttemptAt: at.getTime() + delay, error: outcome.error });
    return true;
  }
  markFailed(row.id, outcome.error);
  return false;
}

const transportError = (error: unknown): DeliveryFailure => ({
  ok: false,
  transient: true,
  error: `transport: ${error instanceof Error ? error.message : String(error)}`,
});

async function sendUrgent(settings: Settings, row: ClaimedRow, result: BatchResult) {
  const content = await ensureContent(row);
  if (!content) return void result.failed++;
  const outcome = await settings.transport
    .send({ to: row.toAddress, ...content, idempotencyKey: idempotencyKeyFor(row.id) })
    .catch(transportError);
  const at = settings.now();
  if (outcome.ok) {
    recordSent(settings, row, content, outcome.providerMessageId, at);
    result.sent++;
  } else {
    if (recordFailure(settings, row, outcome, at)) result.retrying++;
    else result.failed++;
    if (outcome.retryAfterMs !== undefined) result.retryAfterMs = outcome.retryAfterMs;
  }
}

async function sendBulk(settings: Settings, rows: ClaimedRow[], result: BatchResult) {
  const ready: { row: ClaimedRow; content: RenderedEmail }[] = [];
  for (const row of rows) {
    const content = await ensureContent(row);
    if (content) ready.push({ row, content });
    else result.failed++;
    // Rendering is CPU work: let waiting requests in between two messages.
    if (!contentOf(row)) await yieldToRequests();
  }
  if (ready.length === 0) return;
  const key = rows[0].batchKey!;
  const outcome = await settings.transport
    .sendBatch({ idempotencyKey: key, messages: ready.map(({ row, content }) => ({ to: row.toAddress, ...content })) })
    .catch(transportError);
  const at = settings.now();
  db.transaction(() => {
    if (outcome.ok) {
      outcome.results.forEach((one, i) => {
        const { row, content } = ready[i];
        if (one.ok) {
          recordSent(settings, row, content, one.providerMessageId, at);
          result.sent++;
        } else {
          markFailed(row.id, one.error);
          result.failed++;
        }
      });
      return;
    }
    for (const { row } of ready) {
      if (recordFailure(settings, row, outcome, at)) result.retrying++;
      else result.failed++;
    }
    if (outcome.retryAfterMs !== undefined) result.retryAfterMs = outcome.retryAfterMs;
  });
}

/**
 * Sends due messages (until none is due, batchSize messages are handled, Resend asks us to wait, or
 * the signal stops it): urgent ones one by one and first, then the rest in batches of up to 100.
 */
export async function deliverDueEmails(options: SenderOptions = {}): Promise<BatchResult> {
  const settings: Settings = {
    transport: options.transport ?? getEmailTransport(),
    now: options.now ?? deliveryNow,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    backoff: options.backoff ?? backoffMs,
  };
  const budget = options.batchSize ?? MESSAGES_PER_RUN;
  const perBatch = Math.min(options.bulkBatchSize ?? MAX_BATCH_SIZE, MAX_BATCH_SIZE);
  const result: BatchResult = { sent: 0, retrying: 0, failed: 0 };
  let handled = 0;
  while (handled < budget && !options.signal?.aborted && result.retryAfterMs === undefined) {
    // Checked before every unit of work, so a login code queued during a long backlog goes next.
    const urgent = claimUrgent(settings.now());
    if (urgent) {
      await sendUrgent(settings, urgent, result);
      handled++;
      continue;
    }
    // Confirmations of what someone just did first (rendered here if need be), then the scheduler's bulk mail.
    const max = Math.min(perBatch, budget - handled);
    const renderedOnly = typeof options.renderedOnly === "function" ? options.renderedOnly() : (options.renderedOnly ?? false);
    let bulk = claimBatch(TRANSACTIONAL_PRIORITY, settings.now(), max, false);
    if (bulk.length === 0) bulk = claimBatch(BULK_PRIORITY, settings.now(), max, renderedOnly);
    if (bulk.length === 0) break;
    await sendBulk(settings, bulk, result);
    handled += bulk.length;
    await yieldToRequests();
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
  // After a 429 nothing goes to Resend before its Retry-After has passed (login codes included).
  let pausedUntil = 0;
  const tick = () => {
    if (running || monotonicMs() < pausedUntil) return;
    running = deliverDueEmails({ ...options, signal: controller.signal })
      .then((result) => {
        if (result.retryAfterMs !== undefined) pausedUntil = monotonicMs() + result.retryAfterMs;
      })
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
