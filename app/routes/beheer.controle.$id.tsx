import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { approveActivities, getReviewItem, rejectActivity, reviewItemForPage } from "~/models/activity.server";
import { isRuleError } from "~/models/rule-error";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { idParam } from "~/utils/route-params.server";
import { readFormData } from "~/utils/form-data.server";
import { ReviewDecisionForms } from "~/components/review-decision";
import { ReviewDetails } from "~/components/review-details";
import { mapLinks } from "~/components/map-styles";
import { ReviewDecisionSchema } from "~/models/activity";
import { useRootData } from "~/root";

const schema = ReviewDecisionSchema;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const item = getReviewItem(idParam(params.id));
  if (!item) throw redirect("/beheer/controle");
  return data(reviewItemForPage(item), { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = idParam(params.id);
  if (submission.value.intent === "approve") {
    approveActivities(user, [id], now());
    return redirect("/beheer/controle?goedgekeurd=1");
  }
  try {
    rejectActivity(user, id, submission.value.reason, now());
  } catch (error) {
    // Someone else decided first (or this is a double submit): say so, change nothing.
    if (!isRuleError(error)) throw error;
    // Thrown, not returned: the page's loader would otherwise send us back to the list.
    throw new Response(`${error.message} Iemand anders heeft hem waarschijnlijk net beoordeeld.`, {
      status: error.status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return redirect("/beheer/controle?afgewezen=1");
}

export const links: LinksFunction = () => mapLinks(false);

export const meta: MetaFunction = () => [{ title: "Activiteit controleren – Programmateam" }];

export default function ReviewActivity() {
  const item = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const root = useRootData();
  return (
    <>
      <p>
        <Link to="/beheer/controle">Terug naar de lijst</Link>
      </p>
      <h1>
        {item.revision ? "Wijziging controleren" : "Controleren"}: {item.activity.title}
      </h1>
      <ReviewDetails item={item} map={root?.map ?? null} heading="h2" />
      <h2>Besluit</h2>
      <ReviewDecisionForms
        lastResult={lastResult}
        heading="h3"
        approveLabel={item.revision ? "Wijziging goedkeuren en publiceren" : undefined}
      />
    </>
  );
}
