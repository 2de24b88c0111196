/**
 * Fills {name} placeholders of a UI string; a placeholder without a parameter is kept as is. The
 * one placeholder syntax of the UI, used by t() at build time and by the browser scripts on the
 * strings the page hands them (see client/search/text.ts).
 */
export function fillPlaceholders(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
