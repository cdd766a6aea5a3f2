import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/ui/field";
import { getMunicipalityByCode, listMunicipalities } from "~/models/municipality.server";
import { ROLE_LABELS, STAFF_ROLES } from "~/models/user";
import { appointCoordinator, inviteTeamMember, listStaff, revokeRole, setCoordinatorReview } from "~/models/user.server";
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
  z.object({
    intent: z.literal("coordinator"),
    email: z
      .string({ required_error: "Vul een e-mailadres in." })
      .trim()
      .email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
    municipalityCode: z.string({ required_error: "Kies een gemeente." }).regex(/^GM\d{4}$/, "Kies een gemeente uit de lijst."),
    canReview: z.preprocess((v) => v === "on", z.boolean()),
  }),
  z.object({ intent: z.literal("review"), userId: plainId(), canReview: z.enum(["aan", "uit"]) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireProgrammeTeam(request);
  return {
    meId: me.id,
    staff: listStaff().map((u) => ({
      ...u,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      municipality: u.municipalityCode ? (getMunicipalityByCode(u.municipalityCode)?.commonName ?? u.municipalityCode) : null,
    })),
    municipalities: listMunicipalities().map((m) => ({ code: m.code, name: m.commonName })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireProgrammeTeam(request);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value.intent === "invite") {
    inviteTeamMember(me, submission.value.email, now());
    return redirect("/beheer/team?melding=uitgenodigd");
  }
  if (submission.value.intent === "coordinator") {
    const { email, municipalityCode, canReview } = submission.value;
    if (!getMunicipalityByCode(municipalityCode))
      return data(submission.reply({ fieldErrors: { municipalityCode: ["Kies een gemeente uit de lijst."] } }), { status: 400 });
    appointCoordinator(me, email, municipalityCode, canReview);
    return redirect("/beheer/team?melding=coordinator");
  }
  if (submission.value.intent === "review") {
    setCoordinatorReview(me, submission.value.userId, submission.value.canReview === "aan");
    return redirect(`/beheer/team?melding=controle-${submission.value.canReview}`);
  }
  revokeRole(me, submission.value.userId);
  return redirect("/beheer/team?melding=ingetrokken");
}

export const meta: MetaFunction = () => [{ title: "Team en rollen – Programmateam" }];

export default function Team() {
  const { meId, staff, municipalities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const forCoordinator = lastResult?.initialValue?.intent === "coordinator";
  const [form, fields] = useForm({
    lastResult: forCoordinator ? undefined : lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const notice = {
    uitgenodigd: "De uitnodiging is verstuurd.",
    ingetrokken: "De rol is ingetrokken. Het account is nu een gewone organisator.",
    coordinator: "De coördinatorrol is gegeven.",
    "controle-aan": "De coördinator mag nu activiteiten in de eigen gemeente controleren.",
    "controle-uit": "De coördinator mag geen activiteiten meer controleren.",
  }[params.get("melding") ?? ""];
  const [coordinatorForm, coordinatorFields] = useForm({
    id: "coordinator",
    lastResult: forCoordinator ? lastResult : undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
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
      {STAFF_ROLES.map((role) => {
        const members = staff.filter((u) => u.role === role);
        const coordinators = role === "coordinator";
        return (
          <section key={role} aria-labelledby={`rol-${role}`}>
            <h2 id={`rol-${role}`}>
              {coordinators ? "Gemeentecoördinatoren" : ROLE_LABELS[role]} ({members.length})
            </h2>
            {members.length === 0 ? (
              <p>Niemand heeft deze rol.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Accounts met de rol {ROLE_LABELS[role]}</caption>
                  <thead>
                    <tr>
                      <th scope="col">E-mailadres</th>
                      <th scope="col">Naam</th>
                      {coordinators ? <th scope="col">Gemeente</th> : null}
                      {coordinators ? <th scope="col">Controleren</th> : null}
                      <th scope="col">Laatst ingelogd</th>
                      <th scope="col">Actie</th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.map((u) => (
                      <tr key={u.id}>
                        <td>{u.email}</td>
                        <td>{u.name ?? "—"}</td>
                        {coordinators ? <td>{u.municipality ?? "—"}</td> : null}
                        {coordinators ? (
                          <td>
                            {u.canReview ? "Mag controleren" : "Mag niet controleren"}
                            <Form method="post">
                              <input type="hidden" name="intent" value="review" />
                              <input type="hidden" name="userId" value={u.id} />
                              <input type="hidden" name="canReview" value={u.canReview ? "uit" : "aan"} />
                              <button type="submit" className="secondary">
                                {u.canReview ? "Controleren uitzetten" : "Controleren aanzetten"}
                                <span className="visually-hidden"> voor {u.email}</span>
                              </button>
                            </Form>
                          </td>
                        ) : null}
                        <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "nog niet"}</td>
                        <td>
                          {u.id === meId ? (
                            "Dit ben jij"
                          ) : (
                            <Form method="post">
                              <input type="hidden" name="intent" value="revoke" />
                              <input type="hidden" name="userId" value={u.id} />
                              <button type="submit" className="secondary">
                                {coordinators ? "Coördinatorrol intrekken" : "Rol intrekken"}
                                <span className="visually-hidden"> van {u.email}</span>
                              </button>
                            </Form>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
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
      <h2>Coördinatorrol geven</h2>
      <p>
        Een gemeentecoördinator ziet alle activiteiten in de eigen gemeente, kan activiteiten aanmelden namens organisatoren en de
        cijfers bekijken. Controleren (goedkeuren of afwijzen) mag alleen als jullie dat aanzetten. Is iemand al coördinator, dan
        verhuist de rol naar de gemeente die je hier kiest.
      </p>
      <Form method="post" {...getFormProps(coordinatorForm)}>
        <input type="hidden" name="intent" value="coordinator" />
        <Field meta={coordinatorFields.email} label="E-mailadres van de coördinator">
          {(a) => <input {...getInputProps(coordinatorFields.email, { type: "email" })} {...a} />}
        </Field>
        <Field meta={coordinatorFields.municipalityCode} label="Gemeente">
          {(a) => (
            <select {...getSelectProps(coordinatorFields.municipalityCode)} {...a}>
              <option value="">Kies een gemeente</option>
              {municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <label className="check">
            <input name="canReview" type="checkbox" /> Mag activiteiten in de eigen gemeente controleren
          </label>
        </div>
        <button type="submit">Coördinatorrol geven</button>
      </Form>
    </>
  );
}
