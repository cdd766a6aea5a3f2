import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { ClientOnly } from "remix-utils/client-only";
import { ActivityList } from "~/components/activity-list";
import { mapLinks } from "~/components/map-styles";
import ResultsMap from "~/components/results-map.client";
import { SearchForm } from "~/components/search-form";
import { countInWords, PAGE_SIZE, parseSearchParams, searchQuery, WEEKDAYS, type Weekday } from "~/models/activity-search";
import { searchNearby, searchOnline } from "~/models/activity-search.server";
import { getPublicEdition, listEditions, resolveEdition } from "~/models/edition.server";
import { useRootData } from "~/root";
import { now } from "~/utils/clock.server";
import { editionParam, orNotFound } from "~/utils/route-params.server";
import { geocodePlace, isGeocodeMiss } from "~/utils/geocode.server";
import { addDays, formatDateRange, formatDate } from "~/utils/time";

export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseSearchParams(new URL(request.url).searchParams);
  const at = now();
  const editions = listEditions();
  const current = orNotFound(getPublicEdition(at), "Geen editie");
  const edition = orNotFound(
    resolveEdition(editionParam(request.url), () => current),
    "Deze editie bestaat niet",
  );

  let location: { lat: number; lon: number; label: string; approximate: boolean } | null = null;
  let miss: { query: string; suggestions: string[]; unavailable: boolean } | null = null;
  if (params.plaats) {
    const found = await geocodePlace(params.plaats);
    if (isGeocodeMiss(found)) miss = { query: params.plaats, ...found };
    else location = found;
  } else if (params.lat !== undefined && params.lon !== undefined) {
    location = { lat: params.lat, lon: params.lon, label: "de gekozen plek", approximate: false };
  }

  const filters = { dag: params.dag, soort: params.soort, voor: params.voor, gratis: params.gratis, rolstoel: params.rolstoel };
  const nearby = location
    ? searchNearby({
        edition,
        lat: location.lat,
        lon: location.lon,
        radiusKm: params.straal,
        filters,
        page: params.pagina,
        pageSize: PAGE_SIZE,
      })
    : null;
  // Without a place, the online list is the answer and gets the pages; next to a place it shows its first page.
  const online = params.online
    ? searchOnline({ edition, filters, page: location ? 1 : params.pagina, pageSize: PAGE_SIZE })
    : null;

  const days: { value: Weekday; label: string }[] = [];
  for (let date = edition.activityWindowStart; date <= edition.activityWindowEnd; date = addDays(date, 1)) {
    const value = (Object.keys(WEEKDAYS) as Weekday[])[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7];
    if (!days.some((d) => d.value === value)) days.push({ value, label: formatDate(date).replace(/ \d{4}$/, "") });
  }

  return {
    params,
    now: at.getTime(),
    edition: { year: edition.year, number: edition.number, weekStart: edition.weekStart, weekEnd: edition.weekEnd },
    isArchive: edition.year < current.year,
    currentYear: current.year,
    editions: editions.map((e) => ({
      year: e.year,
      label:
        e.year === current.year ? `${e.year} (nu te zien)` : e.year < current.year ? `${e.year} (archief)` : `${e.year} (later)`,
    })),
    days,
    location,
    miss,
    nearby,
    online,
  };
}

export const links: LinksFunction = () => mapLinks(true);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.location
      ? `Activiteiten bij ${data.location.label} – Kom erbij`
      : "Kom erbij – Vind een activiteit bij jou in de buurt",
  },
];

function missMessage(miss: { query: string; unavailable: boolean }) {
  return miss.unavailable
    ? `We kunnen "${miss.query}" nu niet opzoeken. Zoeken op postcode lukt even niet: probeer de naam van je plaats of gemeente.`
    : `We kennen "${miss.query}" niet. Controleer de spelling, of probeer een postcode (zoals 3511 AB) of de naam van je gemeente.`;
}

