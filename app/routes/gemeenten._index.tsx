import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatNumber } from "~/utils/format";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { municipalityIndex } from "~/models/municipality.server";
import { publicEditionFromQuery } from "~/models/public-feeds.server";
import { now } from "~/utils/clock.server";
import { pageCacheControl } from "~/utils/http-cache.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const edition = publicEditionFromQuery(new URL(request.url), now());
  if (!edition) throw new Response("Geen editie", { status: 404 });
  return data(
    { year: edition.year, provinces: municipalityIndex(edition.id) },
    { headers: { "Cache-Control": pageCacheControl(request) } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = () => [
  { title: "Alle gemeenten – Kom erbij" },
  { name: "description", content: "De activiteiten van de Week tegen Eenzaamheid per gemeente, voor alle 342 gemeenten." },
];

export default function MunicipalityIndex() {
  const { year, provinces } = useLoaderData<typeof loader>();
  const total = provinces.reduce((n, p) => n + p.municipalities.length, 0);
  return (
    <>
      <h1>Activiteiten per gemeente</h1>
      <p>
        Alle {total} gemeenten van Nederland, per provincie. Het getal is het aantal activiteiten in de Week tegen Eenzaamheid{" "}
        {year}.
      </p>
      <nav aria-label="Provincies">
        <ul className="inline-list">
          {provinces.map((p) => (
            <li key={p.province}>
              <a href={`#${p.province.toLowerCase().replace(/[^a-z]+/g, "-")}`}>{p.province}</a>
            </li>
          ))}
        </ul>
      </nav>
      {provinces.map((p) => (
        <section key={p.province} aria-labelledby={p.province.toLowerCase().replace(/[^a-z]+/g, "-")}>
          <h2 id={p.province.toLowerCase().replace(/[^a-z]+/g, "-")}>{p.province}</h2>
          <ul className="municipality-index">
            {p.municipalities.map((m) => (
              <li key={m.code}>
                <Link to={`/gemeente/${m.slug}`}>{m.name}</Link>{" "}
                <span className="hint">
                  ({m.activities === 1 ? "1 activiteit" : `${formatNumber(m.activities)} activiteiten`})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
