// The one list of kit-order statuses (the schema's enum and its partial index are built from it;
// app/models/kit-order.ts derives the "live" ones and the Dutch labels).
export const KIT_ORDER_STATUS_VALUES = ["ordered", "processing", "shipped", "cancelled", "rejected"] as const;
export type KitOrderStatusValue = (typeof KIT_ORDER_STATUS_VALUES)[number];

/** Orders in these statuses no longer hold a package: the stock is free again. */
export const ENDED_KIT_ORDER_STATUSES = ["cancelled", "rejected"] as const satisfies readonly KitOrderStatusValue[];
