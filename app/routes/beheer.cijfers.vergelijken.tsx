import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BarChart, DotMap, LineChart } from "~/components/charts/charts";
import { listEditions } from "~/models/edition.server";
import { compareEditions, ESTIMATE_METHOD, figuresEdition, figuresPerMunicipality, orderCurves } from "~/models/figures.server";
import { now } from "~/utils/clock.server";
import { orNotFound } from "~/utils/route-params.server";
import { requireProgrammeTeam } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Edities vergelijken – Cijfers – Kom erbij" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const at = now();
  const params = new URL(request.url).searchParams;
  const mapEdition = orNotFound(figuresEdition(request.url, at, "kaart"));
  const mapYear = mapEdition.year;
  const measure = params.get("maat") === "deelnemers" ? "deelnemers" : "activiteiten";
  const perMunicipality = figuresPerMunicipality(mapEdition.id, at);
  return {
    editions: compareEditions(at),
    curves: orderCurves(at),
    years: listEditions().map((e) => e.year),
    method: ESTIMATE_METHOD,
    mapYear,
    measure,
    mapPoints: perMunicipality.map((m) => ({
      key: m.key,
      name: m.label,
      lat: m.lat,
      lon: m.lon,
      value: measure === "deelnemers" ? m.participants : m.activities,
    })),
    topMunicipalities: perMunicipality
      .map((m) => ({ name: m.label, province: m.province, value: measure === "deelnemers" ? m.participants : m.activities }))
      .filter((m) => m.value > 0)
      .sort((a, b) => b.value - a.value),
  };
}

const nl = (n: number) => n.toLocaleString("nl-NL");
const pct = (n: number | null) => (n === null ? "–" : `${(n * 100).toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`);

