// Shared facts about Kom Erbij-pakket orders.
import type { KitItem } from "../../db/schema";

export type { KitItem };

export const KIT_ORDER_STATUSES = {
  ordered: "Besteld",
  processing: "In behandeling",
  shipped: "Verzonden",
  cancelled: "Geannuleerd",
  rejected: "Afgewezen",
} as const;
export type KitOrderStatus = keyof typeof KIT_ORDER_STATUSES;

export const DEFAULT_KIT_CONTENTS: KitItem[] = [
  { item: "Posters (A3)", quantity: 3 },
  { item: "Placemats", quantity: 50 },
  { item: "Ansichtkaarten", quantity: 25 },
  { item: "Gesprekskaartjes (set)", quantity: 5 },
  { item: "Uitnodigingskaarten", quantity: 50 },
  { item: "Buttons", quantity: 25 },
  { item: "Vloerstickers", quantity: 4 },
];
