import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { lastInclusiveMinute, PHASE_LABELS } from "~/models/edition";
import { describeEdition, getNextEditionDraft, listEditions } from "~/models/edition.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDateRange, formatShortDate } from "~/utils/time";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const at = now();
  return {
    nextYear: getNextEditionDraft()?.year ?? null,
    editions: listEditions().map((e) => {
      const d = describeEdition(e, at);
      return {
        year: d.year,
        number: d.number,
        week: formatDateRange(d.weekStart, d.weekEnd),
        phase: PHASE_LABELS[d.phase],
        registration: `${formatShortDate(d.registrationOpensAt)} t/m ${formatShortDate(lastInclusiveMinute(d.registrationClosesAt))}`,
        ordering: `${formatShortDate(d.orderingOpensAt)} t/m ${formatShortDate(lastInclusiveMinute(d.orderingClosesAt))}`,
      };
    }),
  };
}

export const meta: MetaFunction = () => [{ title: "Edities – Programmateam – Kom erbij" }];

export default function Editions() {
  const { editions, nextYear } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/beheer">Programmateam</Link>
      </p>
      <h1>Edities</h1>
      {params.get("melding") === "aangemaakt" ? (
        <div className="alert success" role="status">
          <p>De editie is aangemaakt.</p>
        </div>
      ) : null}
      {nextYear ? (
        <p>
          <Link to="/beheer/edities/nieuw" className="button">
            Nieuwe editie ({nextYear}) maken
          </Link>
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Alle edities met hun data en fase</caption>
          <thead>
            <tr>
              <th scope="col">Editie</th>
              <th scope="col">De week</th>
              <th scope="col">Aanmelden</th>
              <th scope="col">Pakket bestellen</th>
              <th scope="col">Fase nu</th>
              <th scope="col">Instellingen</th>
            </tr>
          </thead>
          <tbody>
            {editions.map((e) => (
              <tr key={e.year}>
                <th scope="row">
                  <Link to={`/beheer/edities/${e.year}`}>
                    {e.year} ({e.number}e editie)
                  </Link>
                </th>
                <td>{e.week}</td>
                <td>{e.registration}</td>
                <td>{e.ordering}</td>
                <td>{e.phase}</td>
                <td>
                  <Link to={`/beheer/edities/${e.year}/pakket`}>
                    Pakket<span className="visually-hidden"> {e.year}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
