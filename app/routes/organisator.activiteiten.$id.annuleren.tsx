import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/ui/field";
import { cancelActivity, getOwnActivity } from "~/models/activity.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { idParam } from "~/utils/route-params.server";
import { readFormData } from "~/utils/form-data.server";

const schema = z.object({
  reason: z
    .string({ required_error: "Vertel kort waarom de activiteit niet doorgaat." })
    .trim()
    .min(3, "Vertel kort waarom de activiteit niet doorgaat.")
    .max(500, "Gebruik hoogstens 500 tekens."),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const activity = getOwnActivity(user.id, idParam(params.id));
  if (!activity) throw new Response("Niet gevonden", { status: 404 });
  return { title: activity.title, cancelled: activity.status === "cancelled" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  cancelActivity(user, idParam(params.id), submission.value.reason, now());
  return redirect("/organisator/activiteiten?melding=geannuleerd");
}

export const meta: MetaFunction = () => [{ title: "Activiteit annuleren – Kom erbij" }];

export default function CancelActivity() {
  const { title, cancelled } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <h1>Annuleren: {title}</h1>
      {cancelled ? (
        <p>Deze activiteit is al geannuleerd.</p>
      ) : (
        <>
          <p>
            Gaat je activiteit niet door? Dan halen we hem van de kaart. Op de pagina van de activiteit staat dan dat hij niet
            doorgaat, met jouw reden.
          </p>
          <Form method="post" {...getFormProps(form)}>
            <Field meta={fields.reason} label="Waarom gaat de activiteit niet door?" hint="Bezoekers zien deze reden.">
              {(a) => <textarea {...getTextareaProps(fields.reason)} {...a} rows={3} />}
            </Field>
            <button type="submit">Activiteit annuleren</button>
          </Form>
        </>
      )}
      <p>
        <Link to="/organisator/activiteiten">Terug naar mijn activiteiten</Link>
      </p>
    </>
  );
}
