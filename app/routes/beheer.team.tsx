import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/ui/field";
import { inviteTeamMember, listStaff, revokeRole, ROLE_LABELS } from "~/models/user.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDateTime } from "~/utils/time";
import { readFormData } from "~/utils/form-data.server";
import { plainId } from "~/utils/form-values";

const schema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invite"),
    email: z
      .string({ required_error: "Vul een e-mailadres in." })
      .trim()
      .email("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
  }),
  z.object({ intent: z.literal("revoke"), userId: plainId() }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireProgrammeTeam(request);
  return { meId: me.id, staff: listStaff().map((u) => ({ ...u, lastLoginAt: u.lastLoginAt?.toISOString() ?? null })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireProgrammeTeam(request);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value.intent === "invite") {
    inviteTeamMember(me, submission.value.email, now());
    return redirect("/beheer/team?melding=uitgenodigd");
  }
  revokeRole(me, submission.value.userId);
  return redirect("/beheer/team?melding=ingetrokken");
}

export const meta: MetaFunction = () => [{ title: "Team en rollen – Programmateam" }];

export default function Team() {
  const { meId, staff } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const notice = {
    uitgenodigd: "De uitnodiging is verstuurd.",
    ingetrokken: "De rol is ingetrokken. Het account is nu een gewone organisator.",
  }[params.get("melding") ?? ""];
  return (
    <>
      <p>
        <Link to="/beheer">Programmateam</Link>
      </p>
      <h1>Team en rollen</h1>
      {notice ? (
        <div className="alert success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Accounts met een rol</caption>
          <thead>
            <tr>
              <th scope="col">E-mailadres</th>
              <th scope="col">Naam</th>
              <th scope="col">Rol</th>
              <th scope="col">Laatst ingelogd</th>
              <th scope="col">Actie</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.name ?? "—"}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "nog niet"}</td>
                <td>
                  {u.id === meId ? (
                    "Dit ben jij"
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="secondary">
                        Rol intrekken<span className="visually-hidden"> van {u.email}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Iemand toevoegen aan het programmateam</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <Field
          meta={fields.email}
          label="E-mailadres"
          hint="Deze persoon krijgt een e-mail en kan daarna inloggen als programmateam."
        >
          {(a) => <input {...getInputProps(fields.email, { type: "email" })} {...a} />}
        </Field>
        <button type="submit">Uitnodigen</button>
      </Form>
    </>
  );
}
