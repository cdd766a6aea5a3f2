// The Week at a glance: a server-rendered SVG of the Netherlands, drawn from the municipalities'
// centres, with a circle per municipality sized by its number of activities. It is an image with a
// text alternative (the list beside it); with JavaScript, pointing at a circle names the municipality
// and a click searches there.
import { useNavigate } from "@remix-run/react";
import { useState } from "react";
import { countInWords, searchQuery } from "~/models/activity-search";

type Point = { code: string; name: string; lat: number; lon: number };
type Counted = Point & { count: number };

// Equirectangular, squeezed east-west by cos(52.2°), 100 units per degree of latitude.
const WEST = 3.3;
const NORTH = 53.58;
const K = Math.cos((52.2 * Math.PI) / 180);
const project = (p: { lat: number; lon: number }) => ({
  x: Math.round((p.lon - WEST) * K * 1000) / 10,
  y: Math.round((NORTH - p.lat) * 1000) / 10,
});
const radius = (count: number) => Math.min(14, 2.5 + 1.6 * Math.sqrt(count));

export function WeekMap({
  municipalities,
  counts,
  editionYear,
}: {
  municipalities: Point[];
  counts: Counted[];
  editionYear?: number;
}) {
  const navigate = useNavigate();
  const [pointed, setPointed] = useState<Counted | null>(null);
  const land = municipalities
    .map(project)
    .map(({ x, y }) => `M${x} ${y}h0`)
    .join("");
  const searchAt = (m: Counted) => navigate(`/${searchQuery({ plaats: m.name, editie: editionYear })}#resultaten`);

  return (
    <div className="week-map">
      <svg viewBox="0 0 250 290" role="img" aria-labelledby="week-map-title" focusable="false">
        <title id="week-map-title">Kaart van Nederland met het aantal activiteiten per gemeente</title>
        <path d={land} className="week-map-land" />
        {counts.map((m) => {
          const { x, y } = project(m);
          return (
            <circle
              key={m.code}
              cx={x}
              cy={y}
              r={radius(m.count)}
              className={pointed?.code === m.code ? "week-map-dot is-pointed" : "week-map-dot"}
              onPointerEnter={() => setPointed(m)}
              onClick={() => searchAt(m)}
            />
          );
        })}
      </svg>
      <p className="week-map-label" aria-live="polite">
        {pointed ? `${pointed.name}: ${countInWords(pointed.count)}` : "\u00a0"}
      </p>
    </div>
  );
}
