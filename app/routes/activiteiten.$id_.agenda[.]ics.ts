import type { LoaderFunctionArgs } from "@remix-run/node";
import { activityCalendar, getPublicActivity } from "~/models/activity-search.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { idParam } from "~/utils/route-params.server";

/** "Zet in mijn agenda": the activity as an .ics download. */
export function loader({ params }: LoaderFunctionArgs) {
  const activity = getPublicActivity(idParam(params.id));
  if (!activity) throw new Response("Deze activiteit bestaat niet.", { status: 404 });
  const body = activityCalendar(activity, absoluteUrl(`/activiteiten/${activity.id}`));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="activiteit-${activity.id}.ics"`,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
