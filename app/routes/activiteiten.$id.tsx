import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { ClientOnly } from "remix-utils/client-only";
import { useHydrated } from "remix-utils/use-hydrated";
import { FeatureList, formatCost, typeLabel } from "~/components/activity-facts";
import { mapLinks } from "~/components/map-styles";
import { ShareLinks } from "~/components/share-links";
import { Icon } from "~/components/icons";
import { TARGET_GROUPS, type TargetGroup } from "~/models/activity";
import { dayLabels, interestForPublic, interestForPublicPerSession } from "~/models/activity-features";
import { interestBySession, pressInterest, SESSION_FIELD } from "~/models/activity-interest.server";
import { sessionText } from "~/models/activity-sessions";
import { isRuleError } from "~/models/rule-error";
import { ruleFailure } from "~/utils/action.server";
import { clientIp } from "~/utils/request.server";
import { parseSearchParams, searchQuery } from "~/models/activity-search";
import { getPublicActivity } from "~/models/activity-search.server";
import { posterPath } from "~/models/organiser-home.server";
import { shareMetaTags } from "~/models/share";
import { activitySharePreview } from "~/models/share-preview.server";
import { useRootData } from "~/root";
import { now } from "~/utils/clock.server";
import { publicPageHeaders } from "~/utils/http-cache.server";
import { formatDate, formatDay, formatTime } from "~/utils/time";
import { idParam } from "~/utils/route-params.server";
import { isWebLink, USER_LINK_REL } from "~/utils/web-link";

// Leaflet loads only when the map is drawn, so the page's own JavaScript stays small.
const ActivityMap = lazy(() => import("~/components/activity-map.client"));

export async function loader({ params, request }: LoaderFunctionArgs) {
  const activity = getPublicActivity(idParam(params.id));
  if (!activity) throw new Response("Deze activiteit bestaat niet.", { status: 404 });
  // The search the resident came from (links in the results carry it), rebuilt from its parsed parameters so
  // nothing but a search on the home page can come back out of it.
  const from = new URL(request.url).searchParams.get("terug");
  const search = from ? searchQuery(parseSearchParams(new URLSearchParams(from))) : "";
  const backTo = search ? `/${search}#resultaten` : activity.editionYear ? `/?editie=${activity.editionYear}` : "/";
  const at = now().getTime();
  const several = activity.sessions.length > 1;
  const interest = interestBySession([activity.id]).get(activity.id) ?? [];
  const upcoming = interest.filter((x) => x.endsAt.getTime() > at);
  const query = new URL(request.url).searchParams;
  const pressedIds = query.getAll(PRESSED_DAY);
  return {
    activity,
    // Residents see the "ik kom" count only when the organiser allows it (and from a few people on); with
    // several sessions per session still to come, as one person may come twice.
    interestSentences: !activity.showInterest
      ? []
      : several
        ? interestForPublicPerSession(upcoming)
        : [interestForPublic(interest.reduce((n, x) => n + x.presses, 0))].filter((x) => x !== null),
    // With several sessions the resident chooses among those still to come.
    sessionChoices: several ? upcoming.map((x) => ({ id: x.sessionId, text: sessionText(x) })) : null,
    // Set by the redirect after pressing "ik kom": a thank-you (with the days) and the calendar file. Not
    // personal (no cookie is read).
    pressed: query.get("ikkom") === "1",
    pressedDays: dayLabels(activity.sessions, formatDay, " om ").filter((_, i) =>
      pressedIds.includes(String(activity.sessions[i].id)),
    ),
    isPast: Math.max(...activity.sessions.map((x) => x.endsAt)) < at,
    backTo,
    share: activitySharePreview(activity),
    posterPath: posterPath(activity.id),
  };
}

// Anonymous readers share this page through a CDN; logged-in visitors get it private (entry.server.tsx).
export const headers = publicPageHeaders;

/** The thank-you's query parameter naming a session the resident pressed for (several sessions). */
const PRESSED_DAY = "dag";

