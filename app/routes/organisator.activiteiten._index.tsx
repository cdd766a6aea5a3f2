import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ACTIVITY_STATUSES, nextStep } from "~/models/activity";
import { pendingChangeText } from "~/models/activity-revision";
import { canEdit, listOwnActivities } from "~/models/activity.server";
import { interestForOrganiser, interestForOrganiserPerSession, type SessionInterest } from "~/models/activity-features";
import { interestBySession } from "~/models/activity-interest.server";
import { isOrderingOpen, isReportingOpen, PHASE_LABELS, editionPhase } from "~/models/edition";
import { getRegistrationEdition, listEditions } from "~/models/edition.server";
import { hasPrintables, latestKitOrdersByActivity, posterPath, sharePagePath } from "~/models/organiser-home.server";
import { now } from "~/utils/clock.server";
import { coordinatorHome } from "~/models/municipality.server";
import { requireUser } from "~/utils/session.server";
import { formatDate, formatTime } from "~/utils/time";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const at = now();
  const editions = listEditions();
  const registration = getRegistrationEdition(at);
  const activities = listOwnActivities(user.id);
  const kitOrders = latestKitOrdersByActivity(user.id);
  const interest = interestBySession(activities.filter((x) => x.status === "published").map((x) => x.id));
  const groups = editions
    .map((edition) => ({
      year: edition.year,
      phase: PHASE_LABELS[editionPhase(edition, at)],
      activities: activities
        .filter((x) => x.editionId === edition.id)
        .map((x) => ({
          id: x.id,
          title: x.title,
          status: x.status,
          startsAt: x.startsAt.toISOString(),
          place: x.isOnline ? "Online" : x.place,
          moderationReason: x.moderationReason,
          pendingChange: x.revision?.pendingFields.length ? pendingChangeText(x.revision.pendingFields) : null,
          changeRefused: x.revision?.rejectedReason ?? null,
          kitOrder: kitOrders.get(x.id) ?? null,
          interest: x.status === "published" ? interestText(interest.get(x.id) ?? []) : null,
          print: hasPrintables(x.status) ? { poster: posterPath(x.id), sharePage: sharePagePath(x.id) } : null,
          editable: canEdit(x, edition, at),
          copyable: Boolean(registration && registration.id !== edition.id),
          next: nextStep({
            status: x.status,
            hasKitOrder: x.hasKitOrder,
            hasReport: x.hasReport,
            orderingOpen: isOrderingOpen(edition, at),
            ended: x.endsAt <= at,
            reportingOpen: isReportingOpen(edition, at),
          }),
        })),
    }))
    .filter((g) => g.activities.length > 0);
  return { name: user.name, registrationYear: registration?.year ?? null, groups, coordinatorHome: coordinatorHome(user) };
}

/** "Ik kom" in words: one sentence, or a line per session when the activity has several. */
function interestText(sessions: SessionInterest[]) {
  return sessions.length > 1
    ? { sentence: "Laten weten dat ze komen:", perSession: interestForOrganiserPerSession(sessions) }
    : { sentence: interestForOrganiser(sessions[0]?.presses ?? 0), perSession: [] };
}

export const meta: MetaFunction = () => [{ title: "Mijn activiteiten – Kom erbij" }];

const NOTICES: Record<string, string> = {
  aangemeld:
    "Bedankt! Je activiteit is ontvangen. Het programmateam kijkt hem na. Je krijgt een e-mail zodra hij op de kaart staat.",
  opgeslagen: "Je wijzigingen zijn opgeslagen.",
  "ter-controle":
    "Je wijzigingen zijn opgeslagen. Het programmateam kijkt eerst naar je wijziging; tot dan ziet iedereen de vorige versie. Je krijgt een e-mail.",
  geannuleerd: "Je activiteit is geannuleerd. Op de site staat nu dat hij niet doorgaat.",
};

