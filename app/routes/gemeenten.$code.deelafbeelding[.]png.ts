import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderShareImage } from "~/documents/share-image.server";
import { editionYearFromQuery, getBookletData } from "~/models/booklet.server";
import { municipalityShareCard } from "~/models/share-preview.server";
import { now } from "~/utils/clock.server";

/** The 1200×630 preview picture for a shared link to a municipality's activities. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const code = (params.code ?? "").toUpperCase();
  const year = editionYearFromQuery(new URL(request.url), now());
  const data = /^GM\d{4}$/.test(code) && year ? getBookletData(code, year) : null;
  if (!data) throw new Response("Deze gemeente of editie bestaat niet.", { status: 404 });
  const png = await renderShareImage(
    municipalityShareCard(data.municipality, data.edition.year, data.count, data.edition.weekText),
  );
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=3600, s-maxage=3600" },
  });
}
