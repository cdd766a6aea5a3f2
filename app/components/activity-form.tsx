import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { HoneypotInputs } from "remix-utils/honeypot/react";
import { Field, FieldError, FormError } from "~/components/ui/field";
import { CONFIRM_DUPLICATE_FIELD, type LikelyDuplicate } from "~/models/activity-duplicates";
import { formatDate, formatTime } from "~/utils/time";
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  activityFormSchema,
  ORGANISATION_KINDS,
  TARGET_GROUPS,
  type ActivityWindow,
} from "~/models/activity";
import { EXTRA_SESSION_ROWS, MAX_SESSIONS } from "~/models/activity-sessions";
import { FLAG_FEATURE_KEYS, FLAG_FEATURES, LANGUAGES, TRANSPORT_OPTIONS } from "~/models/activity-features";

type Props = {
  /** What the action answered last; with `likelyDuplicates` when the model said "lijkt op …". */
  window: ActivityWindow;
  windowText: string;
  municipalities: { code: string; name: string }[];
  lastResult?: (SubmissionResult<string[]> & { likelyDuplicates?: LikelyDuplicate[] }) | null;
  defaultValue?: Record<string, unknown>;
  submitLabel: string;
  /** Shown below the location fields, e.g. the draggable pin when editing. */
  pin?: ReactNode;
};

