// Small building blocks for showing an activity to residents: icons always come with text.
import { Icon, type IconName } from "./icons";
import { formatEuros } from "~/utils/format";
import { ACCESSIBILITY_FEATURES, ACTIVITY_TYPES, type ActivityType } from "~/models/activity";

type Accessibility = { wheelchairAccessible: boolean; hearingLoop: boolean; quietSpace: boolean; transportHelp: boolean };

const ICONS: Record<keyof Accessibility, IconName> = {
  wheelchairAccessible: "wheelchair",
  hearingLoop: "ear",
  quietSpace: "quiet",
  transportHelp: "transport",
};

/** The accessibility features an activity has, each as an icon (hidden from screen readers) plus its text. */
export function AccessibilityList({ activity, compact = false }: { activity: Accessibility; compact?: boolean }) {
  const present = (Object.keys(ACCESSIBILITY_FEATURES) as (keyof Accessibility)[]).filter((k) => activity[k]);
  if (present.length === 0) return compact ? null : <p>Hierover heeft de organisator niets ingevuld.</p>;
  return (
    <ul className="access-list">
      {present.map((k) => (
        <li key={k}>
          <Icon name={ICONS[k]} /> {ACCESSIBILITY_FEATURES[k]}
        </li>
      ))}
    </ul>
  );
}

export const typeLabel = (type: string) => ACTIVITY_TYPES[type as ActivityType] ?? type;

/** "Gratis" or "€ 3,00". */
export function formatCost(isFree: boolean, priceCents: number | null): string {
  if (isFree || !priceCents) return "Gratis";
  return formatEuros(priceCents / 100);
}
