import { and, count, desc, eq } from "drizzle-orm";
import {
  emailTemplateNames,
  emailTemplates,
  isEmailTemplate,
  renderEmail,
  type EmailProps,
  type EmailTemplateName,
} from "../../emails";
import { audit } from "~/utils/audit.server";
import type { DbOrTx } from "~/utils/db.server";
import { db, immediate, schema } from "~/utils/db.server";

/** One message for the outbox: a known template with exactly that template's props (checked by the typecheck). */
export type OutboxMessage = {
  [T in EmailTemplateName]: {
    template: T;
    to: string;
    props: EmailProps<T>;
    /** Same key twice = one message: makes "send this once" (reminders, schedulers) a database rule. */
    dedupeKey?: string;
  };
}[EmailTemplateName];

/** Messages someone is waiting for right now: sent alone and before anything else. */
export const URGENT_TEMPLATES: readonly string[] = ["login-code", "team-invite"];
/** Mail the scheduler sends to many organisers at once: last in line, rendered by the background renderer. */
export const BULK_TEMPLATES: readonly string[] = ["attendance-request", "attendance-reminder"];
export const URGENT_PRIORITY = 0;
/** A confirmation of something a person just did (order, registration): before bulk mail, in batches. */
export const TRANSACTIONAL_PRIORITY = 1;
export const BULK_PRIORITY = 2;
export const priorityOf = (template: string) =>
  URGENT_TEMPLATES.includes(template)
    ? URGENT_PRIORITY
    : BULK_TEMPLATES.includes(template)
      ? BULK_PRIORITY
      : TRANSACTIONAL_PRIORITY;

// One prepared statement for every queued message: the attendance scheduler queues hundreds of
// thousands after the Week, and building the INSERT with the query builder each time cost more than
// the insert itself. `tx` is always a transaction on this process's one connection (`db`), so the
// statement runs inside the caller's transaction.
const ENQUEUE_SQL = `INSERT INTO email_outbox (template, to_address, props, dedupe_key, priority, next_attempt_at, created_at)
  VALUES (@template, @toAddress, @props, @dedupeKey, @priority, @at, @at) ON CONFLICT (dedupe_key) DO NOTHING`;
let enqueueStatement: ReturnType<typeof db.$client.prepare> | undefined;

/**
 * Queues an e-mail inside the caller's transaction (`tx`), so the message exists if and only if the change does.
 * The statement runs on the same connection, so it is part of that transaction.
 */
