/**
 * Entity stage: finds weapons, countries, people and organisations in the segmented body.
 *
 * The body is tokenised once (runs of letters/digits); n-grams of folded tokens are looked up in
 * the compiled alias index (Maps, no regex alternation). Candidates from every start position are
 * resolved longest-first without overlap. Then: person surnames are checked against a preceding
 * given name, unknown capitalised tokens are matched to known surnames by bounded
 * Damerau-Levenshtein distance (recorded in `fuzzy` so the pipeline can warn), and unknown people
 * are found by French patterns (office + name, "M. X").
 *
 * Precision rules (see README of the stage in the final report):
 * - aliases with capitals need capitalised text tokens; acronyms of 2–3 letters need all caps;
 * - a capital city or a single-word weapon name right after a capitalised given-name-like word
 *   is rejected ("Denzel Washington"); a capital followed by a capitalised word is rejected
 *   ("Washington Post");
 * - a weapon name that is also a common word / person / place name ("César", "Archer", "Puma")
 *   needs a military word or another weapon in the same sentence.
 */
import type { CompiledGazetteer, EntityType } from '../gazetteer/types.ts';
import {
  CASE_ACRONYM,
  CASE_ACRONYM_LONG,
  CASE_INITIAL,
  getAliasIndex,
  bigramCodes,
  type AliasEntry,
  type AliasIndex,
  type TrieNode,
} from '../gazetteer/compile.ts';
import { boundedDamerauLevenshtein, nameEditBudget } from './fuzzy.ts';
import { nameSlug } from './text/fold.ts';
import { COMMON_WORDS } from './text/lexicon.ts';
import { TF_MILITARY, TF_NO_FUZZY, documentTokens, type Tokens } from './text/tokens.ts';
import type { EntityRef, Mention, NewName, SegmentedDoc, WeaponRef } from './types.ts';

export interface FuzzyMatch {
  /** Surface text as written ("Lecornuil"). */
  text: string;
  start: number;
  end: number;
  id: string;
  /** Display name of the entity it was read as. */
  name: string;
  distance: number;
}

export interface EntityExtraction {
  mentions: Mention[];
  weapons: WeaponRef[];
  countries: EntityRef[];
  people: EntityRef[];
  organizations: EntityRef[];
  newNames: NewName[];
  /** Names matched only approximately (misspellings): "Lecornuil" read as Sébastien Lecornu. */
  fuzzy: FuzzyMatch[];
}

/* ------------------------------------------------------------------ lexicons */

/** Words after which an ambiguous country name ("Maurice") is read as the place. */
const PLACE_PREPOSITIONS = new Set(['en', 'au', 'aux', 'a', 'vers', 'depuis', 'ile', 'iles', 'republique', 'royaume', 'etat']);

/** Particles allowed inside personal names. */
const NAME_PARTICLES = new Set(['de', 'von', 'van', 'der', 'den', 'al', 'el', 'bin', 'ben', 'da', 'di', 'del', 'dos', 'ter', 'ten', 'ibn', 'abu', 'la']);

