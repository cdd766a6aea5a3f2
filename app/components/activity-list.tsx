import { Link } from "@remix-run/react";
import { formatDistance } from "~/models/activity-search";
import { formatDate, formatTime } from "~/utils/time";
import type { ActivityFeatures } from "~/models/activity-features";
import { FeatureList, formatCost, typeLabel } from "./activity-facts";
import { sessionCountText } from "~/models/activity-sessions";

export type ListedActivity = ActivityFeatures & {
  id: number;
  title: string;
  type: string;
  startsAt: number;
  endsAt: number;
  /** How many sessions; startsAt/endsAt are the next one. */
  sessionCount?: number;
  isOnline: boolean;
  venueName: string | null;
  place: string | null;
  isFree: boolean;
  priceCents: number | null;
  signUpRequired: boolean;
  cancelled: boolean;
  distanceKm: number | null;
};

/** The primary answer to a search: a plain, server-rendered list that works without JavaScript. */
export function ActivityList({
  activities,
  start,
  now,
  linkSuffix = "",
}: {
  activities: ListedActivity[];
  start: number;
  now: number;
  /** Appended to each activity link (the search to return to). */
  linkSuffix?: string;
}) {
  return (
    <ol className="result-list" start={start}>
      {activities.map((a) => (
        <li key={a.id} className="result">
          <p className="when" aria-hidden="true">
            <span className="when-day">{formatDate(a.startsAt).replace(/ \d{4}$/, "")}</span>
            <span className="when-time">
              {formatTime(a.startsAt)}–{formatTime(a.endsAt)}
            </span>
          </p>
          <h3>
            <Link to={`/activiteiten/${a.id}${linkSuffix}`}>{a.title}</Link>
          </h3>
          {a.cancelled ? <p className="status cancelled">Gaat niet door</p> : null}
          {a.endsAt < now ? <p className="status">Al geweest</p> : null}
          <dl className="facts">
            <div>
              <dt>Wanneer</dt>
              <dd>
                {formatDate(a.startsAt)}, {formatTime(a.startsAt)} tot {formatTime(a.endsAt)} uur
                {sessionCountText(a.sessionCount ?? 1) ? (
                  <>
                    {" "}
                    <strong className="session-count">({sessionCountText(a.sessionCount ?? 1)} in de Week)</strong>
                  </>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>Waar</dt>
              <dd>
                {a.isOnline ? "Online" : [a.venueName, a.place].filter(Boolean).join(", ")}
                {a.distanceKm !== null ? (
                  <>
                    {" "}
                    (<span className="distance">{formatDistance(a.distanceKm)}</span> hiervandaan)
                  </>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>Soort</dt>
              <dd>{typeLabel(a.type)}</dd>
            </div>
            <div>
              <dt>Kosten</dt>
              <dd>
                {formatCost(a.isFree, a.priceCents)}
                {a.signUpRequired ? ", aanmelden nodig" : ""}
              </dd>
            </div>
          </dl>
          <FeatureList activity={a} compact />
        </li>
      ))}
    </ol>
  );
}