export function enqueueEmail(tx: DbOrTx, message: OutboxMessage, now: Date) {
  enqueueStatement ??= db.$client.prepare(ENQUEUE_SQL);
  enqueueStatement.run({
    template: message.template,
    toAddress: message.to.trim().toLowerCase(),
    props: JSON.stringify(message.props),
    dedupeKey: message.dedupeKey ?? null,
    priority: priorityOf(message.template),
    at: now.getTime(),
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the outbox (demo mailbox, programme team) and the team's manual retry.

export type OutboxStatus = (typeof schema.emailOutbox.status.enumValues)[number];

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: "Wacht op verzending",
  sending: "Wordt verstuurd",
  sent: "Verstuurd",
  failed: "Mislukt",
};

const TEMPLATE_LABELS: Record<string, string> = {
  "login-code": "Inlogcode",
  "team-invite": "Uitnodiging programmateam",
  "activity-received": "Activiteit ontvangen",
  "activity-published": "Activiteit staat online",
  "activity-rejected": "Activiteit niet geplaatst",
  "activity-cancelled": "Activiteit afgelast",
  "activity-change-approved": "Wijziging activiteit goedgekeurd",
  "activity-change-rejected": "Wijziging activiteit niet geplaatst",
  "kit-order-confirmation": "Bestelling pakket bevestigd",
  "kit-shipped": "Pakket verstuurd",
  "kit-order-cancelled": "Bestelling pakket geannuleerd",
  "attendance-request": "Vraag om opkomst",
  "attendance-reminder": "Herinnering opkomst",
};

// Props that open someone's account or report: login codes and one-time links. They never show on a
// team page, and once a message has really been delivered they are removed from the stored copy.
const SECRET_PROPS: Record<string, string[]> = {
  "login-code": ["code", "link"],
  "attendance-request": ["reportUrl"],
  "attendance-reminder": ["reportUrl"],
};
export const REDACTED = "[verborgen]";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** The secret values in a message's props (empty for ordinary messages). */
export function secretsOf(template: string, props: unknown): string[] {
  const record = (props ?? {}) as Record<string, unknown>;
  return (SECRET_PROPS[template] ?? [])
    .map((key) => record[key])
    .filter((v): v is string => typeof v === "string" && v.length > 0);
}

/** `text` with every secret of the message replaced (also in its HTML-escaped form). */
export function redactSecrets(text: string, secrets: string[]): string {
  let result = text;
  // Longest first: a code can be part of a link, and the whole link must go.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length))
    result = result.split(secret).join(REDACTED).split(escapeHtml(secret)).join(REDACTED);
  return result;
}

/** The stored copy of a delivered message without its secrets (subject, bodies and props). */
export function withoutSecrets(row: { template: string; props: unknown; subject: string; html: string; text: string }) {
  const secrets = secretsOf(row.template, row.props);
  if (!secrets.length) return null;
  const props = Object.fromEntries(
    Object.entries((row.props ?? {}) as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_PROPS[row.template]?.includes(k) ? REDACTED : v,
    ]),
  );
  return {
    props,
    subject: redactSecrets(row.subject, secrets),
    html: redactSecrets(row.html, secrets),
    text: redactSecrets(row.text, secrets),
  };
}

/** A Dutch name for the kind of message, for lists where the subject is not rendered yet. */
export const templateLabel = (template: string) => TEMPLATE_LABELS[template] ?? template;

const summaryColumns = {
  id: schema.emailOutbox.id,
  template: schema.emailOutbox.template,
  toAddress: schema.emailOutbox.toAddress,
  subject: schema.emailOutbox.subject,
  status: schema.emailOutbox.status,
  attempts: schema.emailOutbox.attempts,
  nextAttemptAt: schema.emailOutbox.nextAttemptAt,
  lastError: schema.emailOutbox.lastError,
  createdAt: schema.emailOutbox.createdAt,
  sentAt: schema.emailOutbox.sentAt,
};

export type OutboxSummary = { [K in keyof typeof summaryColumns]: (typeof schema.emailOutbox.$inferSelect)[K] };

/**
 * The outbox, newest first, optionally one status: one list for the demo mailbox and the team's
 * e-mail page. For the team (`forTeam`), login codes and one-time links are hidden from subjects
 * and errors: nobody on the team may be able to log in as someone else.
 */
export function listOutbox(options: { status?: OutboxStatus; limit?: number; forTeam?: boolean } = {}): OutboxListItem[] {
  const rows = db
    .select({ ...summaryColumns, props: schema.emailOutbox.props })
    .from(schema.emailOutbox)
    .where(options.status ? eq(schema.emailOutbox.status, options.status) : undefined)
    .orderBy(desc(schema.emailOutbox.id))
    .limit(options.limit ?? 200)
    .all();
  return rows.map(({ props, ...row }) => {
    const hide = (text: string | null) =>
      text !== null && options.forTeam ? redactSecrets(text, secretsOf(row.template, props)) : text;
    const subject = hide(row.subject);
    return {
      ...row,
      subject,
      lastError: hide(row.lastError),
      title: subject ?? templateLabel(row.template),
      statusLabel: OUTBOX_STATUS_LABELS[row.status],
    };
  });
}

export type OutboxListItem = OutboxSummary & { title: string; statusLabel: string };

export function countOutboxByStatus(): Record<OutboxStatus, number> {
  const rows = db
    .select({ status: schema.emailOutbox.status, n: count() })
    .from(schema.emailOutbox)
    .groupBy(schema.emailOutbox.status)
    .all();
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** One message with its rendered content (null until the sender has rendered it). */
export function getOutboxMessage(id: number) {
  return (
    db
      .select({
        ...summaryColumns,
        html: schema.emailOutbox.html,
        text: schema.emailOutbox.text,
        providerMessageId: schema.emailOutbox.providerMessageId,
      })
      .from(schema.emailOutbox)
      .where(eq(schema.emailOutbox.id, id))
      .get() ?? null
  );
}

/**
 * Puts a failed message back in the queue (programme team). It keeps its idempotency key and its
 * rendered content, so even a message that did reach Resend before failing is not sent twice.
 */
export function retryFailedEmail(id: number, actorId: number, at: Date): boolean {
  return immediate((tx) => {
    const row = tx
      .select({ lastError: schema.emailOutbox.lastError, attempts: schema.emailOutbox.attempts })
      .from(schema.emailOutbox)
      .where(and(eq(schema.emailOutbox.id, id), eq(schema.emailOutbox.status, "failed")))
      .get();
    if (!row) return false;
    tx.update(schema.emailOutbox)
      // Out of its old batch: it goes out alone or in a new batch, with a new batch key.
      .set({ status: "pending", attempts: 0, nextAttemptAt: at, lastError: null, batchKey: null })
      .where(eq(schema.emailOutbox.id, id))
      .run();
    audit(tx, {
      actorId,
      action: "email.retry",
      entityType: "email_outbox",
      entityId: id,
      details: { previousError: row.lastError, attempts: row.attempts },
    });
    return true;
  });
}

/** The templates with their Dutch names, and one rendered with its example data (to preview it). */
export const listEmailTemplates = () => emailTemplateNames.map((name) => ({ name, label: templateLabel(name) }));

export async function previewEmail(template: string) {
  if (!isEmailTemplate(template)) return null;
  return renderEmail(template, emailTemplates[template].previewProps);
}
