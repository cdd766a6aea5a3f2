import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmbedAgenda } from "~/components/embed-agenda";
import { countInWords } from "~/models/activity-search";
import { listMunicipalityActivities } from "~/models/activity-search.server";
import { parseEmbedOptions } from "~/models/embed";
import { findMunicipalityBySlug } from "~/models/municipality.server";
import { publicEditionFromQuery } from "~/models/public-feeds.server";
import { EMBED_HANDLE } from "~/root";
import embedCss from "~/styles/embed.css";
import { now } from "~/utils/clock.server";
import { EMBED_HEADERS } from "~/utils/http-cache.server";
import { absoluteUrl } from "~/utils/public-url.server";

export const handle = EMBED_HANDLE;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = findMunicipalityBySlug(params.slug ?? "");
  if (!found) throw new Response("Deze gemeente kennen we niet.", { status: 404, headers: EMBED_HEADERS });
  const url = new URL(request.url);
  if (!found.canonical) throw redirect(`/embed/gemeente/${found.municipality.slug}${url.search}`, 301);
  const at = now();
  const edition = publicEditionFromQuery(url, at);
  if (!edition) throw new Response("Geen editie", { status: 404, headers: EMBED_HEADERS });
  const options = parseEmbedOptions(url.searchParams);
  // Upcoming first: what has been is of no use on a municipality's website.
  const all = listMunicipalityActivities(edition.id, found.municipality.code);
  const upcoming = all.filter((a) => a.endsAt >= at.getTime());
  const shown = upcoming.length > 0 ? upcoming : all;
  const name = found.municipality.commonName;
  return data(
    {
      heading: `Week tegen Eenzaamheid in ${name}`,
      intro:
        upcoming.length > 0
          ? `${countInWords(upcoming.length)} in ${name}. Kom erbij!`
          : `De activiteiten van ${edition.year} in ${name}.`,
      items: shown.slice(0, options.limit),
      total: shown.length,
      options,
      moreUrl: absoluteUrl(`/gemeente/${found.municipality.slug}`),
      moreLabel: `Alle activiteiten in ${name}`,
      siteUrl: absoluteUrl(""),
    },
    { headers: EMBED_HEADERS },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: embedCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.heading} – Kom erbij` : "Agenda – Kom erbij" },
  { name: "robots", content: "noindex" },
];

export default function EmbedMunicipality() {
  return <EmbedAgenda {...useLoaderData<typeof loader>()} />;
}
