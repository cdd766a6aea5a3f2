import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActivityForm } from "~/components/activity-form";
import { listMunicipalityOptions, registerActivity } from "~/models/activity.server";
import { getRegistrationEdition, registrationClosedText } from "~/models/edition.server";
import { workspaceAccess } from "~/models/municipality.server";
import { findOrCreateOrganiser, removeUnusedOrganiser } from "~/models/user.server";
import { editionWindow, handleActivityForm } from "~/utils/activity-form.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { formatDateTime } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { municipality } = workspaceAccess(user, params.slug ?? "");
  const at = now();
  const edition = getRegistrationEdition(at);
  const base = { municipality: { slug: municipality.slug, name: municipality.commonName } };
  if (!edition) return { ...base, open: false as const, closedText: registrationClosedText(at) };
  return {
    ...base,
    open: true as const,
    year: edition.year,
    closesAt: edition.registrationClosesAt.toISOString(),
    ...editionWindow(edition),
    municipalities: listMunicipalityOptions().filter((m) => m.code === municipality.code),
    defaultValue: { municipalityCode: municipality.code, isFree: "ja" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { municipality } = workspaceAccess(user, params.slug ?? "");
  const at = now();
  const edition = getRegistrationEdition(at);
  if (!edition) throw redirect(`/gemeente/${municipality.slug}/beheer/nieuw`);
  return handleActivityForm(request, edition, async (values, options) => {
    // The organiser owns the activity through the contact e-mail address: it shows up in their "Mijn activiteiten".
    const owner = findOrCreateOrganiser(values.privateContactEmail, values.privateContactName);
    try {
      await registerActivity(
        owner,
        edition,
        { ...values, municipalityCode: municipality.code },
        at,
        undefined,
        {
          id: user.id,
          municipalityCode: municipality.code,
        },
        options,
      );
    } catch (error) {
      // Nothing half-saved: an account made only for this registration goes when the registration does not.
      if (owner.created) removeUnusedOrganiser(owner.id);
      throw error;
    }
    return redirect(`/gemeente/${municipality.slug}/beheer?melding=aangemeld`);
  });
}

export const meta: MetaFunction = () => [{ title: "Activiteit aanmelden namens een organisator – Kom erbij" }];

export default function RegisterOnBehalf() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const back = (
    <p>
      <Link to={`/gemeente/${data.municipality.slug}/beheer`}>Terug naar beheer {data.municipality.name}</Link>
    </p>
  );
  if (!data.open) {
    return (
      <>
        {back}
        <h1>Activiteit aanmelden namens een organisator</h1>
        <div className="alert" role="status">
          <p>Aanmelden is op dit moment gesloten. {data.closedText}</p>
        </div>
      </>
    );
  }
  return (
    <>
      {back}
      <h1>Activiteit aanmelden namens een organisator ({data.year})</h1>
      <p>
        Meld een activiteit in {data.municipality.name} aan voor een organisator die dat zelf niet kan of wil. Vul bij
        &lsquo;Contactpersoon&rsquo; het e-mailadres van de organisator in: die krijgt een bevestiging en ziet de activiteit
        daarna bij &lsquo;Mijn activiteiten&rsquo; (inloggen met dat e-mailadres). Aanmelden kan tot{" "}
        {formatDateTime(data.closesAt)}.
      </p>
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