/** The activity form, shared by "new", "edit" and "copy". Works without JavaScript; with it, fields validate on blur. */
export function ActivityForm({ window, windowText, municipalities, lastResult, defaultValue, submitLabel, pin }: Props) {
  const schema = activityFormSchema(window, windowText);
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaultValue as Record<string, string | string[] | undefined> | undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const busy = useNavigation().state === "submitting";
  const likelyDuplicates = lastResult?.likelyDuplicates;
  // conform marks a boolean field `required` (the schema turns "unticked" into false); a tick is never required here,
  // and a `required` box that is not ticked is announced as invalid.
  const checkbox = (name: keyof typeof fields) => ({ ...getInputProps(fields[name], { type: "checkbox" }), required: false });

  return (
    <Form method="post" {...getFormProps(form)}>
      <HoneypotInputs label="Vul dit veld niet in" />
      <FormError errors={form.errors} id={form.errorId} />
      {likelyDuplicates?.length ? <LikelyDuplicates duplicates={likelyDuplicates} /> : null}

      <h2>Wat organiseer je?</h2>
      <Field meta={fields.title} label="Titel" hint="Kort en duidelijk, bijvoorbeeld: Koffieochtend in de bibliotheek">
        {(a) => <input {...getInputProps(fields.title, { type: "text" })} {...a} />}
      </Field>
      <Field
        meta={fields.description}
        label="Beschrijving"
        hint="Wat gaan mensen doen? Wat kunnen ze verwachten? Hoogstens 2 links."
      >
        {(a) => <textarea {...getTextareaProps(fields.description)} {...a} rows={6} />}
      </Field>
      <Field meta={fields.type} label="Soort activiteit">
        {(a) => (
          <select {...getSelectProps(fields.type)} {...a}>
            <option value="">Kies een soort</option>
            {Object.entries(ACTIVITY_TYPES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset aria-describedby={fields.targetGroups.errors ? fields.targetGroups.errorId : undefined}>
        <legend>Voor wie is het?</legend>
        {Object.entries(TARGET_GROUPS).map(([value, label]) => (
          <label className="check" key={value}>
            <input
              type="checkbox"
              name={fields.targetGroups.name}
              value={value}
              defaultChecked={(fields.targetGroups.initialValue as string[] | undefined)?.includes(value)}
            />
            {label}
          </label>
        ))}
        <FieldError meta={fields.targetGroups} />
      </fieldset>

      <h2>Wanneer?</h2>
      <Field meta={fields.date} label="Datum" hint={`Je activiteit moet ${windowText} zijn.`}>
        {(a) => (
          <input
            {...getInputProps(fields.date, { type: "date" })}
            {...a}
            min={window.activityWindowStart}
            max={window.activityWindowEnd}
          />
        )}
      </Field>
      <Field meta={fields.startTime} label="Begintijd">
        {(a) => <input {...getInputProps(fields.startTime, { type: "time" })} {...a} />}
      </Field>
      <Field meta={fields.endTime} label="Eindtijd">
        {(a) => <input {...getInputProps(fields.endTime, { type: "time" })} {...a} />}
      </Field>
      <MoreSessions
        formId={form.id}
        name={fields.moreSessions.name}
        initial={fields.moreSessions.initialValue as MoreSessionValues}
        errors={form.allErrors}
        window={window}
      />

      <h2>Waar?</h2>
      <label className="check">
        <input {...checkbox("isOnline")} />
        Het is een online activiteit
      </label>
      <Field meta={fields.onlineUrl} label="Link naar de online activiteit (alleen bij online)">
        {(a) => <input {...getInputProps(fields.onlineUrl, { type: "url" })} {...a} placeholder="https://" />}
      </Field>
      <Field meta={fields.venueName} label="Naam van de plek (niet verplicht)" hint="Bijvoorbeeld: Buurthuis De Schakel">
        {(a) => <input {...getInputProps(fields.venueName, { type: "text" })} {...a} />}
      </Field>
      <Field meta={fields.street} label="Straat">
        {(a) => <input {...getInputProps(fields.street, { type: "text" })} {...a} autoComplete="address-line1" />}
      </Field>
      <Field meta={fields.houseNumber} label="Huisnummer">
        {(a) => <input {...getInputProps(fields.houseNumber, { type: "text" })} {...a} />}
      </Field>
      <Field meta={fields.postcode} label="Postcode" hint="Bijvoorbeeld: 1234 AB">
        {(a) => <input {...getInputProps(fields.postcode, { type: "text" })} {...a} autoComplete="postal-code" />}
      </Field>
      <Field meta={fields.place} label="Plaats">
        {(a) => <input {...getInputProps(fields.place, { type: "text" })} {...a} autoComplete="address-level2" />}
      </Field>
      <Field meta={fields.municipalityCode} label="Gemeente" hint="Laat je dit leeg, dan zoeken we de gemeente op bij het adres.">
        {(a) => (
          <select {...getSelectProps(fields.municipalityCode)} {...a}>
            <option value="">Zoek de gemeente bij het adres</option>
            {municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {pin}

      <h2>Drempels weg</h2>
      <p className="hint">Zo zien bewoners of ze zich welkom voelen. Wat je hier aanvinkt, kunnen ze ook zoeken.</p>
      <fieldset>
        <legend>Ontvangst en toegankelijkheid</legend>
        {FLAG_FEATURE_KEYS.map((key) => (
          <label className="check" key={key}>
            <input {...checkbox(key)} />
            {FLAG_FEATURES[key].formLabel}
          </label>
        ))}
      </fieldset>
      <fieldset aria-describedby={fields.transport.errors ? fields.transport.errorId : undefined}>
        <legend>Vervoer</legend>
        {[["geen", "Niets bijzonders"], ...Object.entries(TRANSPORT_OPTIONS)].map(([value, label]) => (
          <label className="check" key={value}>
            <input
              type="radio"
              name={fields.transport.name}
              value={value}
              defaultChecked={(fields.transport.initialValue ?? "geen") === value}
            />
            {label}
          </label>
        ))}
        <FieldError meta={fields.transport} />
      </fieldset>
      <fieldset aria-describedby={fields.languages.errors ? fields.languages.errorId : undefined}>
        <legend>Welke talen spreken jullie ook, naast Nederlands? (niet verplicht)</legend>
        {Object.entries(LANGUAGES).map(([value, label]) => (
          <label className="check" key={value}>
            <input
              type="checkbox"
              name={fields.languages.name}
              value={value}
              defaultChecked={(fields.languages.initialValue as string[] | undefined)?.includes(value)}
            />
            {label}
          </label>
        ))}
        <FieldError meta={fields.languages} />
      </fieldset>
      <fieldset>
        <legend>&quot;Ik kom&quot;</legend>
        <p className="hint">
          Bewoners kunnen zonder naam laten weten dat ze waarschijnlijk komen. Jij ziet ongeveer hoeveel mensen dat zijn.
        </p>
        <label className="check">
          <input {...checkbox("showInterest")} />
          Laat bezoekers ook zien hoeveel mensen van plan zijn te komen
        </label>
      </fieldset>
      <fieldset>
        <legend>Na de Week</legend>
        <label className="check">
          <input {...checkbox("continuesAfterWeek")} />
          Dit gaat door na de Week
        </label>
        <Field
          meta={fields.continuesSchedule}
          label="Wanneer en hoe vaak? (alleen als het doorgaat)"
          hint="Bijvoorbeeld: elke dinsdagochtend van 10 tot 12 uur"
        >
          {(a) => <input {...getInputProps(fields.continuesSchedule, { type: "text" })} {...a} />}
        </Field>
        <Field
          meta={fields.continuesContact}
          label="Contact of link voor wie daarna wil blijven komen (niet verplicht)"
          hint="Een telefoonnummer, e-mailadres of website. Dit staat openbaar op de site."
        >
          {(a) => <input {...getInputProps(fields.continuesContact, { type: "text" })} {...a} />}
        </Field>
      </fieldset>

      <h2>Kosten en aanmelden</h2>
      <fieldset aria-describedby={fields.isFree.errors ? fields.isFree.errorId : undefined}>
        <legend>Is de activiteit gratis?</legend>
        {[
          ["ja", "Ja, gratis"],
          ["nee", "Nee, het kost iets"],
        ].map(([value, label]) => (
          <label className="check" key={value}>
            <input type="radio" name={fields.isFree.name} value={value} defaultChecked={fields.isFree.initialValue === value} />
            {label}
          </label>
        ))}
        <FieldError meta={fields.isFree} />
      </fieldset>
      <Field meta={fields.price} label="Prijs in euro's (alleen als het iets kost)" hint="Bijvoorbeeld: 2,50">
        {(a) => <input {...getInputProps(fields.price, { type: "text" })} {...a} inputMode="decimal" />}
      </Field>
      <label className="check">
        <input {...checkbox("signUpRequired")} />
        Mensen moeten zich van tevoren aanmelden
      </label>
      <Field
        meta={fields.signUpInfo}
        label="Hoe meld je je aan? (alleen bij aanmelden)"
        hint="Bijvoorbeeld: bel 030-1234567 of mail naar ..."
      >
        {(a) => <textarea {...getTextareaProps(fields.signUpInfo)} {...a} rows={2} />}
      </Field>
      <Field meta={fields.maxParticipants} label="Hoeveel mensen kunnen er hoogstens mee doen? (niet verplicht)">
        {(a) => <input {...getInputProps(fields.maxParticipants, { type: "number" })} {...a} min={1} max={10000} />}
      </Field>

      <h2>Organisatie</h2>
      <Field meta={fields.organisationName} label="Naam van je organisatie">
        {(a) => <input {...getInputProps(fields.organisationName, { type: "text" })} {...a} autoComplete="organization" />}
      </Field>
      <Field meta={fields.organisationKind} label="Soort organisatie">
        {(a) => (
          <select {...getSelectProps(fields.organisationKind)} {...a}>
            <option value="">Kies een soort</option>
            {Object.entries(ORGANISATION_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>

      <h2>Contact voor bezoekers (openbaar)</h2>
      <p className="hint">Deze gegevens staan op de site bij je activiteit. Niet verplicht.</p>
      <Field meta={fields.publicContactName} label="Naam">
        {(a) => <input {...getInputProps(fields.publicContactName, { type: "text" })} {...a} />}
      </Field>
      <Field meta={fields.publicContactEmail} label="E-mailadres">
        {(a) => <input {...getInputProps(fields.publicContactEmail, { type: "email" })} {...a} />}
      </Field>
      <Field meta={fields.publicContactPhone} label="Telefoonnummer">
        {(a) => <input {...getInputProps(fields.publicContactPhone, { type: "tel" })} {...a} />}
      </Field>

      <h2>Contact voor het programmateam (niet openbaar)</h2>
      <p className="hint">Alleen het programmateam ziet deze gegevens, als er vragen zijn over je activiteit.</p>
      <Field meta={fields.privateContactName} label="Je naam">
        {(a) => <input {...getInputProps(fields.privateContactName, { type: "text" })} {...a} autoComplete="name" />}
      </Field>
      <Field meta={fields.privateContactEmail} label="Je e-mailadres">
        {(a) => <input {...getInputProps(fields.privateContactEmail, { type: "email" })} {...a} autoComplete="email" />}
      </Field>
      <Field meta={fields.privateContactPhone} label="Je telefoonnummer (niet verplicht)">
        {(a) => <input {...getInputProps(fields.privateContactPhone, { type: "tel" })} {...a} autoComplete="tel" />}
      </Field>

      <button type="submit" disabled={busy} aria-disabled={busy}>
        {busy ? "Bezig met opslaan…" : submitLabel}
      </button>
      {likelyDuplicates?.length ? (
        <button type="submit" name={CONFIRM_DUPLICATE_FIELD} value="ja" className="secondary" disabled={busy}>
          Toch indienen
        </button>
      ) : null}
    </Form>
  );
}

/** "Lijkt op …": the activities this one resembles, before the organiser confirms. */
function LikelyDuplicates({ duplicates }: { duplicates: LikelyDuplicate[] }) {
  return (
    <section className="alert" aria-labelledby="lijkt-op">
      <h2 id="lijkt-op">Lijkt op {duplicates.length === 1 ? "een activiteit" : "activiteiten"} die er al staan</h2>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            „{d.title}”, {formatDate(d.startsAt)} om {formatTime(d.startsAt)} uur{d.place ? `, ${d.place}` : ""} (
            {ACTIVITY_STATUSES[d.status as keyof typeof ACTIVITY_STATUSES] ?? d.status})
          </li>
        ))}
      </ul>
      <p>
        Is het dezelfde activiteit? Dan hoef je niets te doen, of pas je die aan bij Mijn activiteiten. Is het een andere
        activiteit? Kies dan onderaan „Toch indienen”.
      </p>
    </section>
  );
}

type MoreSessionValues = ({ date?: string; startTime?: string; endTime?: string } | undefined)[] | undefined;

/**
 * "Nog een keer in de Week": always a few empty rows (no JavaScript needed), folded away in a <details>
 * until one is used. Empty rows are ignored; errors stand next to the field of the row they are about.
 */
function MoreSessions({
  formId,
  name,
  initial,
  errors,
  window,
}: {
  formId: string;
  name: string;
  initial: MoreSessionValues;
  errors: Record<string, string[]>;
  window: ActivityWindow;
}) {
  const rows = Array.from({ length: EXTRA_SESSION_ROWS }, (_, i) => i);
  const used = rows.some((i) => initial?.[i]?.date || Object.keys(errors).some((k) => k.startsWith(`${name}[${i}]`)));
  const input = (i: number, field: "date" | "startTime" | "endTime", label: string) => {
    const fieldName = `${name}[${i}].${field}`;
    const id = `${formId}-${name}-${i}-${field}`;
    const fieldErrors = errors[fieldName];
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={fieldName}
          type={field === "date" ? "date" : "time"}
          defaultValue={initial?.[i]?.[field] ?? ""}
          min={field === "date" ? window.activityWindowStart : undefined}
          max={field === "date" ? window.activityWindowEnd : undefined}
          aria-invalid={fieldErrors?.length ? true : undefined}
          aria-describedby={fieldErrors?.length ? `${id}-error` : undefined}
        />
        {fieldErrors?.length ? (
          <p className="field-error" id={`${id}-error`}>
            {fieldErrors.join(" ")}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <details className="more-sessions" open={used}>
      <summary>Nog een keer in de Week</summary>
      <p className="hint">
        Is je activiteit vaker in de Week, bijvoorbeeld elke ochtend of op maandag en donderdag? Vul dan hieronder de andere dagen
        in. Je kunt in totaal {MAX_SESSIONS} keer invullen. Lege regels tellen niet mee.
      </p>
      {rows.map((i) => (
        <fieldset key={i}>
          <legend>Keer {i + 2}</legend>
          {input(i, "date", "Dag")}
          {input(i, "startTime", "Van")}
          {input(i, "endTime", "Tot")}
        </fieldset>
      ))}
    </details>
  );
}
