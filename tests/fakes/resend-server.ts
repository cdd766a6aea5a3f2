// A small local stand-in for the Resend API (POST /emails and POST /emails/batch), speaking its
// protocol over real HTTP. Like Resend it honours Idempotency-Key: the same key with the same body
// answers with the first answer and delivers nothing new; the same key with another body is a 409.
// A batch holds at most 100 messages; with `x-batch-validation: permissive` an invalid message is
// reported by its index ({ data, errors }) and the others are delivered.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown> | null;
};

export type DeliveredEmail = {
  id: string;
  idempotencyKey: string | null;
  body: Record<string, unknown>;
  /** The batch request it came in (null: sent alone). */
  batch: number | null;
};

type ScriptedReply = { status: number; body?: unknown; headers?: Record<string, string> };

const errorBody = (statusCode: number, name: string, message: string) => ({ statusCode, name, message });

export async function startFakeResend(options: { apiKey?: string } = {}) {
  const apiKey = options.apiKey ?? "re_test_key";
  const requests: ReceivedRequest[] = [];
  const delivered: DeliveredEmail[] = [];
  const byKey = new Map<string, { bodyJson: string; answer: unknown }>();
  const invalidRecipients = new Set<string>();
  let batches = 0;
  const scripted: ScriptedReply[] = [];
  let responseDelayMs = 0;
  const listeners: ((request: ReceivedRequest) => void)[] = [];

  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (responseDelayMs > 0) setTimeout(send, responseDelayMs);
    else send();
  };

  const server = createServer((req, res) => {
    res.on("error", () => {});
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: Record<string, unknown> | null = null;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      } catch {
        body = null;
      }
      const received: ReceivedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
      requests.push(received);
      for (const listener of listeners) listener(received);

      const isBatch = req.url === "/emails/batch";
      if (req.method !== "POST" || (req.url !== "/emails" && !isBatch))
        return reply(res, 404, errorBody(404, "not_found", "The requested endpoint does not exist."));
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return reply(res, 403, errorBody(403, "invalid_api_key", "API key is invalid"));

      const next = scripted.shift();
      if (next)
        return reply(
          res,
          next.status,
          next.body ?? errorBody(next.status, "application_error", "Scripted failure"),
          next.headers,
        );

      if (!body) return reply(res, 422, errorBody(422, "validation_error", "Invalid JSON body"));
      const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
      const bodyJson = JSON.stringify(body);
      if (key) {
        const seen = byKey.get(key);
        if (seen && seen.bodyJson !== bodyJson)
          return reply(
            res,
            409,
            errorBody(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload."),
          );
        if (seen) return reply(res, 200, seen.answer);
      }
      const missing = (email: Record<string, unknown>) => ["from", "to", "subject"].find((field) => !email[field]);
      const invalid = (email: Record<string, unknown>) => {
        const field = missing(email);
        if (field) return `Missing \`${field}\` field.`;
        const to = Array.isArray(email.to) ? email.to : [email.to];
        return to.some((t) => invalidRecipients.has(String(t))) ? "Invalid `to` field." : null;
      };

      let answer: unknown;
      if (isBatch) {
        const emails = body as unknown as Record<string, unknown>[];
        if (!Array.isArray(emails) || emails.length === 0 || emails.length > 100)
          return reply(res, 422, errorBody(422, "validation_error", "A batch holds 1 to 100 emails."));
        const permissive = req.headers["x-batch-validation"] === "permissive";
        const problems = emails.map(invalid);
        const firstProblem = problems.find(Boolean);
        if (firstProblem && !permissive) return reply(res, 422, errorBody(422, "validation_error", firstProblem));
        const batch = ++batches;
        const data: { id: string }[] = [];
        const errors: { index: number; message: string }[] = [];
        emails.forEach((email, index) => {
          if (problems[index]) return void errors.push({ index, message: problems[index]! });
          const id = randomUUID();
          data.push({ id });
          delivered.push({ id, idempotencyKey: key, body: email, batch });
        });
        answer = permissive ? { data, errors } : { data };
      } else {
        const problem = invalid(body);
        if (problem)
          return reply(res, 422, errorBody(422, missing(body) ? "missing_required_field" : "validation_error", problem));
        const id = randomUUID();
        delivered.push({ id, idempotencyKey: key, body, batch: null });
        answer = { id };
      }
      if (key) byKey.set(key, { bodyJson, answer });
      reply(res, 200, answer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    /** Messages actually "sent" (each idempotency key at most once). */
    delivered,
    /** The next requests get these answers instead of being processed (e.g. a 500, then a 429). */
    failNext(...replies: ScriptedReply[]) {
      scripted.push(...replies);
    },
    /** Answers only after this delay; the message is accepted (delivered) on arrival, like a slow network back. */
    setResponseDelay(ms: number) {
      responseDelayMs = ms;
    },
    /** Messages to this address are refused as invalid (422, or by index in a permissive batch). */
    refuseRecipient(address: string) {
      invalidRecipients.add(address);
    },
    onRequest(listener: (request: ReceivedRequest) => void) {
      listeners.push(listener);
    },
    /** Forgets requests, deliveries, scripted answers, delay and listeners (between tests). */
    reset() {
      requests.length = 0;
      delivered.length = 0;
      byKey.clear();
      invalidRecipients.clear();
      batches = 0;
      scripted.length = 0;
      listeners.length = 0;
      responseDelayMs = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>;
export { errorBody as resendErrorBody };
