/**
 * Segment stage: paragraphs (split on blank lines) and French-aware sentences, each with exact
 * offsets into the text (`span.text === text.slice(span.start, span.end)`, spans trimmed).
 *
 * A sentence ends after a run of terminal punctuation (. ! ? … and combinations such as "?!" or
 * "...") plus any closing quotes/brackets ("poursuivre. »", "tard.\"", "(AFP).") when it is
 * followed by whitespace and then something that is not a lower-case letter or , ; : ) — except:
 * - after an abbreviation (M., MM., Mme, Dr, av., J.-C., p., cf., art., janv., "No." …);
 * - after an initial ("J. Biden", "E. Macron");
 * - after an ellipsis inside open guillemets or double quotes.
 * Decimal numbers (1.5) and glued ellipses ("OTAN...Nous") never split: whitespace is required.
 * One linear pass per paragraph.
 */
import type { SegmentedDoc, Sentence, Span } from './types.ts';

/** Abbreviations compared as written (their lower-case form is an ordinary word or rare). */
const ABBREVIATIONS_EXACT = new Set([
  'M',
  'MM',
  'Mme',
  'Mmes',
  'Mlle',
  'Mlles',
  'Mgr',
  'Dr',
  'Drs',
  'Pr',
  'Me',
  'Mes',
  'St',
  'Ste',
  'Sts',
  'Stes',
  'No',
  'Nos',
  'Gal',
  'Gén',
  'Col',
  'Cdt',
  'Lt',
  'Cne',
  'Sgt',
  'Adj',
  'Jr',
  'Sr',
  'Vve',
]);
/** Abbreviations compared in lower case. */
const ABBREVIATIONS_FOLDED = new Set([
  'av',
  'apr',
  'p',
  'pp',
  'cf',
  'vol',
  'env',
  'art',
  'ex',
  'fig',
  'chap',
  'éd',
  'coll',
  'op',
  'cit',
  'ibid',
  'vs',
  'n',
  'nº',
  'tél',
  'approx',
  'min',
  'max',
  'sq',
  'réf',
  'suiv',
  'hab',
  'inc',
  'ltd',
  'corp',
  'co',
  'janv',
  'fév',
  'févr',
  'avr',
  'juil',
  'sept',
  'oct',
  'nov',
  'déc',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'dec',
  'lun',
  'mer',
  'jeu',
  'ven',
  'sam',
  'dim',
]);

const SINGLE_UPPER = /^\p{Lu}$/u;
/** Dotted initials / acronyms: "J.-C", "U.S", "É.-U", "O.N.U". */
const DOTTED_INITIALS = /^(?:\p{L}\.-?){1,5}\p{L}$/u;
const LOWER_START = /\p{Ll}/u;

