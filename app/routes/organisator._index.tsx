import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOrderingEdition, getRegistrationEdition } from "~/models/edition.server";
import { now } from "~/utils/clock.server";
import { formatDateRange, formatLastDay } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Voor organisatoren – Kom erbij" }];

export async function loader(_: LoaderFunctionArgs) {
  const at = now();
  const registration = getRegistrationEdition(at);
  const ordering = getOrderingEdition(at);
  return {
    registration: registration && {
      year: registration.year,
      weekStart: registration.weekStart,
      weekEnd: registration.weekEnd,
      closesAt: registration.registrationClosesAt.toISOString(),
    },
    ordering: ordering && { closesAt: ordering.orderingClosesAt.toISOString() },
  };
}

export default function OrganiserLanding() {
  const { registration, ordering } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Zelf een activiteit organiseren</h1>
      <p>
        Organiseer je iets tijdens de Week tegen Eenzaamheid? Zet je activiteit hier op de kaart, zodat mensen bij jou in de buurt
        hem kunnen vinden. En bestel gratis het Kom Erbij-pakket met posters, placemats, gesprekskaartjes en meer.
      </p>
      {registration ? (
        <div className="alert success">
          <p>
            Aanmelden voor de Week tegen Eenzaamheid {registration.year} (
            {formatDateRange(registration.weekStart, registration.weekEnd)}) kan nu.
          </p>
          {ordering ? <p>Het Kom Erbij-pakket bestellen kan tot en met {formatLastDay(ordering.closesAt)}.</p> : null}
        </div>
      ) : (
        <div className="alert">
          <p>Aanmelden is op dit moment gesloten.</p>
        </div>
      )}
      <h2>Zo werkt het</h2>
      <ol>
        <li>Log in met je e-mailadres. Je krijgt een code per e-mail; een wachtwoord is niet nodig.</li>
        <li>Vul in wat je organiseert, voor wie, wanneer en waar.</li>
        <li>Het programmateam kijkt je activiteit na. Daarna staat hij op de kaart.</li>
        <li>Bestel het gratis Kom Erbij-pakket voor je activiteit.</li>
        <li>Geef na afloop door hoeveel mensen er waren.</li>
      </ol>
      <p>
        <Link className="button" to="/organisator/activiteiten">
          Naar mijn activiteiten
        </Link>
      </p>
    </>
  );
}
