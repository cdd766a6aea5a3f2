// Shared facts and pure rules about Kom Erbij-pakket orders (browser and server).
import { z } from "zod";
import { ENDED_KIT_ORDER_STATUSES, KIT_ORDER_STATUS_VALUES, type KitOrderStatusValue } from "../../db/kit-order-statuses";
import type { KitItem } from "../../db/schema";
import { dutchPostcode } from "../utils/postcode";
import { calendarDateSchema, isCalendarDate, plainInteger } from "../utils/form-values";
import { formatDateTime } from "../utils/time";
import { lastInclusiveMinute, windowState } from "./edition";

export type { KitItem };

export type KitOrderStatus = KitOrderStatusValue;

export const KIT_ORDER_STATUSES = {
  ordered: "Besteld",
  processing: "In behandeling",
  shipped: "Verzonden",
  cancelled: "Geannuleerd",
  rejected: "Afgewezen",
} as const satisfies Record<KitOrderStatus, string>;

/** Orders that hold a package: every status except the ended ones (cancelled, rejected). */
export const LIVE_STATUSES: readonly KitOrderStatus[] = KIT_ORDER_STATUS_VALUES.filter(
  (status) => !(ENDED_KIT_ORDER_STATUSES as readonly string[]).includes(status),
);

// ---------------------------------------------------------------- window and stock

export type KitEditionRules = {
  orderingOpensAt: Date;
  orderingClosesAt: Date;
  kitStock: number;
};

export type KitAvailability =
  | { state: "open"; stockLeft: number }
  | { state: "not_open"; opensAt: Date }
  | { state: "closed"; closedAt: Date }
  | { state: "sold_out" };

/** Stock left is derived, never stored: the stock minus the orders that hold a package. */
export const stockLeft = (kitStock: number, liveOrders: number) => Math.max(0, kitStock - liveOrders);

/**
 * Can a package be ordered at `now`? The window includes its opening minute and excludes its
 * closing instant (closing at 1 September 00:00 means 31 August 23:59 is the last minute).
 */
export function kitAvailability(edition: KitEditionRules, liveOrders: number, now: Date): KitAvailability {
  const window = windowState(edition.orderingOpensAt, edition.orderingClosesAt, now);
  if (window === "not_open") return { state: "not_open", opensAt: edition.orderingOpensAt };
  if (window === "closed") return { state: "closed", closedAt: edition.orderingClosesAt };
  const left = stockLeft(edition.kitStock, liveOrders);
  return left > 0 ? { state: "open", stockLeft: left } : { state: "sold_out" };
}

/** The order's reference, e.g. KE2027-00123; a new order after a cancelled one gets a suffix (-2, -3 ...). */
export function kitOrderReference(year: number, activityId: number, earlierOrders: number): string {
  const base = `KE${year}-${String(activityId).padStart(5, "0")}`;
  return earlierOrders > 0 ? `${base}-${earlierOrders + 1}` : base;
}

// ---------------------------------------------------------------- status changes

/** Steps the programme team may take in fulfilment (forward only). */
const FULFILMENT_STEPS: Record<KitOrderStatus, KitOrderStatus[]> = {
  ordered: ["processing", "shipped"],
  processing: ["shipped"],
  shipped: [],
  cancelled: [],
  rejected: [],
};
export const canMoveTo = (from: KitOrderStatus, to: KitOrderStatus) => FULFILMENT_STEPS[from].includes(to);

/** An order can be cancelled (by the organiser) or rejected (by the team) until it has been shipped. */
export const canCancel = (status: KitOrderStatus) => status === "ordered" || status === "processing";

// ---------------------------------------------------------------- input

export const MAX_EXPECTED_PARTICIPANTS = 10_000;

const text = (required: string, max: number, tooLong: string) =>
  z.string({ required_error: required, invalid_type_error: required }).trim().min(1, required).max(max, tooLong);
const optionalText = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).optional();

