import type { LoaderFunctionArgs } from "@remix-run/node";
import { editionsCsv } from "~/models/figures.server";
import { now } from "~/utils/clock.server";
import { csvDownload } from "~/utils/csv.server";
import { requireProgrammeTeam } from "~/utils/session.server";

/** The figures of every edition side by side, one row per edition. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  return csvDownload(editionsCsv(now()), "kom-erbij-cijfers-edities.csv");
}
