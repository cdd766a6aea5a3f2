// An edition's package settings: ordering window, stock, contents and limits.
import { eq } from "drizzle-orm";
import { audit } from "~/utils/audit.server";
import { db, immediate, schema } from "~/utils/db.server";
import { amsterdamToUtc, utcToAmsterdam } from "~/utils/time";
import { type KitSettingsInput } from "./kit-order";
import { countLiveOrders } from "./kit-order.server";
import { RuleError } from "./rule-error";

const t = schema;

// ---------------------------------------------------------------- programme team: edition settings

export function getKitSettings(year: number) {
  const edition = db.select().from(t.editions).where(eq(t.editions.year, year)).get();
  if (!edition) return null;
  const opens = utcToAmsterdam(edition.orderingOpensAt);
  const closes = utcToAmsterdam(edition.orderingClosesAt);
  return {
    year: edition.year,
    live: countLiveOrders(db, edition.id),
    values: {
      kitLimitPerActivity: edition.kitLimitPerActivity,
      opensDate: opens.date,
      opensTime: opens.time,
      closesDate: closes.date,
      closesTime: closes.time,
      kitStock: edition.kitStock,
      kitLimitPerOrganisation: edition.kitLimitPerOrganisation,
      contents: edition.kitContents,
    },
  };
}

/**
 * Saves the edition's package settings. The stock may not drop below what is already promised
 * (RuleError on the stock field; nothing is written).
 */
export function updateKitSettings(year: number, input: KitSettingsInput, actorId: number, now: Date): void {
  immediate((tx) => {
    const edition = tx.select().from(t.editions).where(eq(t.editions.year, year)).get();
    if (!edition) throw new RuleError("Deze editie bestaat niet.", { status: 404, reason: "not_found" });
    const live = countLiveOrders(tx, edition.id);
    if (input.kitStock < live)
      throw new RuleError(`Er zijn al ${live} pakketten besteld. De voorraad kan niet lager zijn dan ${live}.`, {
        status: 400,
        field: "kitStock",
        reason: "stock_below_orders",
      });
    const values = {
      orderingOpensAt: amsterdamToUtc(input.opensDate, input.opensTime),
      orderingClosesAt: amsterdamToUtc(input.closesDate, input.closesTime),
      kitStock: input.kitStock,
      kitContents: input.contents,
      kitLimitPerActivity: input.kitLimitPerActivity,
      kitLimitPerOrganisation: input.kitLimitPerOrganisation ?? null,
    };
    tx.update(t.editions)
      .set({ ...values, updatedAt: now })
      .where(eq(t.editions.id, edition.id))
      .run();
    audit(tx, {
      actorId,
      action: "edition.kit_settings_updated",
      entityType: "edition",
      entityId: edition.year,
      details: {
        before: {
          orderingOpensAt: edition.orderingOpensAt.toISOString(),
          orderingClosesAt: edition.orderingClosesAt.toISOString(),
          kitStock: edition.kitStock,
          kitContents: edition.kitContents,
          kitLimitPerActivity: edition.kitLimitPerActivity,
          kitLimitPerOrganisation: edition.kitLimitPerOrganisation,
        },
        after: {
          ...values,
          orderingOpensAt: values.orderingOpensAt.toISOString(),
          orderingClosesAt: values.orderingClosesAt.toISOString(),
        },
      },
    });
  });
}
