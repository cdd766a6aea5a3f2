// The platform's icons: small inline SVGs, always next to a text that says the same (so they are
// hidden from screen readers). Drawn on a 24-unit grid with a 2-unit stroke in the current colour.
const PATHS = {
  wheelchair: "M12 4a1.5 1.5 0 1 0 0 .01M10 8v5h5l2 5M10 10.5a5 5 0 1 0 4.8 6.4",
  ear: "M7 9a5 5 0 0 1 10 0c0 3-3 4-3 7a3 3 0 0 1-5 2M10 9a2 2 0 0 1 4 0",
  quiet: "M4 12h3l4-4v8l-4-4M15 9l5 6M20 9l-5 6",
  transport: "M3 6h12v9H3zM15 9h4l2 3v3h-6M6 18a1.5 1.5 0 1 0 0 .01M17 18a1.5 1.5 0 1 0 0 .01",
  door: "M6 21V4h10v17M4 21h16M13 12h.01M16 6l3 1v13l-3 1",
  bus: "M5 4h14v13H5zM5 11h14M8 20v-3M16 20v-3M8 14h.01M16 14h.01",
  speech: "M4 5h16v11H9l-5 4zM8 9h8M8 12h5",
  language: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18",
  calendar: "M4 6h16v14H4zM4 10h16M8 3v4M16 3v4",
  clock: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3 2",
  pin: "M12 21s-7-6.5-7-11a7 7 0 0 1 14 0c0 4.5-7 11-7 11zM12 8a2 2 0 1 0 0 .01",
  list: "M8 6h13M8 12h13M8 18h13M3 6h1M3 12h1M3 18h1",
  map: "M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2zM9 4v14M15 6v14",
  megaphone: "M3 10v4h3l7 4V6L6 10zM16 9a4 4 0 0 1 0 6M19 7a7 7 0 0 1 0 10",
  people: "M9 11a3 3 0 1 0 0-6a3 3 0 1 0 0 6M3 20a6 6 0 0 1 12 0M16 5a3 3 0 0 1 0 6M18 14a5 5 0 0 1 3 6",
  arrowLeft: "M19 12H5M11 6l-6 6 6 6",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The campaign's wordmark: a speech bubble of two dots meeting, and "Kom erbij". */
export function Wordmark() {
  return (
    <svg className="wordmark" viewBox="0 0 172 40" width="172" height="40" aria-hidden="true" focusable="false">
      <path d="M4 6h32a4 4 0 0 1 4 4v16a4 4 0 0 1-4 4H18l-8 7v-7H4a4 4 0 0 1-4-4V10a4 4 0 0 1 4-4z" fill="#b3261e" />
      <circle cx="14" cy="18" r="4.5" fill="#fff" />
      <circle cx="26" cy="18" r="4.5" fill="#ffd27a" />
      <text x="48" y="27" fontFamily="Georgia, 'Times New Roman', serif" fontSize="24" fontWeight="700" fill="currentColor">
        Kom erbij
      </text>
    </svg>
  );
}
