import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEditionByYear } from "~/models/edition.server";
import { openDataGeoJson } from "~/models/open-data.server";
import { conditionalResponse } from "~/utils/http-cache.server";

/** Open data: the public activities of an edition as GeoJSON (stable URL per edition, CORS open). */
export function loader({ request, params }: LoaderFunctionArgs) {
  const edition = /^\d{4}$/.test(params.year ?? "") ? getEditionByYear(Number(params.year)) : null;
  if (!edition) throw new Response("Deze editie bestaat niet.", { status: 404 });
  const { body, lastModified } = openDataGeoJson(edition);
  return conditionalResponse(request, body, {
    contentType: "application/geo+json; charset=utf-8",
    lastModified,
    cors: true,
    filename: `week-tegen-eenzaamheid-${edition.year}-activiteiten.geojson`,
  });
}