/** Folded office words that introduce a person's name ("le ministre … X"). */
// prettier-ignore
const OFFICE_WORDS = new Set([
  'president', 'presidente', 'ministre', 'secretaire', 'chef', 'general', 'generale', 'ambassadeur', 'ambassadrice',
  'chancelier', 'chanceliere', 'commandant', 'commandante', 'amiral', 'colonel', 'lieutenant', 'marechal',
  'conseiller', 'conseillere', 'representant', 'representante', 'commissaire', 'homologue', 'dirigeant', 'dirigeante',
  'patron', 'patronne', 'directeur', 'directrice', 'pdg', 'depute', 'deputee', 'senateur', 'senatrice', 'gouverneur',
  'maire', 'roi', 'reine', 'prince', 'princesse', 'emir', 'pape', 'cheikh', 'envoye', 'envoyee', 'emissaire', 'vice',
  'porte-parole', 'parole', 'major', 'diplomate', 'negociateur', 'negociatrice', 'opposant', 'opposante', 'premier',
  'journaliste', 'animateur', 'animatrice', 'administrateur', 'administratrice', 'patriarche', 'metropolite', 'imam',
  'ayatollah', 'sultan', 'analyste', 'chercheur', 'chercheuse', 'proprietaire', 'fondateur', 'fondatrice',
]);
/** Titles used with a single name ("le patriarche Kirill", "le roi Charles III"). */
const SINGLE_NAME_TITLES = new Set([
  'patriarche',
  'metropolite',
  'pape',
  'roi',
  'reine',
  'prince',
  'princesse',
  'emir',
  'cheikh',
  'imam',
  'ayatollah',
  'sultan',
]);
/** Roles in an apposition after a name ("Park Jin-woo, chercheur à l'Institut Asan"; "X, le propriétaire de CSG"). */
// prettier-ignore
const ROLE_AFTER = new Set([
  'analyste', 'chercheur', 'chercheuse', 'expert', 'experte', 'specialiste', 'directeur', 'directrice', 'professeur',
  'professeure', 'proprietaire', 'fondateur', 'fondatrice', 'pdg', 'president', 'presidente', 'porte-parole', 'gendre',
  'ancien', 'ancienne', 'general', 'colonel', 'ministre', 'ambassadeur', 'ambassadrice', 'conseiller', 'conseillere',
  'chef', 'patron', 'patronne', 'depute', 'deputee', 'senateur', 'senatrice', 'administrateur', 'administratrice',
  'commandant', 'dirigeant', 'dirigeante', 'responsable', 'economiste', 'historien', 'historienne', 'politologue',
]);
/** Words allowed between an office word and the name ("le ministre slovaque de la Défense, X"). */
// prettier-ignore
const OFFICE_COMPLEMENT = new Set([
  'de', 'du', 'des', 'd', 'la', 'le', 'l', 'les', 'en', 'adjoint', 'adjointe', 'charge', 'chargee', 'delegue', 'deleguee',
  'par', 'interim', 'sortant', 'sortante', 'nouveau', 'nouvel', 'nouvelle', 'ancien', 'ancienne', 'actuel', 'actuelle',
  'premier', 'premiere', 'vice', 'haut', 'haute', 'defense', 'affaires', 'etrangeres', 'exterieures', 'armees', 'armee',
  'interieur', 'etat', 'major', 'justice', 'finances', 'economie', 'sante', 'diplomatie', 'gouvernement', 'forces',
  'terre', 'air', 'marine', 'ministere', 'presidence', 'republique', 'commission', 'europeenne', 'europeen', 'conseil',
  'parlement', 'national', 'nationale', 'securite', 'renseignement', 'services', 'general', 'generale', 'charge', 'chef',
  'armees', 'etat-major', 'strategiques', 'speciales', 'aerienne', 'aeriennes', 'terrestres', 'navales', 'industrie',
  'veterans', 'anciens', 'combattants', 'communication', 'porte', 'representant', 'special', 'speciale', 'envoye',
  'a', 'retraite', 'region', 'regionale', 'regional', 'administration', 'militaire', 'oblast', 'son', 'sa', 'et',
]);
const CIVILITY = new Set(['m', 'mme', 'mlle', 'mm', 'monsieur', 'madame']);

/* ------------------------------------------------------------------ candidates */

interface Candidate {
  s: number; // first token
  n: number; // token count
  entry: AliasEntry | null;
  id: string;
  type: EntityType;
  kind: string;
  fuzzy?: number; // edit distance when approximate
  /** Fuzzy surname shared by several people: the candidates' ids. */
  ids?: string[];
}

/*
 * Reused per-document arrays of the stage (a typed array has a costly off-heap backing store):
 * each is grown as needed and handed out as a zeroed view, valid until the next call for it.
 */
const scratch = { covered: new Int32Array(0), taken: new Uint8Array(0), chosen: new Uint8Array(0), military: new Uint8Array(0) };

function zeroed(name: 'taken' | 'chosen' | 'military', n: number): Uint8Array {
  if (scratch[name].length < n) scratch[name] = new Uint8Array(n * 2);
  return scratch[name].subarray(0, n).fill(0);
}

/** An Int32Array of length n filled with -1, on reused memory. */
function unset(n: number): Int32Array {
  if (scratch.covered.length < n) scratch.covered = new Int32Array(n * 2);
  return scratch.covered.subarray(0, n).fill(-1);
}

