// CSV files for spreadsheets (the mailing house, the programme team, open data): one way to write
// them and one way to send them.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

/** Spreadsheet programs run cells starting with these as formulas; a leading apostrophe keeps them text. */
const neutralizeFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const cell = (value: CsvCell) =>
  value === null || value === undefined ? "" : typeof value === "number" ? String(value) : neutralizeFormula(value);

/** UTF-8 with BOM (so Excel reads the accents), RFC 4180 quoting, Windows line ends, formulas defused. */
export function toCsv(rows: CsvCell[][]): string {
  return (
    "\uFEFF" +
    stringify(
      rows.map((row) => row.map(cell)),
      { record_delimiter: "windows" },
    )
  );
}

/** A CSV download that no cache keeps (it may hold personal data). */
export function csvDownload(body: string, filename: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
