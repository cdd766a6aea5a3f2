// The embeddable agenda's options, read from its URL: a host site's colours (only when they stay
// readable) and how many activities to show. Shared by the embed routes and the snippet page.

export const EMBED_DEFAULTS = { accent: "#1f4e8c", background: "#ffffff", limit: 10 } as const;
export const EMBED_LIMITS = [5, 10, 20, 50] as const;

const HEX = /^#?([0-9a-f]{6})$/i;

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(1 + i, 3 + i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two "#rrggbb" colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const colour = (value: string | null) => {
  const match = value ? HEX.exec(value.trim()) : null;
  return match ? `#${match[1].toLowerCase()}` : null;
};

export type EmbedOptions = { accent: string; background: string; text: string; limit: number };

/**
 * `kleur` (links and headings) and `achtergrond` as hex ("1f4e8c" or "#1f4e8c"), `aantal` (5, 10, 20, 50).
 * A colour pair that would be hard to read (contrast below 4.5:1, WCAG AA) falls back to the defaults.
 */
export function parseEmbedOptions(params: URLSearchParams): EmbedOptions {
  const background = colour(params.get("achtergrond")) ?? EMBED_DEFAULTS.background;
  const text = contrastRatio(background, "#000000") >= contrastRatio(background, "#ffffff") ? "#1a1a1a" : "#ffffff";
  let accent = colour(params.get("kleur")) ?? EMBED_DEFAULTS.accent;
  if (contrastRatio(accent, background) < 4.5) accent = text;
  const asked = Number(params.get("aantal"));
  const limit = (EMBED_LIMITS as readonly number[]).includes(asked) ? asked : EMBED_DEFAULTS.limit;
  return { accent, background, text, limit };
}

/** The query string that carries the options (defaults left out). */
export function embedQuery(options: Partial<EmbedOptions>): string {
  const out = new URLSearchParams();
  if (options.accent && options.accent !== EMBED_DEFAULTS.accent) out.set("kleur", options.accent.replace("#", ""));
  if (options.background && options.background !== EMBED_DEFAULTS.background)
    out.set("achtergrond", options.background.replace("#", ""));
  if (options.limit && options.limit !== EMBED_DEFAULTS.limit) out.set("aantal", String(options.limit));
  return out.toString();
}
