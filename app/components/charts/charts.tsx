// Server-rendered SVG charts (no chart library, no JavaScript needed). Every chart is an image with a
// Dutch label; the data itself is always also given as a table next to it by the page.

const PALETTE = ["#1a56db", "#b3261e", "#1d6b3a", "#7a3e9d", "#8a5a00", "#0f6b75"];
export const seriesColor = (i: number) => PALETTE[i % PALETTE.length];
const nl = (n: number) => Math.round(n).toLocaleString("nl-NL");

function niceMax(value: number) {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
  return 10 * step;
}

export type LineSeries = { name: string; points: { x: number; y: number }[] };

/** Lines on a shared x axis; `reverseX` puts the highest x on the left (e.g. "weeks before"). */
export function LineChart({
  title,
  description,
  series,
  xLabel,
  yLabel,
  reverseX = false,
}: {
  title: string;
  description: string;
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  reverseX?: boolean;
}) {
  const width = 640,
    height = 320,
    left = 56,
    right = 16,
    top = 16,
    bottom = 48;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const minX = Math.min(0, ...xs),
    maxX = Math.max(1, ...xs);
  const maxY = niceMax(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y))));
  const px = (x: number) => left + ((reverseX ? maxX - x : x - minX) / (maxX - minX)) * (width - left - right);
  const py = (y: number) => top + (1 - y / maxY) * (height - top - bottom);
  const ticksY = [0, 0.25, 0.5, 0.75, 1].map((f) => f * maxY);
  const stepX = Math.max(1, Math.ceil((maxX - minX) / 8));
  const ticksX: number[] = [];
  for (let x = minX; x <= maxX; x += stepX) ticksX.push(x);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}. ${description}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <desc>{description}</desc>
        {ticksY.map((y) => (
          <g key={`y${y}`}>
            <line x1={left} x2={width - right} y1={py(y)} y2={py(y)} stroke="#d6cfc0" />
            <text x={left - 6} y={py(y) + 4} textAnchor="end" fontSize="12" fill="#1d1d2c">
              {nl(y)}
            </text>
          </g>
        ))}
        {ticksX.map((x) => (
          <text key={`x${x}`} x={px(x)} y={height - bottom + 18} textAnchor="middle" fontSize="12" fill="#1d1d2c">
            {x}
          </text>
        ))}
        <text x={(left + width - right) / 2} y={height - 8} textAnchor="middle" fontSize="12" fill="#1d1d2c">
          {xLabel}
        </text>
        <text
          x={14}
          y={(top + height - bottom) / 2}
          textAnchor="middle"
          fontSize="12"
          fill="#1d1d2c"
          transform={`rotate(-90 14 ${(top + height - bottom) / 2})`}
        >
          {yLabel}
        </text>
        {series.map((s, i) => (
          <g key={s.name}>
            <polyline
              fill="none"
              stroke={seriesColor(i)}
              strokeWidth={2.5}
              strokeDasharray={i % 2 ? "6 3" : undefined}
              points={s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(" ")}
            />
            {s.points.at(-1) ? (
              <circle cx={px(s.points.at(-1)!.x)} cy={py(s.points.at(-1)!.y)} r={3.5} fill={seriesColor(i)} />
            ) : null}
          </g>
        ))}
      </svg>
      <Legend names={series.map((s) => s.name)} />
    </figure>
  );
}

/** Grouped vertical bars: one group per category, one bar per series. */
export function BarChart({
  title,
  description,
  categories,
  series,
}: {
  title: string;
  description: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}) {
  const width = 640,
    height = 300,
    left = 64,
    right = 16,
    top = 16,
    bottom = 40;
  const maxY = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const groupWidth = (width - left - right) / Math.max(1, categories.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  const py = (y: number) => top + (1 - y / maxY) * (height - top - bottom);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}. ${description}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <desc>{description}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={left} x2={width - right} y1={py(f * maxY)} y2={py(f * maxY)} stroke="#d6cfc0" />
            <text x={left - 6} y={py(f * maxY) + 4} textAnchor="end" fontSize="12" fill="#1d1d2c">
              {nl(f * maxY)}
            </text>
          </g>
        ))}
        {categories.map((c, ci) => (
          <g key={c}>
            {series.map((s, si) => (
              <rect
                key={s.name}
                x={left + ci * groupWidth + groupWidth * 0.1 + si * barWidth}
                y={py(s.values[ci] ?? 0)}
                width={barWidth - 2}
                height={Math.max(0, py(0) - py(s.values[ci] ?? 0))}
                fill={seriesColor(si)}
              />
            ))}
            <text
              x={left + ci * groupWidth + groupWidth / 2}
              y={height - bottom + 18}
              textAnchor="middle"
              fontSize="12"
              fill="#1d1d2c"
            >
              {c}
            </text>
          </g>
        ))}
      </svg>
      {series.length > 1 ? <Legend names={series.map((s) => s.name)} /> : null}
    </figure>
  );
}

function Legend({ names }: { names: string[] }) {
  return (
    <figcaption>
      <ul className="chart-legend" aria-label="Legenda">
        {names.map((n, i) => (
          <li key={n}>
            <svg width="28" height="10" aria-hidden="true" focusable="false">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={seriesColor(i)}
                strokeWidth="4"
                strokeDasharray={i % 2 ? "6 3" : undefined}
              />
            </svg>
            {n}
          </li>
        ))}
      </ul>
    </figcaption>
  );
}

// Bounding box of the Netherlands (land, incl. the Wadden islands) and an equirectangular projection
// with the longitude squeezed by cos(52°), so the country keeps its familiar shape.
const NL = { minLon: 3.3, maxLon: 7.25, minLat: 50.73, maxLat: 53.58 };
const LON_SCALE = Math.cos((52.15 * Math.PI) / 180);

/** Proportional symbols (circle area ∝ value) at municipality centres on a plain background. */
export function DotMap({
  title,
  description,
  points,
  unit,
}: {
  title: string;
  description: string;
  points: { key: string; name: string; lat: number; lon: number; value: number }[];
  unit: string;
}) {
  const height = 520;
  const width = Math.round(((NL.maxLon - NL.minLon) * LON_SCALE * height) / (NL.maxLat - NL.minLat));
  const x = (lon: number) => ((lon - NL.minLon) / (NL.maxLon - NL.minLon)) * width;
  const y = (lat: number) => ((NL.maxLat - lat) / (NL.maxLat - NL.minLat)) * height;
  const max = Math.max(1, ...points.map((p) => p.value));
  const r = (v: number) => (v <= 0 ? 0 : 2 + 16 * Math.sqrt(v / max));
  const shown = points.filter((p) => p.value > 0).sort((a, b) => b.value - a.value);
  return (
    <figure className="chart chart-map">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}. ${description}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <desc>{description}</desc>
        <rect x={0} y={0} width={width} height={height} fill="#eef3f8" rx={8} />
        {points
          .filter((p) => p.value <= 0)
          .map((p) => (
            <circle key={p.key} cx={x(p.lon)} cy={y(p.lat)} r={1.5} fill="#6b6b80" />
          ))}
        {shown.map((p) => (
          <circle
            key={p.key}
            cx={x(p.lon)}
            cy={y(p.lat)}
            r={r(p.value)}
            fill="#b3261e"
            fillOpacity={0.45}
            stroke="#8c1d17"
            strokeWidth={0.8}
          >
            <title>{`${p.name}: ${nl(p.value)} ${unit}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>
        Elke cirkel staat in het midden van een gemeente; hoe groter de cirkel, hoe meer {unit}. Een klein grijs puntje: geen{" "}
        {unit}.
      </figcaption>
    </figure>
  );
}
