import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseSearchParams } from "~/models/activity-search";
import { publicEditionFromQuery, runPublicSearch, searchCalendar } from "~/models/public-feeds.server";
import { now } from "~/utils/clock.server";
import { conditionalResponse } from "~/utils/http-cache.server";

const FEED_LIMIT = 500;

/** Any search of the search page (same URL parameters) as a subscribable iCalendar feed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const edition = publicEditionFromQuery(url, now());
  if (!edition) throw new Response("Niet gevonden", { status: 404 });
  const result = await runPublicSearch(parseSearchParams(url.searchParams), edition, FEED_LIMIT);
  if (result.notFound) throw new Response(`We kennen de plaats "${result.notFound}" niet.`, { status: 404 });
  const { body, lastModified } = searchCalendar(result);
  return conditionalResponse(request, body, {
    contentType: "text/calendar; charset=utf-8",
    lastModified,
    cors: true,
    filename: "week-tegen-eenzaamheid.ics",
  });
}
