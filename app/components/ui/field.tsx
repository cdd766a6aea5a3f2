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
      {hint ? <p className="hint" id={meta.descriptionId}>{hint}</p> : null}
      {children({ id: meta.id, name: meta.name, "aria-invalid": invalid || undefined, "aria-describedby": describedBy || undefined })}
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
      {errors.map((e) => <p key={e}>{e}</p>)}
    </div>
  );
}
