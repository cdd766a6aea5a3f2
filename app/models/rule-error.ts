// The one error convention for models (shared by browser and server code).
//
// A model that refuses a command because of a rule throws a RuleError: a Dutch message a person can
// act on (B1), the HTTP status that fits (400 bad input, 404 not yours or not there, 429 too often, 409 the state
// does not allow it now), and the form field it belongs to, if any. Actions turn it into the one
// action result shape below (app/utils/action.server.ts), with the form's values kept; nothing has
// been written, because the model throws inside its transaction.

export type RuleStatus = 400 | 404 | 409 | 429;

export class RuleError extends Error {
  readonly status: RuleStatus;
  readonly field: string | null;
  readonly reason: string;

  constructor(message: string, options: { status?: RuleStatus; field?: string; reason?: string } = {}) {
    super(message);
    this.name = "RuleError";
    this.status = options.status ?? 409;
    this.field = options.field ?? null;
    this.reason = options.reason ?? "rule";
  }
}

export const isRuleError = (value: unknown): value is RuleError => value instanceof RuleError;

/** Errors per form field: a list of Dutch messages per field name; "" holds the form-wide ones. */
export type FieldErrors = Record<string, string[] | null | undefined>;

/**
 * What every action answers when it does not redirect: conform's submission reply, so forms built
 * with conform and plain forms read the same thing — `initialValue` (the values as submitted, so
 * nothing typed is lost) and `error` (messages per field, "" for the whole form).
 */
export type ActionFailure = {
  status: "error";
  initialValue: Record<string, string>;
  error: FieldErrors;
};
