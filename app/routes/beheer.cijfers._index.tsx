import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EditionPicker } from "~/components/edition-picker";
import { Link, useLoaderData } from "@remix-run/react";
import { DotMap } from "~/components/charts/charts";
import { KIT_ORDER_STATUSES, type KitOrderStatus } from "~/models/kit-order";
import { listEditions } from "~/models/edition.server";
import { editionFigures, ESTIMATE_METHOD, figuresEdition, type Breakdown, type EditionFigures } from "~/models/figures.server";
import { orNotFound } from "~/utils/route-params.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDateRange, formatShortDate } from "~/utils/time";
import { lastInclusiveMinute } from "~/models/edition";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Cijfers${data ? ` ${data.year}` : ""} – Programmateam – Kom erbij` },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const at = now();
  const figures = editionFigures(orNotFound(figuresEdition(request.url, at)), at);
  return {
    year: figures.edition.year,
    years: listEditions().map((e) => e.year),
    week: formatDateRange(figures.edition.weekStart, figures.edition.weekEnd),
    reportDeadline: formatShortDate(lastInclusiveMinute(figures.edition.reportDeadline)),
    computedAt: at.toISOString(),
    activities: figures.activities,
    municipalitiesTotal: figures.municipalitiesTotal,
    whiteSpots: figures.whiteSpots,
    kits: figures.kits,
    attendance: figures.attendance,
    lastingContact: figures.lastingContact,
    method: ESTIMATE_METHOD,
    perProvince: figures.perProvince,
    perType: figures.perType,
    perTargetGroup: figures.perTargetGroup,
    perMunicipality: figures.perMunicipality.filter((m) => m.activities > 0),
    mapPoints: figures.perMunicipality.map((m) => ({ key: m.key, name: m.label, lat: m.lat, lon: m.lon, value: m.activities })),
  };
}

const nl = (n: number) => n.toLocaleString("nl-NL");
const avg = (n: number | null) =>
  n === null ? "–" : n.toLocaleString("nl-NL", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const pct = (n: number | null) => (n === null ? "–" : `${(n * 100).toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`);

/** Continues after the Week, newcomers who came back, and "ik kom" against turnout (issue 17). */
function LastingContact({ figures: f }: { figures: EditionFigures["lastingContact"] }) {
  const c = f.interest.compared;
  return (
    <section aria-labelledby="na-de-week">
      <h2 id="na-de-week">Na de Week en &quot;ik kom&quot;</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Contact dat blijft en ik kom tegenover opkomst</caption>
          <tbody>
            <tr>
              <th scope="row">Activiteiten die doorgaan na de Week</th>
              <td className="num" data-testid="continuing">
                {nl(f.continuing)}
              </td>
            </tr>
            <tr>
              <th scope="row">Meldingen: nieuwe mensen teruggekomen</th>
              <td className="num">{nl(f.returnedYes)}</td>
            </tr>
            <tr>
              <th scope="row">Meldingen: nog niemand teruggekomen</th>
              <td className="num">{nl(f.returnedNo)}</td>
            </tr>
            <tr>
              <th scope="row">Meldingen: weet nog niet</th>
              <td className="num">{nl(f.returnedUnknown)}</td>
            </tr>
            <tr>
              <th scope="row">&quot;Ik kom&quot; gedrukt (alle activiteiten)</th>
              <td className="num">
                {nl(f.interest.presses)} bij {nl(f.interest.activitiesWithInterest)} activiteiten
              </td>
            </tr>
            <tr>
              <th scope="row">Ik kom tegenover opkomst (activiteiten met allebei)</th>
              <td className="num" data-testid="interest-vs-turnout">
                {nl(c.presses)} keer &quot;ik kom&quot;, {nl(c.participants)} deelnemers gemeld ({nl(c.activities)} activiteiten)
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function Figures() {
  const d = useLoaderData<typeof loader>();
  const a = d.attendance;
  const provinces = [...new Set(d.whiteSpots.map((w) => w.province))];
  return (
    <>
      <p>
        <Link to="/beheer">← Programmateam</Link>
      </p>
      <h1>Cijfers Week tegen Eenzaamheid {d.year}</h1>
      <p>
        De week: {d.week}. Opkomst doorgeven kan tot en met {d.reportDeadline}. Alle cijfers komen direct uit de database en zijn
        berekend op het moment dat je deze pagina opende.
      </p>
      <EditionPicker year={d.year} years={d.years} submitLabel="Toon cijfers" />
      <p>
        <Link to="/beheer/cijfers/vergelijken">Edities met elkaar vergelijken</Link> ·{" "}
        <Link to={`/beheer/cijfers/opkomst?editie=${d.year}`}>Opkomst opvolgen {d.year}</Link> (respons per provincie en gemeente,
        herinneringen sturen)
      </p>

      <h2>In het kort</h2>
      <ul className="stats" aria-label={`Kerncijfers ${d.year}`}>
        <li>
          <strong data-testid="published">{nl(d.activities.published)}</strong> activiteiten gepubliceerd
        </li>
        <li>
          <strong>{nl(d.activities.cancelled)}</strong> geannuleerd
        </li>
        <li>
          <strong>{nl(d.activities.pending)}</strong> wachten op controle
        </li>
        <li>
          <strong>{nl(d.activities.organisers)}</strong> organisatoren
        </li>
        <li>
          <strong>{nl(d.activities.municipalities)}</strong> van de {d.municipalitiesTotal} gemeenten met een activiteit
        </li>
        <li>
          <strong>{nl(d.kits.live)}</strong> pakketten besteld ({nl(d.kits.stockLeft)} nog op voorraad)
        </li>
        <li>
          <strong data-testid="participants-reported">{nl(a.participants)}</strong> deelnemers gemeld
        </li>
        <li>
          <strong>{pct(a.responseRate)}</strong> respons ({nl(a.reports)} van {nl(a.shouldReport)}{" "}
          {a.shouldReport === 1 ? "activiteit" : "activiteiten"})
        </li>
        <li>
          <strong>{avg(a.averagePerReport)}</strong> deelnemers gemiddeld per melding
        </li>
        <li>
          <strong data-testid="estimated-total">{a.estimatedTotal === null ? "–" : nl(a.estimatedTotal)}</strong> deelnemers
          geschat in totaal
        </li>
      </ul>
      <p className="method">
        <strong>Hoe we schatten:</strong> {d.method}
      </p>

      <h2>Opkomst</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Opkomst {d.year}</caption>
          <tbody>
            <tr>
              <th scope="row">Activiteiten die hadden moeten melden (gepubliceerd en voorbij)</th>
              <td className="num">{nl(a.shouldReport)}</td>
            </tr>
            <tr>
              <th scope="row">Meldingen ontvangen</th>
              <td className="num">{nl(a.reports)}</td>
            </tr>
            <tr>
              <th scope="row">Respons</th>
              <td className="num">{pct(a.responseRate)}</td>
            </tr>
            <tr>
              <th scope="row">Deelnemers gemeld</th>
              <td className="num">{nl(a.participants)}</td>
            </tr>
            <tr>
              <th scope="row">Vrijwilligers gemeld</th>
              <td className="num">{nl(a.volunteers)}</td>
            </tr>
            <tr>
              <th scope="row">Voor het eerst (waar ingevuld)</th>
              <td className="num">{nl(a.firstTimers)}</td>
            </tr>
            <tr>
              <th scope="row">Gemiddeld aantal deelnemers per melding</th>
              <td className="num">{avg(a.averagePerReport)}</td>
            </tr>
            <tr>
              <th scope="row">Geschat totaal aantal deelnemers</th>
              <td className="num">{a.estimatedTotal === null ? "–" : nl(a.estimatedTotal)}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <LastingContact figures={d.lastingContact} />

      <h2>Pakketten</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Pakketbestellingen {d.year} per status</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Aantal
              </th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(KIT_ORDER_STATUSES) as KitOrderStatus[]).map((s) => (
              <tr key={s}>
                <th scope="row">{KIT_ORDER_STATUSES[s]}</th>
                <td className="num">{nl(d.kits.counts[s])}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Voorraad totaal</th>
              <td className="num">{nl(d.kits.kitStock)}</td>
            </tr>
            <tr>
              <th scope="row">Nog op voorraad</th>
              <td className="num">{nl(d.kits.stockLeft)}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <BreakdownTable
        id="per-provincie"
        title="Per provincie"
        caption={`Gepubliceerde activiteiten ${d.year} per provincie`}
        rows={d.perProvince}
        first="Provincie"
      />
      <BreakdownTable
        id="per-soort"
        title="Per soort activiteit"
        caption={`Gepubliceerde activiteiten ${d.year} per soort`}
        rows={d.perType}
        first="Soort"
      />
      <BreakdownTable
        id="per-doelgroep"
        title="Per doelgroep"
        caption={`Gepubliceerde activiteiten ${d.year} per doelgroep`}
        rows={d.perTargetGroup}
        first="Doelgroep"
        note="Een activiteit voor meer doelgroepen telt bij elke doelgroep mee. Opgeteld kom je daarom op meer uit dan het totaal."
      />

      <section aria-labelledby="per-gemeente">
        <h2 id="per-gemeente">Per gemeente</h2>
        <DotMap
          title={`Kaart: activiteiten per gemeente in ${d.year}`}
          description={`${d.activities.municipalities} gemeenten hebben minstens één activiteit. De tabel hieronder geeft dezelfde cijfers.`}
          points={d.mapPoints}
          unit="activiteiten"
        />
        <details>
          <summary>Tabel: {d.perMunicipality.length} gemeenten met activiteiten</summary>
          <BreakdownTable
            id="tabel-gemeenten"
            title=""
            caption={`Gepubliceerde activiteiten ${d.year} per gemeente`}
            rows={d.perMunicipality}
            first="Gemeente"
          />
        </details>
        <h3>Witte vlekken: {d.whiteSpots.length} gemeenten zonder activiteit</h3>
        {d.whiteSpots.length === 0 ? (
          <p>Elke gemeente heeft minstens één activiteit.</p>
        ) : (
          <details>
            <summary>Toon de {d.whiteSpots.length} gemeenten zonder activiteit</summary>
            {provinces.map((p) => (
              <p key={p}>
                <strong>{p}:</strong>{" "}
                {d.whiteSpots
                  .filter((w) => w.province === p)
                  .map((w) => w.name)
                  .join(", ")}
              </p>
            ))}
          </details>
        )}
      </section>

      <h2>Downloaden (CSV)</h2>
      <ul className="exports">
        <li>
          <a href={`/beheer/cijfers/export/gemeenten.csv?editie=${d.year}`}>Per gemeente {d.year}</a>
        </li>
        <li>
          <a href={`/beheer/cijfers/export/activiteiten.csv?editie=${d.year}`}>Per activiteit {d.year} (openbare gegevens)</a>
        </li>
        <li>
          <a href={`/beheer/cijfers/export/activiteiten-met-contactgegevens.csv?editie=${d.year}`}>
            Per activiteit {d.year} met contactgegevens (alleen voor het programmateam)
          </a>
        </li>
        <li>
          <a href="/beheer/cijfers/export/edities.csv">Alle edities naast elkaar</a>
        </li>
      </ul>
    </>
  );
}

function BreakdownTable({
  id,
  title,
  caption,
  rows,
  first,
  note,
}: {
  id: string;
  title: string;
  caption: string;
  rows: Breakdown[];
  first: string;
  note?: string;
}) {
  return (
    <section aria-labelledby={title ? id : undefined}>
      {title ? <h2 id={id}>{title}</h2> : null}
      {note ? <p>{note}</p> : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              <th scope="col" className="num">
                Activiteiten
              </th>
              <th scope="col" className="num">
                Pakketten
              </th>
              <th scope="col" className="num">
                Meldingen
              </th>
              <th scope="col" className="num">
                Deelnemers gemeld
              </th>
              <th scope="col" className="num">
                Gemiddeld per melding
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{nl(r.activities)}</td>
                <td className="num">{nl(r.kitOrders)}</td>
                <td className="num">
                  {nl(r.reports)} van {nl(r.shouldReport)}
                </td>
                <td className="num">{nl(r.participants)}</td>
                <td className="num">{avg(r.averagePerReport)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