function caseOk(entry: AliasEntry, t: Tokens, i: number): boolean {
  const mask = entry.caseMask;
  for (let k = 0; k < mask.length; k++) {
    const code = mask[k];
    if (code === 0) continue;
    const j = i + k;
    if (code === CASE_INITIAL) {
      if (!t.cap[j]) return false;
    } else if (code === CASE_ACRONYM) {
      if (!t.upper[j]) return false;
    } else if (code === CASE_ACRONYM_LONG) {
      if (!t.upper[j] && !t.title[j]) return false;
    }
  }
  return true;
}

/** Capitalised word that looks like part of a personal name (not a function word or known place/org). */
function nameLike(t: Tokens, j: number, index: AliasIndex): boolean {
  if (j < 0 || j >= t.n || !t.cap[j]) return false;
  if (t.upper[j] && t.end[j] - t.start[j] > 1) return false;
  const k = t.key[j];
  if (COMMON_WORDS.has(k)) return false;
  const entries = index.byKey.get(k);
  if (entries && entries.some((e) => e.kind !== 'surname')) return false;
  return true;
}

function gapIs(body: string, t: Tokens, a: number, allowed: string): boolean {
  return t.start[a + 1] - t.end[a] === 1 && allowed.includes(body[t.end[a]]);
}

export function collectExact(body: string, t: Tokens, index: AliasIndex): Candidate[] {
  const out: Candidate[] = [];
  const n = t.n;
  const infos = t.info;
  const root = index.trie.next!;
  for (let i = 0; i < n; i++) {
    const ti = infos[i];
    if (!ti) continue;
    // Compound adjectives: "franco-allemand", "russo-ukrainiennes".
    if (ti.prefix && i + 1 < n && gapIs(body, t, i, '-')) {
      const nx = infos[i + 1];
      if (nx && (nx.prefix || nx.adjective)) {
        out.push({ s: i, n: 1, entry: null, id: ti.prefix, type: 'country', kind: 'prefix' });
      }
    }
    // Walk the trie; at each depth try the exact token and, as the last token, its singular.
    let best: Candidate | null = null;
    let node: TrieNode | undefined = ti.rootExact;
    let parentNext: Map<number, TrieNode> | null = root;
    for (let d = 1; ; d++) {
      const j = i + d - 1;
      const tj = infos[j]!;
      const alt: TrieNode | undefined = d === 1 ? tj.rootStrip : tj.strip >= 0 && parentNext ? parentNext.get(tj.strip) : undefined;
      const entry = entryAt(node, d, t, i) ?? entryAt(alt, d, t, i);
      if (entry) best = { s: i, n: d, entry, id: entry.id, type: entry.type, kind: entry.kind };
      if (!node?.next || j + 1 >= n || !t.join[j]) break;
      const tn = infos[j + 1];
      if (!tn) break;
      parentNext = node.next;
      node = tn.exact >= 0 ? node.next.get(tn.exact) : undefined;
      if (!node && tn.strip < 0) break;
    }
    if (best) out.push(best);
  }
  return out;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function entryAt(node: TrieNode | undefined, d: number, t: Tokens, i: number): AliasEntry | undefined {
  const entries = node?.entries;
  if (!entries) return undefined;
  for (const e of entries) if (e.size === d && caseOk(e, t, i)) return e;
  return undefined;
}

/** Context filters that only depend on neighbouring tokens. */
function contextOk(c: Candidate, body: string, t: Tokens, index: AliasIndex): boolean {
  const e = c.entry;
  if (!e) return true;
  const single = c.n === 1;
  const capitalised = t.cap[c.s] === 1;
  if (single && capitalised && (e.kind === 'capital' || (e.type === 'weapon' && !hasDigit(t.key[c.s])))) {
    // "Denzel Washington", "Jules César": a given-name-like word right before.
    const p = c.s - 1;
    if (p >= 0 && gapIs(body, t, p, ' ') && nameLike(t, p, index)) return false;
  }
  if (e.kind === 'capital' && capitalised) {
    // "Washington Post", "Paris Match".
    const nx = c.s + c.n;
    if (nx < t.n && gapIs(body, t, nx - 1, ' ') && t.title[nx] && nameLike(t, nx, index)) return false;
  }
  if (e.kind === 'surname' && single && t.initial[c.s] && COMMON_WORDS.has(t.key[c.s])) return false;
  if (e.placeOnly) {
    const p = c.s - 1;
    if (p < 0 || !PLACE_PREPOSITIONS.has(t.key[p])) return false;
  }
  return true;
}

/** Resolves overlaps: longest (in tokens, then characters) first, then leftmost. */
function selectNonOverlapping(cands: Candidate[], t: Tokens): Candidate[] {
  if (!inOrder(cands)) return selectBySort(cands, t);
  // Single-token candidates come last in the greedy order and only overlap one another at the same
  // start (same token, same length: kept in input order), so only multi-token ones need sorting.
  const multi: number[] = [];
  for (let i = 0; i < cands.length; i++) if (cands[i].n > 1) multi.push(i);
  if (multi.length > 1) multi.sort((a, b) => byGreedyOrder(cands[a], cands[b], t));
  const taken = zeroed('taken', t.n);
  const chosen = zeroed('chosen', cands.length);
  for (const i of multi) {
    const c = cands[i];
    let free = true;
    for (let k = c.s; k < c.s + c.n; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.s; k < c.s + c.n; k++) taken[k] = 1;
    chosen[i] = 1;
  }
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.n !== 1 || taken[c.s]) continue;
    taken[c.s] = 1;
    chosen[i] = 1;
  }
  // Input order is reading order: the chosen ones come out sorted by start.
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) if (chosen[i]) out.push(cands[i]);
  return out;
}