/** The delivery address and details an organiser fills in. Only addresses in the Netherlands. */
export const KitOrderInputSchema = z.object({
  deliveryName: text(
    "Vul de naam in van de persoon die het pakket aanneemt.",
    100,
    "Deze naam is te lang (hoogstens 100 tekens).",
  ),
  deliveryOrganisation: optionalText(120, "Deze naam is te lang (hoogstens 120 tekens)."),
  street: text("Vul de straat in.", 120, "Deze straatnaam is te lang (hoogstens 120 tekens)."),
  houseNumber: z
    .string({ required_error: "Vul het huisnummer in.", invalid_type_error: "Vul het huisnummer in." })
    .trim()
    .regex(
      /^[1-9][0-9]{0,5}$/,
      "Vul een huisnummer in met alleen cijfers, zoals 12. Een letter of toevoeging kan in het veld hieronder.",
    ),
  houseNumberAddition: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,9}$/, "Vul een korte toevoeging in, zoals A, 2 of bis (hoogstens 10 letters of cijfers).")
    .optional(),
  postcode: dutchPostcode,
  place: text("Vul de plaats in.", 80, "Deze plaatsnaam is te lang (hoogstens 80 tekens)."),
  expectedParticipants: plainInteger(
    z
      .number({
        required_error: "Vul in hoeveel deelnemers je verwacht.",
        invalid_type_error: "Vul een aantal in met alleen cijfers, zoals 40.",
      })
      .int("Vul een heel getal in, zoals 40.")
      .min(1, "Vul een aantal in van 1 of meer.")
      .max(
        MAX_EXPECTED_PARTICIPANTS,
        `Vul een aantal in tot en met ${MAX_EXPECTED_PARTICIPANTS.toLocaleString("nl-NL")}. Verwacht je echt meer? Zet het dan bij de opmerkingen.`,
      ),
  ),
  remarks: optionalText(1000, "Je opmerking is te lang (hoogstens 1000 tekens)."),
});
export type KitOrderInput = z.infer<typeof KitOrderInputSchema>;

/** The edition's package settings as the programme team fills them in (Dutch date + time). */
export const KitSettingsSchema = z
  .object({
    opensDate: calendarDateSchema("Vul de datum in.", "Vul een datum in die bestaat, zoals 02-11-2026."),
    opensTime: z
      .string({ required_error: "Vul de tijd in." })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Vul een tijd in, zoals 09:00."),
    closesDate: calendarDateSchema("Vul de datum in.", "Vul een datum in die bestaat, zoals 31-08-2027."),
    closesTime: z
      .string({ required_error: "Vul de tijd in." })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Vul een tijd in, zoals 23:59."),
    kitStock: plainInteger(
      z
        .number({ required_error: "Vul de voorraad in.", invalid_type_error: "Vul de voorraad in met alleen cijfers." })
        .int("Vul een heel getal in.")
        .min(0, "De voorraad kan niet negatief zijn.")
        .max(1_000_000, "Dat is te veel. Vul hoogstens 1.000.000 in."),
    ),
    kitLimitPerActivity: plainInteger(
      z
        .number({
          required_error: "Vul in hoeveel pakketten een activiteit mag krijgen.",
          invalid_type_error: "Vul een aantal in met alleen cijfers, zoals 1.",
        })
        .int("Vul een heel getal in.")
        .min(1, "Vul 1 of meer in.")
        .max(100, "Vul hoogstens 100 in."),
    ),
    kitLimitPerOrganisation: plainInteger(
      z
        .number({ invalid_type_error: "Vul een aantal in met alleen cijfers, of laat het veld leeg." })
        .int("Vul een heel getal in.")
        .min(1, "Vul 1 of meer in, of laat het veld leeg voor geen grens.")
        .max(10_000, "Vul hoogstens 10.000 in.")
        .optional(),
    ),
    contents: z
      .array(
        z
          .object({
            item: z.string().trim().max(80, "Deze omschrijving is te lang (hoogstens 80 tekens).").optional(),
            quantity: plainInteger(
              z
                .number({ invalid_type_error: "Vul een aantal in met alleen cijfers." })
                .int("Vul een heel getal in.")
                .min(1, "Vul 1 of meer in.")
                .max(10_000, "Vul hoogstens 10.000 in.")
                .optional(),
            ),
          })
          .optional(),
      )
      .optional(),
  })
  .superRefine((v, ctx) => {
    (v.contents ?? []).forEach((row, i) => {
      if (row?.item && row.quantity === undefined)
        ctx.addIssue({ code: "custom", path: ["contents", i, "quantity"], message: "Vul het aantal in." });
      if (!row?.item && row?.quantity !== undefined)
        ctx.addIssue({ code: "custom", path: ["contents", i, "item"], message: "Vul in wat er in het pakket zit." });
    });
    if (!(v.contents ?? []).some((row) => row?.item && row.quantity))
      ctx.addIssue({ code: "custom", path: ["contents"], message: "Vul minstens één onderdeel van het pakket in." });
    if (`${v.closesDate}T${v.closesTime}` <= `${v.opensDate}T${v.opensTime}`)
      ctx.addIssue({ code: "custom", path: ["closesDate"], message: "De sluiting moet na de opening liggen." });
  })
  .transform(({ contents, ...rest }) => ({
    ...rest,
    contents: (contents ?? []).flatMap((row) => (row?.item && row.quantity ? [{ item: row.item, quantity: row.quantity }] : [])),
  }));
