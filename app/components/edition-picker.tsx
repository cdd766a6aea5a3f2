import { Form } from "@remix-run/react";

/** A plain GET form that reloads the page for another edition (`?editie=`); works without JavaScript. */
export function EditionPicker({ year, years, submitLabel }: { year: number; years: number[]; submitLabel: string }) {
  return (
    <Form method="get" className="no-print">
      <div className="field">
        <label htmlFor="editie">Editie</label>
        <select id="editie" name="editie" defaultValue={year}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
