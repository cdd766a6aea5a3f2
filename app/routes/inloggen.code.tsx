import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/ui/field";
import { verifyLoginCode } from "~/models/login.server";
import { getUserById } from "~/models/user.server";
import { now } from "~/utils/clock.server";
import { isDemoMailbox } from "~/utils/env.server";
import { safeRedirect } from "~/utils/request.server";
import { createUserSession } from "~/utils/session.server";
import { readFormData } from "~/utils/form-data.server";

const schema = z.object({
  email: z.string().email(),
  code: z
    .string({ required_error: "Vul de code uit de e-mail in." })
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, "De code bestaat uit 6 cijfers."),
  terug: z.string().optional(),
  aanvraag: z.string().max(100).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const email = params.get("email");
  if (!email) throw redirect("/inloggen");
  return { email, terug: params.get("terug") ?? "", aanvraag: params.get("aanvraag") ?? "", demoMailbox: isDemoMailbox() };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = verifyLoginCode(submission.value.email, submission.value.code, submission.value.aanvraag ?? "", now());
  if (!result.ok) {
    const message =
      result.reason === "wrong"
        ? `Deze code klopt niet. Controleer de code in de nieuwste e-mail. Je kunt het nog ${result.attemptsLeft} keer proberen.`
        : "Deze code werkt niet meer: hij is verlopen, al gebruikt of er is te vaak een verkeerde code ingevuld. Vraag een nieuwe code aan.";
    return data(submission.reply({ fieldErrors: { code: [message] } }), { status: 400 });
  }
  const userId = result.userId;
  const user = getUserById(userId)!;
  return createUserSession(
    userId,
    safeRedirect(submission.value.terug, user.role === "programme_team" ? "/beheer" : "/organisator/activiteiten"),
  );
}

export const meta: MetaFunction = () => [{ title: "Code invullen – Kom erbij" }];

export default function EnterCode() {
  const { email, terug, aanvraag, demoMailbox } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    defaultValue: { email, terug, aanvraag },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <h1>Vul je code in</h1>
      <p>
        We hebben een e-mail gestuurd naar <strong>{email}</strong> met een code van 6 cijfers. De code is een kwartier geldig. Je
        kunt ook op de link in de e-mail klikken.
      </p>
      {demoMailbox ? (
        <p className="alert">
          Dit is een demo. Je vindt de e-mail in de <Link to="/demo/mailbox">demo-mailbox</Link>.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input {...getInputProps(fields.email, { type: "hidden" })} />
        <input {...getInputProps(fields.terug, { type: "hidden" })} />
        <input {...getInputProps(fields.aanvraag, { type: "hidden" })} />
        <Field meta={fields.code} label="Code" hint="6 cijfers, bijvoorbeeld 123456">
          {(a11y) => (
            <input {...getInputProps(fields.code, { type: "text" })} {...a11y} inputMode="numeric" autoComplete="one-time-code" />
          )}
        </Field>
        <button type="submit">Inloggen</button>
      </Form>
      <p>
        Geen e-mail gekregen, of werkt de code niet meer? Kijk ook bij je ongewenste e-mail, of{" "}
        <Link to="/inloggen">vraag een nieuwe code aan</Link>.
      </p>
    </>
  );
}
