/** RFC 4180 CSV: fields quoted when needed, CRLF line ends; formula-leading cells neutralised. */

/** Cells a spreadsheet may run as a formula (OWASP CSV injection): = + - @ tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  let text = value == null ? '' : String(value);
  // Every text cell that starts like a formula gets a leading quote, "-2+3+cmd|…" included; only
  // numbers the site computed itself (a JS number, e.g. -3) are written as they are.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [...csvLines(header, rows)].join('');
}

/** The same text, one line at a time (each with its CRLF): large exports stream it (stream.ts). */
export function* csvLines(header: string[], rows: Iterable<unknown[]>): Generator<string> {
  yield `${header.map(csvField).join(',')}\r\n`;
  for (const row of rows) yield `${row.map(csvField).join(',')}\r\n`;
}
