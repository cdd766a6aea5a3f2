// The compact agenda shown inside an <iframe> on another website. Plain HTML: it works without
// JavaScript, and every link opens the activity on our site in a new tab.
import type { CSSProperties } from "react";
import type { EmbedOptions } from "~/models/embed";
import { formatDate, formatTime } from "~/utils/time";

export type EmbedItem = {
  id: number;
  title: string;
  startsAt: number;
  endsAt: number;
  isOnline: boolean;
  place: string | null;
  venueName: string | null;
  cancelled: boolean;
};

type Props = {
  heading: string;
  intro: string;
  items: EmbedItem[];
  total: number;
  options: EmbedOptions;
  moreUrl: string;
  moreLabel: string;
  siteUrl: string;
};

export function EmbedAgenda({ heading, intro, items, total, options, moreUrl, moreLabel, siteUrl }: Props) {
  const style = {
    "--embed-accent": options.accent,
    "--embed-bg": options.background,
    "--embed-text": options.text,
  } as CSSProperties;
  return (
    <div className="embed-agenda" style={style}>
      <h1>{heading}</h1>
      <p className="embed-intro">{intro}</p>
      {items.length === 0 ? (
        <p>Er staan nog geen activiteiten in de agenda.</p>
      ) : (
        <ol className="embed-list">
          {items.map((a) => (
            <li key={a.id}>
              <a href={`${siteUrl}/activiteiten/${a.id}`} target="_blank" rel="noopener">
                {a.title}
                <span className="visually-hidden"> (opent in een nieuw tabblad)</span>
              </a>
              {a.cancelled ? <strong className="embed-cancelled"> Gaat niet door</strong> : null}
              <span className="embed-when">
                {formatDate(a.startsAt)}, {formatTime(a.startsAt)}–{formatTime(a.endsAt)} uur
              </span>
              <span className="embed-where">{a.isOnline ? "Online" : [a.venueName, a.place].filter(Boolean).join(", ")}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="embed-more">
        <a href={moreUrl} target="_blank" rel="noopener">
          {total > items.length ? `${moreLabel} (${total})` : moreLabel}
          <span className="visually-hidden"> (opent in een nieuw tabblad)</span>
        </a>
      </p>
      <p className="embed-credit">
        Week tegen Eenzaamheid – <span lang="nl">Kom erbij</span>
      </p>
    </div>
  );
}
