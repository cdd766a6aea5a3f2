import type { LoaderFunctionArgs } from "@remix-run/node";
import { MAX_PERSONAL_LINE, renderInvitationCard } from "~/documents/invitation-card.server";
import { getOwnPrintableActivity } from "~/models/organiser-home.server";
import { attachment, documentFileName, printFacts } from "~/models/activity-print.server";
import { requireUser } from "~/utils/session.server";
import { idParam } from "~/utils/route-params.server";

/**
 * The invitation card with the organiser's own line (`?regel=…`). Only for the activity's own
 * organiser: the card carries words under the campaign's name that nobody else checked.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const activity = getOwnPrintableActivity(user.id, idParam(params.id));
  if (!activity) throw new Response("Niet gevonden", { status: 404 });
  const line = (new URL(request.url).searchParams.get("regel") ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_PERSONAL_LINE);
  const facts = printFacts(activity);
  const pdf = await renderInvitationCard(facts, line || null);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(documentFileName("uitnodiging", facts)),
      "Cache-Control": "private, no-store",
    },
  });
}
