import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ActivityForm } from "~/components/activity-form";
import { getOwnActivity, listMunicipalityOptions, registerActivity, toFormValues, weekShift } from "~/models/activity.server";
import { getEditionById, getRegistrationEdition } from "~/models/edition.server";
import { editionWindow, handleActivityForm } from "~/utils/activity-form.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { idParam } from "~/utils/route-params.server";

// Copying shows the filled-in form for the open edition; nothing is saved until it is sent.
async function source(request: Request, params: { id?: string }) {
  const user = await requireUser(request);
  const activity = getOwnActivity(user.id, idParam(params.id));
  if (!activity) throw new Response("Niet gevonden", { status: 404 });
  const target = getRegistrationEdition(now());
  if (!target) throw redirect("/organisator/activiteiten/nieuw");
  return { user, activity, target };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { activity, target } = await source(request, params);
  const shift = weekShift(getEditionById(activity.editionId)!, target);
  return {
    title: activity.title,
    year: target.year,
    ...editionWindow(target),
    municipalities: listMunicipalityOptions(),
    defaultValue: toFormValues(activity, shift),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, activity, target } = await source(request, params);
  return handleActivityForm(request, target, async (values, options) => {
    const { approximate } = await registerActivity(user, target, values, now(), activity.id, undefined, options);
    return redirect(`/organisator/activiteiten?melding=aangemeld${approximate ? "&locatie=ongeveer" : ""}`);
  });
}

export const meta: MetaFunction = () => [{ title: "Activiteit kopiëren – Kom erbij" }];

export default function CopyActivity() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <h1>
        Kopiëren naar {data.year}: {data.title}
      </h1>
      <p>We hebben alles alvast ingevuld, op dezelfde dag van de week in {data.year}. Controleer vooral de datum en tijd.</p>
      <ActivityForm
        window={data.window}
        windowText={data.windowText}
        municipalities={data.municipalities}
        lastResult={lastResult}
        defaultValue={data.defaultValue}
        submitLabel="Activiteit aanmelden"
      />
    </>
  );
}
