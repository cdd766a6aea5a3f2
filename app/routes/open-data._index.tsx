import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listEditions } from "~/models/edition.server";
import { OPEN_DATA_FIELDS, OPEN_DATA_FIGURE_FIELDS, OPEN_DATA_LICENCE } from "~/models/open-data";
import { pageCacheControl } from "~/utils/http-cache.server";
import { absoluteUrl } from "~/utils/public-url.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return data(
    { years: listEditions().map((e) => e.year), base: absoluteUrl("/open-data") },
    { headers: { "Cache-Control": pageCacheControl(request, 3600) } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = () => [
  { title: "Open data – Kom erbij" },
  { name: "description", content: "De activiteiten en cijfers van de Week tegen Eenzaamheid als open data: GeoJSON en CSV." },
];

export default function OpenData() {
  const { years, base } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Open data</h1>
      <p>
        De activiteiten van de Week tegen Eenzaamheid zijn open data. Iedereen mag ze gebruiken, bijvoorbeeld voor een kaart op
        een eigen website, een app of onderzoek. De bestanden zijn elke dag actueel en hebben een vast adres per jaar.
      </p>

      <h2>Licentie</h2>
      <p>
        De bestanden vallen onder <a href={OPEN_DATA_LICENCE.url}>{OPEN_DATA_LICENCE.name}</a>: je mag alles doen zonder
        toestemming te vragen. Een bronvermelding stellen we op prijs: &ldquo;{OPEN_DATA_LICENCE.attribution}&rdquo;
      </p>
      <p>
        <strong>Welke gegevens wel en niet?</strong> Alleen wat op de pagina van een activiteit openbaar staat: wat, wanneer, waar
        (de plek van de activiteit), toegankelijkheid, kosten en de naam van de organisatie. Alleen gepubliceerde en geannuleerde
        activiteiten. Er staan <strong>geen</strong> namen, e-mailadressen of telefoonnummers van contactpersonen in, ook niet de
        openbare, en geen bezorgadressen van pakketten.
      </p>

      <h2>Bestanden per jaar</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Downloads per editie</caption>
          <thead>
            <tr>
              <th scope="col">Jaar</th>
              <th scope="col">Activiteiten (kaart)</th>
              <th scope="col">Activiteiten (tabel)</th>
              <th scope="col">Cijfers per gemeente</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y}>
                <td>{y}</td>
                <td>
                  <a href={`/open-data/${y}/activiteiten.geojson`}>
                    GeoJSON<span className="visually-hidden"> {y}</span>
                  </a>
                </td>
                <td>
                  <a href={`/open-data/${y}/activiteiten.csv`}>
                    CSV<span className="visually-hidden"> activiteiten {y}</span>
                  </a>
                </td>
                <td>
                  <a href={`/open-data/${y}/gemeenten.csv`}>
                    CSV<span className="visually-hidden"> cijfers per gemeente {y}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Vaste adressen: <code>{base}/&lt;jaar&gt;/activiteiten.geojson</code>, <code>{base}/&lt;jaar&gt;/activiteiten.csv</code>{" "}
        en <code>{base}/&lt;jaar&gt;/gemeenten.csv</code>. Je mag ze vanuit elke website ophalen (CORS staat open). Ze hebben een{" "}
        <code>ETag</code> en <code>Last-Modified</code>: vraag gerust vaak, je krijgt <code>304</code> als er niets veranderd is.
      </p>

      <h2>Velden van de activiteiten</h2>
      <p>
        GeoJSON (RFC 7946): een <code>FeatureCollection</code> met per activiteit een <code>Feature</code>; de geometrie is een{" "}
        <code>Point</code> in WGS84 (lengtegraad, breedtegraad), of <code>null</code> bij online activiteiten. De velden hieronder
        staan in <code>properties</code>. De CSV heeft dezelfde velden als kolommen (UTF-8, komma, eerste regel de veldnamen).
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Velden van de activiteiten</caption>
          <thead>
            <tr>
              <th scope="col">Veld</th>
              <th scope="col">Soort</th>
              <th scope="col">Betekenis</th>
            </tr>
          </thead>
          <tbody>
            {OPEN_DATA_FIELDS.map(([name, kind, meaning]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td>{kind}</td>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Velden van de cijfers per gemeente</h2>
      <p>Eén regel per gemeente (alle 342, ook zonder activiteiten). Alleen aantallen, geen gegevens over personen.</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Velden van de cijfers per gemeente</caption>
          <thead>
            <tr>
              <th scope="col">Kolom</th>
              <th scope="col">Betekenis</th>
            </tr>
          </thead>
          <tbody>
            {OPEN_DATA_FIGURE_FIELDS.map(([name, meaning]) => (
              <tr key={name}>
                <td>{name}</td>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
