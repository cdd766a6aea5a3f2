import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { HoneypotInputs } from "remix-utils/honeypot/react";
import { z } from "zod";
import { Field } from "~/components/ui/field";
import { requestLoginCode } from "~/models/login.server";
import { now } from "~/utils/clock.server";
import { checkHoneypot } from "~/utils/honeypot.server";
import { clientIp, safeRedirect } from "~/utils/request.server";
import { getSessionUser } from "~/utils/session.server";
import { readFormData } from "~/utils/form-data.server";

const schema = z.object({
  email: z
    .string({ required_error: "Vul je e-mailadres in." })
    .trim()
    .email("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")
    .max(254, "Dit e-mailadres is te lang."),
  terug: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request))
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("terug"), "/organisator/activiteiten"));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  checkHoneypot(formData);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = requestLoginCode(submission.value.email, clientIp(request, context), now());
  if (!result.ok) {
    const wait = result.retryAfterMinutes === 1 ? "1 minuut" : `${result.retryAfterMinutes} minuten`;
    const message =
      result.reason === "address_limit"
        ? `We hebben het afgelopen uur al veel codes naar dit e-mailadres gestuurd. Kijk in je e-mail (ook bij ongewenste mail) en klik op de knop Inloggen in de nieuwste e-mail. Of probeer het over ${wait} opnieuw.`
        : `Er zijn vanaf deze verbinding te veel codes gevraagd. Probeer het over ${wait} opnieuw.`;
    return data(submission.reply({ fieldErrors: { email: [message] } }), {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterMinutes * 60) },
    });
  }
  const params = new URLSearchParams({
    email: submission.value.email,
    terug: safeRedirect(submission.value.terug, ""),
    aanvraag: result.requestHandle,
  });
  return redirect(`/inloggen/code?${params}`);
}

export const meta: MetaFunction = () => [{ title: "Inloggen – Kom erbij" }];

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <h1>Inloggen</h1>
      <p>Je hebt geen wachtwoord nodig. Vul je e-mailadres in. We sturen je een code en een link om in te loggen.</p>
      <p>Nog geen account? Vul dan ook gewoon je e-mailadres in. We maken je account aan als je de code invult.</p>
      <Form method="post" {...getFormProps(form)}>
        <HoneypotInputs label="Vul dit veld niet in" />
        <input type="hidden" name="terug" value={params.get("terug") ?? ""} />
        <Field meta={fields.email} label="E-mailadres">
          {(a11y) => <input {...getInputProps(fields.email, { type: "email" })} {...a11y} autoComplete="email" />}
        </Field>
        <button type="submit">Stuur mij een code</button>
      </Form>
    </>
  );
}
