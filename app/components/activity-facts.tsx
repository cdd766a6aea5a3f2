// Small building blocks for showing an activity to residents: icons always come with text.
import { Icon, type IconName } from "./icons";
import { formatEuros } from "~/utils/format";
import { ACTIVITY_TYPES, type ActivityType } from "~/models/activity";
import { featureLines, type ActivityFeatures, type FeatureIcon } from "~/models/activity-features";

// Every feature icon exists among the platform's icons (a type error here means one is missing).
const featureIcon = (icon: FeatureIcon): IconName => icon;

/** What lowers the threshold (welcome, transport, language, accessibility), each as an icon (hidden from screen readers) plus its words. */
export function FeatureList({ activity, compact = false }: { activity: ActivityFeatures; compact?: boolean }) {
  const lines = featureLines(activity, { short: compact });
  if (lines.length === 0) return compact ? null : <p>Hierover heeft de organisator niets ingevuld.</p>;
  return (
    <ul className="access-list">
      {lines.map((line) => (
        <li key={line.key}>
          <Icon name={featureIcon(line.icon)} /> {line.label}
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
