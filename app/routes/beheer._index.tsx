import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countPendingActivities } from "~/models/activity.server";
import { lastInclusiveMinute, PHASE_LABELS } from "~/models/edition";
import { describeEdition, listEditions } from "~/models/edition.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDateRange, formatShortDate } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Programmateam – Kom erbij" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const at = now();
  return {
    pending: countPendingActivities(),
    editions: listEditions().map((e) => {
      const d = describeEdition(e, at);
      return {
        year: d.year,
        number: d.number,
        weekStart: d.weekStart,
        weekEnd: d.weekEnd,
        phase: d.phase,
        kitStock: d.kitStock,
        orderingOpensAt: d.orderingOpensAt.toISOString(),
        orderingClosesAt: d.orderingClosesAt.toISOString(),
        reportDeadline: d.reportDeadline.toISOString(),
      };
    }),
  };
}

export default function TeamHome() {
  const { editions, pending } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Programmateam</h1>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/beheer/controle">Activiteiten controleren</Link>
          </h2>
          <p>{pending === 1 ? "1 activiteit wacht" : `${pending} activiteiten wachten`} op controle.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/beheer/edities">Edities</Link>
          </h2>
          <p>De data van elke editie: de week, aanmelden, pakket bestellen en opkomst doorgeven. Een nieuwe editie maken.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/beheer/pakketten">Pakketbestellingen verwerken</Link>
          </h2>
          <p>Bestellingen, voorraad en de lijst voor het verzendhuis.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/beheer/cijfers">Cijfers</Link>
          </h2>
          <p>Activiteiten, pakketten en opkomst per editie, de kaart en de vergelijking tussen edities.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/beheer/team">Team en rollen</Link>
          </h2>
          <p>Wie mag wat, en nieuwe collega's uitnodigen.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/beheer/e-mail">E-mail</Link>
          </h2>
          <p>Wat is verstuurd, wat wacht en wat is mislukt. Mislukte berichten opnieuw versturen.</p>
        </li>
      </ul>
      <h2>Edities</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Alle edities van de Week tegen Eenzaamheid met hun fase</caption>
          <thead>
            <tr>
              <th scope="col">Jaar</th>
              <th scope="col">Editie</th>
              <th scope="col">De week</th>
              <th scope="col">Pakket bestellen</th>
              <th scope="col">Opkomst doorgeven tot</th>
              <th scope="col">Voorraad</th>
              <th scope="col">Fase nu</th>
            </tr>
          </thead>
          <tbody>
            {editions.map((e) => (
              <tr key={e.year}>
                <th scope="row">
                  <Link to={`/beheer/edities/${e.year}`}>{e.year}</Link>
                </th>
                <td>{e.number}e</td>
                <td>{formatDateRange(e.weekStart, e.weekEnd)}</td>
                <td>
                  {formatShortDate(e.orderingOpensAt)} – {formatShortDate(lastInclusiveMinute(e.orderingClosesAt))}
                </td>
                <td>{formatShortDate(lastInclusiveMinute(e.reportDeadline))}</td>
                <td>
                  {e.kitStock}{" "}
                  <Link to={`/beheer/edities/${e.year}/pakket`}>
                    Pakket en voorraad aanpassen<span className="visually-hidden"> voor {e.year}</span>
                  </Link>
                </td>
                <td>
                  <span className="status">{PHASE_LABELS[e.phase]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