function isAbbreviation(token: string): boolean {
  if (token.length === 0 || token.length > 12) return false;
  if (ABBREVIATIONS_EXACT.has(token)) return true;
  if (ABBREVIATIONS_FOLDED.has(token.toLowerCase())) return true;
  if (SINGLE_UPPER.test(token)) return true;
  return DOTTED_INITIALS.test(token);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

const DOT = 46; // .
const BANG = 33; // !
const QUESTION = 63; // ?
const ELLIPSIS = 0x2026; // …
const GUILL_OPEN = 0xab; // «
const GUILL_CLOSE = 0xbb; // »
const DQUOTE = 34; // "
const APOS = 39; // '

function isTerminal(c: number): boolean {
  return c === DOT || c === BANG || c === QUESTION || c === ELLIPSIS;
}

/** Closing characters allowed after terminal punctuation. */
function isCloser(c: number): boolean {
  return c === GUILL_CLOSE || c === 41 /* ) */ || c === 93 /* ] */ || c === 0x203a; /* › */
}

/** Characters that, starting the next text, show the sentence continues. */
function isContinuation(c: number): boolean {
  return c === 44 /* , */ || c === 59 /* ; */ || c === 58 /* : */ || c === 41 /* ) */ || c === 93; /* ] */
}

/** Characters a token before a period may start after (not part of the abbreviation). */
function isTokenOpener(c: number): boolean {
  return isSpace(c) || c === 40 /* ( */ || c === 91 /* [ */ || c === GUILL_OPEN || c === DQUOTE || c === APOS || c === 0x2014 || c === 0x2013;
}

const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/g;

/** Splits text into paragraphs and sentences with exact offsets. */
export function segmentText(text: string): SegmentedDoc {
  const paragraphs: Span[] = [];
  const sentences: Sentence[] = [];
  const re = PARAGRAPH_BREAK;
  re.lastIndex = 0;
  let pos = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    addParagraph(text, pos, end, paragraphs, sentences);
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return { body: text, paragraphs, sentences };
}

function addParagraph(text: string, from: number, to: number, paragraphs: Span[], sentences: Sentence[]): void {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return;
  const index = paragraphs.length;
  paragraphs.push({ text: text.slice(start, end), start, end });
  splitSentences(text, start, end, index, sentences);
}

function pushSentence(text: string, from: number, to: number, paragraph: number, out: Sentence[]): void {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return;
  out.push({ text: text.slice(start, end), start, end, paragraph });
}

/** Terminal punctuation, guillemets and double quotes: the only characters splitSentences acts on. */
const SPLIT_CHARS = /[.!?\u2026\u00ab\u00bb"]/g;

function splitSentences(text: string, ps: number, pe: number, paragraph: number, out: Sentence[]): void {
  let sentenceStart = ps;
  let guillemets = 0;
  let dquoteOpen = false;
  for (let i = ps; i < pe; i++) {
    // Jump to the next character the splitter reacts to: the regex scans natively, ~4× faster
    // than testing every character here (all other characters fall through the checks below).
    SPLIT_CHARS.lastIndex = i;
    if (!SPLIT_CHARS.test(text)) break;
    i = SPLIT_CHARS.lastIndex - 1;
    if (i >= pe) break;
    const c = text.charCodeAt(i);
    if (c === GUILL_OPEN) {
      guillemets++;
      continue;
    }
    if (c === GUILL_CLOSE) {
      if (guillemets > 0) guillemets--;
      continue;
    }
    if (c === DQUOTE) {
      dquoteOpen = i === ps || isTokenOpener(text.charCodeAt(i - 1)) ? true : false;
      continue;
    }
    if (!isTerminal(c)) continue;

    // The run of terminal punctuation: ".", "...", "?!", "…".
    let j = i;
    let dots = 0;
    let ellipsis = false;
    while (j < pe && isTerminal(text.charCodeAt(j))) {
      const t = text.charCodeAt(j);
      if (t === ELLIPSIS) ellipsis = true;
      if (t === DOT) dots++;
      j++;
    }
    if (dots >= 2) ellipsis = true;
    const singlePeriod = j - i === 1 && c === DOT;

    // Closing quotes and brackets after it: "». ", ". »", ".\"", ").".
    let k = j;
    let closedGuillemets = 0;
    let closedDquote = false;
    while (k < pe) {
      const ch = text.charCodeAt(k);
      if (isCloser(ch)) {
        if (ch === GUILL_CLOSE) closedGuillemets++;
        k++;
      } else if (k + 1 < pe && ch === 32 && text.charCodeAt(k + 1) === GUILL_CLOSE) {
        closedGuillemets++;
        k += 2;
      } else if ((ch === DQUOTE || ch === APOS) && (k + 1 >= pe || isSpace(text.charCodeAt(k + 1)) || isCloser(text.charCodeAt(k + 1)))) {
        if (ch === DQUOTE) closedDquote = true;
        k++;
      } else break;
    }

    if (k >= pe) break;
    if (!isSpace(text.charCodeAt(k))) {
      i = j - 1; // glued to the next word ("1.5", "OTAN...Nous"): not a boundary
      continue;
    }
    let next = k;
    while (next < pe && isSpace(text.charCodeAt(next))) next++;
    if (next >= pe) break;
    const nc = text.charCodeAt(next);
    const nextChar = text[next];
    let boundary = !isContinuation(nc) && !LOWER_START.test(nextChar);

    if (boundary && singlePeriod && k === j) {
      let t = i;
      while (t > ps && i - t <= 13 && !isTokenOpener(text.charCodeAt(t - 1))) t--;
      if (isAbbreviation(text.slice(t, i))) boundary = false;
    }
    if (boundary && ellipsis && k === j && (guillemets > 0 || dquoteOpen)) boundary = false;

    if (!boundary) {
      i = j - 1; // rescan closers in the main loop so quote depth stays right
      continue;
    }
    guillemets = Math.max(0, guillemets - closedGuillemets);
    if (closedDquote) dquoteOpen = false;
    pushSentence(text, sentenceStart, k, paragraph, out);
    sentenceStart = next;
    i = next - 1;
  }
  pushSentence(text, sentenceStart, pe, paragraph, out);
}
