import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { EDITION_FIELD_LABELS, type EditionChangeWarning } from "~/models/edition";

type Errors = Record<string, string[] | null | undefined>;

const HINTS: Partial<Record<keyof typeof EDITION_FIELD_LABELS, string>> = {
  weekStart: "Meestal de laatste donderdag van september.",
  registrationOpensAt: "Vanaf dit moment kunnen organisatoren activiteiten aanmelden. Nederlandse tijd.",
  registrationClosesAt: "Vanaf dit moment kan niemand meer aanmelden. Sluit je om 00:00, dan is de dag ervoor de laatste dag.",
  orderingOpensAt: "Nederlandse tijd.",
  orderingClosesAt: "Moet sluiten voordat de week begint. Sluit je om 00:00, dan is de dag ervoor de laatste dag.",
  reportDeadline: "Tot dit moment kunnen organisatoren doorgeven hoeveel mensen er kwamen. Ook de opkomstlinks verlopen dan.",
};

/**
 * The edition's dates as one plain form (works without JavaScript). `values` are the form's strings
 * (what was typed, or the saved dates); `fixedYear` hides the year, which an existing edition keeps.
 */
export function EditionForm(props: {
  values: Record<string, string>;
  errors: Errors;
  fixedYear?: number;
  confirm?: { warnings: EditionChangeWarning[]; key: string };
  submitLabel: string;
  children?: ReactNode;
}) {
  const { values, errors, fixedYear, confirm } = props;
  const field = (name: keyof typeof EDITION_FIELD_LABELS, type: "text" | "date" | "datetime-local", inputMode?: "numeric") => {
    const error = errors[name]?.[0];
    const hint = HINTS[name];
    const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-fout` : null].filter(Boolean).join(" ") || undefined;
    return (
      <div className="field" key={name}>
        <label htmlFor={name}>{EDITION_FIELD_LABELS[name]}</label>
        {hint ? (
          <p className="hint" id={`${name}-hint`}>
            {hint}
          </p>
        ) : null}
        <input
          id={name}
          name={name}
          type={type}
          inputMode={inputMode}
          required
          defaultValue={values[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {error ? (
          <p className="field-error" id={`${name}-fout`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  const hasErrors = Object.values(errors).some((e) => e?.length);
  return (
    <Form method="post" noValidate id="editie-formulier">
      {hasErrors ? (
        <div className="alert error" role="alert">
          <p>Niet alles is goed ingevuld. Kijk bij de velden met een foutmelding.</p>
          {errors[""]?.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
      {confirm ? (
        <div className="alert error" role="alert" aria-labelledby="bevestig-kop">
          <h2 id="bevestig-kop">Weet je het zeker? Organisatoren rekenen op deze data</h2>
          <ul>
            {confirm.warnings.map((w) => (
              <li key={w.key}>{w.text}</li>
            ))}
          </ul>
          <p>Er is nog niets opgeslagen. Kies &quot;Ja, wijzig de data&quot; om het toch te doen.</p>
          <button type="submit" name="bevestig" value={confirm.key}>
            Ja, wijzig de data
          </button>
        </div>
      ) : null}
      {fixedYear === undefined ? (
        <>
          {field("year", "text", "numeric")}
          {field("number", "text", "numeric")}
        </>
      ) : (
        <>
          <input type="hidden" name="year" value={fixedYear} />
          {field("number", "text", "numeric")}
        </>
      )}
      <fieldset>
        <legend>De week</legend>
        {field("weekStart", "date")}
        {field("weekEnd", "date")}
      </fieldset>
      <fieldset>
        <legend>Aanmelden van activiteiten</legend>
        {field("registrationOpensAt", "datetime-local")}
        {field("registrationClosesAt", "datetime-local")}
      </fieldset>
      <fieldset>
        <legend>Kom Erbij-pakket bestellen</legend>
        {field("orderingOpensAt", "datetime-local")}
        {field("orderingClosesAt", "datetime-local")}
      </fieldset>
      <fieldset>
        <legend>Opkomst doorgeven</legend>
        {field("reportDeadline", "datetime-local")}
      </fieldset>
      {props.children}
      <button type="submit">{props.submitLabel}</button>
    </Form>
  );
}
