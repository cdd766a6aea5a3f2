import type { LoaderFunctionArgs } from "@remix-run/node";
import { findMunicipalityBySlug } from "~/models/municipality.server";
import { municipalityAtom } from "~/models/public-feeds.server";
import { now } from "~/utils/clock.server";
import { conditionalResponse } from "~/utils/http-cache.server";

/** New activities in the municipality as an Atom feed. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const found = findMunicipalityBySlug(params.slug ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const { body, lastModified } = municipalityAtom(found.municipality, now());
  return conditionalResponse(request, body, { contentType: "application/atom+xml; charset=utf-8", lastModified, cors: true });
}
