import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KIT_ORDER_STATUSES } from "~/models/kit-order";
import { getOrganiserKitOverview } from "~/models/kit-ordering.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { formatDateTime, formatShortDate } from "~/utils/time";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { orders, orderableActivities } = getOrganiserKitOverview(user.id, now());
  return {
    orders: orders.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    orderableActivities: orderableActivities.map((a) => ({ ...a, startsAt: a.startsAt.toISOString() })),
  };
}

export const meta: MetaFunction = () => [{ title: "Mijn pakketten – Kom erbij" }];

export default function MyKits() {
  const { orders, orderableActivities } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mijn Kom Erbij-pakketten</h1>
      <h2>Pakket bestellen</h2>
      {orderableActivities.length ? (
        <ul>
          {orderableActivities.map((a) => (
            <li key={a.id}>
              <Link to={`/organisator/activiteiten/${a.id}/pakket`}>Bestel een pakket voor {a.title}</Link> (
              {formatDateTime(a.startsAt)})
            </li>
          ))}
        </ul>
      ) : (
        <p>
          Je hebt nu geen activiteiten waarvoor je een pakket kunt bestellen. Dat kan voor goedgekeurde activiteiten, zolang
          bestellen open is.
        </p>
      )}
      <h2>Mijn bestellingen</h2>
      {orders.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Mijn bestellingen met hun status</caption>
            <thead>
              <tr>
                <th scope="col">Bestelling</th>
                <th scope="col">Activiteit</th>
                <th scope="col">Besteld op</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.reference}>
                  <th scope="row">
                    <Link to={`/organisator/pakketten/${o.reference}`}>{o.reference}</Link>
                  </th>
                  <td>{o.activityTitle}</td>
                  <td>{formatShortDate(o.createdAt)}</td>
                  <td>
                    <span className="status">{KIT_ORDER_STATUSES[o.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Je hebt nog geen pakketten besteld.</p>
      )}
    </>
  );
}
