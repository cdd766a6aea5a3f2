import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import { activityFormSchema, activityWindowText, type ActivityFormValues } from "~/models/activity";
import { isRuleError } from "~/models/rule-error";
import { CONFIRM_DUPLICATE_FIELD, isLikelyDuplicateError } from "~/models/activity-duplicates";
import { ruleReply } from "./action.server";
import type { Edition } from "~/models/edition.server";
import { checkHoneypot } from "./honeypot.server";
import { readFormData } from "./form-data.server";

/**
 * The common shape of the new/edit/copy actions: honeypot, validation for this edition, then the
 * model command. Invalid input or a broken rule comes back as a 400 with the errors next to the
 * fields and everything typed still in the form; nothing is saved. A likely duplicate comes back as a
 * 409 with `likelyDuplicates`; sending the form again with `tochIndienen=ja` saves it anyway.
 */
export async function handleActivityForm(
  request: Request,
  edition: Edition,
  command: (values: ActivityFormValues, options: { acceptLikelyDuplicates: boolean }) => Promise<Response>,
) {
  const formData = await readFormData(request);
  checkHoneypot(formData);
  const submission = parseWithZod(formData, { schema: activityFormSchema(edition, activityWindowText(edition)) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    return await command(submission.value, { acceptLikelyDuplicates: formData.get(CONFIRM_DUPLICATE_FIELD) === "ja" });
  } catch (error) {
    // "Lijkt op …": the form comes back with everything typed, the look-alikes and a "Toch indienen" button.
    if (isLikelyDuplicateError(error))
      return data(
        { ...submission.reply({ formErrors: [error.message] }), likelyDuplicates: error.duplicates },
        { status: error.status },
      );
    if (!isRuleError(error)) throw error;
    return ruleReply(error, submission);
  }
}

export const editionWindow = (e: Edition) => ({
  window: { activityWindowStart: e.activityWindowStart, activityWindowEnd: e.activityWindowEnd },
  windowText: activityWindowText(e),
});
