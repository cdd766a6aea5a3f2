// The one door to the e-mail provider: Resend when RESEND_API_KEY is set, otherwise the on-site
// demo mailbox (the message is already stored in the outbox, which /demo/mailbox shows).
import { Resend } from "resend";
import { deliveryNow } from "./clock.server";
import { env } from "./env.server";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Same key → Resend sends at most once (within its 24-hour idempotency window). */
  idempotencyKey: string;
};

/** `retryAfterMs`: the provider asked us to wait this long (429 with Retry-After) before the next request. */
export type DeliveryFailure = { ok: false; transient: boolean; error: string; retryAfterMs?: number };
export type DeliveryResult = { ok: true; providerMessageId: string } | DeliveryFailure;

/** Up to 100 messages in one request (Resend's batch endpoint), one idempotency key for the whole batch. */
export type OutgoingBatch = { messages: Omit<OutgoingEmail, "idempotencyKey">[]; idempotencyKey: string };
/** Per message, in the order sent: its provider id, or why Resend refused that one message. */
export type BatchDeliveryResult =
  { ok: true; results: ({ ok: true; providerMessageId: string } | { ok: false; error: string })[] } | DeliveryFailure;

export const MAX_BATCH_SIZE = 100;

export type EmailTransport = {
  kind: "resend" | "demo";
  send(message: OutgoingEmail): Promise<DeliveryResult>;
  sendBatch(batch: OutgoingBatch): Promise<BatchDeliveryResult>;
};

type ResendError = { name?: string; message?: string; statusCode?: number | null };

// 409 concurrent_idempotent_requests: an earlier request with the same key is still in flight at Resend.
const TRANSIENT_NAMES = new Set([
  "application_error",
  "internal_server_error",
  "rate_limit_exceeded",
  "concurrent_idempotent_requests",
]);

/** Network errors (no status), 429 and 5xx are worth another try; any other 4xx will fail again the same way. */
export function classifyResendError(error: ResendError): { transient: boolean; error: string } {
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  const transient =
    status === null
      ? TRANSIENT_NAMES.has(error.name ?? "application_error") || !error.name
      : status === 429 || status >= 500 || error.name === "concurrent_idempotent_requests";
  const label = [status ?? "network", error.name].filter(Boolean).join(" ");
  return { transient, error: `${label}: ${error.message ?? "unknown error"}` };
}

const SEND_TIMEOUT_MS = 15_000;

/** Retry-After in seconds or as an HTTP date, in milliseconds (null when absent or unreadable). */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : null;
}

type ResendHeaders = Record<string, string> | null | undefined;

function failure(error: ResendError, headers: ResendHeaders, nowMs: number): DeliveryFailure {
  const classified = classifyResendError(error);
  const retryAfterMs = error.statusCode === 429 ? parseRetryAfter(headers?.["retry-after"], nowMs) : null;
  return { ok: false, ...classified, ...(retryAfterMs !== null ? { retryAfterMs } : {}) };
}

const networkFailure = (thrown: unknown): DeliveryFailure => ({
  ok: false,
  transient: true,
  error: `network: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
});

export function createResendTransport(options: { apiKey: string; from: string; baseUrl?: string }): EmailTransport {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const toResend = (m: Omit<OutgoingEmail, "idempotencyKey">) => ({
    from: options.from,
    to: [m.to],
    subject: m.subject,
    html: m.html,
    text: m.text,
  });
  return {
    kind: "resend",
    async send(message) {
      try {
        const { data, error, headers } = await client.emails.send(
          toResend(message),
          // A hung connection must not stall the outbox: the abort surfaces as a network error (transient).
          { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) } as { idempotencyKey: string },
        );
        if (error) return failure(error, headers, deliveryNow().getTime());
        if (!data?.id) return { ok: false, transient: true, error: "Resend answered without a message id" };
        return { ok: true, providerMessageId: data.id };
      } catch (thrown) {
        return networkFailure(thrown);
      }
    },
    async sendBatch(batch) {
      try {
        // Permissive: one refused address fails that message only, not the 99 others.
        const { data, error, headers } = await client.batch.send(batch.messages.map(toResend), {
          idempotencyKey: batch.idempotencyKey,
          batchValidation: "permissive",
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        } as { idempotencyKey: string; batchValidation: "permissive" });
        if (error) return failure(error, headers, deliveryNow().getTime());
        const refused = new Map((data?.errors ?? []).map((e) => [e.index, e.message]));
        const ids = [...(data?.data ?? [])];
        const results = batch.messages.map((_, index) => {
          const reason = refused.get(index);
          if (reason !== undefined) return { ok: false as const, error: `422 batch: ${reason}` };
          const id = ids.shift()?.id;
          return id
            ? { ok: true as const, providerMessageId: id }
            : { ok: false as const, error: "Resend answered without a message id" };
        });
        return { ok: true, results };
      } catch (thrown) {
        return networkFailure(thrown);
      }
    },
  };
}

/** Demo mode: "delivering" is keeping the rendered message in the outbox, where the demo mailbox reads it. */
export function createDemoMailboxTransport(): EmailTransport {
  return {
    kind: "demo",
    async send(message) {
      return { ok: true, providerMessageId: `demo-${message.idempotencyKey}` };
    },
    async sendBatch(batch) {
      return {
        ok: true,
        results: batch.messages.map((_, i) => ({ ok: true as const, providerMessageId: `demo-${batch.idempotencyKey}-${i}` })),
      };
    },
  };
}

let configured: EmailTransport | undefined;

export function getEmailTransport(): EmailTransport {
  // Without a Resend key nothing leaves the server: messages stay in the outbox (shown publicly only in demo mode).
  configured ??= !env.RESEND_API_KEY
    ? createDemoMailboxTransport()
    : createResendTransport({ apiKey: env.RESEND_API_KEY!, from: env.EMAIL_FROM });
  return configured;
}
