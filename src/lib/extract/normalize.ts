/**
 * Normalisation stage: one canonical character repertoire for every later stage.
 *
 * - Unicode NFC; CRLF / CR / NEL / LS → LF, PS → blank line;
 * - zero-width characters, soft hyphens, BOM and stray control characters removed;
 * - typographic apostrophes (’ ‘ ʼ ′ ‛) → straight "'" (the date parser and the search engine
 *   tokenise on it); a doubled curly single quote (‘‘ … ’’, used as a double quote by some
 *   wires) → '"'; curly double quotes “ ” „ ‟ → '"';
 * - « and » kept, with exactly one regular space inside them ("« Scalp »");
 * - NBSP, NNBSP, thin and other fixed-width spaces, tabs → one regular space;
 * - lines trimmed, more than one blank line → one blank line, leading/trailing blank lines removed.
 *
 * No word of the author is changed. Linear time: NFC, then one pass over the text with a
 * character-class table; runs of ordinary characters are copied as slices.
 */
import { createCodeUnitReader } from './text/code-units.ts';

/* Character classes of the single-pass scanner. */
const PLAIN = 0;
const SPACE = 1; // regular, no-break, narrow and thin spaces, tabs
const NEWLINE = 2; // LF, NEL, LS, VT, FF
const REMOVE = 3; // zero-width characters, soft hyphen, BOM, C0/C1 controls
const APOSTROPHE = 4; // ’ ‘ ʼ ′ ‛ ＇
const DOUBLE_QUOTE = 5; // “ ” „ ‟ ＂
const GUILLEMET_OPEN = 6; // « ‹
const GUILLEMET_CLOSE = 7; // » ›
const CR = 8;
const PARAGRAPH = 9; // U+2029
const PSEUDO_APOSTROPHE = 10; // ´ and ` (an apostrophe only between two letters)
const NFC_CHECK = 11; // ordinary, but NFC might change it (see NFC_STABLE)

const CLASS = new Uint8Array(0x10000);
function setClass(cls: number, ...codes: (number | [number, number])[]): void {
  for (const c of codes) {
    if (typeof c === 'number') CLASS[c] = cls;
    else for (let k = c[0]; k <= c[1]; k++) CLASS[k] = cls;
  }
}
setClass(REMOVE, [0x00, 0x08], [0x0e, 0x1f], [0x7f, 0x9f], 0xad, 0x180e, [0x200b, 0x200d], 0x2060, 0xfeff);
setClass(SPACE, 0x09, 0x20, 0xa0, 0x1680, [0x2000, 0x200a], 0x202f, 0x205f, 0x3000);
setClass(NEWLINE, 0x0a, 0x0b, 0x0c, 0x85, 0x2028);
setClass(CR, 0x0d);
setClass(PARAGRAPH, 0x2029);
setClass(APOSTROPHE, 0x2018, 0x2019, 0x201b, 0x02bc, 0x2032, 0xff07);
setClass(DOUBLE_QUOTE, [0x201c, 0x201f], 0xff02);
setClass(GUILLEMET_OPEN, 0xab, 0x2039);
setClass(GUILLEMET_CLOSE, 0xbb, 0x203a);
setClass(PSEUDO_APOSTROPHE, 0x60, 0xb4);

const LETTER = /\p{L}/u;

/**
 * Code units a string may consist of without NFC changing it: U+0000–U+02FF and U+2000–U+20CF
 * (general punctuation, super- and subscripts, currency signs), minus the few that NFC maps to
 * another character (U+2000 and U+2001 are singletons). None is a combining mark, so each starts
 * its own normalisation segment; tests check every pair of them. Anything else goes through
 * String#normalize.
 */
export const NFC_STABLE = new Uint8Array(0x10000);
for (const [lo, hi] of [
  [0x0000, 0x02ff],
  [0x2000, 0x20cf],
]) {
  for (let c = lo; c <= hi; c++) {
    const ch = String.fromCharCode(c);
    if (ch.normalize('NFC') === ch && !/\p{M}/u.test(ch)) NFC_STABLE[c] = 1;
  }
}
// Ordinary characters outside that set leave the scanner's fast path, where the check is made.
for (let c = 0; c < 0x10000; c++) if (CLASS[c] === PLAIN && NFC_STABLE[c] === 0) CLASS[c] = NFC_CHECK;

function isCurlySingle(code: number): boolean {
  return code === 0x2018 || code === 0x2019 || code === 0x201b;
}

const readUnits = createCodeUnitReader();

/** Normalises decoded article text (see the module comment for the exact rules). One linear pass after NFC. */
export function normalizeText(text: string): string {
  // Most articles use only code points NFC cannot change: the scan runs on the text as it is and
  // gives up at the first other one, to start again on the NFC form.
  return scan(text, true) ?? scan(text.normalize('NFC'), false)!;
}

/** The single pass; with `raw`, returns null at the first code unit outside NFC_STABLE. */
function scan(s: string, raw: boolean): string | null {
  const n = s.length;
  const units = readUnits(s);
  let out = '';
  let runStart = -1; // start of the current run of characters copied as they are
  let pendingSpace = false;
  let pendingNewlines = 0;
  let hasContent = false;

  const flushSeparator = (): void => {
    if (hasContent) {
      if (pendingNewlines >= 2) out += '\n\n';
      else if (pendingNewlines === 1) out += '\n';
      else if (pendingSpace) out += ' ';
    }
    pendingNewlines = 0;
    pendingSpace = false;
  };
  const emit = (str: string): void => {
    flushSeparator();
    out += str;
    hasContent = true;
  };

  for (let i = 0; i < n; i++) {
    const code = units[i];
    const cls = CLASS[code];
    if (cls === PLAIN || cls === NFC_CHECK) {
      // NFC_CHECK is plain once the text is in NFC; in the raw text it sends the scan back for NFC.
      if (cls !== PLAIN && raw) return null;
      if (runStart < 0) {
        flushSeparator();
        hasContent = true;
        runStart = i;
      }
      continue;
    }
    if (raw && NFC_STABLE[code] === 0) return null;
    // A single regular space between two plain characters stays inside the run (the common case).
    if (code === 0x20 && runStart >= 0 && i + 1 < n && CLASS[units[i + 1]] === PLAIN) continue;
    if (runStart >= 0) {
      out += s.slice(runStart, i);
      runStart = -1;
    }
    switch (cls) {
      case SPACE:
        pendingSpace = true;
        break;
      case NEWLINE:
      case CR:
        if (cls === CR && i + 1 < n && units[i + 1] === 0x0a) i++;
        pendingNewlines++;
        pendingSpace = false;
        break;
      case PARAGRAPH:
        pendingNewlines += 2;
        pendingSpace = false;
        break;
      case REMOVE:
        break;
      case APOSTROPHE:
        if (isCurlySingle(code) && i + 1 < n && isCurlySingle(units[i + 1])) {
          emit('"'); // ‘‘neutralité’’: a doubled single quote is a double quote
          i++;
        } else emit("'");
        break;
      case DOUBLE_QUOTE:
        emit('"');
        break;
      case GUILLEMET_OPEN:
        emit(s[i]);
        pendingSpace = true;
        break;
      case GUILLEMET_CLOSE:
        if (hasContent && pendingNewlines === 0) pendingSpace = true;
        emit(s[i]);
        break;
      case PSEUDO_APOSTROPHE:
        emit(i > 0 && i + 1 < n && LETTER.test(s[i - 1]) && LETTER.test(s[i + 1]) ? "'" : s[i]);
        break;
    }
  }
  if (runStart >= 0) out += s.slice(runStart);
  return out;
}
