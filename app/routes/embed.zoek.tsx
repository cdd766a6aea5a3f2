import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmbedAgenda } from "~/components/embed-agenda";
import { countInWords, parseSearchParams, searchQuery } from "~/models/activity-search";
import { parseEmbedOptions } from "~/models/embed";
import { publicEditionFromQuery, runPublicSearch } from "~/models/public-feeds.server";
import { EMBED_HANDLE } from "~/root";
import embedCss from "~/styles/embed.css";
import { now } from "~/utils/clock.server";
import { EMBED_HEADERS } from "~/utils/http-cache.server";
import { absoluteUrl } from "~/utils/public-url.server";

export const handle = EMBED_HANDLE;

/** Any search of the search page (same URL parameters: plaats, straal, dag, soort, voor, gratis, the feature filters such as alleen and ophalen, taal, online). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const edition = publicEditionFromQuery(url, now());
  if (!edition) throw new Response("Geen editie", { status: 404, headers: EMBED_HEADERS });
  const options = parseEmbedOptions(url.searchParams);
  const params = parseSearchParams(url.searchParams);
  const result = await runPublicSearch(params, edition, options.limit);
  const where = result.place ? ` bij ${result.place.label}` : "";
  return data(
    {
      heading: `Week tegen Eenzaamheid${where}`,
      intro: result.notFound
        ? `We kennen de plaats "${result.notFound}" niet.`
        : `${countInWords(result.total)}${where}${result.place ? ` (binnen ${params.straal} km)` : ""}. Kom erbij!`,
      items: result.items,
      total: result.total,
      options,
      moreUrl: absoluteUrl(`/${searchQuery({ ...params, pagina: undefined })}`),
      moreLabel: "Alle activiteiten",
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

export default function EmbedSearch() {
  return <EmbedAgenda {...useLoaderData<typeof loader>()} />;
}
