import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, redirect, useLoaderData, useLocation } from "@remix-run/react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { ClientOnly } from "remix-utils/client-only";
import { useHydrated } from "remix-utils/use-hydrated";
import { ActivityList } from "~/components/activity-list";
import { Icon } from "~/components/icons";
import { mapLinks } from "~/components/map-styles";
import { SearchForm } from "~/components/search-form";
import { WeekMap } from "~/components/week-map";
import { ACTIVITY_TYPES, TARGET_GROUPS } from "~/models/activity";
import { activeFeatureFilters } from "~/components/search-form";
import {
  countInWords,
  PAGE_SIZE,
  parseSearchParams,
  searchFilters,
  searchQuery,
  WEEKDAYS,
  type SearchParams,
  type Weekday,
} from "~/models/activity-search";
import { countByMunicipality, searchNearby, searchOnline } from "~/models/activity-search.server";
import { getPublicEdition, listEditions, resolveEdition } from "~/models/edition.server";
import { municipalityPoints } from "~/models/gazetteer.server";
import { useRootData } from "~/root";
import { now } from "~/utils/clock.server";
import { publicPageHeaders } from "~/utils/http-cache.server";
import { geocodePlace, isGeocodeMiss, type GeocodeMiss } from "~/utils/geocode.server";
import { editionParam, orNotFound } from "~/utils/route-params.server";
import { addDays, formatDate, formatDateRange, utcToAmsterdam } from "~/utils/time";

// Leaflet loads only when the map is drawn (wide screens, or "Kaart" on a phone): the list needs none of it.
const ResultsMap = lazy(() => import("~/components/results-map.client"));

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = parseSearchParams(url.searchParams);
  // A plain form sends its empty fields too (dag=&soort=…); a shared link should not carry them.
  if ([...url.searchParams.values()].some((v) => v === "")) throw redirect(`/${searchQuery(params)}`);
  const at = now();
  const editions = listEditions();
  const current = orNotFound(getPublicEdition(at), "Geen editie");
  const edition = orNotFound(
    resolveEdition(editionParam(request.url), () => current),
    "Deze editie bestaat niet",
  );

  let location: { lat: number; lon: number; label: string; approximate: boolean } | null = null;
  let miss: ({ query: string } & GeocodeMiss) | null = null;
  if (params.plaats) {
    const found = await geocodePlace(params.plaats);
    if (isGeocodeMiss(found)) miss = { query: params.plaats, ...found };
    else location = found;
  } else if (params.lat !== undefined && params.lon !== undefined) {
    location = { lat: params.lat, lon: params.lon, label: "de gekozen plek", approximate: false };
  }

  const filters = searchFilters(params);
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

  const weekdayOf = (date: string) => (Object.keys(WEEKDAYS) as Weekday[])[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7];
  const days: { value: Weekday | "weekend"; label: string }[] = [];
  for (let date = edition.activityWindowStart; date <= edition.activityWindowEnd; date = addDays(date, 1)) {
    const value = weekdayOf(date);
    if (!days.some((d) => d.value === value)) days.push({ value, label: formatDate(date).replace(/ \d{4}$/, "") });
  }
  if (days.some((d) => d.value === "za") && days.some((d) => d.value === "zo"))
    days.push({ value: "weekend", label: "Zaterdag en zondag" });

  // During the Week itself, the home page offers "vandaag" and "dit weekend" as one-tap searches.
  const today = utcToAmsterdam(at).date;
  const inWeek = edition.year === current.year && today >= current.weekStart && today <= current.weekEnd;
  const shortcuts = inWeek ? { today: weekdayOf(today) } : null;
  const searching = Boolean(location || miss || online);
  const glance = searching
    ? null
    : {
        counts: countByMunicipality(edition),
        municipalities: municipalityPoints().map(({ code, name, lat, lon }) => ({ code, name, lat, lon })),
      };

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
    shortcuts,
    // "Vandaag" or a day filter without a place: say what is missing instead of showing nothing.
    needsPlace: Boolean(params.dag) && !params.plaats && params.lat === undefined && !params.online,
    glance,
    location,
    miss,
    nearby,
    online,
  };
}

// Anonymous readers share this page through a CDN; logged-in visitors get it private (entry.server.tsx).
export const headers = publicPageHeaders;

export const links: LinksFunction = () => mapLinks(true);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.location
      ? `Activiteiten bij ${data.location.label} – Kom erbij`
      : "Kom erbij – Vind een activiteit bij jou in de buurt",
  },
  {
    name: "description",
    content: data?.location
      ? `Activiteiten van de Week tegen Eenzaamheid bij ${data.location.label}: ontmoeten, samen eten, wandelen en meer. Iedereen is welkom.`
      : "Vind een activiteit bij jou in de buurt tijdens de Week tegen Eenzaamheid. Zoek op plaats of postcode. Iedereen is welkom.",
  },
];

