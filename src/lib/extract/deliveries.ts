/**
 * Delivery stage: supplier → recipient, weapon, quantity, status, evidence, one per weapon
 * mentioned in a sentence that carries a status cue (French verb or noun).
 *
 * - status: the postposed participle right after the weapon ("Caesar livrés à Kiev"), else the
 *   nearest cue before the weapon, else the nearest cue after it; negated cues are ignored.
 * - supplier: passive agent ("par la France"), else the nearest country/organisation/person
 *   (→ nationality) before the cue within the cue's clause (clauses split at que/qu'/;/:), mentions
 *   in a recipient slot excluded, "de X" complements only as a fallback; country adjectives count
 *   only after a state noun ("les autorités françaises").
 *   Requests invert the roles: the requester (subject) is the recipient, the asked party
 *   ("appelé les pays de l'OTAN à fournir") the supplier.
 * - recipient: a country after à/au/aux/pour/en/vers (not an origin "fabriqués aux États-Unis");
 *   default Ukraine for sending statuses when none is named.
 * - quantity: the number directly governing the weapon phrase (numbers.ts), shared by coordinated
 *   weapons ("missiles Javelin et Stinger").
 */
import type { CompiledGazetteer } from '../gazetteer/types.ts';
import { foldKeep } from './text/fold.ts';
import { getAliasIndex } from '../gazetteer/compile.ts';
import { quantityBeforeTokens, type Quantity, type WordTokens } from './numbers.ts';
import { createWordMemo, documentTokens, wordMemoAt, type Tokens } from './text/tokens.ts';
import type { Delivery, DeliveryStatus, Mention, SegmentedDoc, Sentence } from './types.ts';

interface CueDef {
  status: DeliveryStatus;
  rule: string;
  re: RegExp;
  /** Participle that follows the weapon ("livrés à Kiev"). */
  post?: boolean;
  /** Substrings one of which must occur for the regex to be tried (cheap prefilter). */
  hints: string[];
  /** A use/strike verb ("a tiré des Kinjal", "utilise des F-16"): the weapon it governs is no transfer. */
  block?: boolean;
  /** Noun cue ("la livraison de", "la cession de"): yields a record only when an agent is named. */
  needsAgent?: boolean;
}

const STEMS = ['livr', 'fourni', 'transfer', 'envoy', 'remis', 'ced', 'donn', 'offert', 'expedi', 'achemin', 'deploy'];

const PAST = '(?:livre|fourni|transfere|envoye|remis|cede|donne|offert|expedie|achemine|deploye)';

/** One optional adverb between auxiliary and participle ("a déjà livré", "avait surtout livré", "ont discrètement cédé"). */
const ADV = `(?:(?:deja|finalement|recemment|effectivement|bien|surtout|aussi|egalement|ensuite|notamment|encore|discretement|\\p{L}+ment) )?`;

