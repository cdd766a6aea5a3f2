import type { LoaderFunctionArgs } from "@remix-run/node";
import { figuresEdition, municipalitiesCsv } from "~/models/figures.server";
import { now } from "~/utils/clock.server";
import { csvDownload } from "~/utils/csv.server";
import { requireProgrammeTeam } from "~/utils/session.server";

/** Per municipality (all 342, also those without activities) for one edition. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const edition = figuresEdition(request.url, now());
  if (!edition) throw new Response("Niet gevonden", { status: 404 });
  return csvDownload(municipalitiesCsv(edition.id, now()), `kom-erbij-gemeenten-${edition.year}.csv`);
}
