import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ActivityForm } from "~/components/activity-form";
import { listMunicipalityOptions, registerActivity } from "~/models/activity.server";
import { getRegistrationEdition, registrationClosedText } from "~/models/edition.server";
import { editionWindow, handleActivityForm } from "~/utils/activity-form.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { formatLastDay } from "~/utils/time";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const at = now();
  const edition = getRegistrationEdition(at);
  if (!edition) return { open: false as const, closedText: registrationClosedText(at) };
  return {
    open: true as const,
    year: edition.year,
    closesAt: edition.registrationClosesAt.toISOString(),
    ...editionWindow(edition),
    municipalities: listMunicipalityOptions(),
    defaultValue: { privateContactEmail: user.email, privateContactName: user.name ?? "", isFree: "ja" },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const at = now();
  const edition = getRegistrationEdition(at);
  if (!edition) throw redirect("/organisator/activiteiten/nieuw");
  return handleActivityForm(request, edition, async (values, options) => {
    const { approximate } = await registerActivity(user, edition, values, at, undefined, undefined, options);
    return redirect(`/organisator/activiteiten?melding=aangemeld${approximate ? "&locatie=ongeveer" : ""}`);
  });
}

export const meta: MetaFunction = () => [{ title: "Activiteit aanmelden – Kom erbij" }];

export default function NewActivity() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  if (!data.open) {
    return (
      <>
        <h1>Activiteit aanmelden</h1>
        <div className="alert" role="status">
          <p>Aanmelden is op dit moment gesloten. {data.closedText}</p>
        </div>
      </>
    );
  }
  return (
    <>
      <h1>Activiteit aanmelden voor {data.year}</h1>
      <p>Aanmelden kan tot en met {formatLastDay(data.closesAt)}. Velden zonder &lsquo;niet verplicht&rsquo; moet je invullen.</p>
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