function byGreedyOrder(a: Candidate, b: Candidate, t: Tokens): number {
  if (b.n !== a.n) return b.n - a.n;
  const la = t.end[a.s + a.n - 1] - t.start[a.s];
  const lb = t.end[b.s + b.n - 1] - t.start[b.s];
  if (lb !== la) return lb - la;
  return a.s - b.s;
}

/** The general case: candidates in any order. */
function selectBySort(cands: Candidate[], t: Tokens): Candidate[] {
  const order = cands.slice().sort((a, b) => byGreedyOrder(a, b, t));
  const taken = new Uint8Array(t.n);
  const out: Candidate[] = [];
  for (const c of order) {
    let free = true;
    for (let k = c.s; k < c.s + c.n; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.s; k < c.s + c.n; k++) taken[k] = 1;
    out.push(c);
  }
  return out.sort((a, b) => a.s - b.s);
}

function inOrder(cands: Candidate[]): boolean {
  for (let i = 1; i < cands.length; i++) if (cands[i].s < cands[i - 1].s) return false;
  return true;
}

type FuzzyHit = { ids: string[]; key: string; distance: number } | null;
const FUZZY_CACHE = new WeakMap<AliasIndex, Map<string, FuzzyHit>>();
const FUZZY_CACHE_MAX = 20000;

/** fuzzySurname, memoised per alias index (a pure function of the key; callers never mutate the result). */
function fuzzySurnameCached(key: string, index: AliasIndex): FuzzyHit {
  let cache = FUZZY_CACHE.get(index);
  if (!cache) {
    cache = new Map();
    FUZZY_CACHE.set(index, cache);
  }
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = fuzzySurname(key, index);
    if (cache.size >= FUZZY_CACHE_MAX) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

/** Best fuzzy surname for a folded token (unique best within the edit budget), or null. */
export function fuzzySurname(key: string, index: AliasIndex): { ids: string[]; key: string; distance: number } | null {
  const k = nameEditBudget(key.length);
  if (k === 0) return null;
  const counts = new Map<number, number>();
  const codes = bigramCodes(key);
  for (let b = 0; b < codes.length; b++) {
    if (codes.indexOf(codes[b]) !== b) continue; // count each distinct bigram once
    const posting = index.fuzzyBigrams.get(codes[b]);
    if (!posting) continue;
    for (const idx of posting) counts.set(idx, (counts.get(idx) ?? 0) + 1);
  }
  let best: { ids: string[]; key: string; distance: number } | null = null;
  let tie = false;
  for (const [idx, shared] of counts) {
    const cand = index.fuzzyNames[idx];
    const maxLen = Math.max(cand.key.length, key.length);
    // q-gram filter: each edit destroys at most 2 bigrams (3 for a transposition).
    if (shared < maxLen - 1 - 3 * k) continue;
    if (Math.abs(cand.key.length - key.length) > k) continue;
    const d = boundedDamerauLevenshtein(key, cand.key, k);
    if (d === 0 || d > k) continue;
    if (!best || d < best.distance) {
      best = { ids: cand.ids, key: cand.key, distance: d };
      tie = false;
    } else if (d === best.distance) {
      tie = true;
    }
  }
  return best && !tie ? best : null;
}

/** Given names compatible across transliterations ("Volodimir"/"Volodymyr", "Dmitry"/"Dmytro"). */
export function givenNameCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const maxLen = Math.max(a.length, b.length);
  if (boundedDamerauLevenshtein(a, b, 1) <= 1 && Math.min(a.length, b.length) >= 3) return true;
  if (a[0] !== b[0]) return false;
  const k = Math.max(1, Math.floor(maxLen / 3));
  return boundedDamerauLevenshtein(a, b, k) <= k;
}

