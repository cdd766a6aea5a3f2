import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { EditionPicker } from "~/components/edition-picker";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { lastInclusiveMinute } from "~/models/edition";
import { listEditions } from "~/models/edition.server";
import { attendanceFollowUp, sendAttendanceRemindersNow } from "~/models/attendance-follow-up.server";
import { figuresEdition } from "~/models/figures.server";
import { actionFailure, formValues } from "~/utils/action.server";
import { now } from "~/utils/clock.server";
import { readFormData } from "~/utils/form-data.server";
import { parseIdList } from "~/utils/form-values";
import { orNotFound } from "~/utils/route-params.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDateTime, formatShortDate } from "~/utils/time";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const at = now();
  const edition = orNotFound(figuresEdition(request.url, at));
  const f = attendanceFollowUp(edition, at);
  return {
    year: edition.year,
    years: listEditions().map((e) => e.year),
    deadline: formatShortDate(lastInclusiveMinute(edition.reportDeadline)),
    remindable: f.remindable,
    total: f.total,
    perProvince: f.perProvince,
    perMunicipality: f.perMunicipality,
    missing: f.missing.map((m) => ({
      ...m,
      startsAt: formatDateTime(m.startsAt),
      lastMailAt: m.lastMailAt ? formatDateTime(m.lastMailAt) : null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const at = now();
  const edition = orNotFound(figuresEdition(request.url, at));
  const formData = await readFormData(request);
  const ids = parseIdList(formData.getAll("activiteit"));
  if (ids.length === 0) return actionFailure(formValues(formData), { activiteit: ["Kies minstens één activiteit."] });
  const { sent, skipped } = sendAttendanceRemindersNow(ids, user.id, at);
  return redirect(`/beheer/cijfers/opkomst?editie=${edition.year}&verstuurd=${sent.length}&overgeslagen=${skipped.length}`, 303);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Opkomst opvolgen${data ? ` ${data.year}` : ""} – Programmateam – Kom erbij` },
];

const pct = (n: number | null) => (n === null ? "–" : `${(n * 100).toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`);

function RateTable(props: {
  caption: string;
  first: string;
  rows: { key: string; label: string; province?: string; shouldReport: number; reports: number; rate: number | null }[];
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            {props.rows.some((r) => r.province) ? <th scope="col">Provincie</th> : null}
            <th scope="col">Afgelopen activiteiten</th>
            <th scope="col">Opkomst doorgegeven</th>
            <th scope="col">Respons</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.province ? <td>{r.province}</td> : null}
              <td>{r.shouldReport.toLocaleString("nl-NL")}</td>
              <td>{r.reports.toLocaleString("nl-NL")}</td>
              <td>{pct(r.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function AttendanceFollowUp() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const error = result?.error?.activiteit?.[0];
  const sent = params.get("verstuurd");
  const skipped = Number(params.get("overgeslagen") ?? 0);
  return (
    <>
      <p>
        <Link to={`/beheer/cijfers?editie=${d.year}`}>← Cijfers {d.year}</Link>
      </p>
      <h1>Opkomst opvolgen {d.year}</h1>
      <EditionPicker year={d.year} years={d.years} submitLabel="Toon editie" />
      {sent !== null && !result ? (
        <div className="alert success" role="status">
          <p>
            {sent === "1" ? "1 herinnering" : `${sent} herinneringen`} in de wachtrij gezet.
            {skipped > 0
              ? ` ${skipped} niet verstuurd: die organisatoren kregen in de afgelopen 24 uur al een e-mail over de opkomst, gaven de opkomst al door, of doorgeven kan niet meer.`
              : ""}
          </p>
        </div>
      ) : null}
      <p>
        Opkomst doorgeven kan tot en met {d.deadline}. Respons: {d.total.reports.toLocaleString("nl-NL")} van{" "}
        {d.total.shouldReport.toLocaleString("nl-NL")} afgelopen activiteiten ({pct(d.total.rate)}).
      </p>
      <h2>Respons per provincie</h2>
      <RateTable caption={`Respons per provincie ${d.year}`} first="Provincie" rows={d.perProvince} />
      <h2>Respons per gemeente</h2>
      <RateTable caption={`Respons per gemeente ${d.year}`} first="Gemeente" rows={d.perMunicipality} />
      <h2 id="zonder-opkomst">Activiteiten zonder opkomst ({d.missing.length})</h2>
      {d.missing.length === 0 ? (
        <p>Alle afgelopen activiteiten hebben de opkomst doorgegeven.</p>
      ) : (
        <Form method="post">
          <p>
            Kies de activiteiten waarvan de organisator nu een herinnering krijgt. Wie in de afgelopen 24 uur al een e-mail over
            de opkomst kreeg, krijgt er geen tweede.
          </p>
          {error ? (
            <p className="field-error" id="activiteit-fout" role="alert">
              {error}
            </p>
          ) : null}
          <div className="table-wrap">
            <table aria-describedby={error ? "activiteit-fout" : undefined}>
              <caption className="visually-hidden">Afgelopen activiteiten zonder opkomst, met organisator</caption>
              <thead>
                <tr>
                  <th scope="col">Kies</th>
                  <th scope="col">Activiteit</th>
                  <th scope="col">Gemeente</th>
                  <th scope="col">Organisator</th>
                  <th scope="col">Laatste e-mail over opkomst</th>
                </tr>
              </thead>
              <tbody>
                {d.missing.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <input
                        type="checkbox"
                        name="activiteit"
                        value={m.id}
                        id={`activiteit-${m.id}`}
                        disabled={!m.canRemindNow || !d.remindable}
                      />
                    </td>
                    <td>
                      <label htmlFor={`activiteit-${m.id}`}>{m.title}</label>
                      <br />
                      {m.startsAt}
                    </td>
                    <td>{m.municipality ?? "Online"}</td>
                    <td>
                      {m.organiserName ?? "—"}, {m.organisationName}
                      <br />
                      <a href={`mailto:${m.organiserEmail}`}>{m.organiserEmail}</a>
                    </td>
                    <td>
                      {m.lastMailAt ?? "nog geen"}
                      {m.canRemindNow ? "" : " (binnen 24 uur)"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.remindable ? (
            <button type="submit">Stuur herinnering nu</button>
          ) : (
            <p>Opkomst doorgeven kan niet meer voor deze editie.</p>
          )}
        </Form>
      )}
    </>
  );
}
