// The attendance report form, shared by the logged-in page and the e-mailed link. Works without JavaScript.
import { Form } from "@remix-run/react";
import { formatNumber } from "~/utils/format";
import { PlainField } from "~/components/ui/field";
import { MAX_REPORTED_PARTICIPANTS, NEWCOMERS_RETURNED, sessionFieldName, type NewcomersReturned } from "~/models/attendance";
import type { AttendanceView } from "~/models/attendance.server";
import { formatDate, formatDateTime, formatTime } from "~/utils/time";

export type AttendanceValues = Record<string, string>;
export type AttendanceErrors = Record<string, string[] | null | undefined>;

export function AttendanceForm({
  values,
  errors,
  deadline,
  editing,
  sessions,
}: {
  values: AttendanceValues;
  errors: AttendanceErrors;
  deadline: string;
  editing: boolean;
  /** Several sessions: a number per session instead of one total. */
  sessions: AttendanceView["sessions"];
}) {
  const errorCount = Object.values(errors).filter((e) => e?.length).length;
  const field = (name: string) => ({ name, defaultValue: values[name] ?? "", errors: errors[name] ?? undefined });
  return (
    <Form method="post" noValidate aria-labelledby="opkomstformulier">
      <h2 id="opkomstformulier">{editing ? "Opkomst aanpassen" : "Hoeveel mensen waren er?"}</h2>
      <p>
        Een schatting is goed. Je kunt je melding aanpassen tot en met{" "}
        {formatDateTime(new Date(new Date(deadline).getTime() - 60_000))}.
      </p>
      {errorCount > 0 ? (
        <div className="alert error" role="alert">
          <p>
            Er {errorCount === 1 ? "is 1 veld" : `zijn ${errorCount} velden`} nog niet goed ingevuld. Kijk bij de velden met een
            foutmelding.
          </p>
        </div>
      ) : null}
      {sessions.length > 1 ? (
        <fieldset>
          <legend>Aantal deelnemers per keer</legend>
          <p className="hint">
            Iedereen die meedeed, zonder de vrijwilligers. Kwam iemand vaker? Tel die persoon dan elke keer mee. Wij tellen de
            aantallen op.
          </p>
          {sessions.map((x) => (
            <PlainField
              key={x.id}
              inputMode="numeric"
              label={`${formatDate(x.startsAt)}, ${formatTime(x.startsAt)} uur`}
              required
              {...field(sessionFieldName(x.id))}
            />
          ))}
        </fieldset>
      ) : (
        <PlainField
          inputMode="numeric"
          label="Aantal deelnemers"
          required
          hint={`Iedereen die meedeed, zonder de vrijwilligers. Een heel getal van 0 tot en met ${formatNumber(MAX_REPORTED_PARTICIPANTS)}.`}
          {...field("participants")}
        />
      )}
      <PlainField
        inputMode="numeric"
        label="Aantal vrijwilligers"
        required
        hint="Hoeveel mensen hielpen er mee? Waren er geen, vul dan 0 in."
        {...field("volunteers")}
      />
      <PlainField
        inputMode="numeric"
        label="Hoeveel deelnemers waren er voor het eerst?"
        hint="Mensen die nog nooit bij een activiteit van jullie waren. Weet je het niet? Laat dit dan leeg."
        {...field("firstTimers")}
      />
      <fieldset aria-describedby={errors.newcomersReturned?.length ? "newcomersReturned-fout" : "newcomersReturned-hint"}>
        <legend>Zijn er nieuwe mensen na de Week teruggekomen? (niet verplicht)</legend>
        <p className="hint" id="newcomersReturned-hint">
          Bijvoorbeeld bij een volgende keer of bij een andere activiteit van jullie.
        </p>
        {Object.entries(NEWCOMERS_RETURNED).map(([value, label]) => (
          <label className="check" key={value}>
            <input type="radio" name="newcomersReturned" value={value} defaultChecked={values.newcomersReturned === value} />
            {label}
          </label>
        ))}
        {errors.newcomersReturned?.length ? (
          <p className="field-error" id="newcomersReturned-fout">
            {errors.newcomersReturned[0]}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="remarks">Opmerking (niet verplicht)</label>
        <p className="hint" id="remarks-hint">
          Bijvoorbeeld hoe het ging, of wat je opviel.
        </p>
        <textarea
          id="remarks"
          name="remarks"
          rows={4}
          defaultValue={values.remarks ?? ""}
          aria-invalid={errors.remarks?.length ? true : undefined}
          aria-describedby={["remarks-hint", errors.remarks?.length ? "remarks-fout" : null].filter(Boolean).join(" ")}
        />
        {errors.remarks?.length ? (
          <p className="field-error" id="remarks-fout">
            {errors.remarks[0]}
          </p>
        ) : null}
      </div>
      <button type="submit">{editing ? "Wijziging opslaan" : "Opkomst doorgeven"}</button>
    </Form>
  );
}

/** The saved report, read back to the organiser. */
export function SavedReport({
  report,
  sessions = [],
}: {
  sessions?: AttendanceView["sessions"];
  report: {
    participants: number;
    volunteers: number;
    firstTimers: number | null;
    newcomersReturned: NewcomersReturned | null;
    remarks: string | null;
  };
}) {
  return (
    <dl className="card">
      <dt>Deelnemers</dt>
      <dd>
        {formatNumber(report.participants)}
        {sessions.length > 1 ? (
          <ul className="sessions">
            {sessions.map((x) => (
              <li key={x.id}>
                {formatDate(x.startsAt)}: {x.participants === null ? "niet ingevuld" : formatNumber(x.participants)}
              </li>
            ))}
          </ul>
        ) : null}
      </dd>
      <dt>Vrijwilligers</dt>
      <dd>{formatNumber(report.volunteers)}</dd>
      <dt>Voor het eerst</dt>
      <dd>{report.firstTimers === null ? "Niet ingevuld" : formatNumber(report.firstTimers)}</dd>
      <dt>Nieuwe mensen teruggekomen</dt>
      <dd>{report.newcomersReturned ? NEWCOMERS_RETURNED[report.newcomersReturned] : "Niet ingevuld"}</dd>
      {report.remarks ? (
        <>
          <dt>Opmerking</dt>
          <dd className="pre-line">{report.remarks}</dd>
        </>
      ) : null}
    </dl>
  );
}

export type AttendanceActionResult = { values: AttendanceValues; errors: AttendanceErrors; message?: string };

/** The whole report page below its navigation: used by the logged-in page and the e-mailed link. */
export function AttendancePageBody({
  view,
  result,
  saved,
  note,
}: {
  view: AttendanceView;
  result?: AttendanceActionResult;
  saved: boolean;
  note?: string;
}) {
  return (
    <>
      <h1>Opkomst doorgeven</h1>
      <p>
        Voor je activiteit <strong>{view.activity.title}</strong> ({formatDateTime(view.activity.startsAt)}
        {view.activity.place ? `, ${view.activity.place}` : ""}), Week tegen Eenzaamheid {view.year}.{note ? ` ${note}` : ""}
      </p>
      {saved ? (
        <div className="alert success" role="status">
          <p>Bedankt! We hebben de opkomst opgeslagen. Met deze cijfers laten we zien hoeveel mensen de Week samen bereikt.</p>
        </div>
      ) : null}
      {result?.message ? (
        <div className="alert error" role="alert">
          <p>{result.message}</p>
        </div>
      ) : null}
      {view.report ? (
        <section aria-labelledby="doorgegeven">
          <h2 id="doorgegeven">Wat je hebt doorgegeven</h2>
          <SavedReport report={view.report} sessions={view.sessions} />
        </section>
      ) : null}
      {view.state === "open" ? (
        <AttendanceForm
          values={result?.values ?? view.values}
          errors={result?.errors ?? {}}
          deadline={view.deadline}
          editing={Boolean(view.report)}
          sessions={view.sessions}
        />
      ) : (
        <div className="alert" role="status">
          <p>{view.stateText}</p>
        </div>
      )}
    </>
  );
}