/* ------------------------------------------------------------------ new names */

interface NameRun {
  s: number;
  e: number; // last token (inclusive)
  caps: number;
}

function nameRunAt(body: string, t: Tokens, i: number, covered: Int32Array, index: AliasIndex): NameRun | null {
  if (!nameLike(t, i, index) || covered[i] >= 0) return null;
  let e = i;
  let caps = 1;
  let j = i + 1;
  while (j < t.n && caps < 4) {
    if (!gapIs(body, t, j - 1, " -'")) break;
    if (nameLike(t, j, index) && covered[j] < 0) {
      e = j;
      caps++;
      j++;
      continue;
    }
    // "Park Jin-woo", "Kim Jong-un": a short lower-case syllable hyphenated to a name token.
    if (!t.cap[j] && body[t.end[j - 1]] === '-' && t.end[j] - t.start[j] <= 4 && !COMMON_WORDS.has(t.key[j])) {
      e = j;
      j++;
      continue;
    }
    if (!t.cap[j] && NAME_PARTICLES.has(t.key[j]) && j + 1 < t.n && gapIs(body, t, j, " -'") && nameLike(t, j + 1, index) && covered[j + 1] < 0) {
      e = j + 1;
      caps++;
      j += 2;
      continue;
    }
    break;
  }
  return { s: i, e, caps };
}

