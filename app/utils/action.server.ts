import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { isRuleError, type ActionFailure, type FieldErrors, type RuleError, type RuleStatus } from "~/models/rule-error";

/** The form's submitted values as strings (multi-valued fields keep their first value). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) if (!(name in values) && typeof value === "string") values[name] = value;
  return values;
}

/** The one failure shape (see ActionFailure), with its status: 400 for bad input unless the caller says otherwise. */
export function actionFailure(values: Record<string, string>, error: FieldErrors, status: RuleStatus = 400) {
  const failure: ActionFailure = { status: "error", initialValue: values, error };
  return data(failure, { status });
}

/** A RuleError's message next to its field, or for the whole form (""). */
export const ruleErrors = (error: RuleError): FieldErrors => ({ [error.field ?? ""]: [error.message] });

/** A model's RuleError as the action's answer, with the submitted values kept. */
export const ruleFailure = (error: RuleError, values: Record<string, string>) =>
  actionFailure(values, ruleErrors(error), error.status);

/** The same for a conform submission: its reply with the rule's message added, and the rule's status. */
export function ruleReply(
  error: RuleError,
  submission: {
    reply: (options: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) => SubmissionResult<string[]>;
  },
) {
  const reply = error.field
    ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
    : submission.reply({ formErrors: [error.message] });
  return data(reply, { status: error.status });
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

/** A zod error as field errors (messages per top-level field), for schemas parsed without conform. */
export function zodFieldErrors(error: { issues: { path: (string | number)[]; message: string }[] }): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
  return errors;
}
