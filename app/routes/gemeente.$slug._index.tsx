import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClientOnly } from "remix-utils/client-only";
import { ActivityList } from "~/components/activity-list";
import { mapLinks } from "~/components/map-styles";
import MunicipalityMap from "~/components/municipality-map.client";
import { countInWords } from "~/models/activity-search";
import { listMunicipalityActivities } from "~/models/activity-search.server";
import { listEditions } from "~/models/edition.server";
import {
  countPerDay,
  findMunicipalityBySlug,
  getMunicipalityContact,
  latestEditionWithActivities,
} from "~/models/municipality.server";
import { publicEditionFromQuery } from "~/models/public-feeds.server";
import { useRootData } from "~/root";
import { now } from "~/utils/clock.server";
import { pageCacheControl } from "~/utils/http-cache.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { formatDate, formatDateRange } from "~/utils/time";
import { bookletPath } from "~/models/booklet.server";
import { shareMetaTags } from "~/models/share";
import { municipalitySharePreview } from "~/models/share-preview.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = findMunicipalityBySlug(params.slug ?? "");
  if (!found) throw new Response("Deze gemeente kennen we niet.", { status: 404 });
  const url = new URL(request.url);
  if (!found.canonical) throw redirect(`/gemeente/${found.municipality.slug}${url.search}`, 301);
  const at = now();
  const edition = publicEditionFromQuery(url, at);
  if (!edition) throw new Response("Geen editie", { status: 404 });
  const { municipality } = found;
  const activities = listMunicipalityActivities(edition.id, municipality.code);
  // Without ?editie the feed follows the edition the public sees, so a subscription keeps working next year.
  const feed = `/gemeente/${municipality.slug}/agenda.ics${url.searchParams.has("editie") ? `?editie=${edition.year}` : ""}`;
  return data(
    {
      municipality,
      now: at.getTime(),
      edition: { year: edition.year, number: edition.number, weekStart: edition.weekStart, weekEnd: edition.weekEnd },
      editions: listEditions().map((e) => e.year),
      activities,
      perDay: countPerDay(edition, activities),
      contact: getMunicipalityContact(municipality.code),
      earlier: activities.length === 0 ? latestEditionWithActivities(municipality.code) : null,
      booklet: bookletPath(municipality.code, edition.year),
      share: municipalitySharePreview(
        { code: municipality.code, name: municipality.commonName },
        edition.year,
        activities.filter((a) => !a.cancelled).length,
        formatDateRange(edition.weekStart, edition.weekEnd),
        absoluteUrl(`/gemeente/${municipality.slug}?editie=${edition.year}`),
      ),
      feeds: {
        ics: feed,
        webcal: absoluteUrl(feed).replace(/^https?:/, "webcal:"),
        atom: `/gemeente/${municipality.slug}/nieuw.atom`,
      },
    },
    { headers: { "Cache-Control": pageCacheControl(request) } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const links: LinksFunction = () => mapLinks(true);

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `Week tegen Eenzaamheid in ${data.municipality.commonName} – Kom erbij` },
        {
          name: "description",
          content: `${countInWords(data.activities.filter((a) => !a.cancelled).length)} in ${data.municipality.commonName} tijdens de Week tegen Eenzaamheid ${data.edition.year}.`,
        },
        { tagName: "link", rel: "alternate", type: "application/atom+xml", href: data.feeds.atom, title: "Nieuwe activiteiten" },
        ...shareMetaTags(data.share),
      ]
    : [{ title: "Gemeente niet gevonden – Kom erbij" }];

