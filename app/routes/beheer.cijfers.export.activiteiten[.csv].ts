import type { LoaderFunctionArgs } from "@remix-run/node";
import { figuresEdition, activitiesCsv } from "~/models/figures.server";
import { now } from "~/utils/clock.server";
import { csvDownload } from "~/utils/csv.server";
import { requireProgrammeTeam } from "~/utils/session.server";

/** Per activity, only what is public anyway (no private contact details). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const edition = figuresEdition(request.url, now());
  if (!edition) throw new Response("Niet gevonden", { status: 404 });
  return csvDownload(activitiesCsv(edition.id, { withContact: false }), `kom-erbij-activiteiten-${edition.year}.csv`);
}
