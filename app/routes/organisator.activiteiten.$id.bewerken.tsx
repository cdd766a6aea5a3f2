import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ActivityForm } from "~/components/activity-form";
import { canEdit, getOwnActivity, listMunicipalityOptions, toFormValues, updateActivity } from "~/models/activity.server";
import { getEditionById } from "~/models/edition.server";
import { editionWindow, handleActivityForm } from "~/utils/activity-form.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";

async function ownEditable(request: Request, params: { id?: string }) {
  const user = await requireUser(request);
  const activity = getOwnActivity(user.id, Number(params.id));
  if (!activity) throw new Response("Niet gevonden", { status: 404 });
  const edition = getEditionById(activity.editionId)!;
  if (!canEdit(activity, edition, now())) throw redirect("/organisator/activiteiten");
  return { user, activity, edition };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { activity, edition } = await ownEditable(request, params);
  return { id: activity.id, title: activity.title, status: activity.status, ...editionWindow(edition), municipalities: listMunicipalityOptions(), defaultValue: toFormValues(activity) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, activity, edition } = await ownEditable(request, params);
  return handleActivityForm(request, edition, async (values) => {
    const { approximate } = await updateActivity(user, activity.id, edition, values, now());
    return redirect(`/organisator/activiteiten?melding=opgeslagen${approximate ? "&locatie=ongeveer" : ""}`);
  });
}

export const meta: MetaFunction = () => [{ title: "Activiteit aanpassen – Kom erbij" }];

export default function EditActivity() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <h1>Aanpassen: {data.title}</h1>
      {data.status === "rejected" ? <p className="alert">Als je opslaat, kijkt het programmateam je activiteit opnieuw na.</p> : null}
      <ActivityForm window={data.window} windowText={data.windowText} municipalities={data.municipalities} lastResult={lastResult} defaultValue={data.defaultValue} submitLabel="Wijzigingen opslaan" />
    </>
  );
}