export type KitSettingsInput = z.infer<typeof KitSettingsSchema>;

/** "3 x Posters (A3), 50 x Placemats" — for lists, e-mails and the mailing house. */
export const describeContents = (contents: KitItem[]) => contents.map((c) => `${c.quantity} x ${c.item}`).join(", ");

/** Plain Dutch for why ordering is not possible now (null when it is). */
export function availabilityMessage(a: KitAvailability): string | null {
  switch (a.state) {
    case "open":
      return null;
    case "not_open":
      return `Bestellen kan nog niet. Je kunt het pakket bestellen vanaf ${formatDateTime(a.opensAt)}.`;
    case "closed":
      return `Bestellen kan niet meer. Je kon het pakket bestellen tot en met ${formatDateTime(lastInclusiveMinute(a.closedAt))}.`;
    case "sold_out":
      return "De pakketten zijn op. Alle pakketten voor deze editie zijn al besteld. Er kunnen geen pakketten meer bij.";
  }
}

export type KitOrderRefusal = KitAvailability["state"] | "not_found" | "not_published" | "already_ordered" | "organisation_limit";

export function refusalMessage(
  reason: Exclude<KitOrderRefusal, "open">,
  availability?: KitAvailability,
  kitLimitPerActivity = 1,
): string {
  switch (reason) {
    case "not_found":
      return "We kunnen deze activiteit niet vinden.";
    case "not_published":
      return "Je kunt pas een pakket bestellen als je activiteit is goedgekeurd en op de kaart staat.";
    case "already_ordered":
      return kitLimitPerActivity === 1
        ? "Voor deze activiteit is al een pakket besteld. Per activiteit kun je één pakket bestellen."
        : `Voor deze activiteit zijn al ${kitLimitPerActivity} pakketten besteld. Meer pakketten per activiteit kan niet.`;
    case "organisation_limit":
      return "Met jouw account zijn al zoveel pakketten besteld als er per organisatie mogen.";
    default:
      return (availability && availabilityMessage(availability)) ?? availabilityMessage({ state: "sold_out" })!;
  }
}

// ---------------------------------------------------------------- team list filters (from the URL)

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const STATUS_KEYS = Object.keys(KIT_ORDER_STATUSES) as [KitOrderStatus, ...KitOrderStatus[]];

// Unknown or malformed filter values are ignored rather than refused: a filter URL is not a form.
// Dates are the exception: a date range that silently fell away would export every order.
const FilterSchema = z.object({
  status: z.enum(STATUS_KEYS).optional().catch(undefined),
  provincie: z.string().max(60).optional().catch(undefined),
  gemeente: z
    .string()
    .regex(/^GM\d{4}$/)
    .optional()
    .catch(undefined),
  van: isoDate.optional().catch(undefined),
  tot: isoDate.optional().catch(undefined),
  zoek: z.string().max(100).optional().catch(undefined),
  pagina: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** Dutch query parameters (status, provincie, gemeente, van, tot, zoek, pagina) → filters; the edition (`editie`) is resolved on the server. */
export function parseKitOrderFilters(params: URLSearchParams) {
  for (const key of ["van", "tot"]) {
    const value = params.get(key)?.trim();
    if (value && !isCalendarDate(value))
      throw new Response(`De datum "${key}" bestaat niet. Kies een datum in de kalender, bijvoorbeeld 2027-08-31.`, {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
  }
  const raw = FilterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v.trim() !== "")));
  return {
    status: raw.status,
    province: raw.provincie,
    municipality: raw.gemeente,
    from: raw.van,
    to: raw.tot,
    q: raw.zoek,
    page: raw.pagina ?? 1,
  };
}

/** A delivery address as the lines on a label: name, organisation, street and number, postcode and place. */
export function deliveryAddressLines(a: {
  deliveryName: string;
  deliveryOrganisation?: string | null;
  street: string;
  houseNumber: string | number;
  houseNumberAddition?: string | null;
  postcode: string;
  place: string;
}): string[] {
  const addition = a.houseNumberAddition ? ` ${a.houseNumberAddition}` : "";
  return [
    a.deliveryName,
    a.deliveryOrganisation ?? "",
    `${a.street} ${a.houseNumber}${addition}`,
    `${a.postcode} ${a.place}`,
  ].filter((line) => line.trim() !== "");
}
