import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderBooklet } from "~/documents/booklet.server";
import { bookletPdf, editionYearFromQuery } from "~/models/booklet.server";
import { attachment } from "~/models/activity-print.server";
import { now } from "~/utils/clock.server";

/** The municipal booklet: `/gemeenten/GM0344/boekje.pdf?editie=2027` (default: the edition the public sees). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const code = (params.code ?? "").toUpperCase();
  const year = editionYearFromQuery(new URL(request.url), now());
  const result = /^GM\d{4}$/.test(code) && year ? await bookletPdf(code, year, renderBooklet) : null;
  if (!result) throw new Response("Deze gemeente of editie bestaat niet.", { status: 404 });
  return new Response(new Uint8Array(result.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(result.fileName),
      "Cache-Control": "public, max-age=300, s-maxage=300",
      "X-Booklet-Cache": result.fromCache ? "hit" : "miss",
      "Server-Timing": `render;dur=${Math.round(result.renderMs)}, cpu;dur=${Math.round(result.renderCpuMs)}`,
    },
  });
}
