import { sessionText } from "~/models/activity-sessions";
import { lazy, Suspense } from "react";
import { ClientOnly } from "remix-utils/client-only";
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, ORGANISATION_KINDS, TARGET_GROUPS } from "~/models/activity";
import type { ReviewPageItem } from "~/models/activity.server";
import { formatDate, formatDateTime, formatTime } from "~/utils/time";

const ActivityMap = lazy(() => import("~/components/activity-map.client"));

type Map = { tileUrl: string; attribution: string };
const label = <T extends Record<string, string>>(labels: T, key: string) => labels[key as keyof T] ?? key;

/**
 * Everything a reviewer needs on one page (programme team and coordinators): for a change, the
 * side-by-side table first; then the full text as it would be public, the place with its pin, the
 * contacts, likely duplicates and the organiser's history.
 */
export function ReviewDetails({ item, map, heading }: { item: ReviewPageItem; map: Map | null; heading: "h2" | "h3" }) {
  const { activity: a, revision, duplicates, history, owner } = item;
  const H = heading;
  const Sub = heading === "h2" ? "h3" : "h4";
  return (
    <>
      {revision ? (
        <section aria-labelledby="wijziging">
          <H id="wijziging">Voorgestelde wijziging</H>
          <p>
            Deze activiteit staat online. De organisator wil dit veranderen (ingediend {formatDateTime(revision.submittedAt)}
            {revision.updatedAt !== revision.submittedAt ? `, aangepast ${formatDateTime(revision.updatedAt)}` : ""}). Tot je het
            goedkeurt, ziet iedereen de huidige versie.
          </p>
          <div className="table-wrap">
            <table className="revision-diff">
              <caption>Wat verandert er?</caption>
              <thead>
                <tr>
                  <th scope="col">Veld</th>
                  <th scope="col">Nu op de site</th>
                  <th scope="col">Voorgesteld</th>
                </tr>
              </thead>
              <tbody>
                {revision.diff.map((row) => (
                  <tr key={row.field}>
                    <th scope="row">{row.label}</th>
                    <td className="pre-line">{row.now}</td>
                    <td className="pre-line">
                      <ins>{row.proposed}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {duplicates.length ? (
        <section className="alert" aria-labelledby="lijkt-op">
          <H id="lijkt-op">Lijkt op</H>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                „{d.title}” (nr. {d.id}), {formatDate(d.startsAt)} om {formatTime(d.startsAt)} uur
                {d.place ? `, ${d.place}` : ""} ({label(ACTIVITY_STATUSES, d.status)}
                {d.sameOrganiser ? ", zelfde organisator" : ""})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="openbaar">
        <H id="openbaar">{revision ? "Zo komt het op de site (met de wijziging)" : "Zo komt het op de site"}</H>
        <dl className="activity-facts">
          <div>
            <dt>Titel</dt>
            <dd>{a.title}</dd>
          </div>
          <div>
            <dt>Wanneer</dt>
            <dd>
              {a.sessions.length > 1 ? (
                <>
                  {a.sessions.length} keer (editie {a.editionYear}):
                  <ul className="sessions">
                    {a.sessions.map((x) => (
                      <li key={x.startsAt}>{sessionText(x)}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <>
                  {formatDate(a.startsAt)}, {formatTime(a.startsAt)} tot {formatTime(a.endsAt)} uur (editie {a.editionYear})
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>Soort en voor wie</dt>
            <dd>
              {label(ACTIVITY_TYPES, a.type)}; {a.targetGroups.map((g) => label(TARGET_GROUPS, g)).join(", ")}
            </dd>
          </div>
          <div>
            <dt>Waar</dt>
            <dd>
              {a.isOnline ? (
                <>
                  Online:{" "}
                  {a.onlineUrl ? (
                    <a href={a.onlineUrl} rel="noopener noreferrer nofollow">
                      {a.onlineUrl}
                    </a>
                  ) : (
                    "geen link"
                  )}
                </>
              ) : (
                <>
                  {[a.venueName, a.address].filter(Boolean).join(", ")}
                  {a.municipality ? ` (gemeente ${a.municipality})` : ""}
                </>
              )}
            </dd>
          </div>
          {a.signUpInfo ? (
            <div>
              <dt>Aanmelden</dt>
              <dd className="pre-line">{a.signUpInfo}</dd>
            </div>
          ) : null}
          <div>
            <dt>Contact voor bezoekers (openbaar)</dt>
            <dd>{[a.publicContact.name, a.publicContact.email, a.publicContact.phone].filter(Boolean).join(", ") || "—"}</dd>
          </div>
        </dl>
        <Sub>Beschrijving</Sub>
        <p className="pre-line">{a.description}</p>
        {a.pin ? (
          <>
            <Sub>Punaise op de kaart</Sub>
            <p>
              {a.pin.approximate ? <strong>Locatie bij benadering: </strong> : null}
              {a.pin.approximate
                ? "het adres is niet precies gevonden, de punaise staat in het midden van de plaats of gemeente. "
                : null}
              Coördinaten {a.pin.lat.toFixed(5)}, {a.pin.lon.toFixed(5)} (
              <a
                href={`https://www.openstreetmap.org/?mlat=${a.pin.lat}&mlon=${a.pin.lon}#map=17/${a.pin.lat}/${a.pin.lon}`}
                rel="noopener noreferrer"
              >
                open op OpenStreetMap
              </a>
              ).
            </p>
            {map ? (
              <ClientOnly fallback={<p className="hint map-fallback">De kaart verschijnt als JavaScript aan staat.</p>}>
                {() => (
                  <Suspense fallback={<p className="hint map-loading">De kaart wordt geladen…</p>}>
                    <ActivityMap
                      lat={a.pin!.lat}
                      lon={a.pin!.lon}
                      title={a.title}
                      tileUrl={map.tileUrl}
                      attribution={map.attribution}
                    />
                  </Suspense>
                )}
              </ClientOnly>
            ) : null}
          </>
        ) : null}
      </section>

      <section aria-labelledby="organisator">
        <H id="organisator">Organisator</H>
        <dl className="activity-facts">
          <div>
            <dt>Organisatie</dt>
            <dd>
              {a.organisationName} ({label(ORGANISATION_KINDS, a.organisationKind)})
            </dd>
          </div>
          <div>
            <dt>Contactpersoon (niet openbaar)</dt>
            <dd>
              {a.privateContact.name}, <a href={`mailto:${a.privateContact.email}`}>{a.privateContact.email}</a>
              {a.privateContact.phone ? `, ${a.privateContact.phone}` : ""}
            </dd>
          </div>
          <div>
            <dt>Account</dt>
            <dd>
              {owner.name ? `${owner.name}, ` : ""}
              {owner.email}
            </dd>
          </div>
        </dl>
        <Sub>Eerdere activiteiten van deze organisator</Sub>
        {history.activities.length ? (
          <ul>
            {history.activities.map((h) => (
              <li key={h.id}>
                {h.editionYear}: {h.title} ({label(ACTIVITY_STATUSES, h.status)}
                {h.status === "rejected" && h.moderationReason ? `, reden: ${h.moderationReason}` : ""})
              </li>
            ))}
          </ul>
        ) : (
          <p>Dit is de eerste activiteit van deze organisator.</p>
        )}
        {history.rejectedChanges.length ? (
          <>
            <Sub>Eerder afgewezen wijzigingen</Sub>
            <ul>
              {history.rejectedChanges.map((h, i) => (
                <li key={i}>
                  {h.at ? `${formatDate(h.at)}: ` : ""}
                  {h.title}, reden: {h.reason}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
