import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPublicEdition } from "~/models/edition.server";
import { now } from "~/utils/clock.server";
import { formatDateRange } from "~/utils/time";

export async function loader(_: LoaderFunctionArgs) {
  const edition = getPublicEdition(now());
  return { edition: edition && { year: edition.year, number: edition.number, weekStart: edition.weekStart, weekEnd: edition.weekEnd } };
}

export default function Home() {
  const { edition } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="welkom">
        <h1 id="welkom">Kom erbij!</h1>
        <p>
          Tijdens de Week tegen Eenzaamheid zijn er in heel Nederland activiteiten waar je andere mensen
          kunt ontmoeten. Iedereen is welkom.
        </p>
        {edition ? (
          <p>
            De {edition.number}e Week tegen Eenzaamheid is van <strong>{formatDateRange(edition.weekStart, edition.weekEnd)}</strong>.
          </p>
        ) : null}
      </section>
      <ul className="cards">
        <li className="card">
          <h2>Iets zoeken bij jou in de buurt</h2>
          <p>Zoek op postcode of plaats en vind een activiteit die bij je past.</p>
          <p><Link to="/activiteiten">Activiteiten bekijken</Link></p>
        </li>
        <li className="card">
          <h2>Zelf iets organiseren</h2>
          <p>Meld je activiteit aan en bestel gratis het Kom Erbij-pakket.</p>
          <p><Link to="/organisator">Naar de pagina voor organisatoren</Link></p>
        </li>
        <li className="card">
          <h2>Programmateam</h2>
          <p>Edities, controle van activiteiten, pakketten en cijfers.</p>
          <p><Link to="/beheer">Naar het beheer</Link></p>
        </li>
      </ul>
    </>
  );
}
