import type { LoaderFunctionArgs } from "@remix-run/node";
import { workspaceAccess, workspaceActivitiesCsv } from "~/models/municipality.server";
import { publicEditionFromQuery } from "~/models/public-feeds.server";
import { now } from "~/utils/clock.server";
import { csvDownload } from "~/utils/csv.server";
import { requireUser } from "~/utils/session.server";

/** The municipality's activities WITH private contact details: its coordinator (and the team) only; audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { municipality } = workspaceAccess(user, params.slug ?? "");
  const edition = publicEditionFromQuery(new URL(request.url), now());
  if (!edition) throw new Response("Niet gevonden", { status: 404 });
  return csvDownload(
    workspaceActivitiesCsv(user, municipality.code, edition),
    `kom-erbij-${municipality.slug}-${edition.year}-met-contactgegevens.csv`,
  );
}
