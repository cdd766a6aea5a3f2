import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { canCancel, KIT_ORDER_STATUSES, deliveryAddressLines } from "~/models/kit-order";
import { cancelKitOrderByOrganiser, getKitOrderForOrganiser } from "~/models/kit-ordering.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { formatDateTime, formatShortDate } from "~/utils/time";
import { KitOrderDetails } from "~/components/kit-order-details";
import { readFormData } from "~/utils/form-data.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const order = getKitOrderForOrganiser(params.reference ?? "", user.id);
  if (!order) throw new Response("Niet gevonden", { status: 404 });
  return {
    email: user.email,
    order: {
      reference: order.reference,
      status: order.status,
      statusReason: order.statusReason,
      shippedOn: order.shippedOn,
      createdAt: order.createdAt.toISOString(),
      activityTitle: order.activityTitle,
      editionYear: order.editionYear,
      address: deliveryAddressLines(order),
      expectedParticipants: order.expectedParticipants,
      remarks: order.remarks,
      contents: order.kitContents,
      cancellable: canCancel(order.status),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const reference = params.reference ?? "";
  const formData = await readFormData(request);
  if (formData.get("intent") !== "cancel") throw new Response("Onbekende actie", { status: 400 });
  const reason = String(formData.get("reason") ?? "")
    .trim()
    .slice(0, 500);
  const result = cancelKitOrderByOrganiser({ reference, userId: user.id, reason: reason || undefined, now: now() });
  if (!result.ok && result.reason === "not_found") throw new Response("Niet gevonden", { status: 404 });
  const url = `/organisator/pakketten/${encodeURIComponent(reference)}`;
  return redirect(result.ok ? `${url}?geannuleerd=1` : `${url}?te-laat=1`, 303);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Bestelling ${data?.order.reference ?? ""} – Kom erbij` },
];

export default function KitOrderStatus() {
  const { order, email } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/organisator/pakketten">← Mijn pakketten</Link>
      </p>
      <h1>Bestelling {order.reference}</h1>
      {params.has("besteld") ? (
        <div className="alert success" role="status">
          <p>
            <strong>Bedankt, je bestelling is geplaatst.</strong> We hebben een bevestiging gestuurd naar {email}.
          </p>
        </div>
      ) : null}
      {params.has("geannuleerd") && order.status === "cancelled" ? (
        <div className="alert success" role="status">
          <p>Je bestelling is geannuleerd. Het pakket gaat terug naar de voorraad.</p>
        </div>
      ) : null}
      {params.has("te-laat") ? (
        <div className="alert error" role="alert">
          <p>Annuleren kan niet meer: het pakket is al verzonden of de bestelling is al beëindigd.</p>
        </div>
      ) : null}
      <p>
        Status: <span className="status">{KIT_ORDER_STATUSES[order.status]}</span>
        {order.status === "shipped" && order.shippedOn ? <> op {formatShortDate(order.shippedOn)}</> : null}
      </p>
      {order.statusReason && (order.status === "cancelled" || order.status === "rejected") ? (
        <p>Reden: {order.statusReason}</p>
      ) : null}
      <KitOrderDetails
        address={order.address}
        expectedParticipants={order.expectedParticipants}
        remarks={order.remarks}
        contents={order.contents}
      >
        <dt>Activiteit</dt>
        <dd>
          {order.activityTitle} (Week tegen Eenzaamheid {order.editionYear})
        </dd>
        <dt>Besteld op</dt>
        <dd>{formatDateTime(order.createdAt)}</dd>
      </KitOrderDetails>
      {order.cancellable ? (
        <section aria-labelledby="annuleren">
          <h2 id="annuleren">Bestelling annuleren</h2>
          <p>
            Heb je het pakket toch niet nodig? Annuleer dan je bestelling. Zo kan een andere activiteit het pakket krijgen. Dit
            kan tot het pakket is verzonden.
          </p>
          <Form method="post">
            <div className="field">
              <label htmlFor="reason">Waarom annuleer je? (niet verplicht)</label>
              <textarea id="reason" name="reason" rows={3} maxLength={500} />
            </div>
            <button type="submit" name="intent" value="cancel" className="secondary">
              Bestelling annuleren
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
