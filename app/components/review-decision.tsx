import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { ReviewDecisionSchema } from "~/models/activity";
import { Field } from "./ui/field";

/**
 * Approve or reject a pending activity or a pending change to a published one: the same two forms for the programme team's review page and
 * a coordinator's (when the team lets them review). The reason for a rejection goes to the organiser.
 */
export function ReviewDecisionForms({
  lastResult,
  heading,
  approveLabel = "Goedkeuren en publiceren",
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  heading: "h2" | "h3";
  approveLabel?: string;
}) {
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(ReviewDecisionSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewDecisionSchema }),
  });
  const Heading = heading;
  return (
    <>
      <Form method="post">
        <input type="hidden" name="intent" value="approve" />
        <button type="submit">{approveLabel}</button>
      </Form>
      <Heading>Afwijzen</Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="reject" />
        <Field
          meta={fields.reason}
          label="Reden"
          hint="Schrijf vriendelijk en duidelijk wat er anders moet. De organisator krijgt deze tekst per e-mail."
        >
          {(p) => <textarea {...getTextareaProps(fields.reason)} {...p} rows={4} />}
        </Field>
        <button type="submit" className="secondary">
          Afwijzen
        </button>
      </Form>
    </>
  );
}