/** Says what we tried: a postcode needs the address service, a place name is looked up in our own list too. */
function missMessage(miss: { query: string } & GeocodeMiss) {
  if (miss.postcode)
    return miss.unavailable
      ? `We kunnen postcode "${miss.query}" nu niet opzoeken: de adresservice werkt even niet. Typ de naam van je plaats, zoals Utrecht of Bolsward.`
      : `We vonden postcode "${miss.query}" niet. Controleer de cijfers, of typ de naam van je plaats.`;
  return miss.unavailable
    ? `We vonden "${miss.query}" niet in onze lijst met plaatsen en gemeenten (de adresservice werkt even niet). Controleer de spelling.`
    : `We kennen "${miss.query}" niet als plaats, gemeente of postcode. Controleer de spelling, of probeer een postcode zoals 3511 AB.`;
}

/** "Binnen 10 km van Zwolle · alle dagen": the search in one line, for the folded form. */
function summaryOf(params: SearchParams, label: string | null, days: { value: string; label: string }[]) {
  const parts = [
    label ? `Binnen ${params.straal} km van ${label}` : "Online",
    params.dag ? (days.find((d) => d.value === params.dag)?.label ?? "").toLowerCase() : "alle dagen",
    params.soort ? ACTIVITY_TYPES[params.soort].toLowerCase() : null,
    params.voor ? `voor ${TARGET_GROUPS[params.voor].toLowerCase()}` : null,
    params.gratis ? "gratis" : null,
    ...activeFeatureFilters(params).map((f) => f.toLowerCase()),
  ];
  return parts.filter(Boolean).join(" · ");
}

