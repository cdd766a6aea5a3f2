import { z } from "zod";
import { formatDateTime, formatShortDate, utcToAmsterdam } from "../../app/utils/time";

/** An ISO instant, or a calendar date "YYYY-MM-DD" meaning "up to and including that day". */
export const deadlineSchema = z.union([z.string().datetime({ offset: true }), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);

/** A deadline in words. An instant at midnight is an exclusive end, so it reads as "up to and including" the day before. */
export function formatDeadline(deadline: string): string {
  if (deadline.length === 10) return `tot en met ${formatShortDate(deadline)}`;
  const at = new Date(deadline);
  if (utcToAmsterdam(at).time === "00:00") return `tot en met ${formatShortDate(new Date(at.getTime() - 1))}`;
  return `vóór ${formatDateTime(at)}`;
}

export { formatShortDate };
