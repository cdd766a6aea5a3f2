// The one door to the e-mail provider: Resend when RESEND_API_KEY is set, otherwise the on-site
// demo mailbox (the message is already stored in the outbox, which /demo/mailbox shows).
import { Resend } from "resend";
import { env } from "./env.server";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Same key → Resend sends at most once (within its 24-hour idempotency window). */
  idempotencyKey: string;
};

export type DeliveryResult = { ok: true; providerMessageId: string } | { ok: false; transient: boolean; error: string };

export type EmailTransport = {
  kind: "resend" | "demo";
  send(message: OutgoingEmail): Promise<DeliveryResult>;
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

export function createResendTransport(options: { apiKey: string; from: string; baseUrl?: string }): EmailTransport {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    kind: "resend",
    async send(message) {
      try {
        const { data, error } = await client.emails.send(
          { from: options.from, to: [message.to], subject: message.subject, html: message.html, text: message.text },
          // A hung connection must not stall the outbox: the abort surfaces as a network error (transient).
          { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) } as { idempotencyKey: string },
        );
        if (error) return { ok: false, ...classifyResendError(error) };
        if (!data?.id) return { ok: false, transient: true, error: "Resend answered without a message id" };
        return { ok: true, providerMessageId: data.id };
      } catch (thrown) {
        return { ok: false, transient: true, error: `network: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
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
