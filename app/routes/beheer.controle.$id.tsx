import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { approveActivities, getPendingActivity, rejectActivity } from "~/models/activity.server";
import { isRuleError } from "~/models/rule-error";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDate, formatTime } from "~/utils/time";
import { idParam } from "~/utils/route-params.server";
import { readFormData } from "~/utils/form-data.server";
import { ReviewDecisionForms } from "~/components/review-decision";
import { ReviewDecisionSchema } from "~/models/activity";

const schema = ReviewDecisionSchema;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const activity = getPendingActivity(idParam(params.id));
  if (!activity) throw redirect("/beheer/controle");
  return { ...activity, startsAt: activity.startsAt.toISOString(), createdAt: activity.createdAt.toISOString() };
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

export const meta: MetaFunction = () => [{ title: "Activiteit controleren – Programmateam" }];

export default function ReviewActivity() {
  const a = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/beheer/controle">Terug naar de lijst</Link>
      </p>
      <h1>Controleren: {a.title}</h1>
      <dl>
        <dt>Organisatie</dt>
        <dd>{a.organisationName}</dd>
        <dt>Wanneer</dt>
        <dd>
          {formatDate(a.startsAt)}, {formatTime(a.startsAt)} uur (editie {a.editionYear})
        </dd>
        <dt>Waar</dt>
        <dd>{a.isOnline ? "Online" : `${a.place ?? ""} (gemeente ${a.municipality ?? "onbekend"})`}</dd>
      </dl>
      <h2>Beschrijving</h2>
      <p className="pre-line">{a.description}</p>
      <ReviewDecisionForms lastResult={lastResult} heading="h2" />
    </>
  );
}
