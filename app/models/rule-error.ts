// The one error convention for models (shared by browser and server code).
//
// A model that refuses a command because of a rule throws a RuleError: a Dutch message a person can
// act on (B1), the HTTP status that fits (400 bad input, 404 not yours or not there, 409 the state
// does not allow it now), and the form field it belongs to, if any. Actions turn it into the one
// action result shape below, with the form's values kept; nothing has been written, because the
// model throws inside its transaction.

export type RuleStatus = 400 | 404 | 409;

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

/** Errors per form field, as conform reports them (a list of Dutch messages per field name). */
export type FieldErrors = Record<string, string[] | null | undefined>;

/**
 * What every action returns when it does not redirect: `ok: false` with the values as submitted
 * (so nothing typed is lost), the field errors and a message for the whole form.
 */
export type ActionFailure = {
  ok: false;
  values: Record<string, string>;
  fieldErrors: FieldErrors;
  formError: string | null;
};
