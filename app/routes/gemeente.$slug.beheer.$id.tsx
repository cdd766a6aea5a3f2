import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ACTIVITY_STATUSES } from "~/models/activity";
import { approveActivities, getReviewItem, rejectActivity, reviewItemForPage } from "~/models/activity.server";
import { ReviewDetails } from "~/components/review-details";
import { mapLinks } from "~/components/map-styles";
import { useRootData } from "~/root";
import { isRuleError } from "~/models/rule-error";
import { ruleReply } from "~/utils/action.server";
import { activityHistory, getWorkspaceActivity, workspaceAccess } from "~/models/municipality.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { formatDate, formatDateTime, formatTime } from "~/utils/time";
import { ReviewDecisionForms } from "~/components/review-decision";
import { ReviewDecisionSchema } from "~/models/activity";

const schema = ReviewDecisionSchema;

const ACTION_LABELS: Record<string, string> = {
  "activity.created": "Aangemeld",
  "activity.updated": "Gewijzigd",
  "activity.approved": "Goedgekeurd",
  "activity.rejected": "Afgewezen",
  "activity.cancelled": "Geannuleerd",
  "activity.revision-approved": "Wijziging goedgekeurd",
  "activity.revision-rejected": "Wijziging afgewezen",
};

/** The activity, only when it lies in the workspace's municipality: otherwise 404, as if it did not exist. */
async function guard(request: Request, slug: string | undefined, id: string | undefined) {
  const user = await requireUser(request);
  const access = workspaceAccess(user, slug ?? "");
  const activity = /^\d+$/.test(id ?? "") ? getWorkspaceActivity(access.municipality.code, Number(id)) : null;
  if (!activity) throw new Response("Niet gevonden", { status: 404 });
  return { user, access, activity };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, activity } = await guard(request, params.slug, params.id);
  // New, or published with a change waiting: everything a reviewer needs (the team sees it too).
  const review = getReviewItem(activity.id, access.asTeam ? null : { municipalityCode: access.municipality.code });
  return data(
    {
      access,
      activity: { ...activity, startsAt: activity.startsAt.toISOString(), endsAt: activity.endsAt.toISOString() },
      review: review ? reviewItemForPage(review) : null,
      history: activityHistory(activity.id).map((h) => ({ ...h, at: h.at.toISOString() })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, activity } = await guard(request, params.slug, params.id);
  if (!access.canReview) throw new Response("Geen toegang", { status: 403 });
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // A coordinator's decision is bound to their municipality in the query itself; the team's is not.
  const scope = access.asTeam ? null : { municipalityCode: access.municipality.code };
  const back = `/gemeente/${access.municipality.slug}/beheer`;
  if (submission.value.intent === "approve") {
    if (approveActivities(user, [activity.id], now(), scope) === 0) return redirect(back);
    return redirect(`${back}?melding=goedgekeurd`);
  }
  try {
    rejectActivity(user, activity.id, submission.value.reason, now(), scope);
  } catch (error) {
    if (isRuleError(error)) return ruleReply(error, submission);
    throw error;
  }
  return redirect(`${back}?melding=afgewezen`);
}

export const links: LinksFunction = () => mapLinks(false);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.activity.title ?? "Activiteit"} – beheer – Kom erbij` },
];

export default function WorkspaceActivity() {
  const { access, activity: a, history, review } = useLoaderData<typeof loader>();
  const root = useRootData();
  const lastResult = useActionData<typeof action>();
  const m = access.municipality;
  return (
    <>
      <p>
        <Link to={`/gemeente/${m.slug}/beheer`}>Terug naar beheer {m.commonName}</Link>
      </p>
      <h1>{a.title}</h1>
      <dl className="activity-facts">
        <div>
          <dt>Status</dt>
          <dd>
            {ACTIVITY_STATUSES[a.status]}
            {a.moderationReason ? ` (${a.moderationReason})` : ""}
          </dd>
        </div>
        <div>
          <dt>Wanneer</dt>
          <dd>
            {formatDate(a.startsAt)}, {formatTime(a.startsAt)} tot {formatTime(a.endsAt)} uur (editie {a.editionYear})
          </dd>
        </div>
        <div>
          <dt>Waar</dt>
          <dd>
            {a.isOnline
              ? "Online"
              : [
                  a.venueName,
                  [a.street, a.houseNumber].filter(Boolean).join(" "),
                  [a.postcode, a.place].filter(Boolean).join(" "),
                ]
                  .filter(Boolean)
                  .join(", ")}
          </dd>
        </div>
        <div>
          <dt>Organisatie</dt>
          <dd>{a.organisationName}</dd>
        </div>
        <div>
          <dt>Contactpersoon (niet openbaar)</dt>
          <dd>
            {a.privateContactName}, <a href={`mailto:${a.privateContactEmail}`}>{a.privateContactEmail}</a>
            {a.privateContactPhone ? `, ${a.privateContactPhone}` : ""}
          </dd>
        </div>
      </dl>
      <h2>Beschrijving</h2>
      <p className="pre-line">{a.description}</p>
      {a.status === "published" || a.status === "cancelled" ? (
        <p>
          <Link to={`/activiteiten/${a.id}`}>Bekijk de openbare pagina</Link>
        </p>
      ) : null}

      {review ? (
        <>
          <h2>{review.revision ? "Wijziging wacht op controle" : "Wacht op controle"}</h2>
          <ReviewDetails item={review} map={root?.map ?? null} heading="h3" />
          {access.canReview ? (
            <>
              <h3>Besluit</h3>
              <ReviewDecisionForms
                lastResult={lastResult}
                heading="h3"
                approveLabel={review.revision ? "Wijziging goedkeuren en publiceren" : undefined}
              />
            </>
          ) : (
            <p>Het programmateam controleert dit.</p>
          )}
        </>
      ) : null}

      <h2>Geschiedenis</h2>
      <ul>
        {history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at)}: {ACTION_LABELS[h.action] ?? h.action}
            {h.actor ? ` door ${h.actor}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
