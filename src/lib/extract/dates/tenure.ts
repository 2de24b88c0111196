/**
 * Officeholders named with their office ⇒ the article falls within their tenure.
 * "le ministre ukrainien de la Défense, Rustem Umerov", "le président américain Joe Biden",
 * "Jens Stoltenberg, secrétaire général de l'OTAN", "son homologue ukrainien Volodimir Zelensky".
 */
import type { Mention, Sentence } from '../types.ts';
import type { CompiledGazetteer, Office, OfficeRole, PersonProfile } from '../../gazetteer/types.ts';
import { STRENGTH, normalize, type Constraint, type DaySet } from './constraint.ts';
import { parseIso } from './calendar.ts';
import { fold } from '../text/fold.ts';
import { foldKeep, looseOf, ure } from './text.ts';

/** Days an officeholder may still be called by their title after leaving office (reposts, lag). */
export const TENURE_GRACE_DAYS = 7;

interface TitlePattern {
  role: OfficeRole;
  re: RegExp;
  /** Cheap prefilter: one of these substrings must occur in the folded sentence. */
  keys: string[];
}

/** Office titles on folded text (lower case, no accents). Specific titles first. */
const TITLES: TitlePattern[] = [
  { role: 'commission-president', keys: ['commission'], re: /\bpresidente? de la commission(?: europeenne)?\b/g },
  { role: 'council-president', keys: ['conseil europeen'], re: /\bpresidente? du conseil europeen\b/g },
  {
    role: 'high-representative',
    keys: ['represent', 'diplomatie'],
    re: /\bhaute? representante?(?: de l'ue| de l'union europeenne)?\b|\bchef(?:fe)? de la diplomatie (?:europeenne|de l'ue|de l'union europeenne)\b/g,
  },
  { role: 'secretary-general', keys: ['secretaire gen'], re: /\bsecretaire generale?\b/g },
  {
    role: 'defence-minister',
    keys: ['defense', 'armees', 'guerre', 'pentagone'],
    re: /\bministre(?: [a-z]+){0,2}? (?:de la defense(?: nationale)?|des armees|des forces armees)\b|\bsecretaire(?: [a-z]+)? a la (?:defense|guerre)\b|\b(?:chef|patron(?:ne)?|numero un) du pentagone\b/g,
  },
  {
    role: 'foreign-minister',
    keys: ['etrangeres', 'diplomatie', "secretaire d'etat"],
    re: /\bministre(?: [a-z]+){0,2}? (?:des affaires etrangeres|de l'europe et des affaires etrangeres)\b|\bchef(?:fe)? de la diplomatie\b|\bsecretaire d'etat\b(?! (?:charge|aux?|a la|a l'|au|delegue))/g,
  },
  {
    role: 'head-of-government',
    keys: ['ministre', 'chanceli', 'gouvernement'],
    re: /\bpremier(?:e)? ministre\b|\bchanceli(?:er|ere)\b|\bchef du gouvernement\b/g,
  },
  { role: 'spokesperson', keys: ['porte-parole'], re: /\bporte-parole\b/g },
  { role: 'commander-in-chief', keys: ['chef', 'commandant'], re: /\bcommandant(?:e)? en chef\b|\bchef des forces armees\b/g },
  { role: 'chief-of-staff', keys: ['chef'], re: /\bchef d'etat-major\b|\bchef de l'administration presidentielle\b|\bchef de cabinet\b/g },
  {
    role: 'head-of-state',
    keys: ['presiden', "chef de l'etat"],
    re: /(?<!vice[- ]|ex-)\bpresidente?\b(?! (?:du conseil|de la commission|du parlement|de la rada|du senat|de l'assemblee|du groupe|de la douma|du comite|de la banque|de la fondation|d'honneur|directeur|du conseil d'administration|elu|elue))|\bchef de l'etat\b/g,
  },
].map((t) => ({ role: t.role as OfficeRole, keys: t.keys, re: ure(t.re, 'g') }));

/** Words before a title that make it a former, future or non-current office. */
const NOT_CURRENT_BEFORE = ure(
  /(?:\bancien(?:ne)?s?|\bex-|\bex|\bfutur(?:e)?|\balors|\bfeu|\bdefunte?|\beventuel(?:le)?|\bprochain(?:e)?|\bcandidate?|\bpressentie?)\s*(?:[a-z]+\s+)?$/,
);
/** Words between title and name that make it non-current. */
const NOT_CURRENT_GAP = ure(/\b(?:ancien(?:ne)?|elue?|designee?|d'alors|de l'epoque|a l'epoque|par interim|interimaire|sortant(?:e)?s?|pressentie?)\b/);
/** Allowed text between a title and the name: adjectives, "de l'OTAN", commas. No verbs, no "et". */
const GAP_OK = ure(/^[\s,]*(?:[a-z'.-]+[\s,]*){0,7}$/);
const GAP_BAD = ure(/\b(?:et|a|ont|est|qui|que|avec|selon|dont|ou|avait|avaient|etait|etaient|sont|va|vont|doit|doivent)\b/);

/** May a folded text stand between a title and the name it gives (adjectives, commas, "de l'Otan"; no verb)? */
export function titleGapOk(gap: string): boolean {
  return gap.length <= 60 && GAP_OK.test(gap) && !GAP_BAD.test(gap);
}
/** Past narration: the title then held only proves the event was in office, not the article. */
const NARRATIVE_RE = ure(/\b(?:avait|avaient|fut|furent|auparavant|a l'epoque)\b|(?:19[5-9]|20[0-4])\d/);

interface Names {
  byName: Map<string, string>;
}
const namesCache = new WeakMap<CompiledGazetteer, Names>();

function namesOf(cg: CompiledGazetteer): Names {
  let n = namesCache.get(cg);
  if (n) return n;
  const byName = new Map<string, string>();
  const add = (s: string, id: string) => {
    const k = fold(s);
    if (k && !byName.has(k)) byName.set(k, id);
  };
  for (const c of cg.countries.values()) {
    add(c.name, c.id);
    add(c.nameEn, c.id);
    for (const a of c.aliases) add(a, c.id);
  }
  for (const o of cg.organizations.values()) {
    add(o.name, o.id);
    for (const a of o.aliases) add(a, o.id);
  }
  n = { byName };
  namesCache.set(cg, n);
  return n;
}

/** Country or organisation ids named in a short folded span ("ukrainien", "de l'otan"). */
export function polityIn(span: string, cg: CompiledGazetteer): string | null {
  const tokens = span.split(/[^a-z0-9'-]+/).filter(Boolean);
  for (const t of tokens) {
    const bare = t.replace(/^(?:l|d)'/, '');
    const id = cg.countryByAdjective.get(fold(bare));
    if (id) return id;
  }
  const { byName } = namesOf(cg);
  for (let i = 0; i < tokens.length; i++) {
    for (let len = 3; len >= 1; len--) {
      if (i + len > tokens.length) continue;
      const phrase = tokens
        .slice(i, i + len)
        .join(' ')
        .replace(/^(?:l|d)'/, '');
      if (/^(?:de|du|des|la|le|les)$/.test(phrase)) continue;
      const id = byName.get(fold(phrase));
      if (id) return id;
    }
  }
  return null;
}

export interface TitleHit {
  role: OfficeRole;
  start: number;
  end: number;
}

/** The office titles of a folded sentence, left to right (meetings.ts reads them too: a bare title names the officeholder the article named with it). */
export function titlesIn(folded: string): TitleHit[] {
  const hits: TitleHit[] = [];
  for (const t of TITLES) {
    if (!t.keys.some((k) => folded.includes(k))) continue;
    t.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = t.re.exec(folded))) {
      const s = m.index,
        e = s + m[0].length;
      if (hits.some((h) => s < h.end && e > h.start)) continue;
      hits.push({ role: t.role, start: s, end: e });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Quick test: does a sentence contain any office word at all? */
export const HAS_TITLE_RE = ure(/\b(?:pr[eé]sidente?|ministre|chanceli|secr[eé]taire|porte-parole|chef|patron|num[eé]ro un|homologue|commandant|haute? repr)/i);
const HAS_TITLE_LOOSE = looseOf(HAS_TITLE_RE);

export function tenureSet(offices: Office[], lowerOnly: boolean): DaySet {
  const iv: [number, number][] = [];
  for (const o of offices) {
    const s = parseIso(o.start);
    if (s === null) continue;
    const e = o.end ? parseIso(o.end) : null;
    const hi = lowerOnly || o.end === null || e === null ? Infinity : e + TENURE_GRACE_DAYS;
    iv.push([s, hi]);
  }
  return normalize(iv);
}

function matchOffices(p: PersonProfile, role: OfficeRole, of: string | null): Office[] {
  return (p.offices ?? []).filter((o) => o.role === role && (of === null || o.of === of));
}

/**
 * Tenure constraints for person mentions introduced by their office in the same sentence.
 * `body` is the text all offsets refer to.
 */
export function tenureConstraints(body: string, sentences: Sentence[], mentions: Mention[], cg: CompiledGazetteer): Constraint[] {
  const out: Constraint[] = [];
  const persons = mentions.filter((m) => m.type === 'person' && !m.id.startsWith('new:'));
  if (!persons.length) return out;
  const others = mentions.filter((m) => m.type === 'person');
  let si = 0;
  const seen = new Set<string>();
  let hitsFor: Sentence | null = null;
  let hits: TitleHit[] = [];
  let titleTestFor: Sentence | null = null;
  let titleTest = false;
  for (const pm of persons) {
    const profile = cg.people.get(pm.id);
    if (!profile || !profile.offices?.length) continue;
    while (si < sentences.length - 1 && sentences[si].end <= pm.start) si++;
    const sent = sentences[si];
    if (!sent || pm.start < sent.start) continue;
    // The office-word test depends on the sentence only: once per sentence, not per person mention.
    if (titleTestFor !== sent) {
      titleTestFor = sent;
      titleTest = HAS_TITLE_LOOSE.test(sent.text) && HAS_TITLE_RE.test(sent.text);
    }
    if (!titleTest) continue;
    const folded = foldKeep(sent.text);
    const rel = pm.start - sent.start;
    const relEnd = pm.end - sent.start;
    if (hitsFor !== sent) {
      hitsFor = sent;
      hits = titlesIn(folded);
    }
    let role: OfficeRole | null = null;
    let polity: string | null = null;
    let titleStart = -1;

    // 1. Title before the name: the nearest title ending within 80 chars before it.
    const before = hits.filter((h) => h.end <= rel && rel - h.end <= 80);
    const homo = /\bhomologues?\b/g;
    let homoHit: { start: number; end: number } | null = null;
    if (folded.includes('homologue'))
      for (let m; (m = homo.exec(folded));) if (m.index + m[0].length <= rel && rel - m.index <= 60) homoHit = { start: m.index, end: m.index + m[0].length };
    const lastTitle = before[before.length - 1];
    if (homoHit && (!lastTitle || homoHit.start > lastTitle.end)) {
      // "son homologue ukrainien X": same role as the nearest title before, country after "homologue".
      const gap = folded.slice(homoHit.end, rel);
      if (gapOk(gap, others, sent.start + homoHit.end, pm.start)) {
        const ctx = foldKeep(body.slice(Math.max(0, sent.start - 300), sent.start)) + folded.slice(0, homoHit.start);
        const prior = titlesIn(ctx);
        const ante = prior[prior.length - 1];
        if (ante) {
          role = ante.role;
          polity = polityIn(gap, cg);
          titleStart = homoHit.start;
        }
      }
    } else if (lastTitle) {
      const gap = folded.slice(lastTitle.end, rel);
      if (
        gapOk(gap, others, sent.start + lastTitle.end, pm.start) &&
        !NOT_CURRENT_BEFORE.test(folded.slice(Math.max(0, lastTitle.start - 25), lastTitle.start))
      ) {
        role = lastTitle.role;
        polity = polityIn(folded.slice(lastTitle.start, rel), cg);
        titleStart = lastTitle.start;
      }
    }
    // 2. Apposition after the name: "Jens Stoltenberg, secrétaire général de l'OTAN".
    if (!role) {
      const after = folded.slice(relEnd, relEnd + 100);
      const am = /^\s*,\s*(?:l'actuel(?:le)?\s+|le\s+|la\s+|l')?/.exec(after);
      if (am) {
        const h = hits.find((x) => x.start === relEnd + am[0].length);
        if (h) {
          const tail = folded.slice(h.start, Math.min(folded.length, h.start + 80)).split(/[,;.()]/)[0];
          if (!NOT_CURRENT_GAP.test(tail)) {
            role = h.role;
            polity = polityIn(tail, cg);
            titleStart = h.start;
          }
        }
      }
    }
    if (!role) continue;
    const offices = matchOffices(profile, role, polity);
    if (!offices.length && polity) continue; // office not recorded for that polity: do not guess
    if (!offices.length) continue;
    // Narrative check on the sentence up to the person's own verb phrase (not later subordinates).
    const tail = folded.slice(relEnd, relEnd + 80);
    const cut = tail.search(/\bqu(?:e\b|')/);
    const narrative = NARRATIVE_RE.test(folded.slice(0, relEnd + (cut < 0 ? tail.length : cut)));
    const key = `${pm.id}|${role}|${narrative}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const set = tenureSet(offices, narrative);
    if (!set.length) continue;
    out.push({
      set,
      strength: STRENGTH.officeTenure,
      evidence: { text: sent.text, offset: sent.start, rule: narrative ? 'office-tenure-start' : 'office-tenure' },
      match: { text: body.slice(sent.start + titleStart, pm.end), offset: sent.start + titleStart },
      note: `${profile.name}: ${role}${polity ? ' (' + polity + ')' : ''}`,
    });
  }
  return out;
}

function gapOk(gap: string, others: Mention[], from: number, to: number): boolean {
  if (!titleGapOk(gap) || NOT_CURRENT_GAP.test(gap)) return false;
  return !others.some((o) => o.start >= from && o.end <= to);
}
