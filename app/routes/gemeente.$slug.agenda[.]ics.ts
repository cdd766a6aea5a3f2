import type { LoaderFunctionArgs } from "@remix-run/node";
import { findMunicipalityBySlug } from "~/models/municipality.server";
import { municipalityCalendar, publicEditionFromQuery } from "~/models/public-feeds.server";
import { now } from "~/utils/clock.server";
import { conditionalResponse } from "~/utils/http-cache.server";

/** The municipality's agenda as a subscribable iCalendar feed (webcal://). */
export function loader({ request, params }: LoaderFunctionArgs) {
  const found = findMunicipalityBySlug(params.slug ?? "");
  const edition = publicEditionFromQuery(new URL(request.url), now());
  if (!found || !edition) throw new Response("Niet gevonden", { status: 404 });
  const { body, lastModified } = municipalityCalendar(found.municipality, edition);
  return conditionalResponse(request, body, {
    contentType: "text/calendar; charset=utf-8",
    lastModified,
    cors: true,
    filename: `week-tegen-eenzaamheid-${found.municipality.slug}.ics`,
  });
}
