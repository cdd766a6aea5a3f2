import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { canCancel, canMoveTo, KIT_ORDER_STATUSES, deliveryAddressLines } from "~/models/kit-order";
import { bulkUpdateKitOrders, endKitOrderByTeam, getKitOrderForTeam } from "~/models/kit-fulfilment.server";
import { actionFailure, formValues, zodFieldErrors } from "~/utils/action.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDateTime, formatShortDate, utcToAmsterdam } from "~/utils/time";
import { KitOrderDetails } from "~/components/kit-order-details";
import { readFormData } from "~/utils/form-data.server";
import { isCalendarDate } from "~/utils/form-values";

const ACTION_LABELS: Record<string, string> = {
  "kit_order.placed": "Besteld",
  "kit_order.status_changed": "Status gewijzigd",
  "kit_order.cancelled": "Geannuleerd",
  "kit_order.rejected": "Afgewezen",
  "kit_order.activity_cancelled": "Activiteit geannuleerd (pakket was al verstuurd)",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const found = getKitOrderForTeam(params.reference ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const { order, history } = found;
  return {
    today: utcToAmsterdam(now()).date,
    order: {
      id: order.id,
      reference: order.reference,
      status: order.status,
      statusReason: order.statusReason,
      shippedOn: order.shippedOn,
      createdAt: order.createdAt.toISOString(),
      activityTitle: order.activityTitle,
      editionYear: order.editionYear,
      organiser: [order.organiserName, order.organiserEmail].filter(Boolean).join(", "),
      municipality: order.municipalityName,
      address: deliveryAddressLines(order),
      expectedParticipants: order.expectedParticipants,
      remarks: order.remarks,
      canProcess: canMoveTo(order.status, "processing"),
      canShip: canMoveTo(order.status, "shipped"),
      canEnd: canCancel(order.status),
    },
    history: history.map((h) => ({
      at: h.at.toISOString(),
      action: ACTION_LABELS[h.action] ?? h.action,
      to: typeof h.details?.to === "string" ? h.details.to : null,
      reason: typeof h.details?.reason === "string" ? h.details.reason : null,
      who: h.actorName ?? h.actorEmail ?? "Systeem",
    })),
  };
}

const TeamActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("processing") }),
  z.object({
    intent: z.literal("shipped"),
    shippedOn: z
      .string({ required_error: "Vul de verzenddatum in." })
      .refine(isCalendarDate, "Vul een verzenddatum in die bestaat."),
  }),
  z.object({
    intent: z.enum(["cancelled", "rejected"]),
    reason: z
      .string({ required_error: "Schrijf op waarom. De organisator krijgt deze reden per e-mail." })
      .trim()
      .min(3, "Schrijf op waarom. De organisator krijgt deze reden per e-mail.")
      .max(500, "Houd de reden korter dan 500 tekens."),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const found = getKitOrderForTeam(params.reference ?? "");
  if (!found) throw new Response("Niet gevonden", { status: 404 });
  const formData = await readFormData(request);
  const values = formValues(formData);
  const parsed = TeamActionSchema.safeParse(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")));
  if (!parsed.success) return actionFailure(values, zodFieldErrors(parsed.error));
  const input = parsed.data;
  const at = now();
  const url = `/beheer/pakketten/${encodeURIComponent(found.order.reference)}`;
  if (input.intent === "cancelled" || input.intent === "rejected") {
    const result = endKitOrderByTeam({
      reference: found.order.reference,
      to: input.intent,
      reason: input.reason,
      actorId: user.id,
      now: at,
    });
    return redirect(`${url}?${result.ok ? "gewijzigd" : "te-laat"}=1`, 303);
  }
  const result = bulkUpdateKitOrders({
    ids: [found.order.id],
    to: input.intent,
    shippedOn: input.intent === "shipped" ? input.shippedOn : undefined,
    actorId: user.id,
    now: at,
  });
  return redirect(`${url}?${result.updated.length ? "gewijzigd" : "te-laat"}=1`, 303);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Bestelling ${data?.order.reference ?? ""} – Programmateam – Kom erbij` },
];

export default function TeamKitOrder() {
  const { order, history, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ?? {};
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/beheer/pakketten">← Alle pakketbestellingen</Link>
      </p>
      <h1>Bestelling {order.reference}</h1>
      {params.has("gewijzigd") ? (
        <div className="alert success" role="status">
          <p>De bestelling is bijgewerkt.</p>
        </div>
      ) : null}
      {params.has("te-laat") ? (
        <div className="alert error" role="alert">
          <p>Dat kan niet meer met deze bestelling: de status is intussen veranderd.</p>
        </div>
      ) : null}
      <p>
        Status: <span className="status">{KIT_ORDER_STATUSES[order.status]}</span>
        {order.shippedOn ? <> op {formatShortDate(order.shippedOn)}</> : null}
      </p>
      {order.statusReason ? <p>Reden: {order.statusReason}</p> : null}
      <KitOrderDetails address={order.address} expectedParticipants={order.expectedParticipants} remarks={order.remarks}>
        <dt>Activiteit</dt>
        <dd>
          {order.activityTitle} ({order.editionYear}
          {order.municipality ? `, ${order.municipality}` : ""})
        </dd>
        <dt>Besteld door</dt>
        <dd>{order.organiser}</dd>
        <dt>Besteld op</dt>
        <dd>{formatDateTime(order.createdAt)}</dd>
      </KitOrderDetails>

      {order.canProcess || order.canShip ? (
        <section aria-labelledby="verwerken">
          <h2 id="verwerken">Verwerken</h2>
          {order.canProcess ? (
            <Form method="post">
              <button type="submit" name="intent" value="processing">
                Op ‘in behandeling’ zetten
              </button>
            </Form>
          ) : null}
          {order.canShip ? (
            <Form method="post">
              <div className="field">
                <label htmlFor="shippedOn">Verzenddatum</label>
                <input
                  id="shippedOn"
                  name="shippedOn"
                  type="date"
                  defaultValue={today}
                  required
                  aria-invalid={errors.shippedOn ? true : undefined}
                  aria-describedby={errors.shippedOn ? "shippedOn-fout" : undefined}
                />
                {errors.shippedOn ? (
                  <p className="field-error" id="shippedOn-fout">
                    {errors.shippedOn?.[0]}
                  </p>
                ) : null}
              </div>
              <button type="submit" name="intent" value="shipped">
                Verzonden (organisator krijgt een e-mail)
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {order.canEnd ? (
        <section aria-labelledby="beeindigen">
          <h2 id="beeindigen">Annuleren of afwijzen</h2>
          <Form method="post">
            <fieldset>
              <legend>Wat wil je doen?</legend>
              <label className="check">
                <input type="radio" name="intent" value="cancelled" defaultChecked /> Annuleren
              </label>
              <label className="check">
                <input type="radio" name="intent" value="rejected" /> Afwijzen
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor="reason">Reden</label>
              <p className="hint" id="reason-hint">
                De organisator krijgt deze reden per e-mail. Het pakket gaat terug naar de voorraad.
              </p>
              <textarea
                id="reason"
                name="reason"
                rows={3}
                maxLength={500}
                required
                aria-invalid={errors.reason ? true : undefined}
                aria-describedby={errors.reason ? "reason-hint reason-fout" : "reason-hint"}
              />
              {errors.reason ? (
                <p className="field-error" id="reason-fout">
                  {errors.reason?.[0]}
                </p>
              ) : null}
            </div>
            <button type="submit" className="secondary">
              Bevestigen
            </button>
          </Form>
        </section>
      ) : null}

      <h2>Geschiedenis</h2>
      <ul>
        {history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at)}: {h.action}
            {h.to ? ` (${KIT_ORDER_STATUSES[h.to as keyof typeof KIT_ORDER_STATUSES] ?? h.to})` : ""} door {h.who}
            {h.reason ? `: ${h.reason}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