export const CUES: CueDef[] = [
  // delivered
  { status: 'delivered', rule: 'past-tense', hints: STEMS, re: new RegExp(`\\b(?:a|ont|avait|avaient|aurait|auraient) ${ADV}${PAST}e?s?\\b`, 'gu') },
  { status: 'delivered', rule: 'passive-past', hints: STEMS, re: new RegExp(`\\b(?:a|ont|avait|avaient|aurait|auraient) ${ADV}ete ${PAST}e?s?\\b`, 'gu') },
  { status: 'delivered', rule: 'arrived', hints: ['arriv', 'parvenu', 'livr', 'transfer'], re: /\b(?:sont|est|etaient|etait) (?:deja |bien |finalement )?(?:arrive|parvenu|livre|transfere)e?s?\b/g },
  { status: 'delivered', rule: 'delivery-done', hints: ['effectu'], re: /\blivraisons? (?:a ete |ont ete )?effectuees?\b/g },
  { status: 'delivered', rule: 'received', hints: ['recu', 'receptionn'], re: /\b(?:a|ont|avait|avaient) (?:deja |finalement |bien )?recu\b|\breceptionne\w*/g },
  { status: 'delivered', rule: 'participle', hints: STEMS, re: new RegExp(`\\b${PAST}e?s? (?:a|au|aux|en|par|vers)\\b`, 'g'), post: true },
  { status: 'delivered', rule: 'offering', hints: ['offrant', 'fournissant', 'livrant'], re: /\b(?:offrant|fournissant|livrant)\b/g },
  // Present tense of unambiguous transfer verbs: "l'Iran fournit des Shahed à la Russie".
  { status: 'delivered', rule: 'present', hints: ['fourni', 'livrent', 'envoi', 'transfer', 'ced'], re: /\b(?:fournit|fournissent|livrent|envoient|transferent|cedent)\b/g },
  { status: 'delivered', rule: 'completed', hints: ['achev', 'termin', 'finalis'], re: /\b(?:a|ont|avait|avaient) (?:\p{L}+ )?(?:acheve|termine|finalise) (?:la|les) livraisons?\b/gu },
  { status: 'announced', rule: 'transfer-noun', hints: ['livraison', 'cession', 'fourniture', 'don '], re: /\b(?:la|une|les|des) (?:\p{L}+ )?(?:livraisons?|cessions?|fournitures?|dons?) (?:a l'\p{L}+ |au \p{L}+ |a \p{L}+ )?(?:de|d'|des|du)/gu, needsAgent: true },
  // Strikes and use are not transfers: "la Russie a tiré des Kinjal", "frappée par des Kh-101", "utilise des F-16".
  { status: 'delivered', rule: 'use', block: true, hints: ['tir', 'frapp', 'abatt', 'intercept', 'lanc', 'utilis', 'employ', 'bombard', 'detrui', 'abattu'], re: /\b(?:tir(?:e|ee|es|ees|ent|er|ait|aient)|frapp\w*|abattu\w*|abattre|intercept\w*|lanc(?:e|ee|es|ees|er|ent|ait|aient)(?!-)|utilis\w*|employ\w*|bombard\w*|detrui\w*)\b/g },
  // announced
  { status: 'announced', rule: 'announce', hints: ['annonc'], re: /\b(?:a|ont|avait|avaient) annonce\b|\bannoncent\b|\bannonce (?:l'|de |d')/g },
  { status: 'announced', rule: 'envoi', hints: ['envoi'], re: /\bl'envoi\b|\benvoi (?:de|d')/g },
  { status: 'announced', rule: 'near-future', hints: ['va ', 'vont ', 'allons ', 'vais ', 'allai', 'irai'], re: /\b(?:va|vont|allons|vais|allait|allaient|irait|iraient) (?:\p{L}+ ){0,3}?(?:envoyer|livrer|fournir|transferer|ceder|donner|offrir|expedier|proceder a (?:des|de nouvelles|la) livraisons?)\b/gu },
  { status: 'announced', rule: 'future', hints: ['enverr', 'livrer', 'fournir', 'transferer', 'ceder', 'donner', 'offrir', 'expedier', 'remplacer', 'remettr', 'deploier'], re: /\b(?:enverr|livrer|fournir|transferer|ceder|donner|offrir|expedier|remplacer|remettr|deploier)(?:a|ai|as|ons|ez|ont|ait|aient|ions)\b/g },
  { status: 'announced', rule: 'pledge', hints: ['promet', 'promis', 'engag', 'pret'], re: /\bpromet(?:tent)?\b|\b(?:a|ont) promis\b|\bs'est engagee?\b|\bse sont engagee?s\b|\bs'engag(?:ent|e|eait|eaient|era|eront) a\b|\bpret(?:e|s|es)? a (?:livrer|fournir|ceder|envoyer|transferer)\b/g },
  { status: 'announced', rule: 'funding', hints: ['debloqu'], re: /\bdebloque\w*/g },
  { status: 'announced', rule: 'package', hints: ['aide', 'paquet', 'compren'], re: /\bnouvelle aide\b|\bnouveau paquet\b|\bpaquet d'aide\b|\bcomprenant\b|\bcomprendra\b/g },
  { status: 'announced', rule: 'decision', hints: ['accepte', 'decide', 'propose', 'convenu', 'approuve', 'autorise'], re: /\b(?:a|ont|avait|avaient) (?:accepte|decide|propose|convenu|approuve|autorise) d'(?:envoyer|expedier|livrer|fournir|ceder)\b/g },
  // planned
  { status: 'planned', rule: 'plan', hints: ['prevo', 'prevu', 'planifi'], re: /\bprevoi(?:t|ent)\b|\bprevue?s?\b|\bplanifie\w*/g },
  { status: 'planned', rule: 'order', hints: ['command', 'acqui', 'achat'], re: /\b(?:une |la |sa |leur )?commande (?:de|d'|des|portant)|\bl'acquisition (?:de|d'|par)|\bl'achat de\b/g },
  { status: 'planned', rule: 'should', hints: ['devrai', 'doit', 'doivent'], re: /\bdevrai(?:t|ent)\b|\bdoi(?:t|vent) (?:etre )?(?:livre|envoye|arriver|recevoir|fournir|livrer)/g },
  { status: 'planned', rule: 'deadline', hints: ["d'ici", 'prochain'], re: /\bd'ici (?:a |la fin|fin|l'|\d)|\bl'annee prochaine\b|\bl'an prochain\b|\bdans les prochain(?:s|es) (?:jours|semaines|mois)\b/g },
  // requested
  { status: 'requested', rule: 'request', hints: ['appel', 'exhort', 'demand', 'sollicit', 'pri', 'implor', 'suppli', 'reclam', 'plaid'], re: /\b(?:a|ont|avait|avaient) (?:appele|exhorte|demande|sollicite|prie|implore|supplie|reclame)\b|\b(?:appelle|appellent|exhorte|exhortent|demandent|reclame|reclament|plaide|plaident|sollicite|sollicitent|supplie|implore)\b|\bdemande (?:a|aux|de|d'|l'|la|des)\b/g },
  { status: 'requested', rule: 'need', hints: ['importance', 'necessite', 'besoin', 'appel'], re: /\bl'importance de (?:fournir|livrer|envoyer)\b|\bla necessite de (?:fournir|livrer|envoyer)\b|\bbesoin (?:urgent )?(?:de|d')\b|\bappel a (?:fournir|livrer|envoyer)\b/g },
  // produced
  { status: 'produced', rule: 'production', hints: ['produ', 'cadence', 'fabri'], re: /\bprodui(?:t|sent|ra|ront|re|sait|saient)\b|\bproductions?\b|\bcadence de production\b|\bfabriqu(?:e|ent|era|eront|er)\b|\bfabrication (?:de|d'|des)/g },
];

const AUX = /^(?:a|ont|avait|avaient|aurait|auraient)$/;
const PARTICIPLE_WORD = new RegExp(`^${PAST}e?s?$`);

/**
 * Words a cue's regex cannot match without (each list entry must match one word of the sentence;
 * words are maximal runs of ASCII letters/digits of the folded sentence, where the regexes' \b
 * falls). A necessary condition read off each regex, so gating on it never changes what matches:
 * most sentences have "a" and a stem like "fourni" (the hints) but no "a fourni" at all.
 */
const CUE_WORDS: Record<string, RegExp[]> = {
  'past-tense': [AUX, PARTICIPLE_WORD],
  'passive-past': [AUX, /^ete$/, PARTICIPLE_WORD],
  arrived: [/^(?:sont|est|etaient|etait)$/, /^(?:arrive|parvenu|livre|transfere)e?s?$/],
  'delivery-done': [/^livraisons?$/, /^effectuees?$/],
  received: [/^(?:recu$|receptionne)/],
  participle: [PARTICIPLE_WORD, /^(?:a|au|aux|en|par|vers)$/],
  offering: [/^(?:offrant|fournissant|livrant)$/],
  present: [/^(?:fournit|fournissent|livrent|envoient|transferent|cedent)$/],
  completed: [/^(?:acheve|termine|finalise)$/, /^livraisons?$/],
  'transfer-noun': [/^(?:livraisons?|cessions?|fournitures?|dons?)$/],
  use: [/^(?:tir|frapp|abatt|intercept|lanc|utilis|employ|bombard|detrui)/],
  announce: [/^(?:annonce|annoncent)$/],
  envoi: [/^envoi$/],
  'near-future': [/^(?:va|vont|allons|vais|allait|allaient|irait|iraient)$/, /^(?:envoyer|livrer|fournir|transferer|ceder|donner|offrir|expedier|livraisons?)$/],
  future: [/^(?:enverr|livrer|fournir|transferer|ceder|donner|offrir|expedier|remplacer|remettr|deploier)(?:a|ai|as|ons|ez|ont|ait|aient|ions)$/],
  pledge: [/^(?:promet|promettent|promis|engagee?|engagee?s|engag(?:ent|e|eait|eaient|era|eront)|pret(?:e|s|es)?)$/],
  funding: [/^debloque/],
  package: [/^(?:aide|paquet|comprenant|comprendra)$/],
  decision: [/^(?:accepte|decide|propose|convenu|approuve|autorise)$/],
  plan: [/^(?:(?:prevoit|prevoient|prevue?s?)$|planifie)/],
  order: [/^(?:commande|acquisition|achat)$/],
  should: [/^(?:devrait|devraient|doit|doivent)$/],
  deadline: [/^(?:ici|prochaine?s?)$/],
  request: [/^(?:appele|exhorte|demande|sollicite|prie|implore|supplie|reclame|appelle|appellent|exhortent|demandent|reclament|plaide|plaident|sollicitent)$/],
  need: [/^(?:importance|necessite|besoin|appel)$/],
  production: [/^(?:produi(?:t|sent|ra|ront|re|sait|saient)|productions?|fabriqu(?:e|ent|era|eront|er)|fabrication)$/],
};

const AUX4 = /^(?:a|ont|avait|avaient)$/;

/**
 * The first word of every match of a cue's regex (each regex starts with \b and a letter, so a
 * match starts at a word's start). In a sentence of plain words, a cue with few such words is
 * tried only there (sticky) instead of scanning the whole sentence; the matches are the same.
 */
const CUE_LEADS: Record<string, RegExp> = {
  'past-tense': AUX,
  'passive-past': AUX,
  arrived: /^(?:sont|est|etaient|etait)$/,
  'delivery-done': /^livraisons?$/,
  received: /^(?:(?:a|ont|avait|avaient)$|receptionne)/,
  participle: PARTICIPLE_WORD,
  offering: /^(?:offrant|fournissant|livrant)$/,
  present: /^(?:fournit|fournissent|livrent|envoient|transferent|cedent)$/,
  completed: AUX4,
  'transfer-noun': /^(?:la|une|les|des)$/,
  use: /^(?:tir|frapp|abatt|intercept|lanc|utilis|employ|bombard|detrui)/,
  announce: /^(?:a|ont|avait|avaient|annoncent|annonce)$/,
  envoi: /^(?:l|envoi)$/,
  'near-future': /^(?:va|vont|allons|vais|allait|allaient|irait|iraient)$/,
  future: /^(?:enverr|livrer|fournir|transferer|ceder|donner|offrir|expedier|remplacer|remettr|deploier)(?:a|ai|as|ons|ez|ont|ait|aient|ions)$/,
  pledge: /^(?:promet|promettent|a|ont|s|se|pret|prete|prets|pretes)$/,
  funding: /^debloque/,
  package: /^(?:nouvelle|nouveau|paquet|comprenant|comprendra)$/,
  decision: AUX4,
  plan: /^(?:(?:prevoit|prevoient|prevue?s?)$|planifie)/,
  order: /^(?:une|la|sa|leur|commande|l)$/,
  should: /^(?:devrait|devraient|doit|doivent)$/,
  deadline: /^(?:d|l|dans)$/,
  request: /^(?:a|ont|avait|avaient|appelle|appellent|exhorte|exhortent|demandent|reclame|reclament|plaide|plaident|sollicite|sollicitent|supplie|implore|demande)$/,
  need: /^(?:l|la|besoin|appel)$/,
  production: /^(?:produi(?:t|sent|ra|ront|re|sait|saient)|productions?|cadence|fabriqu(?:e|ent|era|eront|er)|fabrication)$/,
};
const LEAD_RES: (RegExp | undefined)[] = CUES.map((c) => CUE_LEADS[c.rule]);
/** Sticky twins of the cue regexes, run at candidate word starts. */
const STICKY: RegExp[] = CUES.map((c) => new RegExp(c.re.source, c.re.flags.replace('g', '') + 'y'));
/** Above this many candidate words a cue scans the sentence once instead. */
const MAX_STICKY_TRIES = 6;

/*
 * Cue gate: a cue regex runs only when one of its hints occurs in the folded sentence. The hints
 * are read off the entity stage's word tokens (one cached bitmask per distinct word) instead of
 * scanning every sentence with a regex alternation of all hints: a letter-only hint lies inside
 * one word, so it occurs in the sentence iff it occurs in one of its words.
 */
const ALL_HINTS = [...new Set(CUES.flatMap((c) => c.hints))];
/** Cue bits of each hint: the cues one of whose hints the hint contains. */
function cueBitsOfHint(h: string): number {
  let bits = 0;
  CUES.forEach((c, i) => {
    if (c.hints.some((x) => h.includes(x))) bits |= 1 << i;
  });
  return bits;
}
/** Hints with a space or an apostrophe ("va ", "d'ici"): gated on their longest letter run, then checked on the sentence. */
interface SpanningHint {
  hint: string;
  core: string;
  bits: number;
}
const LETTER_HINTS = ALL_HINTS.filter((h) => /^[a-z]+$/.test(h)).map((h) => ({ hint: h, bits: cueBitsOfHint(h) }));
const SPANNING_HINTS: SpanningHint[] = ALL_HINTS.filter((h) => !/^[a-z]+$/.test(h)).map((h) => ({
  hint: h,
  core: h.split(/[^a-z]+/).reduce((a, b) => (b.length > a.length ? b : a), ''),
  bits: cueBitsOfHint(h),
}));

/** Distinct word requirements, numbered: bit r of WordGate.req[r >> 5]. */
const REQUIREMENTS: RegExp[] = [...new Set(Object.values(CUE_WORDS).flat())];
/** Requirement bits each cue needs, as two 32-bit words. */
const CUE_NEEDS0 = new Int32Array(CUES.length);
const CUE_NEEDS1 = new Int32Array(CUES.length);
CUES.forEach((c, i) => {
  for (const re of CUE_WORDS[c.rule] ?? []) {
    const r = REQUIREMENTS.indexOf(re);
    if (r < 32) CUE_NEEDS0[i] |= 1 << r;
    else CUE_NEEDS1[i] |= 1 << (r - 32);
  }
});

/** Gate of one word: cue bits of its letter hints, spanning-hint cores, requirements it meets. */
interface WordGate {
  cues: number;
  /** Bits of SPANNING_HINTS whose core the word contains. */
  spanning: number;
  req0: number;
  req1: number;
  /** Cues a match of which can start with this word (CUE_LEADS). */
  lead: number;
  /** Only ASCII letters/digits: the word is one \b-delimited run of the folded sentence. */
  plain: boolean;
}
const PLAIN_WORD = /^[a-z0-9]+$/;

function computeWordGate(w: string): WordGate {
  let cues = 0;
  for (const h of LETTER_HINTS) if (w.includes(h.hint)) cues |= h.bits;
  let spanning = 0;
  SPANNING_HINTS.forEach((h, i) => {
    if (w.includes(h.core)) spanning |= 1 << i;
  });
  const req = [0, 0];
  REQUIREMENTS.forEach((re, r) => {
    if (re.test(w)) req[r >> 5] |= 1 << (r & 31);
  });
  let lead = 0;
  LEAD_RES.forEach((re, i) => {
    if (re?.test(w)) lead |= 1 << i;
  });
  return { cues, spanning, req0: req[0], req1: req[1], lead, plain: PLAIN_WORD.test(w) };
}

const WORD_GATES = createWordMemo(computeWordGate);

/** Where the last sentenceCueBits call found words that can start a cue match. */
const leads = { ok: true, count: 0, pos: new Int32Array(256), bits: new Int32Array(256) };

/**
 * Enabled cues of a sentence (bit i: CUES[i]) from the words overlapping [from, to) of the body.
 * Also fills `leads` (sentence offsets of words that can start a match); leads.ok is false when a
 * word is not plain (a \b may fall inside it), so that the cues scan the whole sentence.
 */
function sentenceCueBits(fs: string, from: number, to: number, tokens: Tokens): number {
  let cues = 0;
  let spanning = 0;
  let req0 = 0;
  let req1 = 0;
  leads.ok = true;
  leads.count = 0;
  for (let k = firstTokenEndingAfter(tokens, from); k < tokens.n && tokens.start[k] < to; k++) {
    const s = tokens.start[k];
    const e = tokens.end[k];
    const g = tokens.key[k].length === e - s && s >= from && e <= to ? wordMemoAt(WORD_GATES, tokens, k) : null;
    if (g !== null && g.plain) {
      cues |= g.cues;
      spanning |= g.spanning;
      req0 |= g.req0;
      req1 |= g.req1;
      if (g.lead !== 0) {
        if (leads.count === leads.pos.length) leads.ok = false;
        else {
          leads.pos[leads.count] = s - from;
          leads.bits[leads.count++] = g.lead;
        }
      }
      continue;
    }
    leads.ok = false;
    // A word cut by the sentence bounds, with an expanded letter (œ → oe) or a non-ASCII letter
    // (a \b inside it): gate the ASCII runs of the sentence's own folded text.
    for (const run of fs.slice(Math.max(s, from) - from, Math.min(e, to) - from).split(/[^a-z0-9]+/)) {
      if (!run) continue;
      const r = computeWordGate(run);
      cues |= r.cues;
      spanning |= r.spanning;
      req0 |= r.req0;
      req1 |= r.req1;
    }
  }
  for (let i = 0; spanning !== 0 && i < SPANNING_HINTS.length; i++) {
    if (spanning & (1 << i) && fs.includes(SPANNING_HINTS[i].hint)) cues |= SPANNING_HINTS[i].bits;
  }
  for (let i = 0; i < CUES.length; i++) {
    if ((cues & (1 << i)) === 0) continue;
    const n0 = CUE_NEEDS0[i];
    const n1 = CUE_NEEDS1[i];
    if ((req0 & n0) !== n0 || (req1 & n1) !== n1) cues &= ~(1 << i);
  }
  return cues;
}

/** First token whose end is after pos (binary search on the ascending token ends). */
function firstTokenEndingAfter(tokens: WordTokens, pos: number): number {
  let lo = 0;
  let hi = tokens.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.end[mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Cue {
  status: DeliveryStatus;
  rule: string;
  start: number;
  end: number;
  post: boolean;
  block: boolean;
  needsAgent: boolean;
}

/** The cues of the last sentenceCueBits sentence; `enabled` from that call. */
function findCues(fs: string, enabled: number): Cue[] {
  const out: Cue[] = [];
  if (enabled === 0) return out;
  for (let ci = 0; ci < CUES.length; ci++) {
    if (!(enabled & (1 << ci))) continue;
    const def = CUES[ci];
    const bit = 1 << ci;
    let tries = 0;
    if (leads.ok && LEAD_RES[ci]) for (let j = 0; j < leads.count; j++) if (leads.bits[j] & bit) tries++;
    if (leads.ok && LEAD_RES[ci] && tries <= MAX_STICKY_TRIES) {
      // Matches start only at these words: try each in order, skipping those inside a match.
      const sticky = STICKY[ci];
      let from = 0;
      for (let j = 0; tries > 0 && j < leads.count; j++) {
        if (!(leads.bits[j] & bit)) continue;
        tries--;
        const p = leads.pos[j];
        if (p < from) continue;
        sticky.lastIndex = p;
        const m = sticky.exec(fs);
        if (!m) continue;
        from = p + m[0].length;
        addCue(out, def, fs, p, from);
      }
      continue;
    }
    def.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = def.re.exec(fs))) addCue(out, def, fs, m.index, m.index + m[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Records a cue match unless negated ("ne livre pas", "n'a jamais livré"). */
function addCue(out: Cue[], def: CueDef, fs: string, start: number, end: number): void {
  if ((start >= 2 && (fs.charCodeAt(start - 2) === 110 || (start >= 3 && fs.charCodeAt(start - 3) === 110))) && /(?:^|\s)(?:ne|n')\s?$/.test(fs.slice(Math.max(0, start - 4), start))) return;
  if (fs.charCodeAt(end) === 32 && /^ (?:pas|jamais|plus)\b/.test(fs.slice(end, end + 8))) return;
  out.push({ status: def.status, rule: def.rule, start, end, post: def.post === true, block: def.block === true, needsAgent: def.needsAgent === true });
}

/** State nouns that make a country adjective an agent: "les autorités françaises". */
const STATE_NOUN = /(?:autorites|gouvernement|ministere|ministre|president|presidente|armee|armees|forces|etat-major|etat major|diplomatie|chancelier|chanceliere|responsables|dirigeants|executif|pays|industriels|entreprises|groupe|firme|constructeur|fabricant|premier ministre|chef de l'etat)\s+$/;
const RECIPIENT_SLOT = /(?:^|[\s'])(?:a|au|aux|pour|en|vers|a destination de|a destination du)\s+(?:l'|la |le |les )?(?:« ?|" ?)?$/;
const ORIGIN_SLOT = /(?:fabrique|produit|concu|developpe|origine|construit)\w*\s+(?:en|aux?|dans)\s+(?:l'|la |le |les )?$/;
const DE_SLOT = /(?:^|[\s'])(?:de|d|du|des)\s*(?:l'|la |le |les )?(?:« ?|" ?)?$/;
const PASSIVE_AGENT = /(?:^|\s)par\s+(?:l'|la |le |les )?$/;
const RELATIVE_SUBJECT = /^\s*,\s*qui\s+(?:\p{L}+\s+){0,3}$/u;
const CLAUSE_BREAK = /\bque\b|\bqu'|[;:]/g;

/** Organisation kinds that can supply weapons. */
const SUPPLIER_ORG_KINDS = new Set(['alliance', 'intergovernmental', 'coalition', 'company', 'government', 'armed-forces', 'other']);

interface Party {
  id: string;
  /** Country adjective not preceded by a state noun ("les Patriot allemands"). */
  adjective: boolean;
  m: Mention;
  rel: number; // start relative to sentence
  relEnd: number;
  deSlot: boolean;
  recipientSlot: boolean;
}

function partiesOf(sentence: Sentence, fs: string, ms: Mention[], cg: CompiledGazetteer): Party[] {
  const index = getAliasIndex(cg);
  const out: Party[] = [];
  for (const m of ms) {
    let id: string | undefined;
    if (m.type === 'country') id = m.id;
    else if (m.type === 'organization') {
      const org = cg.organizations.get(m.id);
      if (org && SUPPLIER_ORG_KINDS.has(org.kind)) id = m.id;
    } else if (m.type === 'person') id = index.personCountry.get(m.id);
    // A company supplies on behalf of its country ("Baykar offrira un TB2" → Turkey).
    if (m.type === 'organization' && id) {
      const org = cg.organizations.get(m.id);
      if (org?.kind === 'company' && org.country) id = org.country;
    }
    if (!id) continue;
    const rel = m.start - sentence.start;
    const before = fs.slice(Math.max(0, rel - 30), rel);
    // Adjectives ("françaises") act as agents only after a state noun.
    if (m.type === 'country') {
      const isAdjective = /^[\p{Ll}]/u.test(m.text);
      if (isAdjective && !STATE_NOUN.test(before)) {
        out.push({ id, adjective: true, m, rel, relEnd: m.end - sentence.start, deSlot: true, recipientSlot: false });
        continue;
      }
    }
    out.push({
      id,
      adjective: false,
      m,
      rel,
      relEnd: m.end - sentence.start,
      deSlot: DE_SLOT.test(before),
      recipientSlot: RECIPIENT_SLOT.test(before) && !ORIGIN_SLOT.test(before),
    });
  }
  return out;
}

function clauseStart(fs: string, pos: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(fs)) && m.index < pos) start = m.index + m[0].length;
  return start;
}

/** Nearest agent before `pos` in the clause: plain mentions first, "de X" complements as fallback. */
function agentBefore(parties: Party[], fs: string, pos: number, exclude: string | null): Party | null {
  const from = clauseStart(fs, pos);
  const pool = parties.filter((p) => p.relEnd <= pos && p.rel >= from && !p.recipientSlot && p.id !== exclude && p.m.type !== 'weapon');
  // "l'Iran, qui fournit …": the antecedent of the relative clause is the agent, even as a "de X" complement.
  for (let i = pool.length - 1; i >= 0; i--) {
    if (RELATIVE_SUBJECT.test(fs.slice(pool[i].relEnd, pos))) return pool[i];
  }
  for (const pass of [false, true]) {
    for (let i = pool.length - 1; i >= 0; i--) {
      if (pool[i].deSlot === pass) return pool[i];
    }
  }
  return null;
}

function chooseCue(cues: Cue[], fs: string, wRel: number, wRelEnd: number): Cue | null {
  for (const c of cues) {
    if (c.post && c.start >= wRelEnd && c.start - wRelEnd <= 3) return c;
  }
  let before: Cue | null = null;
  for (const c of cues) if (c.end <= wRel && !c.post) before = c;
  if (before) return before;
  // A cue after the weapon counts only within the same clause ("…Patriot…, que le système a été transféré" does not).
  for (const c of cues) {
    if (c.start < wRelEnd) continue;
    CLAUSE_BREAK.lastIndex = 0;
    const between = fs.slice(wRelEnd, c.start);
    return CLAUSE_BREAK.test(between) ? null : c;
  }
  return null;
}

/** Separator between coordinated parties: ", ", " et ", ", ainsi que " (articles allowed). */
const COORD = /^\s*(?:,\s*(?:et\s+|ainsi que\s+)?|et\s+|ainsi que\s+)(?:l'|la |le |les )?$/;

/** The agent plus the parties coordinated with it before ("l'Allemagne, le Danemark et les Pays-Bas livreront"). */
function coordinatedBefore(parties: Party[], fs: string, agent: Party): Party[] {
  const out = [agent];
  let cur = agent;
  for (let i = parties.indexOf(agent) - 1; i >= 0; i--) {
    const p = parties[i];
    if (p.adjective || p.recipientSlot || p.relEnd > cur.rel) continue;
    if (!COORD.test(fs.slice(p.relEnd, cur.rel))) break;
    out.unshift(p);
    cur = p;
  }
  return out;
}

/** The parties coordinated after `first` ("par le Danemark, les Pays-Bas et la Norvège"). */
function coordinatedAfter(parties: Party[], fs: string, first: Party): Party[] {
  const out = [first];
  let cur = first;
  for (let i = parties.indexOf(first) + 1; i < parties.length; i++) {
    const p = parties[i];
    if (p.rel < cur.relEnd) continue;
    if (p.adjective || !COORD.test(fs.slice(cur.relEnd, p.rel))) break;
    out.push(p);
    cur = p;
  }
  return out;
}

const DELIVERY_PARTICIPLE = /\b(livre|fourni|transfere|envoye|remis|cede|donne|offert|expedie|achemine|promis)e?s?\b/;
const PASSIVE_GAP_BREAK = /[;:.(]|\bqui\b|\bque\b|\bdont\b/;

/**
 * A delivery participle governing the weapon, with its "par" agent(s): "les F-16 livrés depuis l'été
 * par le Danemark, les Pays-Bas et la Norvège", "des Mirage 2000-5 cédés par la France". A production
 * participle ("produits par KNDS", "construits par Dassault") names the maker, not the supplier.
 */
function passiveAgents(parties: Party[], fs: string, wRelEnd: number, nextWeaponRel: number): { agents: Party[]; status: DeliveryStatus } | null {
  for (const p of parties) {
    if (p.rel <= wRelEnd || p.rel > wRelEnd + 90 || p.rel > nextWeaponRel) continue;
    const before = fs.slice(Math.max(0, p.rel - 12), p.rel);
    if (!PASSIVE_AGENT.test(before)) continue;
    const between = fs.slice(wRelEnd, p.rel);
    if (PASSIVE_GAP_BREAK.test(between)) return null;
    const m = DELIVERY_PARTICIPLE.exec(between);
    if (!m) return null;
    // "…, livrés" after a comma must directly follow the weapon phrase ("les Caesar, livrés par Paris").
    if (between.slice(0, m.index).includes(',') && !/^[^,]*,\s*$/.test(between.slice(0, m.index))) return null;
    return { agents: coordinatedAfter(parties, fs, p), status: m[1] === 'promis' ? 'announced' : 'delivered' };
  }
  return null;
}

/** Country adjective right after the weapon ("les Patriot allemands") that differs from the system's origin. */
function adjectiveAfter(parties: Party[], fs: string, wRelEnd: number, origin: string[] | undefined, allowOrigin: boolean): string | null {
  for (const p of parties) {
    if (p.rel < wRelEnd) continue;
    if (p.rel - wRelEnd > 25) break;
    if (!p.adjective || p.m.type !== 'country') continue;
    if (!/^[\s\p{L}\d-]*$/u.test(fs.slice(wRelEnd, p.rel))) break;
    if (!allowOrigin && origin?.includes(p.id)) return null;
    return p.id;
  }
  return null;
}

/** The mentions sorted by start (stable): the array itself when it already is, as the entity stage returns it. */
function inStartOrder(mentions: Mention[]): Mention[] {
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i].start < mentions[i - 1].start) return mentions.slice().sort((a, b) => a.start - b.start);
  }
  return mentions;
}

/** Same fields once written as text (null and "null" alike), as a `supplier|recipient|weapon|quantity|status` key compares them. */
function sameText(a: string | number | null, b: string | number | null): boolean {
  return a === b || String(a) === String(b);
}

/** Whether two deliveries are exact duplicates (ids are kebab-case, so field-wise equals the joined key). */
function sameDelivery(a: Delivery, b: Delivery): boolean {
  return (
    a.weapon === b.weapon &&
    a.status === b.status &&
    sameText(a.supplier, b.supplier) &&
    sameText(a.recipient, b.recipient) &&
    sameText(a.quantity, b.quantity)
  );
}

/** Deliveries of one document, in reading order; exact duplicates removed. */
export function extractDeliveries(doc: SegmentedDoc, mentions: Mention[], cg: CompiledGazetteer): Delivery[] {
  const out: Delivery[] = [];
  const sorted = inStartOrder(mentions);
  const hasUkraine = cg.countries.has('ukraine');
  // The entity stage's tokens of the body (computed there already): quantities are read on them.
  let tokens: Tokens | null = null;
  let mi = 0;
  for (const sentence of doc.sentences) {
    while (mi < sorted.length && sorted[mi].start < sentence.start) mi++;
    // Most sentences name no weapon: test that before allocating their mention lists.
    let anyWeapon = false;
    for (let j = mi; j < sorted.length && sorted[j].start < sentence.end; j++) {
      if (sorted[j].type === 'weapon') {
        anyWeapon = true;
        break;
      }
    }
    if (!anyWeapon) continue;
    const ms: Mention[] = [];
    for (let j = mi; j < sorted.length && sorted[j].start < sentence.end; j++) ms.push(sorted[j]);
    const weapons = ms.filter((m) => m.type === 'weapon');
    const fs = foldKeep(sentence.text);
    tokens ??= documentTokens(doc, getAliasIndex(cg));
    const cues = findCues(fs, sentenceCueBits(fs, sentence.start, sentence.end, tokens));
    if (cues.length === 0 && !fs.includes('par ')) continue;
    const parties = partiesOf(sentence, fs, ms, cg);
    const doneInSentence = new Set<string>();
    let prevWeapon: Mention | null = null;
    let prevQuantity: Quantity | null = null;
    for (let wi = 0; wi < weapons.length; wi++) {
      const w = weapons[wi];
      const wRel = w.start - sentence.start;
      const wRelEnd = w.end - sentence.start;
      const nextWeaponRel = wi + 1 < weapons.length ? weapons[wi + 1].start - sentence.start : Infinity;
      tokens ??= documentTokens(doc, getAliasIndex(cg));
      let quantity = quantityBeforeTokens(doc.body, tokens, w.start, sentence.start);
      if (!quantity && prevWeapon && prevQuantity) {
        const between = doc.body.slice(prevWeapon.end, w.start);
        if (/^\s*»?\s*(?:,|et|ou)\s*«?\s*$/.test(between)) quantity = prevQuantity;
      }
      prevWeapon = w;
      prevQuantity = quantity;
      if (doneInSentence.has(w.id)) continue;

      const passive = passiveAgents(parties, fs, wRelEnd, nextWeaponRel);
      let cue = chooseCue(cues, fs, wRel, wRelEnd);
      if (passive && (!cue || cue.block || cue.start > wRelEnd || cue.needsAgent)) {
        cue = { status: passive.status, rule: 'passive-participle', start: wRelEnd, end: wRelEnd, post: true, block: false, needsAgent: false };
      }
      if (!cue || cue.block) continue;

      let suppliers: (string | null)[] = [null];
      let recipient: string | null = null;
      let rule = `${cue.status}:${cue.rule}`;
      const origin = cg.weapons.get(w.id)?.origin;

      if (cue.status === 'requested') {
        const requester = agentBefore(parties, fs, cue.start, null);
        recipient = requester?.id ?? null;
        const asked = parties.find((p) => p.rel >= cue.end && p.relEnd <= wRel && p.id !== recipient && p.m.type !== 'person' && !p.adjective);
        suppliers = [asked?.id ?? adjectiveAfter(parties, fs, wRelEnd, origin, true)];
        if (!recipient) {
          const slot = parties.find((p) => p.recipientSlot && p.rel > cue.start);
          recipient = slot?.id ?? (hasUkraine ? 'ukraine' : null);
        }
      } else if (cue.rule === 'received') {
        // "L'Ukraine a reçu des Patriot de l'Allemagne / fournis par les États-Unis": the subject receives.
        recipient = agentBefore(parties, fs, cue.start, null)?.id ?? (hasUkraine ? 'ukraine' : null);
        const from = passive?.agents.map((p) => p.id) ?? [parties.find((p) => p.rel > wRelEnd && p.deSlot && !p.adjective && p.id !== recipient && /\bd(?:e|u|es)\s+(?:l'|la |le |les )?$|\bd'$/.test(fs.slice(Math.max(0, p.rel - 10), p.rel)))?.id ?? null];
        suppliers = from;
      } else if (cue.rule === 'order') {
        // "L'Ukraine a signé avec la Suède une commande de Gripen": the buyer receives.
        const seller = parties.find((p) => !p.adjective && p.relEnd <= wRel && /\b(?:avec|aupres d[eu']|a)\s+(?:l'|la |le |les )?$/.test(fs.slice(Math.max(0, p.rel - 16), p.rel)));
        const buyer =
          agentBefore(parties, fs, cue.start, seller?.id ?? null) ??
          parties.find((p) => p.rel >= cue.end && p.rel - cue.end < 6 && PASSIVE_AGENT.test(fs.slice(Math.max(0, p.rel - 12), p.rel)));
        recipient = buyer?.id ?? null;
        suppliers = [seller && seller.id !== recipient ? seller.id : adjectiveAfter(parties, fs, wRelEnd, origin, true)];
        if (!recipient || !suppliers[0]) continue;
      } else {
        // "remplacer le S-300 de la Slovaquie par une batterie Patriot": the replaced item is no delivery;
        // the possessor is the recipient of the replacement.
        let replacedOwner: string | null = null;
        if (cue.rule === 'future' && fs.slice(cue.start, cue.end).startsWith('remplac')) {
          const par = fs.indexOf(' par ', cue.end);
          if (par >= 0 && wRel < par) continue;
          if (par >= 0) replacedOwner = parties.find((p) => p.rel > cue.end && p.relEnd <= par && p.deSlot && p.m.type === 'country')?.id ?? null;
        }
        const slotAfter = parties.find((p) => p.recipientSlot && p.rel >= Math.min(cue.start, wRel));
        const slotAny = slotAfter ?? parties.find((p) => p.recipientSlot);
        recipient = replacedOwner ?? slotAny?.id ?? null;
        if (passive) {
          suppliers = passive.agents.map((p) => p.id);
          rule += '+passive-agent';
        } else if (!cue.post) {
          // A participle after the weapon ("les Caesar livrés à Kiev") names no agent.
          let agent = agentBefore(parties, fs, cue.start, recipient);
          // "des F-16 américains ont été livrés": an origin adjective describes the system, not the supplier.
          if (agent?.adjective && cue.status !== 'produced' && origin?.includes(agent.id)) agent = null;
          if (agent) suppliers = agent.deSlot ? [agent.id] : coordinatedBefore(parties, fs, agent).map((p) => p.id);
        }
        if (suppliers.length === 1 && suppliers[0] === null && cue.status !== 'produced') {
          // "les Patriot allemands" names the supplier when it is not the system's origin ("F-16 américains").
          const adj = adjectiveAfter(parties, fs, wRelEnd, origin, false);
          if (adj) {
            suppliers = [adj];
            rule += '+adjective';
          }
        }
        if (cue.needsAgent && suppliers[0] === null) continue;
        // A production record needs its producer; "fabriqué par MBDA" describes the system.
        if (cue.status === 'produced' && (suppliers[0] === null || /\bpar\s+(?:l'|la |le |les |une? )?/.test(fs.slice(cue.end, cue.end + 12)))) continue;
        if (!recipient && cue.status !== 'produced' && hasUkraine && !suppliers.includes('ukraine')) {
          recipient = 'ukraine';
          rule += '+default-recipient';
        }
      }

      doneInSentence.add(w.id);
      for (let supplier of suppliers) {
        if (supplier && supplier === recipient) supplier = null;
        const delivery: Delivery = {
          supplier,
          recipient,
          weapon: w.id,
          quantity: quantity?.value ?? null,
          quantityText: quantity ? quantity.text : null,
          status: cue.status,
          evidence: { text: sentence.text, offset: sentence.start, rule },
        };
        if (out.some((d) => sameDelivery(d, delivery))) continue;
        out.push(delivery);
      }
    }
  }
  return out;
}
