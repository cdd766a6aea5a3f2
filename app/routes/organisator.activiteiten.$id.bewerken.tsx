import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ClientOnly } from "remix-utils/client-only";
import { ActivityForm } from "~/components/activity-form";
import LocationPin from "~/components/location-pin.client";
import { mapLinks } from "~/components/map-styles";
import { useRootData } from "~/root";
import {
  canEdit,
  getOwnActivityForEditing,
  listMunicipalityOptions,
  toFormValues,
  updateActivity,
} from "~/models/activity.server";
import { pendingChangeText } from "~/models/activity-revision";
import { getEditionById } from "~/models/edition.server";
import { editionWindow, handleActivityForm } from "~/utils/activity-form.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { idParam } from "~/utils/route-params.server";

async function ownEditable(request: Request, params: { id?: string }) {
  const user = await requireUser(request);
  const own = getOwnActivityForEditing(user.id, idParam(params.id));
  if (!own) throw new Response("Niet gevonden", { status: 404 });
  const { activity, pendingFields } = own;
  const edition = getEditionById(activity.editionId)!;
  if (!canEdit(activity, edition, now())) throw redirect("/organisator/activiteiten");
  return { user, activity, edition, pendingFields };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { activity, edition, pendingFields } = await ownEditable(request, params);
  const pin =
    !activity.isOnline && activity.lat !== null && activity.lon !== null
      ? { lat: activity.lat, lon: activity.lon, approximate: activity.locationApproximate }
      : null;
  return {
    id: activity.id,
    title: activity.title,
    status: activity.status,
    pendingChange: pendingFields.length ? pendingChangeText(pendingFields) : null,
    pin,
    ...editionWindow(edition),
    municipalities: listMunicipalityOptions(),
    defaultValue: toFormValues(activity),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, activity, edition } = await ownEditable(request, params);
  return handleActivityForm(request, edition, async (values, options) => {
    const { approximate, pendingReview } = await updateActivity(user, activity.id, edition, values, now(), options);
    const notice = pendingReview.length ? "ter-controle" : "opgeslagen";
    return redirect(`/organisator/activiteiten?melding=${notice}${approximate ? "&locatie=ongeveer" : ""}`);
  });
}

export const links: LinksFunction = () => mapLinks(false);

export const meta: MetaFunction = () => [{ title: "Activiteit aanpassen – Kom erbij" }];

export default function EditActivity() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const root = useRootData();
  return (
    <>
      <h1>Aanpassen: {data.title}</h1>
      {data.status === "rejected" ? (
        <p className="alert">Als je opslaat, kijkt het programmateam je activiteit opnieuw na.</p>
      ) : null}
      {data.pendingChange ? (
        <div className="alert" role="status">
          <p>
            <strong>{data.pendingChange}</strong> Hieronder staat je wijziging. Op de site staat nog de vorige versie, tot het
            programmateam je wijziging heeft goedgekeurd.
          </p>
        </div>
      ) : data.status === "published" ? (
        <p className="hint">
          Je activiteit staat online. Pas je de titel, beschrijving, tijd, plek, online link, aanmeldtekst of het openbare contact
          aan? Dan kijkt het programmateam eerst naar je wijziging. Tot dan ziet iedereen de huidige versie. Andere dingen, zoals
          toegankelijkheid, prijs en het aantal plaatsen, staan meteen online.
        </p>
      ) : null}
      <ActivityForm
        window={data.window}
        windowText={data.windowText}
        municipalities={data.municipalities}
        lastResult={lastResult}
        defaultValue={data.defaultValue}
        submitLabel="Wijzigingen opslaan"
        pin={
          data.pin ? (
            <ClientOnly
              fallback={
                data.pin.approximate ? (
                  <p className="hint">
                    De plek op de kaart is nu het midden van de gemeente. Met JavaScript kun je de punaise verslepen.
                  </p>
                ) : null
              }
            >
              {() => (
                <LocationPin
                  lat={data.pin!.lat}
                  lon={data.pin!.lon}
                  tileUrl={root!.map.tileUrl}
                  attribution={root!.map.attribution}
                />
              )}
            </ClientOnly>
          ) : null
        }
      />
    </>
  );
}
