// What a shared link to an activity or a municipality shows: title, one line of who/what/when/where,
// and the generated picture. Only public facts (the public selector) go in.
import type { PublicActivity } from "./activity-search.server";
import { absoluteUrl, activityPageUrl, printFacts } from "./activity-print.server";
import type { SharePreview } from "./share";

export type ShareCard = { kicker: string; title: string; lines: string[]; footer: string };

export function activityShareCard(a: PublicActivity): ShareCard {
  const f = printFacts(a);
  return {
    kicker: a.cancelled ? "Gaat niet door" : `Kom erbij! ${f.typeText}`,
    title: a.title,
    lines: [`${f.dayText}, ${f.timeText}`, f.placeShort || "Online"],
    footer: `Week tegen Eenzaamheid ${a.editionYear} · ${a.organisationName}`,
  };
}

export function activitySharePreview(a: PublicActivity): SharePreview {
  const card = activityShareCard(a);
  const description = `${card.lines.join(" · ")}. ${a.cancelled ? "Deze activiteit gaat niet door." : "Iedereen is welkom, ook als je alleen komt."}`;
  return {
    title: a.cancelled ? `Gaat niet door: ${a.title}` : a.title,
    description,
    url: activityPageUrl(a.id),
    imageUrl: absoluteUrl(`/activiteiten/${a.id}/deelafbeelding.png`),
    imageAlt: `${a.title}: ${card.lines.join(", ")}`,
  };
}

/** For municipality pages: "12 activiteiten in Utrecht" on the campaign background. */
export function municipalityShareCard(m: { name: string }, year: number, count: number, weekText: string): ShareCard {
  return {
    kicker: "Kom erbij!",
    title: `Activiteiten in ${m.name}`,
    lines: [`${count} ${count === 1 ? "activiteit" : "activiteiten"} in de Week tegen Eenzaamheid`, weekText],
    footer: `Week tegen Eenzaamheid ${year}`,
  };
}

export function municipalitySharePreview(
  m: { code: string; name: string },
  year: number,
  count: number,
  weekText: string,
  pageUrl: string,
): SharePreview {
  const card = municipalityShareCard(m, year, count, weekText);
  return {
    title: card.title,
    description: `${card.lines.join(", ")}. Iedereen is welkom, ook als je alleen komt.`,
    url: pageUrl,
    imageUrl: absoluteUrl(`/gemeenten/${m.code}/deelafbeelding.png?editie=${year}`),
    imageAlt: `${card.title}: ${card.lines.join(", ")}`,
  };
}