export default function CompareEditions() {
  const d = useLoaderData<typeof loader>();
  const years = d.editions.map((e) => String(e.year));
  const weeks = [...new Set(d.curves.flatMap((c) => c.points.map((p) => p.weeksBefore)))].sort((a, b) => b - a);
  return (
    <>
      <p>
        <Link to="/beheer/cijfers">← Cijfers per editie</Link>
      </p>
      <h1>Edities vergelijken</h1>
      <p>Alle cijfers tellen gepubliceerde activiteiten. Pakketten: bestellingen die niet geannuleerd of afgewezen zijn.</p>
      <div className="table-wrap">
        <table>
          <caption>Edities naast elkaar</caption>
          <thead>
            <tr>
              <th scope="col">Cijfer</th>
              {d.editions.map((e) => (
                <th scope="col" className="num" key={e.year}>
                  {e.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row label="Activiteiten" values={d.editions.map((e) => nl(e.activities))} />
            <Row label="Geannuleerd" values={d.editions.map((e) => nl(e.cancelled))} />
            <Row label="Organisatoren" values={d.editions.map((e) => nl(e.organisers))} />
            <Row label="Gemeenten met een activiteit" values={d.editions.map((e) => nl(e.municipalities))} />
            <Row label="Pakketten besteld" values={d.editions.map((e) => nl(e.kitOrders))} />
            <Row label="Meldingen van opkomst" values={d.editions.map((e) => `${nl(e.reports)} van ${nl(e.shouldReport)}`)} />
            <Row label="Respons" values={d.editions.map((e) => pct(e.responseRate))} />
            <Row label="Deelnemers gemeld" values={d.editions.map((e) => nl(e.participants))} />
            <Row
              label="Geschat totaal deelnemers"
              values={d.editions.map((e) => (e.estimatedTotal === null ? "–" : nl(e.estimatedTotal)))}
            />
          </tbody>
        </table>
      </div>
      <p className="method">
        <strong>Hoe we schatten:</strong> {d.method}
      </p>

      <div className="figure-grid">
        <section aria-labelledby="grafiek-activiteiten">
          <h2 id="grafiek-activiteiten">Activiteiten en gemeenten</h2>
          <BarChart
            title="Activiteiten en gemeenten per editie"
            description={d.editions
              .map(
                (e) =>
                  `${e.year}: ${e.activities} ${e.activities === 1 ? "activiteit" : "activiteiten"} in ${e.municipalities} ${e.municipalities === 1 ? "gemeente" : "gemeenten"}`,
              )
              .join("; ")}
            categories={years}
            series={[
              { name: "Activiteiten", values: d.editions.map((e) => e.activities) },
              { name: "Gemeenten", values: d.editions.map((e) => e.municipalities) },
            ]}
          />
          <p>Dezelfde cijfers staan in de tabel hierboven.</p>
        </section>
        <section aria-labelledby="grafiek-opkomst">
          <h2 id="grafiek-opkomst">Gemelde opkomst</h2>
          <BarChart
            title="Gemelde deelnemers per editie"
            description={d.editions.map((e) => `${e.year}: ${e.participants} deelnemers gemeld`).join("; ")}
            categories={years}
            series={[{ name: "Deelnemers gemeld", values: d.editions.map((e) => e.participants) }]}
          />
          <p>Dezelfde cijfers staan in de tabel hierboven.</p>
        </section>
      </div>

      <section aria-labelledby="grafiek-bestellingen">
        <h2 id="grafiek-bestellingen">Bestellingen in de weken voor de Week</h2>
        <p>
          Per editie: hoeveel pakketten er waren besteld, zoveel weken voor de start van de Week. Rechts (0) is de start van de
          Week.
        </p>
        <LineChart
          title="Pakketbestellingen opgeteld, per week voor de start van de Week"
          description={d.curves
            .map(
              (c) =>
                `${c.year}: ${c.points.at(-1)?.orders ?? 0} bestellingen ${c.points.at(-1)?.weeksBefore ?? 0} weken voor de start`,
            )
            .join("; ")}
          series={d.curves.map((c) => ({
            name: String(c.year),
            points: c.points.map((p) => ({ x: p.weeksBefore, y: p.orders })),
          }))}
          xLabel="Weken voor de start van de Week"
          yLabel="Bestellingen"
          reverseX
        />
        <details>
          <summary>Tabel: bestellingen per week voor de Week</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                Opgetelde pakketbestellingen per aantal weken voor de start van de Week
              </caption>
              <thead>
                <tr>
                  <th scope="col">Weken voor de start</th>
                  {d.curves.map((c) => (
                    <th scope="col" className="num" key={c.year}>
                      {c.year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w}>
                    <th scope="row">{w}</th>
                    {d.curves.map((c) => {
                      const p = c.points.find((x) => x.weeksBefore === w);
                      return (
                        <td className="num" key={c.year}>
                          {p ? nl(p.orders) : "–"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <section aria-labelledby="kaart">
        <h2 id="kaart">Kaart per gemeente</h2>
        <Form method="get" className="no-print">
          <div className="field">
            <label htmlFor="kaart-editie">Editie</label>
            <select id="kaart-editie" name="kaart" defaultValue={d.mapYear ?? undefined}>
              {d.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="maat">Wat tonen</label>
            <select id="maat" name="maat" defaultValue={d.measure}>
              <option value="activiteiten">Activiteiten</option>
              <option value="deelnemers">Gemelde deelnemers</option>
            </select>
          </div>
          <button type="submit">Toon kaart</button>
        </Form>
        <DotMap
          title={`Kaart: ${d.measure === "deelnemers" ? "gemelde deelnemers" : "activiteiten"} per gemeente in ${d.mapYear}`}
          description={`${d.topMunicipalities.length} gemeenten hebben er minstens één. De tabel onder de kaart geeft dezelfde cijfers.`}
          points={d.mapPoints}
          unit={d.measure === "deelnemers" ? "deelnemers" : "activiteiten"}
        />
        <details>
          <summary>Tabel: {d.topMunicipalities.length} gemeenten</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                {d.measure === "deelnemers" ? "Gemelde deelnemers" : "Activiteiten"} per gemeente in {d.mapYear}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Gemeente</th>
                  <th scope="col">Provincie</th>
                  <th scope="col" className="num">
                    {d.measure === "deelnemers" ? "Deelnemers" : "Activiteiten"}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.topMunicipalities.map((m) => (
                  <tr key={m.name}>
                    <th scope="row">{m.name}</th>
                    <td>{m.province}</td>
                    <td className="num">{nl(m.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
      <p>
        <a href="/beheer/cijfers/export/edities.csv">Download alle edities naast elkaar (CSV)</a>
      </p>
    </>
  );
}

function Row({ label, values }: { label: string; values: string[] }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {values.map((v, i) => (
        <td className="num" key={i}>
          {v}
        </td>
      ))}
    </tr>
  );
}
