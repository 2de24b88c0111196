/**
 * Who gives and who receives in a sentence: the countries, organisations and people it names
 * (persons stand for their country, companies, armies and governments for theirs), the slot each
 * stands in (agent, "de" complement, recipient after à/au/aux/pour/en/vers, source after "en
 * provenance de", owner, complement of "entre"/"avec"/"selon"), and the readings built on them:
 * nearest agent in the clause, coordination, passive agents, reporting speakers.
 * Text is the folded sentence (foldKeep), offsets relative to the sentence.
 */
import type { CompiledGazetteer } from '../../gazetteer/types.ts';
import { getAliasIndex } from '../../gazetteer/compile.ts';
import type { DeliveryStatus, Mention, Sentence } from '../types.ts';

/** State nouns that make a country adjective an agent: "les autorités françaises". */
export const STATE_NOUN =
  /(?:aide|paquet|enveloppe|soutien|livraisons?|contribution|don|programme|autorites|gouvernement|ministere|ministre|president|presidente|armee|armees|forces|etat-major|etat major|diplomatie|chancelier|chanceliere|responsables|dirigeants|executif|pays|industriels|entreprises|groupe|firme|constructeur|fabricant|premier ministre|chef de l'etat)\s+$/;
/** A country adjective after a military noun in a recipient slot: "aux forces ukrainiennes". */
export const RECIPIENT_FORCES =
  /(?:^|[\s'])(?:a|au|aux|pour)\s+(?:l'|la |le |les )?(?:forces(?: armees)?|armee|armees|soldats|troupes|militaires|combattants|defenseurs|pilotes|defense aerienne|forces aeriennes|armee de l'air)\s+$/;
export const RECIPIENT_SLOT = /(?:^|[\s'])(?:a|au|aux|pour|en|vers|a destination de|a destination du)\s+(?:l'|la |le |les )?(?:« ?|" ?)?$/;
export const ORIGIN_SLOT = /(?:fabrique|produit|concu|developpe|origine|construit)\w*\s+(?:en|aux?|dans)\s+(?:l'|la |le |les )?$/;
export const DE_SLOT = /(?:^|[\s'])(?:de|d|du|des)\s*(?:l'|la |le |les )?(?:« ?|" ?)?$/;
/** Where a transfer comes from: "en provenance de la Pologne", "de la part des États-Unis". */
export const SOURCE_SLOT = /(?:en provenance|de la part|venant|venus?|issus?|offerts?|fournis|donnes?) d(?:e|u|es|')\s*(?:l'|la |le |les )?$/;
/** A complement that is no subject: "la rencontre entre Joe Biden et …", "selon Washington". */
export const COMPLEMENT_SLOT =
  /(?:^|\s|')(?:entre|avec|contre|selon|chez|sans|apres|comme|outre|sauf|face a|instar d[eu']?|contrairement a(?:ux?)?)\s*(?:l'|la |le |les )?$/;
/** Owner, not recipient, and so the one who gives: "six avions appartenant à l'armée de l'air française". */
export const OWNER_SLOT = /(?:appartenant|appartiennent|appartient)\s+(?:a|au|aux)\s+(?:l'|la |le |les )?(?:[\p{L}'-]+\s+){0,3}$/u;
export const PASSIVE_AGENT = /(?:^|\s)par\s+(?:l'|la |le |les )?$/;
export const RELATIVE_SUBJECT = /^\s*,\s*qui\s+(?:\p{L}+\s+){0,3}$/u;
export const CLAUSE_BREAK = /\bque\b|\bqu'|[;:]/g;
/** A clause whose subject is a pronoun refers back to the main clause's subject: "ont annoncé qu'ils allaient fournir". */
export const PRONOUN_SUBJECT = /^\s*(?:ils|elles|il|elle)\b/;

/** Organisation kinds that can supply weapons. */
export const SUPPLIER_ORG_KINDS = new Set(['alliance', 'intergovernmental', 'coalition', 'company', 'government', 'armed-forces', 'other']);

/** Organisation kinds that stand for their country. */
export const COUNTRY_ORG_KINDS = new Set(['company', 'government', 'armed-forces']);

export interface Party {
  id: string;
  /** Country adjective not preceded by a state noun ("les Patriot allemands"). */
  adjective: boolean;
  m: Mention;
  rel: number; // start relative to sentence
  relEnd: number;
  deSlot: boolean;
  /** Complement of "entre", "avec", "selon"…: never the agent. */
  complement: boolean;
  recipientSlot: boolean;
  sourceSlot: boolean;
}

export function partiesOf(sentence: Sentence, fs: string, ms: Mention[], cg: CompiledGazetteer): Party[] {
  const index = getAliasIndex(cg);
  const out: Party[] = [];
  for (const m of ms) {
    let id: string | undefined;
    if (m.type === 'country') id = m.id;
    else if (m.type === 'organization') {
      const org = cg.organizations.get(m.id);
      // A company, an army or a government acts for its country ("Baykar offrira un TB2" → Turkey).
      if (org && SUPPLIER_ORG_KINDS.has(org.kind)) id = COUNTRY_ORG_KINDS.has(org.kind) && org.country ? org.country : m.id;
    } else if (m.type === 'person') id = index.personCountry.get(m.id);
    if (!id) continue;
    const rel = m.start - sentence.start;
    const relEnd = m.end - sentence.start;
    const before = fs.slice(Math.max(0, rel - 40), rel);
    const party = { id, adjective: false, m, rel, relEnd, deSlot: false, complement: false, recipientSlot: false, sourceSlot: false };
    // Adjectives ("françaises") act as agents only after a state noun, as recipients after a military noun.
    if (m.type === 'country' && /^[\p{Ll}]/u.test(m.text)) {
      if (OWNER_SLOT.test(before)) {
        out.push({ ...party, sourceSlot: true });
        continue;
      }
      if (RECIPIENT_FORCES.test(before)) {
        out.push({ ...party, recipientSlot: true });
        continue;
      }
      if (!STATE_NOUN.test(before)) {
        out.push({ ...party, adjective: true, deSlot: true });
        continue;
      }
    }
    out.push({
      ...party,
      deSlot: DE_SLOT.test(before),
      complement: COMPLEMENT_SLOT.test(before),
      recipientSlot: RECIPIENT_SLOT.test(before) && !ORIGIN_SLOT.test(before) && !OWNER_SLOT.test(before),
      sourceSlot: SOURCE_SLOT.test(before) || OWNER_SLOT.test(before),
    });
  }
  // "l'Agence internationale de l'énergie atomique (AIEA)": an acronym in parentheses repeats the party before it.
  for (let i = 1; i < out.length; i++) {
    if (fs[out[i].rel - 1] === '(' && out[i].id === out[i - 1].id) out[i] = { ...out[i - 1], m: out[i].m, rel: out[i].rel, relEnd: out[i].relEnd };
  }
  // "entre Joe Biden et Volodymyr Zelensky": what is coordinated with a complement is one too.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1];
    const gap = fs.slice(prev.relEnd, out[i].rel);
    // A bare comma after a complement ends it: "Après les Pays-Bas, la Belgique livrera …".
    if (prev.complement && !out[i].adjective && COORD.test(gap) && /\bet\b|ainsi que/.test(gap)) out[i].complement = true;
  }
  return out;
}

export function clauseStart(fs: string, pos: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(fs)) && m.index < pos) start = m.index + m[0].length;
  return start;
}

/** Nearest agent before `pos` in the clause: plain mentions first, "de X" complements as fallback. */
export function agentBefore(parties: Party[], fs: string, pos: number, exclude: string | null): Party | null {
  let from = clauseStart(fs, pos);
  // "X a annoncé qu'il allait livrer": the pronoun stands for the main clause's subject.
  if (from > 0 && PRONOUN_SUBJECT.test(fs.slice(from, pos))) from = 0;
  const pool = parties.filter((p) => p.relEnd <= pos && p.rel >= from && !p.recipientSlot && !p.complement && p.id !== exclude);
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

/** Parties that could be a subject between two offsets (not a recipient, source, adjective or "par" agent). */
export function partiesBetween(parties: Party[], fs: string, from: number, to: number): Party[] {
  return parties.filter(
    (p) =>
      p.rel >= from && p.relEnd <= to && !p.recipientSlot && !p.sourceSlot && !p.adjective && !PASSIVE_AGENT.test(fs.slice(Math.max(0, p.rel - 12), p.rel)),
  );
}

/** A new clause starts in this gap: punctuation, a conjunction or a relative pronoun. */
export const NEW_CLAUSE = /[,;:()–-]|\s(?:et|mais|qui|que|qu'|dont|tandis)\s/;

/** Separator between coordinated parties: ", ", " et ", ", ainsi que " (articles allowed). */
export const COORD = /^\s*(?:,\s*(?:et\s+|ainsi que\s+)?|et\s+|ainsi que\s+)(?:l'|la |le |les )?$/;

/** The agent plus the parties coordinated with it before ("l'Allemagne, le Danemark et les Pays-Bas livreront"). */
export function coordinatedBefore(parties: Party[], fs: string, agent: Party): Party[] {
  const out = [agent];
  let cur = agent;
  for (let i = parties.indexOf(agent) - 1; i >= 0; i--) {
    const p = parties[i];
    if (p.adjective || p.recipientSlot || p.complement || p.relEnd > cur.rel) continue;
    if (!COORD.test(fs.slice(p.relEnd, cur.rel))) break;
    out.unshift(p);
    cur = p;
  }
  return out;
}

/** The parties coordinated after `first` ("par le Danemark, les Pays-Bas et la Norvège"). */
export function coordinatedAfter(parties: Party[], fs: string, first: Party): Party[] {
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

export const USE_PARTICIPLE = /\b(?:utilise|employe|exploite|tire|lance|deploye|mis en oeuvre)e?s?\b/;
export const DELIVERY_PARTICIPLE = /\b(livre|fourni|transfere|envoye|remis|cede|donne|offert|expedie|achemine|vendu|promis)e?s?\b/;
export const PASSIVE_GAP_BREAK = /[;:.(]|\bqui\b|\bque\b|\bdont\b/;

/**
 * A delivery participle governing the weapon, with its "par" agent(s): "les F-16 livrés depuis l'été
 * par le Danemark, les Pays-Bas et la Norvège", "des Mirage 2000-5 cédés par la France". A production
 * participle ("produits par KNDS", "construits par Dassault") names the maker, not the supplier.
 */
export function passiveAgents(
  parties: Party[],
  fs: string,
  wRelEnd: number,
  nextWeaponRel: number,
): { agents: Party[]; status: DeliveryStatus; user: string | null } | null {
  // "les drones utilisés par la Russie sont fournis par l'Iran": an agent of another participle is passed over.
  let from = wRelEnd;
  let user: string | null = null;
  for (const p of parties) {
    if (p.rel <= wRelEnd || p.rel > wRelEnd + 90 || p.rel > nextWeaponRel) continue;
    const before = fs.slice(Math.max(0, p.rel - 12), p.rel);
    if (!PASSIVE_AGENT.test(before)) continue;
    if (PASSIVE_GAP_BREAK.test(fs.slice(wRelEnd, p.rel))) return null;
    const between = fs.slice(from, p.rel);
    const m = DELIVERY_PARTICIPLE.exec(between);
    if (!m) {
      // "utilisés par la Russie": who uses what is delivered receives it.
      if (USE_PARTICIPLE.test(between)) user ??= p.id;
      from = p.relEnd;
      continue;
    }
    // "…, livrés" after a comma must directly follow the weapon phrase ("les Caesar, livrés par Paris",
    // "ses premières batteries Patriot, l'une fournie par les États-Unis").
    if (between.slice(0, m.index).includes(',') && !/^[^,]*,\s*(?:l'une?\s+|l'autre\s+|dont\s+\p{L}+\s+|chacune?\s+)?$/u.test(between.slice(0, m.index)))
      return null;
    return { agents: coordinatedAfter(parties, fs, p), status: m[1] === 'promis' ? 'pledged' : 'delivered', user };
  }
  return null;
}

/** Country adjective right after the weapon ("les Patriot allemands") that differs from the system's origin. */
export function adjectiveAfter(parties: Party[], fs: string, wRelEnd: number, origin: string[] | undefined, allowOrigin: boolean): string | null {
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

/** A reporting incise before a party: "…, a annoncé le Pentagone", "…, ont annoncé le Premier ministre, X". */
export const SPEAKER =
  /[,»"]\s*selon\s+(?:l'|la |le |les )?$|[,»"]\s*(?:(?:a|ont|avait)\s+)?(?:annonce|declare|indique|precise|detaille|affirme|confirme|explique|souligne|ajoute|rapporte|assure|fait savoir)\p{L}*\s+(?:[^,;:.]*,\s*)?(?:[^,;:.]|(?<=\b(?:m|mme|mm|dr))\.)*$/u;

/** A reporting verb and "que" ending a main clause: "Les États-Unis ont assuré que …". */
export const REPORT_THAT =
  /(?:annonce|assure|affirme|indique|confirme|declare|precise|explique|fait savoir|souligne)\p{L}*\s+(?:\p{L}+\s+){0,3}?qu(?:e\s*|')$/u;

/** The subject of the reporting clause the weapon's clause depends on: "Washington a assuré que les NASAMS promis seraient livrés". */
export function reporterBefore(parties: Party[], fs: string, wRel: number): string | null {
  const from = clauseStart(fs, wRel);
  const head = fs.slice(0, from);
  if (from === 0 || !REPORT_THAT.test(head)) return null;
  if (parties.some((p) => p.rel >= from && p.relEnd <= wRel && !p.adjective)) return null;
  // The agent of the reporting clause, which ends where its "que" starts.
  return agentBefore(parties, fs, head.replace(/qu(?:e\s*|')$/, '').length, null)?.id ?? null;
}

/** A country adjective of the system's own origin next to it: "les avions français Mirage 2000", "les Abrams américains". */
export function adjectiveNear(parties: Party[], fs: string, wRel: number, wRelEnd: number, origin: string[] | undefined): string | null {
  if (!origin) return null;
  for (const p of parties) {
    if (!p.adjective || p.m.type !== 'country' || !origin.includes(p.id)) continue;
    const gap = p.relEnd <= wRel ? fs.slice(p.relEnd, wRel) : p.rel >= wRelEnd ? fs.slice(wRelEnd, p.rel) : null;
    if (gap !== null && gap.length <= 25 && /^[\s\p{L}\d«»"-]*$/u.test(gap)) return p.id;
  }
  return null;
}
