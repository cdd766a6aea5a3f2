import type { LoaderFunctionArgs } from "@remix-run/node";
import { editionsCsv } from "~/models/figures.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";

/** The figures of every edition side by side, one row per edition. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  return new Response(editionsCsv(now()), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="kom-erbij-cijfers-edities.csv"', "Cache-Control": "no-store" },
  });
}
