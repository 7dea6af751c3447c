/**
 * CSV as RFC 4180 describes it (https://www.rfc-editor.org/rfc/rfc4180):
 * records end with CRLF; a field holding a comma, a double quote, CR or LF is
 * wrapped in double quotes, and a double quote inside it is doubled.
 *
 * Spreadsheets also treat a cell as a formula when its first character is
 * `=`, `+`, `-`, `@`, tab or CR, so an incident titled `=HYPERLINK(…)` would
 * run when an auditor opens the register. Such cells get a leading `'`, which
 * Excel, Calc and Sheets read as "this is text" (OWASP, CSV Injection:
 * https://owasp.org/www-community/attacks/CSV_Injection).
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, guarded and quoted as needed. Numbers are ours, not user text: written as they are. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text, each record (the last one included) ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
