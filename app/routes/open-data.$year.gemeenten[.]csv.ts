import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEditionByYear } from "~/models/edition.server";
import { municipalitiesCsv } from "~/models/figures.server";
import { now } from "~/utils/clock.server";
import { conditionalResponse } from "~/utils/http-cache.server";

/** Open data: figures per municipality for an edition (public programme results: counts only). */
export function loader({ request, params }: LoaderFunctionArgs) {
  const edition = /^\d{4}$/.test(params.year ?? "") ? getEditionByYear(Number(params.year)) : null;
  if (!edition) throw new Response("Deze editie bestaat niet.", { status: 404 });
  return conditionalResponse(request, municipalitiesCsv(edition.id, now()), {
    contentType: "text/csv; charset=utf-8",
    lastModified: null,
    maxAge: 3600,
    cors: true,
    filename: `week-tegen-eenzaamheid-${edition.year}-cijfers-per-gemeente.csv`,
  });
}
