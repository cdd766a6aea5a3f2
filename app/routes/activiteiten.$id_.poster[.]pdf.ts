import type { LoaderFunctionArgs } from "@remix-run/node";
import { POSTER_SIZES, renderPoster, type PosterSize } from "~/documents/poster.server";
import { attachment, documentFileName, printFacts } from "~/models/activity-print.server";
import { getPublicActivity } from "~/models/activity-search.server";
import { idParam } from "~/utils/route-params.server";

/** The activity's poster as a PDF: `?formaat=A3` for A3, otherwise A4. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const activity = getPublicActivity(idParam(params.id));
  if (!activity) throw new Response("Deze activiteit bestaat niet.", { status: 404 });
  const asked = new URL(request.url).searchParams.get("formaat")?.toUpperCase() ?? "A4";
  const size: PosterSize = asked in POSTER_SIZES ? (asked as PosterSize) : "A4";
  const facts = printFacts(activity);
  const pdf = await renderPoster(facts, size);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(documentFileName(size === "A3" ? "poster-a3" : "poster", facts)),
      "Cache-Control": "public, max-age=300, s-maxage=300",
    },
  });
}
