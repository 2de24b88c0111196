/**
 * French typography: a narrow no-break space before ; ? ! and », after «, and a no-break
 * space before :, so punctuation never wraps to the start of a line.
 */
const NBSP = '\u00a0';
const NNBSP = '\u202f';

export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]*([;?!»])/g, (match, mark: string, offset: number) => (offset === 0 ? match : `${NNBSP}${mark}`))
    .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
    .replace(/(\S)[ \u00a0\u202f]*:(?=\s|$)/g, `$1${NBSP}:`);
}
