import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderShareImage } from "~/documents/share-image.server";
import { getPublicActivity } from "~/models/activity-search.server";
import { activityShareCard } from "~/models/share-preview.server";
import { idParam } from "~/utils/route-params.server";

/** The 1200×630 preview picture that WhatsApp, Facebook and LinkedIn show for a shared activity link. */
export async function loader({ params }: LoaderFunctionArgs) {
  const activity = getPublicActivity(idParam(params.id));
  if (!activity) throw new Response("Deze activiteit bestaat niet.", { status: 404 });
  const png = await renderShareImage(activityShareCard(activity));
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=3600, s-maxage=3600" },
  });
}
