/**
 * Delivery cues: the French verbs and nouns that say a weapon is delivered, promised, planned,
 * requested or produced, and the words that say it is not (use, hedging, refusal).
 *
 * Each cue is written ONCE, as data: a list of forms, each form a sequence of word slots
 * (cue-table.ts). Everything else is computed from that one definition:
 * - the regex that finds the cue in a folded sentence (compileForm);
 * - the gate: the words a sentence must contain for a cue to be tried at all (every required slot
 *   of some form must match one word of the sentence). The gate is a necessary condition read off
 *   the same slots, so gating never changes what is found; a property test checks that gated and
 *   ungated extraction agree (tests/deliveries-gate.test.ts).
 *
 * Text is matched folded (foldKeep: lower case, no accents, ’ → '), offsets unchanged.
 */
import type { DeliveryStatus } from '../types.ts';
import { CUE_TABLE, type CueEntry, type Slot } from './cue-table.ts';

/** What a cue does to the weapons it governs. */
export type CueKind =
  /** States a transfer with `status`. */
  | 'transfer'
  /** States a transfer from the recipient's side: its subject receives ("l'Ukraine a reçu"). */
  | 'receive'
  /** Noun cue ("la livraison de"): a transfer only when the sentence names its agent. */
  | 'noun'
  /** A participle after the weapon ("les Caesar livrés à Kiev"). */
  | 'post'
  /** Use or strike ("a tiré des Kinjal"): the weapon it governs is no transfer. */
  | 'use'
  /** Hedge, speculation or refusal ("pourraient", "envisage", "refuse de"): what it governs is no fact. */
  | 'hedge';

export interface CueDef {
  rule: string;
  status: DeliveryStatus;
  kind: CueKind;
  /** One regex (global, sticky-free) over the folded sentence: any of the forms. */
  re: RegExp;
  /** Gate: per form, the required slots as indices into WORD_TESTS (each met by one word). */
  gate: number[][];
}

/** A cue found in a sentence (offsets in the sentence). */
export interface Cue {
  status: DeliveryStatus;
  rule: string;
  kind: CueKind;
  start: number;
  end: number;
}

/** A word of a folded sentence: letters/digits, with the apostrophe of an elision ("l'", "d'"). */
const WORD = /[\p{L}\p{N}]+'?/gu;
/** Between two slots: spaces, or nothing after an elided word ("l'envoi"). */
const SEP = "(?:(?<=')|\\s+)";
const START = '(?<![\\p{L}\\p{N}])';
/** After the last slot: the word ends (an elided word ends at its apostrophe; "lance-roquettes" is one word). */
const END = "(?:(?<=')|(?![\\p{L}\\p{N}'-]))";

function alternatives(slot: Slot): string {
  return `(?:${slot.words.join('|')})`;
}

/** A gap slot ({ gap: n }) stands for up to n words of any kind, matched lazily. */
function compileForm(form: Slot[]): string {
  let src = START;
  form.forEach((slot, i) => {
    const sep = i === 0 ? '' : SEP;
    if (slot.gap) src += `(?:${sep}[\\p{L}\\p{N}']+){0,${slot.gap}}?`;
    else if (slot.optional) src += `(?:${sep}${alternatives(slot)})?`;
    else src += `${sep}${alternatives(slot)}`;
  });
  return src + END;
}

