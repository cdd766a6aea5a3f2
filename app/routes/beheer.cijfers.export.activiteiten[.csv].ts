import type { LoaderFunctionArgs } from "@remix-run/node";
import { defaultFiguresYear, activitiesCsv, getFigureEdition } from "~/models/figures.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";

/** Per activity, only what is public anyway (no private contact details). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const asked = new URL(request.url).searchParams.get("editie");
  const year = asked && /^\d{4}$/.test(asked) ? Number(asked) : defaultFiguresYear(now());
  const edition = year ? getFigureEdition(year) : null;
  if (!edition) throw new Response("Niet gevonden", { status: 404 });
  return new Response(activitiesCsv(edition.id, { withContact: false }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kom-erbij-activiteiten-${edition.year}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
