// Shared rules about municipalities: the name residents use, the URL slug made from it, and the
// other names people type. The official CBS name stays the data (db/reference); this is the one
// home for "what do people call it".

/** Where the name people use differs from the official CBS name. */
const COMMON_NAMES: Record<string, string> = {
  GM0518: "Den Haag",
  GM0893: "Bergen (Limburg)",
  GM0373: "Bergen (Noord-Holland)",
  GM0820: "Nuenen",
};

/** Other names residents type for a municipality (Dutch or Frisian variants, short forms). */
const OTHER_NAMES: Record<string, string[]> = {
  GM0518: ["'s-Gravenhage", "s-Gravenhage", "The Hague"],
  GM0796: ["Den Bosch", "s-Hertogenbosch", "Hertogenbosch"],
  GM0363: ["Mokum"],
  GM0820: ["Nuenen, Gerwen en Nederwetten"],
  GM0080: ["Ljouwert"],
  GM1891: ["Dantumadeel"],
  GM0737: ["Tietjerksteradeel"],
  GM1900: ["Sudwest Fryslan", "Zuidwest-Friesland"],
  GM1970: ["Noordoost-Friesland"],
  GM0893: ["Bergen L", "Bergen (L.)"],
  GM0373: ["Bergen NH", "Bergen (NH.)"],
};

export type MunicipalityName = { code: string; name: string };

/** The name to show as a heading: what residents call it. */
export const commonName = (m: MunicipalityName) => COMMON_NAMES[m.code] ?? m.name;

/** Lower case, no accents, no brackets, hyphens as spaces, single spaces: how names are compared. */
export function normaliseName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[()-]/g, " ")
    .replace(/[^a-z0-9' ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Den Haag" → "den-haag", "Súdwest-Fryslân" → "sudwest-fryslan", "'s-Hertogenbosch" → "s-hertogenbosch". */
export function slugify(name: string): string {
  return normaliseName(name).replace(/[' ]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
}

export const municipalitySlug = (m: MunicipalityName) => slugify(commonName(m));

/** Every name people use for this municipality, as written (the offline gazetteer normalises them its own way). */
export const namesPeopleUse = (m: MunicipalityName) => [...new Set([m.name, commonName(m), ...(OTHER_NAMES[m.code] ?? [])])];

/** Every name (normalised) that should lead to this municipality. */
export function namesOf(m: MunicipalityName): string[] {
  const all = [m.name, commonName(m), ...(OTHER_NAMES[m.code] ?? [])];
  return [...new Set(all.flatMap((n) => [normaliseName(n), normaliseName(n.replace(/^'s-/, "s-"))]))];
}

/** Every slug that should lead to this municipality; the first is the canonical one. */
export function slugsOf(m: MunicipalityName): string[] {
  const all = [commonName(m), m.name, ...(OTHER_NAMES[m.code] ?? [])].map(slugify);
  return [...new Set(all)];
}