/** Looks back from a name run for an office phrase or a civility; returns the rule name or null. */
function triggerBefore(body: string, t: Tokens, run: NameRun, covered: Int32Array, cands: Candidate[]): string | null {
  const s = run.s;
  const p = s - 1;
  if (p < 0) return null;
  const gapText = body.slice(t.end[p], t.start[s]);
  // The segmenter may have split after "M.": the civility still counts.
  if (CIVILITY.has(t.key[p]) && t.cap[p] && (gapText === '. ' || gapText === ' ')) return 'civility';
  if (t.sent[p] !== t.sent[s]) return null;
  if (gapText !== ' ' && gapText !== ', ') return null;
  if (run.caps < 2) {
    // "le patriarche Kirill": a title that takes a single name, right before it, lower case.
    if (gapText === ' ' && SINGLE_NAME_TITLES.has(t.key[p]) && !t.cap[p]) return 'office-title';
    return null;
  }
  for (let k = p, steps = 0; k >= 0 && steps < 10 && t.sent[k] === t.sent[s]; k--, steps++) {
    if (k < p) {
      const g = body.slice(t.end[k], t.start[k + 1]);
      if (!/^(?: |-|'|\u2019)$/.test(g)) return null;
    }
    const w = t.key[k];
    if (OFFICE_WORDS.has(w)) {
      if (w === 'parole' && t.key[k - 1] !== 'porte') return null;
      if (w === 'major' && t.key[k - 1] !== 'etat') return null;
      if (w === 'premier' && k !== p) return null;
      // An office word must be lower case or a title ("Premier ministre"): not a name.
      return 'office-title';
    }
    if (OFFICE_COMPLEMENT.has(w)) continue;
    // A place name inside the office phrase ("le gouverneur de la région de Dnipropetrovsk, X").
    if (t.cap[k] && covered[k] < 0 && k > 0 && (t.key[k - 1] === 'de' || t.key[k - 1] === 'du' || t.key[k - 1] === 'd')) continue;
    // A country or organisation inside it ("le ministre de la Défense de l'Ukraine, X").
    const ci = covered[k];
    if (ci >= 0 && (cands[ci].type === 'country' || cands[ci].type === 'organization')) continue;
    return null;
  }
  return null;
}

/** A name followed by a role in apposition: "Park Jin-woo, chercheur à …", "Michal Strnad, le propriétaire de CSG". */
function roleAfter(body: string, t: Tokens, run: NameRun): string | null {
  if (run.caps < 2) return null;
  let k = run.e + 1;
  if (k >= t.n || t.sent[k] !== t.sent[run.e] || body.slice(t.end[run.e], t.start[k]) !== ', ') return null;
  const w = t.key[k];
  if (w === 'le' || w === 'la' || w === 'l' || w === 'un' || w === 'une') k++;
  if (k >= t.n || t.cap[k]) return null;
  return ROLE_AFTER.has(t.key[k]) ? 'apposition-role' : null;
}

/* ------------------------------------------------------------------ main */

/** Finds every entity mention of the body; lists are unique by id, in order of first mention. */
export function extractEntities(doc: SegmentedDoc, cg: CompiledGazetteer): EntityExtraction {
  const index = getAliasIndex(cg);
  const body = doc.body;
  const t = documentTokens(doc, index);

  // 1. Exact alias candidates, context filters, longest-first selection.
  const cands = collectExact(body, t, index).filter((c) => contextOk(c, body, t, index));
  let chosen = selectNonOverlapping(cands, t);

  // 2. Ambiguous weapon names need a military word or another weapon in the sentence.
  // One pass over tokens and one over candidates (per-sentence scans were quadratic on long articles).
  // Sentences with a military word, flagged by sentence index (t.sent).
  const sentenceCount = t.n > 0 ? t.sent[t.n - 1] + 1 : 0;
  const military = zeroed('military', sentenceCount);
  for (let i = 0; i < t.n; i++) {
    if (t.flags[i] & TF_MILITARY) military[t.sent[i]] = 1;
  }
  for (const c of chosen) if (c.type === 'weapon' && !c.entry?.ambiguous) military[t.sent[c.s]] = 1;
  chosen = chosen.filter((c) => !(c.entry?.ambiguous && military[t.sent[c.s]] === 0));

  // 3. Fuzzy surnames for unknown capitalised tokens.
  const covered = unset(t.n);
  const mark = () => {
    covered.fill(-1);
    chosen.forEach((c, ci) => {
      for (let k = c.s; k < c.s + c.n; k++) covered[k] = ci;
    });
  };
  mark();
  const fuzzyCands: Candidate[] = [];
  if (index.fuzzyNames.length) {
    for (let i = 0; i < t.n; i++) {
      if (covered[i] >= 0 || !t.title[i] || t.end[i] - t.start[i] < 5) continue;
      const k = t.key[i];
      if (t.flags[i] & TF_NO_FUZZY) continue;
      const hit = fuzzySurnameCached(k, index);
      if (!hit) continue;
      fuzzyCands.push({ s: i, n: 1, entry: null, id: hit.ids[0], type: 'person', kind: 'surname', fuzzy: hit.distance, ids: hit.ids });
    }
  }
  if (fuzzyCands.length) {
    chosen = chosen.concat(fuzzyCands).sort((a, b) => a.s - b.s);
    mark();
  }

  // 4. Surnames: resolve shared surnames by earlier full mentions; check the given name before.
  const seenPeople = new Set<string>();
  const fuzzyOut: FuzzyMatch[] = [];
  const resolved: Candidate[] = [];
  for (const c of chosen) {
    if (c.type !== 'person' || c.kind !== 'surname') {
      if (c.type === 'person') seenPeople.add(c.id);
      resolved.push(c);
      continue;
    }
    const ids: string[] = c.entry?.ids ?? c.ids ?? [c.id];
    let id: string | undefined = ids.length === 1 ? ids[0] : ids.find((x) => seenPeople.has(x));
    if (!id) continue;
    const p = c.s - 1;
    if (p >= 0 && covered[p] < 0 && gapIs(body, t, p, ' -') && nameLike(t, p, index) && t.title[p]) {
      const given = index.givenNames.get(id) ?? [];
      const g = t.key[p];
      if (given.length && !given.some((x) => givenNameCompatible(g, x))) {
        // Another person with the same family name ("Hunter Biden"): do not link.
        id = undefined;
      } else if (given.length) {
        const exact = given.includes(g);
        c.s = p;
        c.n += 1;
        if (!exact && c.fuzzy === undefined) c.fuzzy = boundedDamerauLevenshtein(g, given[0], 9);
      }
    }
    if (!id) continue;
    c.id = id;
    seenPeople.add(id);
    resolved.push(c);
  }
  chosen = resolved;
  mark();

  // 5. New names by French patterns.
  const newNames: NewName[] = [];
  const newCands: Candidate[] = [];
  const newIdName = new Map<string, string>();
  for (let i = 0; i < t.n; i++) {
    if (covered[i] >= 0 || !t.cap[i]) continue;
    const run = nameRunAt(body, t, i, covered, index);
    if (!run) continue;
    const rule = triggerBefore(body, t, run, covered, chosen) ?? roleAfter(body, t, run);
    if (!rule) {
      i = run.e;
      continue;
    }
    const name = body.slice(t.start[run.s], t.end[run.e]);
    const id = `new:${nameSlug(name)}`;
    const cand: Candidate = { s: run.s, n: run.e - run.s + 1, entry: null, id, type: 'person', kind: 'new' };
    newCands.push(cand);
    if (!newIdName.has(id)) {
      newIdName.set(id, name);
      const sentence = doc.sentences[t.sent[run.s]];
      newNames.push({
        name,
        type: 'person',
        evidence: { text: sentence?.text ?? name, offset: sentence?.start ?? t.start[run.s], rule },
      });
    }
    i = run.e;
  }
  // Later mentions of a new name by its last word ("Heger a confirmé").
  if (newCands.length) {
    const byLast = new Map<string, string>();
    for (const c of newCands) byLast.set(t.key[c.s + c.n - 1], c.id);
    const inNew = new Uint8Array(t.n);
    for (const c of newCands) for (let k = c.s; k < c.s + c.n; k++) inNew[k] = 1;
    for (let i = 0; i < t.n; i++) {
      if (covered[i] >= 0 || inNew[i] || !t.title[i]) continue;
      const id = byLast.get(t.key[i]);
      if (!id || t.end[i] - t.start[i] < 3) continue;
      if (i > 0 && gapIs(body, t, i - 1, ' -') && nameLike(t, i - 1, index) && !inNew[i - 1]) continue;
      newCands.push({ s: i, n: 1, entry: null, id, type: 'person', kind: 'new' });
    }
    chosen = chosen.concat(newCands).sort((a, b) => a.s - b.s);
  }

  // 6. Mentions and per-type lists.
  const mentions: Mention[] = [];
  const weapons: WeaponRef[] = [];
  const countries: EntityRef[] = [];
  const people: EntityRef[] = [];
  const organizations: EntityRef[] = [];
  const seen = new Set<string>();
  for (const c of chosen) {
    const start = t.start[c.s];
    const end = t.end[c.s + c.n - 1];
    const text = body.slice(start, end);
    mentions.push({ id: c.id, type: c.type, text, start, end });
    if (c.fuzzy !== undefined) {
      fuzzyOut.push({ text, start, end, id: c.id, name: cg.nameOf(c.id) ?? c.id, distance: c.fuzzy });
    }
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const name = cg.nameOf(c.id) ?? newIdName.get(c.id) ?? text;
    if (c.type === 'weapon') {
      const w = cg.weapons.get(c.id);
      weapons.push({ id: c.id, name, category: w?.category ?? 'other' });
    } else if (c.type === 'country') countries.push({ id: c.id, name });
    else if (c.type === 'person') people.push({ id: c.id, name });
    else organizations.push({ id: c.id, name });
  }
  return { mentions, weapons, countries, people, organizations, newNames, fuzzy: fuzzyOut };
}
