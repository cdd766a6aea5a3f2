import type { LoaderFunctionArgs } from "@remix-run/node";
import { activitiesCsv, figuresEdition } from "~/models/figures.server";
import { now } from "~/utils/clock.server";
import { csvDownload } from "~/utils/csv.server";
import { requireProgrammeTeam } from "~/utils/session.server";

/** Per activity WITH private contact details and the organiser's e-mail: programme team only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const edition = figuresEdition(request.url, now());
  if (!edition) throw new Response("Niet gevonden", { status: 404 });
  return csvDownload(
    activitiesCsv(edition.id, { withContact: true }),
    `kom-erbij-activiteiten-met-contactgegevens-${edition.year}.csv`,
  );
}
