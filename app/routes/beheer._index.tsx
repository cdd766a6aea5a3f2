import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PHASE_LABELS } from "~/models/edition";
import { describeEdition, listEditions } from "~/models/edition.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDateRange, formatShortDate } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Programmateam – Kom erbij" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const at = now();
  return {
    editions: listEditions().map((e) => {
      const d = describeEdition(e, at);
      return {
        year: d.year, number: d.number, weekStart: d.weekStart, weekEnd: d.weekEnd, phase: d.phase, kitStock: d.kitStock,
        orderingOpensAt: d.orderingOpensAt.toISOString(), orderingClosesAt: d.orderingClosesAt.toISOString(), reportDeadline: d.reportDeadline.toISOString(),
      };
    }),
  };
}

export default function TeamHome() {
  const { editions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Programmateam</h1>
      <p><Link to="/beheer/e-mail">E-mail: wat is verstuurd en wat is mislukt</Link></p>
      <h2>Edities</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Alle edities van de Week tegen Eenzaamheid met hun fase</caption>
          <thead>
            <tr><th scope="col">Jaar</th><th scope="col">Editie</th><th scope="col">De week</th><th scope="col">Pakket bestellen</th><th scope="col">Opkomst doorgeven tot</th><th scope="col">Voorraad</th><th scope="col">Fase nu</th></tr>
          </thead>
          <tbody>
            {editions.map((e) => (
              <tr key={e.year}>
                <th scope="row">{e.year}</th>
                <td>{e.number}e</td>
                <td>{formatDateRange(e.weekStart, e.weekEnd)}</td>
                <td>{formatShortDate(e.orderingOpensAt)} – {formatShortDate(new Date(new Date(e.orderingClosesAt).getTime() - 1))}</td>
                <td>{formatShortDate(new Date(new Date(e.reportDeadline).getTime() - 1))}</td>
                <td>{e.kitStock}</td>
                <td><span className="status">{PHASE_LABELS[e.phase]}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