export default function MyActivities() {
  const { name, registrationYear, groups, coordinatorHome } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("melding") ?? ""];
  return (
    <>
      <h1>Mijn activiteiten</h1>
      {notice ? (
        <div className="alert success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {params.get("locatie") === "ongeveer" ? (
        <div className="alert" role="status">
          <p>
            We konden het adres niet precies vinden. Op de kaart staat je activiteit daarom in het midden van de gemeente.
            Controleer het adres als je wilt.
          </p>
        </div>
      ) : null}
      <p>Welkom{name?.trim() ? `, ${name.trim()}` : ""}. Hier zie je alles wat je hebt aangemeld, en wat je nog moet doen.</p>
      {coordinatorHome ? (
        <p className="alert">
          Je bent gemeentecoördinator. <Link to={coordinatorHome}>Naar het beheer van jouw gemeente</Link>
        </p>
      ) : null}
      {registrationYear ? (
        <p>
          <Link className="button" to="/organisator/activiteiten/nieuw">
            Nieuwe activiteit aanmelden voor {registrationYear}
          </Link>
        </p>
      ) : (
        <p className="alert">Aanmelden is op dit moment gesloten.</p>
      )}
      {groups.length === 0 ? <p>Je hebt nog geen activiteiten aangemeld.</p> : null}
      {groups.map((group) => (
        <section key={group.year} aria-labelledby={`editie-${group.year}`}>
          <h2 id={`editie-${group.year}`}>
            Week tegen Eenzaamheid {group.year} <span className="status">{group.phase}</span>
          </h2>
          <ul className="cards">
            {group.activities.map((x) => (
              <li className="card" key={x.id}>
                <h3>{x.title}</h3>
                <p>
                  {formatDate(x.startsAt)}, {formatTime(x.startsAt)} uur{x.place ? ` · ${x.place}` : ""}
                  <br />
                  <span className="status">{ACTIVITY_STATUSES[x.status]}</span>
                </p>
                {x.moderationReason && x.status === "rejected" ? <p>Reden: {x.moderationReason}</p> : null}
                {x.pendingChange ? (
                  <p>
                    <span className="status">{x.pendingChange}</span> Op de site staat nog de vorige versie.
                  </p>
                ) : null}
                {x.changeRefused ? <p>Je laatste wijziging is niet geplaatst. Reden: {x.changeRefused}</p> : null}
                {x.interest ? (
                  <div className="interest">
                    <p>{x.interest.sentence}</p>
                    {x.interest.perSession.length ? (
                      <ul>
                        {x.interest.perSession.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                ) : null}
                {x.kitOrder ? (
                  <p>
                    Kom Erbij-pakket: <span className="status">{x.kitOrder.statusText}</span>{" "}
                    <Link to={x.kitOrder.path}>
                      Bekijk bestelling {x.kitOrder.reference}
                      <span className="visually-hidden"> voor {x.title}</span>
                    </Link>
                  </p>
                ) : null}
                <p>
                  <strong>Volgende stap:</strong> {x.next.text}
                </p>
                <ul>
                  {x.next.action === "order" ? (
                    <li>
                      <Link to={`/organisator/activiteiten/${x.id}/pakket`}>
                        Pakket bestellen<span className="visually-hidden"> voor {x.title}</span>
                      </Link>
                    </li>
                  ) : null}
                  {x.next.action === "report" ? (
                    <li>
                      <Link to={`/organisator/activiteiten/${x.id}/opkomst`}>
                        Opkomst doorgeven<span className="visually-hidden"> voor {x.title}</span>
                      </Link>
                    </li>
                  ) : null}
                  {x.status === "published" || x.status === "cancelled" ? (
                    <li>
                      <Link to={`/activiteiten/${x.id}`}>
                        Bekijk op de site<span className="visually-hidden">: {x.title}</span>
                      </Link>
                    </li>
                  ) : null}
                  {x.print ? (
                    <>
                      <li>
                        <a href={x.print.poster} download>
                          Poster downloaden (PDF)<span className="visually-hidden">: {x.title}</span>
                        </a>
                      </li>
                      <li>
                        <Link to={x.print.sharePage}>
                          Poster, uitnodiging en delen<span className="visually-hidden">: {x.title}</span>
                        </Link>
                      </li>
                    </>
                  ) : null}
                  {x.editable ? (
                    <li>
                      <Link to={`/organisator/activiteiten/${x.id}/bewerken`}>
                        Aanpassen<span className="visually-hidden">: {x.title}</span>
                      </Link>
                    </li>
                  ) : null}
                  {x.copyable ? (
                    <li>
                      <Link to={`/organisator/activiteiten/${x.id}/kopieren`}>
                        Kopiëren naar {registrationYear}
                        <span className="visually-hidden">: {x.title}</span>
                      </Link>
                    </li>
                  ) : null}
                  {x.editable ? (
                    <li>
                      <Link to={`/organisator/activiteiten/${x.id}/annuleren`}>
                        Annuleren<span className="visually-hidden">: {x.title}</span>
                      </Link>
                    </li>
                  ) : null}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
