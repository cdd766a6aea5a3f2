import type { ReactNode } from "react";

type FieldMeta = { id: string; name: string; errorId: string; descriptionId: string; errors?: string[] };

/** Label, optional hint, the control, and the Dutch error right below it (linked for screen readers). */
export function Field({
  meta,
  label,
  hint,
  children,
}: {
  meta: FieldMeta;
  label: ReactNode;
  hint?: ReactNode;
  children: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const invalid = Boolean(meta.errors?.length);
  const describedBy = [hint ? meta.descriptionId : null, invalid ? meta.errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
      {children({
        id: meta.id,
        name: meta.name,
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy || undefined,
      })}
      <FieldError meta={meta} />
    </div>
  );
}

export function FieldError({ meta }: { meta: Pick<FieldMeta, "errorId" | "errors"> }) {
  if (!meta.errors?.length) return null;
  return (
    <p className="field-error" id={meta.errorId}>
      {meta.errors.join(" ")}
    </p>
  );
}

/** Form-level error (e.g. "registration is closed"), announced to screen readers. */
export function FormError({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null;
  return (
    <div className="alert error" role="alert" id={id}>
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

/** A labelled text field for forms validated on the server without conform (errors from zod's flatten). */
export function PlainField(props: {
  name: string;
  label: string;
  defaultValue: string;
  errors?: string[];
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "text";
}) {
  const { name, label, hint, errors, required } = props;
  const hintId = `${name}-hint`;
  const errorId = `${name}-fout`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: name,
    name,
    defaultValue: props.defaultValue,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy,
    required,
  };
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required ? null : " (niet verplicht)"}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type="text" autoComplete={props.autoComplete ?? "off"} inputMode={props.inputMode} {...common} />
      )}
      {errors?.length ? (
        <p className="field-error" id={errorId}>
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}