function checkEntry(e: CueEntry): void {
  for (const form of e.forms) {
    if (form[0].optional || form[0].gap) throw new Error(`cue ${e.rule}: a form must start with a required slot`);
    for (const slot of form) {
      if (slot.optional || slot.gap) continue;
      for (const w of slot.words) {
        // A required word must be one WORD token, or the gate would not see it.
        if (/\s/.test(w) || /'./.test(w)) throw new Error(`cue ${e.rule}: required word "${w}" must be a single word`);
      }
    }
  }
}

/** The distinct required slots of all cues, as anchored one-word regexes (shared by cues that repeat a slot). */
const WORD_TESTS: RegExp[] = [];
const WORD_TEST_INDEX = new Map<string, number>();

function wordTest(slot: Slot): number {
  const source = `^${alternatives(slot)}$`;
  let i = WORD_TEST_INDEX.get(source);
  if (i === undefined) {
    i = WORD_TESTS.push(new RegExp(source, 'u')) - 1;
    WORD_TEST_INDEX.set(source, i);
  }
  return i;
}

function compileEntry(e: CueEntry): CueDef {
  checkEntry(e);
  const re = new RegExp(e.forms.map(compileForm).join('|'), 'gu');
  const gate = e.forms.map((form) => form.filter((s) => !s.optional && !s.gap).map(wordTest));
  return { rule: e.rule, status: e.status, kind: e.kind ?? 'transfer', re, gate };
}

export const CUES: readonly CueDef[] = CUE_TABLE.map(compileEntry);

/** The word tests each word meets, remembered per distinct word (most words meet none). */
const NONE: readonly number[] = [];
const testsOfWord = new Map<string, readonly number[]>();
const MAX_REMEMBERED_WORDS = 50_000;

function testsMetBy(word: string): readonly number[] {
  let met = testsOfWord.get(word);
  if (met === undefined) {
    const found = WORD_TESTS.flatMap((re, i) => (re.test(word) ? [i] : []));
    met = found.length === 0 ? NONE : found;
    if (testsOfWord.size >= MAX_REMEMBERED_WORDS) testsOfWord.clear();
    testsOfWord.set(word, met);
  }
  return met;
}

/**
 * The gate of a folded sentence: for each cue, whether some form has every required slot met by
 * a word of the sentence.
 */
export function enabledCues(fs: string): boolean[] {
  const met = new Uint8Array(WORD_TESTS.length);
  for (const word of fs.match(WORD) ?? []) for (const i of testsMetBy(word)) met[i] = 1;
  return CUES.map((c) => c.gate.some((slots) => slots.every((i) => met[i] === 1)));
}

/** Negation around a cue: "ne livre pas", "n'a jamais livré", "n'ont pas été livrés". */
const NEGATED_BEFORE = /(?:^|\s)(?:ne\s|n')(?:(?:\p{L}+\s+){0,2}(?:pas|jamais|plus|guere|point)\s+)?$/u;
const NE = /(?:^|\s)(?:ne\s|n')/;
const NEGATED_AFTER = /^ (?:pas|jamais|plus|toujours pas|guere)\b/;

/**
 * Every cue of a folded sentence, in order of start. With `gated` false every cue's regex runs
 * (the reference the gate is tested against).
 */
export function findCues(fs: string, gated = true): Cue[] {
  const out: Cue[] = [];
  const enabled = gated ? enabledCues(fs) : null;
  CUES.forEach((def, i) => {
    if (enabled && !enabled[i]) return;
    def.re.lastIndex = 0;
    for (let m = def.re.exec(fs); m; m = def.re.exec(fs)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        def.re.lastIndex++;
        continue;
      }
      // A negated transfer is no transfer; a negated hedge ("n'exclut pas") is still a hedge.
      // "ne livrera pas": the particle after counts only with a "ne" before ("a livré plus de 30 chars" is no negation).
      const before = fs.slice(Math.max(0, start - 24), start);
      const negated = NEGATED_BEFORE.test(before) || (NE.test(before.slice(-12)) && NEGATED_AFTER.test(fs.slice(end, end + 13)));
      if (negated && def.kind !== 'hedge') continue;
      out.push({ status: def.status, rule: def.rule, kind: def.kind, start, end });
    }
  });
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // A cue inside a longer one ("livré" in "n'a pas été livré", "sera livré") is that one's word, not a cue of its own.
  return out.filter(
    (c) => c.kind === 'hedge' || c.kind === 'use' || !out.some((d) => d !== c && d.start <= c.start && d.end >= c.end && d.end - d.start > c.end - c.start),
  );
}