/** "Ik kom (waarschijnlijk)": counts once per browser and session, then back to the page with a thank-you. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const chosen = (await request.formData()).getAll(SESSION_FIELD).map(Number).filter(Number.isSafeInteger);
  try {
    const result = await pressInterest({
      activityId: id,
      sessionIds: chosen,
      cookieHeader: request.headers.get("Cookie"),
      userAgent: request.headers.get("User-Agent"),
      client: clientIp(request, context),
      now: now(),
    });
    const back = new URL(request.url);
    back.searchParams.set("ikkom", "1");
    back.searchParams.delete(PRESSED_DAY);
    if (chosen.length) for (const sessionId of result.sessionIds) back.searchParams.append(PRESSED_DAY, String(sessionId));
    return redirect(`${back.pathname}${back.search}#ik-kom`, {
      headers: result.setCookie ? { "Set-Cookie": result.setCookie } : undefined,
    });
  } catch (error) {
    if (!isRuleError(error)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    return ruleFailure(error, {});
  }
}

export const links: LinksFunction = () => mapLinks(false);

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.activity.title} – Kom erbij` },
        {
          name: "description",
          content: `${typeLabel(data.activity.type)} op ${formatDate(data.activity.startsAt)}${data.activity.place ? ` in ${data.activity.place}` : ""}.`,
        },
        ...shareMetaTags(data.share),
      ]
    : [{ title: "Activiteit niet gevonden – Kom erbij" }];

function PrintButton() {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      Afdrukken
    </button>
  );
}

/** "dinsdag 29 september en donderdag 1 oktober" */
const listText = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}` : (items[0] ?? "");

/**
 * The anonymous "ik kom" button: a plain POST form (works without JavaScript), then the calendar file.
 * With several sessions a checkbox per session still to come.
 */
function IkKom({
  activityId,
  sentences,
  choices,
  pressed,
  pressedDays,
}: {
  activityId: number;
  sentences: string[];
  choices: { id: number; text: string }[] | null;
  pressed: boolean;
  pressedDays: string[];
}) {
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const error = failure?.error[""]?.[0];
  const choiceError = failure?.error[SESSION_FIELD]?.[0];
  return (
    <section className="ik-kom no-print" id="ik-kom" aria-labelledby="ik-kom-titel">
      <h2 id="ik-kom-titel">Kom je?</h2>
      {sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      {pressed ? (
        <div className="alert" role="status">
          <p>
            <strong>Fijn dat je komt{pressedDays.length ? ` op ${listText(pressedDays)}` : ""}!</strong> De organisator weet nu
            dat er iemand meer komt. Je naam weten ze niet.
          </p>
          <p>
            <a href={`/activiteiten/${activityId}/agenda.ics`} download>
              Zet het in je agenda
            </a>
          </p>
        </div>
      ) : (
        <>
          <p>
            Laat de organisator weten dat je waarschijnlijk komt. Je hoeft je naam of e-mailadres niet te geven, en het is geen
            aanmelding.
          </p>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <Form method="post" preventScrollReset>
            {choices ? (
              <fieldset aria-describedby={choiceError ? "ik-kom-dag-fout" : undefined}>
                <legend>Op welke dag kom je? Je mag meer dagen kiezen.</legend>
                {choices.map((c) => (
                  <label className="check" key={c.id}>
                    <input type="checkbox" name={SESSION_FIELD} value={c.id} />
                    {c.text}
                  </label>
                ))}
                {choiceError ? (
                  <p className="field-error" id="ik-kom-dag-fout" role="alert">
                    {choiceError}
                  </p>
                ) : null}
              </fieldset>
            ) : null}
            <button type="submit" disabled={busy} aria-disabled={busy}>
              Ik kom (waarschijnlijk)
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

export default function ActivityPage() {
  const {
    activity: a,
    isPast,
    backTo,
    share,
    posterPath,
    interestSentences,
    sessionChoices,
    pressed,
    pressedDays,
  } = useLoaderData<typeof loader>();
  const root = useRootData();
  const address = [
    a.venueName,
    [a.street, a.houseNumber].filter(Boolean).join(" "),
    [a.postcode, a.place].filter(Boolean).join(" "),
  ].filter(Boolean);
  const hasPoint = !a.isOnline && a.lat !== null && a.lon !== null;
  const hasContact = a.publicContactName || a.publicContactEmail || a.publicContactPhone;

  return (
    <article className="activity">
      <p className="no-print">
        <Link to={backTo} className="back-link">
          <Icon name="arrowLeft" /> Terug naar zoeken
        </Link>
      </p>
      <h1>{a.title}</h1>
      {a.cancelled ? (
        <div className="alert error" role="status">
          <p>
            <strong>Deze activiteit gaat niet door.</strong>
            {a.cancelReason ? ` ${a.cancelReason}` : ""}
          </p>
        </div>
      ) : isPast ? (
        <div className="alert" role="status">
          <p>
            <strong>Deze activiteit is al geweest.</strong> Kijk bij de <Link to="/">activiteiten van dit jaar</Link>.
          </p>
        </div>
      ) : null}

      <dl className="activity-facts">
        <div>
          <dt>Wat</dt>
          <dd>
            {typeLabel(a.type)}, tijdens de {a.editionNumber}e Week tegen Eenzaamheid ({a.editionYear})
          </dd>
        </div>
        <div>
          <dt>Wanneer</dt>
          <dd>
            {a.sessions.length > 1 ? (
              <>
                {a.sessions.length} keer in de Week:
                <ul className="sessions">
                  {a.sessions.map((x) => (
                    <li key={x.id}>
                      {formatDate(x.startsAt)}, van {formatTime(x.startsAt)} tot {formatTime(x.endsAt)} uur
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <>
                {formatDate(a.startsAt)}, van {formatTime(a.startsAt)} tot {formatTime(a.endsAt)} uur
              </>
            )}
            {!a.cancelled && !isPast ? (
              <>
                <br />
                <a href={`/activiteiten/${a.id}/agenda.ics`} download className="no-print">
                  Zet in mijn agenda
                </a>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Waar</dt>
          <dd>
            {a.isOnline ? (
              <>
                Online.{" "}
                {isWebLink(a.onlineUrl) && !a.cancelled && !isPast ? (
                  <a href={a.onlineUrl} rel={USER_LINK_REL}>
                    Naar de online activiteit
                  </a>
                ) : null}
              </>
            ) : (
              <>
                {address.map((line) => (
                  <span key={line} className="address-line">
                    {line}
                  </span>
                ))}
                {a.municipalityName && a.municipalityName !== a.place ? (
                  <span className="address-line">Gemeente {a.municipalityName}</span>
                ) : null}
                {a.locationApproximate ? <span className="hint address-line">De plek op de kaart is bij benadering.</span> : null}
                {hasPoint ? (
                  <a
                    className="no-print"
                    href={`https://www.openstreetmap.org/directions?route=%3B${a.lat}%2C${a.lon}`}
                    rel="noopener noreferrer"
                  >
                    Route plannen (opent OpenStreetMap)
                  </a>
                ) : null}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Voor wie</dt>
          <dd>
            {a.targetGroups.length ? a.targetGroups.map((g) => TARGET_GROUPS[g as TargetGroup] ?? g).join(", ") : "Iedereen"}
          </dd>
        </div>
        <div>
          <dt>Goed om te weten</dt>
          <dd>
            <FeatureList activity={a} />
          </dd>
        </div>
        {a.continuesAfterWeek ? (
          <div>
            <dt>Na de Week</dt>
            <dd>
              <span className="address-line">
                <strong>Dit gaat door na de Week</strong>
                {a.continuesSchedule ? `: ${a.continuesSchedule}` : "."}
              </span>
              {a.continuesContact ? (
                <span className="address-line">
                  {isWebLink(a.continuesContact) ? (
                    <a href={a.continuesContact} rel={USER_LINK_REL}>
                      {a.continuesContact}
                    </a>
                  ) : (
                    `Contact: ${a.continuesContact}`
                  )}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Kosten</dt>
          <dd>{formatCost(a.isFree, a.priceCents)}</dd>
        </div>
        <div>
          <dt>Aanmelden</dt>
          <dd>
            {a.signUpRequired
              ? (a.signUpInfo ?? "Aanmelden is nodig. Neem contact op met de organisator.")
              : "Aanmelden is niet nodig: je kunt gewoon binnenlopen."}
            {a.maxParticipants ? ` Er kunnen ${a.maxParticipants} mensen meedoen.` : ""}
          </dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>
            {hasContact ? (
              <>
                {a.publicContactName ? <span className="address-line">{a.publicContactName}</span> : null}
                {a.publicContactEmail ? (
                  <span className="address-line">
                    <a href={`mailto:${a.publicContactEmail}`}>{a.publicContactEmail}</a>
                  </span>
                ) : null}
                {a.publicContactPhone ? (
                  <span className="address-line">
                    <a href={`tel:${a.publicContactPhone.replace(/[^\d+]/g, "")}`}>{a.publicContactPhone}</a>
                  </span>
                ) : null}
              </>
            ) : (
              "De organisator heeft geen contactgegevens opgegeven."
            )}
          </dd>
        </div>
        <div>
          <dt>Organisator</dt>
          <dd>{a.organisationName}</dd>
        </div>
      </dl>

      <h2>Over deze activiteit</h2>
      {a.description.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}

      {!a.cancelled && !isPast ? (
        <IkKom
          activityId={a.id}
          sentences={interestSentences}
          choices={sessionChoices}
          pressed={pressed}
          pressedDays={pressedDays}
        />
      ) : null}

      {hasPoint && root ? (
        <div className="no-print">
          <h2>Kaart</h2>
          <ClientOnly fallback={<p className="hint map-fallback">De kaart verschijnt als JavaScript aan staat.</p>}>
            {() => (
              <Suspense fallback={<p className="hint map-loading">De kaart wordt geladen…</p>}>
                <ActivityMap
                  lat={a.lat!}
                  lon={a.lon!}
                  title={a.title}
                  tileUrl={root.map.tileUrl}
                  attribution={root.map.attribution}
                />
              </Suspense>
            )}
          </ClientOnly>
        </div>
      ) : null}
      {!a.cancelled && !isPast ? (
        <section className="no-print" aria-labelledby="delen">
          <h2 id="delen">Vertel het verder</h2>
          <ShareLinks url={share.url} text={`${a.title}: ${share.description}`} />
          <p>
            <a href={posterPath} download>
              Poster om op te hangen (PDF, A4)
            </a>
          </p>
        </section>
      ) : null}
      <p className="no-print">
        <PrintButton />
      </p>
    </article>
  );
}
