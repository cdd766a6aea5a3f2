import { data } from "@remix-run/node";
import { isRuleError, type ActionFailure, type FieldErrors, type RuleError, type RuleStatus } from "~/models/rule-error";

/** The form's submitted values as strings (multi-valued fields keep their first value). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) if (!(name in values) && typeof value === "string") values[name] = value;
  return values;
}

/** The one failure shape, with its status: 400 for bad input unless the caller says otherwise. */
export function actionFailure(
  values: Record<string, string>,
  errors: { fieldErrors?: FieldErrors; formError?: string | null },
  status: RuleStatus = 400,
) {
  const failure: ActionFailure = {
    ok: false,
    values,
    fieldErrors: errors.fieldErrors ?? {},
    formError: errors.formError ?? null,
  };
  return data(failure, { status });
}

/** A model's RuleError as the action's answer: the message next to its field, or above the form. */
export function ruleFailure(error: RuleError, values: Record<string, string>) {
  return actionFailure(
    values,
    error.field ? { fieldErrors: { [error.field]: [error.message] } } : { formError: error.message },
    error.status,
  );
}

/** Runs a model command; a RuleError becomes the failure answer, anything else is rethrown. */
export function attempt<T>(
  command: () => T,
  values: Record<string, string>,
): { ok: true; value: T } | { ok: false; response: ReturnType<typeof ruleFailure> } {
  try {
    return { ok: true, value: command() };
  } catch (error) {
    if (isRuleError(error)) return { ok: false, response: ruleFailure(error, values) };
    throw error;
  }
}

/** A zod error as field errors (first message per top-level field), for schemas parsed without conform. */
export function zodFieldErrors(error: { issues: { path: (string | number)[]; message: string }[] }): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
  return errors;
}
