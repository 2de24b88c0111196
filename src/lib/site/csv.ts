/** RFC 4180 CSV: fields quoted when needed, CRLF line ends; formula-leading cells neutralised. */
export function csvField(value: unknown): string {
  let text = value == null ? '' : String(value);
  // Spreadsheets execute cells starting with = + - @: prefix with a quote (OWASP CSV injection).
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
