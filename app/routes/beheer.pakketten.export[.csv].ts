import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportKitOrdersCsv, resolveKitOrderFilters } from "~/models/kit-fulfilment.server";
import { now } from "~/utils/clock.server";
import { csvDownload } from "~/utils/csv.server";
import { requireProgrammeTeam } from "~/utils/session.server";

/** The CSV for the mailing house, with the same filters as the list. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const filters = resolveKitOrderFilters(new URL(request.url).searchParams, now());
  if (!filters) throw new Response("Niet gevonden", { status: 404 });
  const suffix = filters.status ? `-${filters.status}` : "";
  return csvDownload(exportKitOrdersCsv(filters), `kom-erbij-pakketten-${filters.year}${suffix}.csv`);
}