function Pagination({ total, page, base }: { total: number; page: number; base: Record<string, unknown> }) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Meer resultaten">
      {page > 1 ? (
        <Link to={`/${searchQuery(base, { pagina: page - 1 })}`} rel="prev">
          Vorige {PAGE_SIZE}
        </Link>
      ) : null}
      <span>
        Pagina {page} van {pages}
      </span>
      {page < pages ? (
        <Link to={`/${searchQuery(base, { pagina: page + 1 })}`} rel="next">
          Volgende {Math.min(PAGE_SIZE, total - page * PAGE_SIZE)}
        </Link>
      ) : null}
    </nav>
  );
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const root = useRootData();
  const location = useLocation();
  const { params, edition, location: place, nearby, online, miss } = data;
  const base = { ...params, editie: edition.year === data.currentYear ? undefined : edition.year };
  const start = (params.pagina - 1) * PAGE_SIZE;
  const otherEditions = data.editions.filter((e) => e.year !== edition.year);

  return (
    <>
      <section className="hero search-hero" aria-labelledby="welkom">
        <h1 id="welkom">Kom erbij!</h1>
        <p>
          In de Week tegen Eenzaamheid zijn er in heel Nederland activiteiten waar je andere mensen kunt ontmoeten. Iedereen is
          welkom. De {edition.number}e week is van <strong>{formatDateRange(edition.weekStart, edition.weekEnd)}</strong>.
        </p>
        <SearchForm
          key={location.search}
          params={params}
          editionYear={edition.year}
          editions={data.editions}
          days={data.days}
          placeError={miss ? missMessage(miss) : null}
        />
      </section>

      <p className="edition-switch">
        {data.isArchive ? (
          <>
            Je bekijkt het <strong>archief van {edition.year}</strong>: deze activiteiten zijn al geweest.{" "}
            <Link to={`/${searchQuery({ ...params, editie: undefined, pagina: undefined })}`}>
              Naar de activiteiten van {data.currentYear}
            </Link>
          </>
        ) : (
          <>Je bekijkt de activiteiten van {edition.year}.</>
        )}{" "}
        Andere edities:{" "}
        {otherEditions.map((e, i) => (
          <span key={e.year}>
            {i > 0 ? ", " : ""}
            <Link
              to={`/${searchQuery({ ...params, pagina: undefined, editie: e.year === data.currentYear ? undefined : e.year })}`}
            >
              {e.year}
            </Link>
          </span>
        ))}
        .
      </p>

      {miss && miss.suggestions.length > 0 ? (
        <div className="alert" role="status">
          <p>Bedoel je een van deze plaatsen?</p>
          <ul>
            {miss.suggestions.map((s) => (
              <li key={s}>
                <Link to={`/${searchQuery({ ...base, plaats: s, pagina: undefined })}`}>{s}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {place && nearby ? (
        <section aria-labelledby="resultaten" className="results">
          <h2 id="resultaten">Activiteiten bij {place.label}</h2>
          {place.approximate ? (
            <p className="alert">
              We konden de precieze plek niet opzoeken. We zoeken vanaf het midden van {place.label}; de afstanden zijn daarom bij
              benadering.
            </p>
          ) : null}
          <p className="result-count" role="status" data-total={nearby.total}>
            {nearby.total === 0
              ? `We vonden geen activiteiten binnen ${params.straal} km. Kies een grotere afstand of minder filters.`
              : `We vonden ${countInWords(nearby.total)} binnen ${params.straal} km, de dichtstbijzijnde eerst.`}
            {nearby.total > PAGE_SIZE ? ` Je ziet nummer ${start + 1} tot ${Math.min(start + PAGE_SIZE, nearby.total)}.` : ""}
          </p>
          {nearby.total > 0 ? (
            <div className="results-layout">
              <div className="results-list">
                <ActivityList activities={nearby.items} start={start + 1} now={data.now} />
                <Pagination total={nearby.total} page={params.pagina} base={base} />
              </div>
              <div className="results-map-wrap no-print">
                <h3 className="visually-hidden">Kaart</h3>
                <ClientOnly
                  fallback={
                    <p className="hint map-fallback">
                      De kaart verschijnt als JavaScript aan staat. Alle activiteiten staan ook in de lijst.
                    </p>
                  }
                >
                  {() =>
                    root ? (
                      <ResultsMap
                        params={params}
                        editionYear={edition.year}
                        centre={place}
                        tileUrl={root.map.tileUrl}
                        attribution={root.map.attribution}
                      />
                    ) : null
                  }
                </ClientOnly>
              </div>
            </div>
          ) : null}
        </section>
      ) : null}

      {online ? (
        <section aria-labelledby="online" className="results">
          <h2 id="online">Online activiteiten</h2>
          <p role="status">
            {online.total === 0
              ? "We vonden geen online activiteiten."
              : `We vonden ${countInWords(online.total, "online activiteit", "online activiteiten")}.`}
          </p>
          <ActivityList activities={online.items} start={place ? 1 : start + 1} now={data.now} />
          {place ? (
            online.total > online.items.length ? (
              <p>
                <Link
                  to={`/${searchQuery({ ...base, plaats: undefined, lat: undefined, lon: undefined, pagina: undefined, online: true })}`}
                >
                  Alle {online.total} online activiteiten bekijken
                </Link>
              </p>
            ) : null
          ) : (
            <Pagination total={online.total} page={params.pagina} base={base} />
          )}
        </section>
      ) : null}

      {!place && !online ? (
        <ul className="cards">
          <li className="card">
            <h2>Zelf iets organiseren</h2>
            <p>Meld je activiteit aan en bestel gratis het Kom Erbij-pakket.</p>
            <p>
              <Link to="/organisator">Naar de pagina voor organisatoren</Link>
            </p>
          </li>
          <li className="card">
            <h2>Programmateam</h2>
            <p>Edities, controle van activiteiten, pakketten en cijfers.</p>
            <p>
              <Link to="/beheer">Naar het beheer</Link>
            </p>
          </li>
        </ul>
      ) : null}
    </>
  );
}
