import { parseWithZod } from "@conform-to/zod";
import { formatNumber } from "~/utils/format";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EditionForm } from "~/components/edition-form";
import { EditionFormSchema, editionFormValues } from "~/models/edition";
import { createEdition, getNextEditionDraft } from "~/models/edition.server";
import { describeContents } from "~/models/kit-order";
import { actionFailure, formValues } from "~/utils/action.server";
import { now } from "~/utils/clock.server";
import { readFormData } from "~/utils/form-data.server";
import { orNotFound } from "~/utils/route-params.server";
import { requireProgrammeTeam } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const draft = orNotFound(getNextEditionDraft());
  return {
    values: editionFormValues(draft),
    kit: {
      from: draft.year - 1,
      stock: draft.kitStock,
      contents: describeContents(draft.kitContents),
      perActivity: draft.kitLimitPerActivity,
      perOrganisation: draft.kitLimitPerOrganisation,
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const formData = await readFormData(request);
  const values = formValues(formData);
  const submission = parseWithZod(formData, { schema: EditionFormSchema });
  if (submission.status !== "success") return actionFailure(values, submission.error ?? {});
  const saved = createEdition(submission.value, user.id, now());
  if (!saved.ok) return actionFailure(values, saved.errors ?? {});
  return redirect(`/beheer/edities/${saved.year}?melding=aangemaakt`, 303);
}

export const meta: MetaFunction = () => [{ title: "Nieuwe editie – Programmateam – Kom erbij" }];

export default function NewEdition() {
  const { values, kit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/beheer/edities">← Edities</Link>
      </p>
      <h1>Nieuwe editie</h1>
      <p>
        De data zijn voorgesteld op basis van de vorige editie: de week begint op de laatste donderdag van september en alle
        andere data liggen even ver van de week als vorig jaar. Pas aan wat anders moet.
      </p>
      <EditionForm values={result?.initialValue ?? values} errors={result?.error ?? {}} submitLabel="Editie aanmaken">
        <p>
          Het pakket neemt de instellingen van {kit.from} over: voorraad {formatNumber(kit.stock)}, {kit.perActivity} per
          activiteit
          {kit.perOrganisation ? `, hoogstens ${kit.perOrganisation} per organisatie` : ""}; inhoud: {kit.contents}. Dit kun je
          daarna aanpassen bij de pakketinstellingen.
        </p>
      </EditionForm>
    </>
  );
}