/** True on screens wide enough for the list and the map side by side (the CSS breakpoint). */
const WIDE = "(min-width: 60rem)";
function useWideScreen() {
  // Read at once in the browser, so a phone never starts loading the map it does not show (the value is only
  // used after hydration, so server and first client render still agree).
  const [wide, setWide] = useState(() => typeof window === "undefined" || window.matchMedia(WIDE).matches);
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return wide;
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
  const hydrated = useHydrated();
  const wide = useWideScreen();
  const [view, setView] = useState<"lijst" | "kaart">("lijst");
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const { params, edition, location: place, nearby, online, miss } = data;
  const base = { ...params, editie: edition.year === data.currentYear ? undefined : edition.year };
  const start = (params.pagina - 1) * PAGE_SIZE;
  const otherEditions = data.editions.filter((e) => e.year !== edition.year);
  const searching = Boolean(place || online || miss);
  const hasResults = Boolean((nearby && nearby.total > 0) || (online && online.total > 0));
  // Links to an activity carry the search, so "Terug naar zoeken" there returns to these results.
  const back = searchQuery(base);
  const backSuffix = back ? `?terug=${encodeURIComponent(back)}` : "";

  // After a search, land on the result count: screen readers hear it, and on a phone the first result is in view.
  useEffect(() => {
    if (!resultsHeading.current) return;
    setView("lijst");
    resultsHeading.current?.focus();
  }, [location.search]);

  const editionSwitch = (
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
  );

  const form = (
    <SearchForm
      key={location.search}
      params={params}
      editionYear={edition.year}
      editions={data.editions}
      days={data.days}
      placeError={
        miss
          ? missMessage(miss)
          : data.needsPlace
            ? "Vul je postcode of plaats in, dan zoeken we activiteiten bij jou in de buurt."
            : null
      }
      shortcuts={data.shortcuts}
    />
  );

  return (
    <>
      {searching ? (
        <section className={hasResults ? "search-panel folded" : "search-panel"} aria-labelledby="zoeken-titel">
          <h1 id="zoeken-titel">Activiteiten zoeken</h1>
          {hasResults ? (
            <p className="search-summary">
              {summaryOf(params, place?.label ?? null, data.days)} —{" "}
              <a href="#zoeken">
                wijzig<span className="visually-hidden"> je zoekopdracht</span>
              </a>
            </p>
          ) : null}
          <div id="zoeken" className="search-panel-form">
            {form}
          </div>
        </section>
      ) : (
        <section className="hero search-hero" aria-labelledby="welkom">
          <h1 id="welkom">Kom erbij!</h1>
          <p>
            In de Week tegen Eenzaamheid zijn er in heel Nederland activiteiten waar je andere mensen kunt ontmoeten. Iedereen is
            welkom. De {edition.number}e week is van <strong>{formatDateRange(edition.weekStart, edition.weekEnd)}</strong>.
          </p>
          {form}
        </section>
      )}

      {miss && miss.suggestions.length > 0 ? (
        <div className="alert" role="status">
          {miss.suggestions.length === 1 ? (
            <p>
              Bedoel je{" "}
              <Link to={`/${searchQuery({ ...base, plaats: miss.suggestions[0], pagina: undefined })}`}>
                {miss.suggestions[0]}
              </Link>
              ?
            </p>
          ) : (
            <>
              <p>Bedoel je een van deze plaatsen?</p>
              <ul>
                {miss.suggestions.map((s) => (
                  <li key={s}>
                    <Link to={`/${searchQuery({ ...base, plaats: s, pagina: undefined })}`}>{s}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}

      {place && nearby ? (
        <section aria-labelledby="resultaten" className="results">
          <h2 id="resultaten" tabIndex={-1} ref={resultsHeading}>
            Activiteiten bij {place.label}
            <span className="heading-count">: {nearby.total} gevonden</span>
          </h2>
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
            <>
              {hydrated && !wide ? (
                <div className="view-switch no-print" role="group" aria-label="Toon de resultaten als">
                  <button type="button" aria-pressed={view === "lijst"} onClick={() => setView("lijst")}>
                    <Icon name="list" /> Lijst
                  </button>
                  <button type="button" aria-pressed={view === "kaart"} onClick={() => setView("kaart")}>
                    <Icon name="map" /> Kaart
                  </button>
                </div>
              ) : null}
              <div className="results-layout" data-view={hydrated && !wide ? view : undefined}>
                <div className="results-list">
                  <ActivityList activities={nearby.items} start={start + 1} now={data.now} linkSuffix={backSuffix} />
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
                      root && (wide || view === "kaart") ? (
                        <Suspense fallback={<p className="hint map-loading">De kaart wordt geladen…</p>}>
                          <ResultsMap
                            params={params}
                            editionYear={edition.year}
                            centre={place}
                            tileUrl={root.map.tileUrl}
                            attribution={root.map.attribution}
                            linkSuffix={backSuffix}
                          />
                        </Suspense>
                      ) : null
                    }
                  </ClientOnly>
                </div>
              </div>
            </>
          ) : null}
        </section>
      ) : null}

      {online ? (
        <section aria-labelledby="online" className="results">
          <h2 id="online" tabIndex={-1} ref={place ? undefined : resultsHeading}>
            Online activiteiten
          </h2>
          <p role="status">
            {online.total === 0
              ? "We vonden geen online activiteiten."
              : `We vonden ${countInWords(online.total, "online activiteit", "online activiteiten")}.`}
          </p>
          <ActivityList activities={online.items} start={place ? 1 : start + 1} now={data.now} linkSuffix={backSuffix} />
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

      {editionSwitch}

      {data.glance ? (
        data.glance.counts.length > 0 ? (
          <section aria-labelledby="in-een-oogopslag" className="glance">
            <h2 id="in-een-oogopslag">De Week in één oogopslag</h2>
            <p>
              {countInWords(data.glance.counts.reduce((n, m) => n + m.count, 0))} in{" "}
              {data.glance.counts.length === 1 ? "één gemeente" : `${data.glance.counts.length} gemeenten`}. Hoe groter de stip,
              hoe meer er te doen is.
            </p>
            <div className="glance-layout">
              <WeekMap municipalities={data.glance.municipalities} counts={data.glance.counts} editionYear={base.editie} />
              <div>
                <h3>Gemeenten met de meeste activiteiten</h3>
                <ol className="glance-list">
                  {data.glance.counts.slice(0, 10).map((m) => (
                    <li key={m.code}>
                      <Link to={`/${searchQuery({ plaats: m.name, editie: base.editie })}`}>{m.name}</Link>:{" "}
                      {countInWords(m.count)}
                    </li>
                  ))}
                </ol>
              </div>
            </div>
          </section>
        ) : (
          <section aria-labelledby="zo-doe-je-mee" className="glance">
            <h2 id="zo-doe-je-mee">Zo doe je mee</h2>
            <p>
              Er staan nog geen activiteiten voor {edition.year} op de site. Organisatoren melden ze nu aan; kijk vanaf de zomer
              weer, of zoek in het archief van vorig jaar.
            </p>
            <ol className="steps">
              <li>
                <strong>Kom erbij.</strong> Zoek een activiteit bij jou in de buurt en ga erheen. Je hoeft niemand te kennen.
              </li>
              <li>
                <strong>Organiseer iets.</strong> Een koffieochtend, een wandeling of samen eten: meld het aan en bestel gratis
                het Kom Erbij-pakket.
              </li>
              <li>
                <strong>Neem iemand mee.</strong> Vraag een buurman, collega of familielid mee.
              </li>
            </ol>
          </section>
        )
      ) : null}

      {!searching ? (
        <ul className="cards">
          <li className="card">
            <h2>
              <Icon name="megaphone" /> Zelf iets organiseren
            </h2>
            <p>Meld je activiteit aan en bestel gratis het Kom Erbij-pakket.</p>
            <p>
              <Link to="/organisator">Naar de pagina voor organisatoren</Link>
            </p>
          </li>
        </ul>
      ) : null}
    </>
  );
}
