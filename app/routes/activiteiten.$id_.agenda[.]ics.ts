import type { LoaderFunctionArgs } from "@remix-run/node";
import { activityCalendar, getPublicActivity } from "~/models/activity-search.server";
import { env } from "~/utils/env.server";

/** "Zet in mijn agenda": the activity as an .ics download. */
export function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const activity = Number.isSafeInteger(id) && id > 0 ? getPublicActivity(id) : null;
  if (!activity) throw new Response("Deze activiteit bestaat niet.", { status: 404 });
  const body = activityCalendar(activity, `${env.PUBLIC_URL.replace(/\/$/, "")}/activiteiten/${activity.id}`);
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="activiteit-${activity.id}.ics"`,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