export default function MunicipalityPage() {
  const d = useLoaderData<typeof loader>();
  const root = useRootData();
  const m = d.municipality;
  const live = d.activities.filter((a) => !a.cancelled);
  const points = d.activities.flatMap((a) =>
    a.point && !a.cancelled ? [{ id: a.id, title: a.title, startsAt: a.startsAt, point: a.point }] : [],
  );
  return (
    <>
      <p>
        <Link to="/gemeenten">Alle gemeenten</Link>
      </p>
      <h1>{m.commonName}</h1>
      <p className="lead">
        Week tegen Eenzaamheid {d.edition.year} in de gemeente {m.commonName} ({m.province}).
        {m.name !== m.commonName ? <span className="hint"> Officiële naam: {m.name}.</span> : null}
      </p>
      <p role="status">
        {live.length === 0
          ? `Er zijn nog geen activiteiten in ${m.commonName} voor ${d.edition.year}.`
          : `Er ${live.length === 1 ? "is" : "zijn"} ${countInWords(live.length)} in ${m.commonName}.`}{" "}
        Andere jaren:{" "}
        {d.editions
          .filter((y) => y !== d.edition.year)
          .map((y, i) => (
            <span key={y}>
              {i > 0 ? ", " : ""}
              <Link to={`?editie=${y}`}>{y}</Link>
            </span>
          ))}
        .
      </p>

      {d.earlier && d.earlier.year !== d.edition.year ? (
        <p className="alert">
          Organisatoren melden hun activiteiten meestal in de zomer aan.{" "}
          <Link to={`?editie=${d.earlier.year}`}>
            Bekijk de {countInWords(d.earlier.activities)} in {m.commonName} van {d.earlier.year}
          </Link>
          .
        </p>
      ) : null}

      {d.perDay.some((x) => x.activities > 0) ? (
        <div className="table-wrap">
          <table>
            <caption>Activiteiten per dag</caption>
            <thead>
              <tr>
                <th scope="col">Dag</th>
                <th scope="col">Activiteiten</th>
              </tr>
            </thead>
            <tbody>
              {d.perDay.map((x) => (
                <tr key={x.date}>
                  <td>{formatDate(x.date)}</td>
                  <td>{x.activities}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {d.activities.length > 0 ? (
        <section aria-labelledby="activiteiten" className="results">
          <h2 id="activiteiten">Activiteiten</h2>
          <div className="results-layout">
            <div className="results-list">
              <ActivityList activities={d.activities.map((a) => ({ ...a, distanceKm: null }))} start={1} now={d.now} />
            </div>
            {points.length > 0 ? (
              <div className="results-map-wrap no-print">
                <h3 className="visually-hidden">Kaart</h3>
                <ClientOnly fallback={<p className="hint map-fallback">De kaart verschijnt als JavaScript aan staat.</p>}>
                  {() =>
                    root ? (
                      <MunicipalityMap
                        name={m.commonName}
                        box={m.box}
                        points={points}
                        tileUrl={root.map.tileUrl}
                        attribution={root.map.attribution}
                      />
                    ) : null
                  }
                </ClientOnly>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="contact">
        <h2 id="contact">Contact in de gemeente</h2>
        {d.contact ? (
          <p>
            {d.contact.name}
            {d.contact.email ? (
              <>
                <br />
                <a href={`mailto:${d.contact.email}`}>{d.contact.email}</a>
              </>
            ) : null}
            {d.contact.phone ? (
              <>
                <br />
                <a href={`tel:${d.contact.phone.replace(/[^\d+]/g, "")}`}>{d.contact.phone}</a>
              </>
            ) : null}
            {d.contact.website ? (
              <>
                <br />
                <a href={d.contact.website} rel="noopener noreferrer">
                  Website over de Week tegen Eenzaamheid in {m.commonName}
                </a>
              </>
            ) : null}
          </p>
        ) : (
          <p>
            De gemeente heeft nog geen contactpersoon opgegeven. Vragen over een activiteit? Neem contact op met de organisator
            van die activiteit.
          </p>
        )}
      </section>

      <section aria-labelledby="volgen">
        <h2 id="volgen">Volgen en delen</h2>
        <ul>
          <li>
            <a href={d.feeds.webcal}>Abonneer op de agenda van {m.commonName}</a> in je agenda-app (of gebruik{" "}
            <a href={d.feeds.ics}>dit adres</a>). Nieuwe en gewijzigde activiteiten komen er vanzelf bij.
          </li>
          <li>
            <a href={d.feeds.atom}>Nieuwe activiteiten als nieuwsfeed (Atom)</a>
          </li>
          <li>
            <a href={d.booklet} download>
              Het boekje met alle activiteiten in {m.commonName} (PDF, om te printen)
            </a>
          </li>
          <li>
            <Link to={`/agenda-op-je-website?gemeente=${m.slug}`}>Zet deze agenda op je eigen website</Link>
          </li>
          <li>
            <Link to="/open-data">Open data</Link>: alle activiteiten als GeoJSON of CSV.
          </li>
          <li>
            <Link to={`/organisator/activiteiten/nieuw`}>Zelf een activiteit organiseren in {m.commonName}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
