/**
 * Delivery stage: supplier → recipient, weapon, quantity, status, evidence, one per weapon
 * mentioned in a sentence that carries a status cue (French verb or noun; see deliveries/cue-table.ts).
 *
 * Per sentence (the headline counts as one):
 * - status: the postposed participle right after the weapon ("Caesar livrés à Kiev"), else the
 *   nearest cue before the weapon, else the nearest cue after it in the same clause with no other
 *   party in between; negated cues are ignored; a use/strike/training cue, a hedge ("pourraient",
 *   "envisage", "refuse") or a comparison ("l'équivalent du Patriot") yields nothing.
 * - supplier: passive agent ("par la France"), origin ("en provenance de", "de la part de"), else
 *   the nearest country/organisation/person (→ nationality) before the cue within the cue's clause
 *   (clauses split at que/qu'/;/:, but "qu'ils" refers back to the main clause), with the parties
 *   coordinated with it ("Les Pays-Bas et le Danemark"); mentions in a recipient slot excluded;
 *   country adjectives count only after a state noun ("les autorités françaises").
 *   Requests invert the roles: the requester is the recipient, the asked party the supplier.
 * - recipient: a country after à/au/aux/pour/en/vers (not an origin "fabriqués aux États-Unis"),
 *   or a country adjective after a military noun ("aux forces ukrainiennes").
 * Then per article: a row whose sentence names no supplier takes the supplier(s) the article
 * gives for the same weapon, else the article's established actor (the suppliers of the first
 * delivery in the headline or the lead); a row with no recipient takes the article's established
 * recipient, else Ukraine.
 * - quantity: the number directly governing the weapon phrase (numbers.ts), shared by coordinated
 *   weapons ("missiles Javelin et Stinger").
 */
import type { CompiledGazetteer } from '../gazetteer/types.ts';
import { foldKeepLength } from '../gazetteer/fold.ts';
import { getAliasIndex } from '../gazetteer/compile.ts';
import { quantityBefore, type Quantity } from './numbers.ts';
import { extractEntities } from './entities.ts';
import { segmentText } from './segment.ts';
import { findCues, type Cue } from './deliveries/cues.ts';
import type { Delivery, DeliveryStatus, Mention, SegmentedDoc, Sentence } from './types.ts';

export interface DeliveryOptions {
  /** The article's headline (not a generated one): read as a sentence of its own. */
  title?: string | null;
  /** Try every cue on every sentence, without the word gate (reference for tests). */
  ungated?: boolean;
}

/** State nouns that make a country adjective an agent: "les autorités françaises". */
const STATE_NOUN = /(?:aide|paquet|enveloppe|soutien|livraisons?|contribution|don|programme|autorites|gouvernement|ministere|ministre|president|presidente|armee|armees|forces|etat-major|etat major|diplomatie|chancelier|chanceliere|responsables|dirigeants|executif|pays|industriels|entreprises|groupe|firme|constructeur|fabricant|premier ministre|chef de l'etat)\s+$/;
/** A country adjective after a military noun in a recipient slot: "aux forces ukrainiennes". */
const RECIPIENT_FORCES = /(?:^|[\s'])(?:a|au|aux|pour)\s+(?:l'|la |le |les )?(?:forces(?: armees)?|armee|armees|soldats|troupes|militaires|combattants|defenseurs|pilotes|defense aerienne|forces aeriennes|armee de l'air)\s+$/;
const RECIPIENT_SLOT = /(?:^|[\s'])(?:a|au|aux|pour|en|vers|a destination de|a destination du)\s+(?:l'|la |le |les )?(?:« ?|" ?)?$/;
const ORIGIN_SLOT = /(?:fabrique|produit|concu|developpe|origine|construit)\w*\s+(?:en|aux?|dans)\s+(?:l'|la |le |les )?$/;
const DE_SLOT = /(?:^|[\s'])(?:de|d|du|des)\s*(?:l'|la |le |les )?(?:« ?|" ?)?$/;
/** Where a transfer comes from: "en provenance de la Pologne", "de la part des États-Unis". */
const SOURCE_SLOT = /(?:en provenance|de la part|venant|venus?|issus?|offerts?|fournis|donnes?) d(?:e|u|es|')\s*(?:l'|la |le |les )?$/;
/** A complement that is no subject: "la rencontre entre Joe Biden et …", "selon Washington". */
const COMPLEMENT_SLOT = /(?:^|\s)(?:entre|avec|contre|selon|chez|sans)\s+(?:l'|la |le |les )?$/;
/** Owner, not recipient, and so the one who gives: "six avions appartenant à l'armée de l'air française". */
const OWNER_SLOT = /(?:appartenant|appartiennent|appartient)\s+(?:a|au|aux)\s+(?:l'|la |le |les )?(?:[\p{L}'-]+\s+){0,3}$/u;
const PASSIVE_AGENT = /(?:^|\s)par\s+(?:l'|la |le |les )?$/;
const RELATIVE_SUBJECT = /^\s*,\s*qui\s+(?:\p{L}+\s+){0,3}$/u;
const CLAUSE_BREAK = /\bque\b|\bqu'|[;:]/g;
/** A clause whose subject is a pronoun refers back to the main clause's subject: "ont annoncé qu'ils allaient fournir". */
const PRONOUN_SUBJECT = /^\s*(?:ils|elles|il|elle)\b/;
/**
 * The weapon is a point of comparison or what a transfer replaces, not its object: "cet équivalent
 * du Patriot", "des avions qui seront remplacés par des F-35".
 */
const COMPARISON = /\bremplacee?s? par (?:des |les |un |une |de |d'|autant de |autant d')?(?:\p{L}+ )?$|\b(?:equivalents?|equivalentes?|homologues?|concurrents?|rivale?s?)\s+(?:\p{L}+\s+)?(?:d'|de |du |des |au |aux |a )(?:l'|la |le |les )?(?:systemes? |missiles? |chars? |avions? )?$/u;

/** A destination after an order: "destinées à Kiev", "pour en faire don à l'Ukraine", "au profit de". */
const DESTINATION = /(?:destine\p{L}*|pour|don|au profit|a l'intention)\b[^,;:]{0,25}$/u;

/** The weapon replaces the supplier's own fleet: "des F-35 commandés pour remplacer ses F-16". */
const OWN_REPLACEMENT = /^\s*(?:[\p{L}-]+\s+){0,2}(?:pour|afin de)\s+(?:les\s+|la\s+)?remplacer\b/u;

/** The weapon is what another system derives from: "une version modernisée du T-55". */
const DERIVED_FROM = /\b(?:version|variante|copie|derive|modernisation|evolution)(?:\s+[\p{L}\d-]+){0,6}\s+(?:du|de|des|d')\s*(?:l'|la |le |les )?(?:[\p{L}-]+\s+)?$/u;

/** Organisation kinds that can supply weapons. */
const SUPPLIER_ORG_KINDS = new Set(['alliance', 'intergovernmental', 'coalition', 'company', 'government', 'armed-forces', 'other']);

/** Organisation kinds that stand for their country. */
const COUNTRY_ORG_KINDS = new Set(['company', 'government', 'armed-forces']);

/** Statuses that need no supplier from the article context (the requester or the producer is the point). */
const NO_CONTEXT_SUPPLIER = new Set<DeliveryStatus>(['requested', 'produced']);

interface Party {
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

function partiesOf(sentence: Sentence, fs: string, ms: Mention[], cg: CompiledGazetteer): Party[] {
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
    if (prev.complement && !out[i].adjective && COORD.test(fs.slice(prev.relEnd, out[i].rel))) out[i].complement = true;
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

/** A relative clause after the weapon whose verb is the cue: "des Storm Shadow que Londres a fournis". */
const RELATIVE_OBJECT = /^[\s\p{L}-]{0,40}\bqu(?:e\s+|')[^;:,]*$/u;

/** Between a weapon and its postposed participle: a closing quote, an adverb ("nouvellement arrivés"). */
const POST_GAP = /^\s*[»"]?\s*(?:(?:\p{L}+ment|deja|recemment|bien)\s+)?$/u;

function chooseCue(cues: Cue[], parties: Party[], fs: string, wRel: number, wRelEnd: number): Cue | null {
  for (const c of cues) {
    if (c.kind === 'post' && c.start >= wRelEnd && POST_GAP.test(fs.slice(wRelEnd, c.start))) return c;
  }
  // "les obusiers que les Pays-Bas se sont engagés à fournir": the relative clause's verb governs the weapon.
  const relative = cues.find((c) => c.start >= wRelEnd && (c.kind === 'transfer' || c.kind === 'receive' || c.kind === 'noun') && RELATIVE_OBJECT.test(fs.slice(wRelEnd, c.start)));
  if (relative && partiesBetween(parties, wRelEnd, relative.start).length === 1) return relative;
  // The cue ending nearest before the weapon; of two ending on the same word, the longer ("a été livré", not "livré").
  let before: Cue | null = null;
  for (const c of cues) {
    if (c.end > wRel || c.kind === 'post' || c.kind === 'hedge') continue;
    if (!before || c.end > before.end || (c.end === before.end && c.start < before.start)) before = c;
  }
  if (before) return before;
  // A cue after the weapon counts within the same clause, when no other party stands between
  // ("des Caesar …, et le Royaume-Uni a donné …" does not). A participle counts only right after it.
  for (const c of cues) {
    if (c.start < wRelEnd || c.kind === 'hedge' || c.kind === 'post') continue;
    const between = fs.slice(wRelEnd, c.start);
    CLAUSE_BREAK.lastIndex = 0;
    if (CLAUSE_BREAK.test(between) || partiesBetween(parties, wRelEnd, c.start).length > 0) return null;
    return c;
  }
  return null;
}

/** Parties that could be a subject between two offsets (not a recipient, source or adjective). */
function partiesBetween(parties: Party[], from: number, to: number): Party[] {
  return parties.filter((p) => p.rel >= from && p.relEnd <= to && !p.recipientSlot && !p.sourceSlot && !p.adjective);
}

/**
 * Whether a hedge governs the cue: between the cue and the weapon, shortly before the cue in its
 * clause ("pourraient annoncer la livraison"), or anywhere in the sentence for a tenseless noun
 * cue ("l'envoi de Tomahawk … je pourrais le faire").
 */
function hedged(cues: Cue[], fs: string, cue: Cue, wRel: number): boolean {
  const from = clauseStart(fs, cue.start);
  for (const h of cues) {
    if (h.kind !== 'hedge') continue;
    if (cue.kind === 'noun') return true;
    if (h.start >= cue.end && h.end <= wRel) return true;
    if (h.end <= cue.start && h.start >= from && cue.start - h.end <= 40) return true;
  }
  return false;
}

/** A new clause starts in this gap: punctuation, a conjunction or a relative pronoun. */
const NEW_CLAUSE = /[,;:()–-]|\s(?:et|mais|qui|que|qu'|dont|tandis)\s/;

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

const DELIVERY_PARTICIPLE = /\b(livre|fourni|transfere|envoye|remis|cede|donne|offert|expedie|achemine|vendu|promis)e?s?\b/;
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
    // "…, livrés" after a comma must directly follow the weapon phrase ("les Caesar, livrés par Paris",
    // "ses premières batteries Patriot, l'une fournie par les États-Unis").
    if (between.slice(0, m.index).includes(',') && !/^[^,]*,\s*(?:l'une?\s+|l'autre\s+|dont\s+\p{L}+\s+|chacune?\s+)?$/u.test(between.slice(0, m.index))) return null;
    return { agents: coordinatedAfter(parties, fs, p), status: m[1] === 'promis' ? 'pledged' : 'delivered' };
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

/** A reporting incise before a party: "…, a annoncé le Pentagone", "…, ont annoncé le Premier ministre, X". */
const SPEAKER = /[,»"]\s*(?:(?:a|ont|avait)\s+)?(?:annonce|declare|indique|precise|detaille|affirme|confirme|explique|souligne|ajoute|rapporte|assure|fait savoir)\p{L}*\s+(?:[^,;:.]*,\s*)?(?:[^,;:.]|(?<=\b(?:m|mme|mm|dr))\.)*$/u;

/** A reporting verb and "que" ending a main clause: "Les États-Unis ont assuré que …". */
const REPORT_THAT = /(?:annonce|assure|affirme|indique|confirme|declare|precise|explique|fait savoir|souligne)\p{L}*\s+(?:\p{L}+\s+){0,3}?qu(?:e\s*|')$/u;

/** The subject of the reporting clause the weapon's clause depends on: "Washington a assuré que les NASAMS promis seraient livrés". */
function reporterBefore(parties: Party[], fs: string, wRel: number): string | null {
  const from = clauseStart(fs, wRel);
  const head = fs.slice(0, from);
  if (from === 0 || !REPORT_THAT.test(head)) return null;
  if (parties.some((p) => p.rel >= from && p.relEnd <= wRel && !p.adjective)) return null;
  // The agent of the reporting clause, which ends where its "que" starts.
  return agentBefore(parties, fs, head.replace(/qu(?:e\s*|')$/, '').length, null)?.id ?? null;
}

/** A country adjective of the system's own origin next to it: "les avions français Mirage 2000", "les Abrams américains". */
function adjectiveNear(parties: Party[], fs: string, wRel: number, wRelEnd: number, origin: string[] | undefined): string | null {
  if (!origin) return null;
  for (const p of parties) {
    if (!p.adjective || p.m.type !== 'country' || !origin.includes(p.id)) continue;
    const gap = p.relEnd <= wRel ? fs.slice(p.relEnd, wRel) : p.rel >= wRelEnd ? fs.slice(wRelEnd, p.rel) : null;
    if (gap !== null && gap.length <= 25 && /^[\s\p{L}\d«»"-]*$/u.test(gap)) return p.id;
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

/** Whether two deliveries are exact duplicates. */
function sameDelivery(a: Delivery, b: Delivery): boolean {
  return a.weapon === b.weapon && a.status === b.status && a.supplier === b.supplier && a.recipient === b.recipient && a.quantity === b.quantity;
}

function sameSentence(a: Row, b: Row): boolean {
  return a.delivery.evidence.offset === b.delivery.evidence.offset && a.delivery.evidence.text === b.delivery.evidence.text;
}

/** A row of one sentence, before the article context fills what the sentence does not say. */
interface Row {
  delivery: Delivery;
  /** The sentence names no supplier / no recipient. */
  needsSupplier: boolean;
  needsRecipient: boolean;
  /** The row comes from the headline or the lead paragraph. */
  lead: boolean;
  /** Who the sentence says reports it: "…, a annoncé le Pentagone" (a weak supplier). */
  speaker: string | null;
  /** A country adjective naming the system's own origin: "les chars américains Abrams" (the weakest supplier). */
  origin: string | null;
  /** Stated by a verb, not only by a noun ("la livraison de"). */
  verbal: boolean;
  /** Read on a generic noun of a headline or lead: context for the article, not a delivery. */
  context?: boolean;
}

/** One sentence to read, with its mentions and where its evidence points. */
interface Unit {
  sentence: Sentence;
  mentions: Mention[];
  /** Body offset cited as evidence (the headline is not in the body: 0, like other out-of-body lines). */
  offset: number;
  lead: boolean;
  headline: boolean;
}

/** Deliveries of one document, in reading order; exact duplicates removed. */
export function extractDeliveries(doc: SegmentedDoc, mentions: Mention[], cg: CompiledGazetteer, options: DeliveryOptions = {}): Delivery[] {
  const units: Unit[] = [];
  if (options.title?.trim()) {
    const titleDoc = segmentText(options.title.trim());
    const titleMentions = inStartOrder(extractEntities(titleDoc, cg).mentions);
    for (const s of titleDoc.sentences) {
      units.push({ sentence: s, mentions: titleMentions.filter((m) => m.start >= s.start && m.end <= s.end), offset: 0, lead: true, headline: true });
    }
  }
  const sorted = inStartOrder(mentions);
  let mi = 0;
  const firstParagraph = doc.sentences[0]?.paragraph ?? 0;
  for (const sentence of doc.sentences) {
    while (mi < sorted.length && sorted[mi].start < sentence.start) mi++;
    const ms: Mention[] = [];
    for (let j = mi; j < sorted.length && sorted[j].start < sentence.end; j++) ms.push(sorted[j]);
    units.push({ sentence, mentions: ms, offset: sentence.start, lead: sentence.paragraph === firstParagraph, headline: false });
  }

  const rows: Row[] = [];
  for (const unit of units) {
    if (unit.mentions.some((m) => m.type === 'weapon')) {
      rows.push(...sentenceRows(doc, unit, cg, options.ungated === true));
      continue;
    }
    // A headline or lead that names no system still says who gives to whom ("Ottawa fournira 39
    // blindés à l'Ukraine"): read it on its generic noun, as context for the article only.
    const generic = unit.lead ? genericWeapon(unit) : null;
    if (!generic) continue;
    const context = sentenceRows(doc, { ...unit, mentions: inStartOrder([...unit.mentions, generic]) }, cg, options.ungated === true);
    rows.push(...context.filter((r) => r.verbal).map((r) => ({ ...r, context: true })));
  }
  return withArticleContext(rows, cg);
}

/** Generic nouns of military hardware ("des blindés", "650 missiles", "des armes"). */
const GENERIC_WEAPON = /(?<![\p{L}\p{N}])(?:armes|missiles?|chars|drones|obusiers|canons|avions(?: de combat)?|blindes|vehicules(?: blindes| legers)?|systemes|batteries|munitions|obus|lance-roquettes|equipements)(?![\p{L}\p{N}-])/u;

/** A mention standing for the first generic hardware noun of a sentence (id ''), or null. */
function genericWeapon(unit: Unit): Mention | null {
  const m = GENERIC_WEAPON.exec(foldKeepLength(unit.sentence.text));
  if (!m) return null;
  const start = unit.sentence.start + m.index;
  return { id: '', type: 'weapon', text: unit.sentence.text.slice(m.index, m.index + m[0].length), start, end: start + m[0].length };
}

/**
 * Fills what a sentence leaves open from the article, then removes exact duplicates. A missing
 * supplier is, in order: the supplier(s) the article names for the same weapon; the speaker of the
 * sentence ("…, détaille le Pentagone"); the article's established actor (the suppliers of the
 * first delivery of the headline or lead, else the one supplier the article names); the
 * system's own origin when an adjective states it ("les chars américains Abrams").
 */
function withArticleContext(all: Row[], cg: CompiledGazetteer): Delivery[] {
  const rows = all.filter((r) => !r.context);
  const leadNamed = all.filter((r) => r.lead && !r.needsSupplier && r.delivery.supplier && r.delivery.status !== 'produced' && r.delivery.status !== 'requested');
  const named = rows.filter((r) => !r.needsSupplier && r.delivery.supplier && r.delivery.status !== 'produced');
  const explicit = named.filter((r) => r.delivery.status !== 'requested');
  const byWeapon = new Map<string, Set<string>>();
  for (const r of named) {
    const set = byWeapon.get(r.delivery.weapon) ?? new Set<string>();
    set.add(r.delivery.supplier as string);
    byWeapon.set(r.delivery.weapon, set);
  }
  const firstLead = leadNamed[0];
  const allSuppliers = [...new Set(explicit.map((r) => r.delivery.supplier as string))];
  const actors = firstLead ? leadNamed.filter((r) => sameSentence(r, firstLead)).map((r) => r.delivery.supplier as string) : allSuppliers.length === 1 ? allSuppliers : [];
  const withRecipient = all.filter((r) => !r.needsRecipient && r.delivery.recipient && r.delivery.status !== 'produced');
  const establishedRecipient = withRecipient.find((r) => r.lead)?.delivery.recipient ?? null;
  const defaultRecipient = establishedRecipient ?? (cg.countries.has('ukraine') ? 'ukraine' : null);

  const out: Delivery[] = [];
  const push = (d: Delivery) => {
    if (!out.some((x) => sameDelivery(x, d))) out.push(d);
  };
  for (const r of rows) {
    const d = r.delivery;
    if (r.needsRecipient) {
      d.recipient = defaultRecipient;
      d.evidence.rule += establishedRecipient ? '+article-recipient' : '+default-recipient';
    }
    if (d.supplier && d.supplier === d.recipient) d.supplier = null;
    if (d.supplier === null && !NO_CONTEXT_SUPPLIER.has(d.status)) {
      const candidates: [string, string[]][] = [
        ['+article-supplier', [...(byWeapon.get(d.weapon) ?? [])]],
        ['+speaker', r.speaker ? [r.speaker] : []],
        ['+article-actor', actors],
        ['+origin', r.origin ? [r.origin] : []],
      ];
      const found = candidates.map(([rule, ids]) => [rule, [...new Set(ids)].filter((id) => id !== d.recipient)] as const).find(([, ids]) => ids.length > 0);
      if (found) {
        for (const supplier of found[1]) push({ ...d, supplier, evidence: { ...d.evidence, rule: d.evidence.rule + found[0] } });
        continue;
      }
    }
    push(d);
  }
  return out;
}

/** The delivery rows one sentence states. */
function sentenceRows(doc: SegmentedDoc, unit: Unit, cg: CompiledGazetteer, ungated: boolean): Row[] {
  const { sentence } = unit;
  const text = unit.headline ? sentence.text : doc.body;
  const base = unit.headline ? 0 : sentence.start;
  const fs = foldKeepLength(sentence.text);
  const cues = findCues(fs, !ungated);
  if (cues.length === 0 && !fs.includes('par ')) return [];
  const ms = unit.mentions;
  const weapons = ms.filter((m) => m.type === 'weapon');
  const parties = partiesOf(sentence, fs, ms, cg);
  const out: Row[] = [];
  const doneInSentence = new Set<string>();
  let prevWeapon: Mention | null = null;
  let prevQuantity: Quantity | null = null;
  for (let wi = 0; wi < weapons.length; wi++) {
    const w = weapons[wi];
    const wRel = w.start - sentence.start;
    const wRelEnd = w.end - sentence.start;
    const nextWeaponRel = wi + 1 < weapons.length ? weapons[wi + 1].start - sentence.start : Infinity;
    let quantity = quantityBefore(text, w.start - sentence.start + base, base);
    if (!quantity && prevWeapon && prevQuantity) {
      const between = sentence.text.slice(prevWeapon.end - sentence.start, wRel);
      if (/^\s*»?\s*(?:,|et|ou)\s*«?\s*$/.test(between)) quantity = prevQuantity;
    }
    prevWeapon = w;
    prevQuantity = quantity;
    if (doneInSentence.has(w.id)) continue;
    if (COMPARISON.test(fs.slice(Math.max(0, wRel - 40), wRel)) || OWN_REPLACEMENT.test(fs.slice(wRelEnd, wRelEnd + 50))) continue;

    const passive = passiveAgents(parties, fs, wRelEnd, nextWeaponRel);
    let cue = chooseCue(cues, parties, fs, wRel, wRelEnd);
    // "…la livraison de chars M-55S, une version modernisée du T-55": the model it derives from is no object.
    if (cue && cue.end <= wRel && DERIVED_FROM.test(fs.slice(Math.max(0, wRel - 60), wRel))) continue;
    // "…à fournir un soutien, en lui fournissant des Patriot": the gerund carries the request before it.
    if (cue?.rule === 'offering') cue = cues.find((c) => c.status === 'requested' && c.end <= cue!.start) ?? cue;
    if (cue && hedged(cues, fs, cue, wRel)) continue;
    if (passive && (!cue || cue.kind === 'use' || cue.start > wRelEnd || cue.kind === 'noun')) {
      // The verb group around the participle keeps its tense: "seront livrés par" is announced, "ont été livrés par" delivered.
      const status = cue && cue.kind === 'transfer' && cue.start >= wRelEnd ? cue.status : passive.status;
      cue = { status, rule: 'passive-participle', kind: 'post', start: wRelEnd, end: wRelEnd };
    }
    if (!cue || cue.kind === 'use') continue;
    // "les chars promis par Berlin sont arrivés": what was pledged has now been delivered.
    if (cue.status === 'pledged' && cue.kind === 'post') {
      const done = cues.find((c) => c.start > cue!.end && c.status === 'delivered' && c.kind === 'transfer' && !NEW_CLAUSE.test(fs.slice(wRelEnd, c.start).replace(/,\s*$/, '')));
      if (done) cue = { ...cue, status: 'delivered', rule: `${cue.rule}+${done.rule}` };
    }

    let suppliers: (string | null)[] = [null];
    let recipient: string | null = null;
    let rule = `${cue.status}:${cue.rule}`;
    const origin = cg.weapons.get(w.id)?.origin;
    const source = parties.find((p) => p.sourceSlot && !p.adjective);

    if (cue.status === 'requested') {
      const requester = agentBefore(parties, fs, cue.start, null);
      recipient = requester?.id ?? null;
      const asked = parties.find((p) => p.rel >= cue.end && p.relEnd <= wRel && p.id !== recipient && p.m.type !== 'person' && !p.adjective);
      suppliers = [asked?.id ?? adjectiveAfter(parties, fs, wRelEnd, origin, true)];
      if (!recipient) recipient = parties.find((p) => p.recipientSlot && p.rel > cue.start)?.id ?? null;
    } else if (cue.kind === 'receive') {
      // "L'Ukraine a reçu des Patriot de l'Allemagne / fournis par les États-Unis": the subject receives.
      recipient = agentBefore(parties, fs, cue.start, null)?.id ?? null;
      const from =
        passive?.agents.map((p) => p.id) ??
        [source?.id ?? parties.find((p) => p.rel > cue.end && p.deSlot && !p.adjective && p.id !== recipient && /\bd(?:e|u|es)\s+(?:l'|la |le |les )?$|\bd'$/.test(fs.slice(Math.max(0, p.rel - 10), p.rel)))?.id ?? null];
      suppliers = from;
    } else if (cue.rule === 'order') {
      // "L'Ukraine a signé avec la Suède une commande de Gripen": the buyer receives, the seller supplies;
      // "Le Canada va acheter aux États-Unis des NASAMS destinés à l'Ukraine": the buyer gives them on.
      const destination = parties.find((p) => p.rel > wRelEnd && p.recipientSlot && DESTINATION.test(fs.slice(Math.max(0, p.rel - 40), p.rel)));
      const seller = parties.find((p) => !p.adjective && p !== destination && /\b(?:avec|aupres d[eu']|a|aux?)\s+(?:l'|la |le |les )?$/.test(fs.slice(Math.max(0, p.rel - 16), p.rel)));
      const buyer =
        agentBefore(parties, fs, cue.start, seller?.id ?? null) ??
        parties.find((p) => p.rel >= cue.end && p.rel - cue.end < 6 && PASSIVE_AGENT.test(fs.slice(Math.max(0, p.rel - 12), p.rel)));
      if (destination && buyer && destination.id !== buyer.id) {
        recipient = destination.id;
        suppliers = [buyer.id];
      } else {
        recipient = buyer?.id ?? null;
        suppliers = [seller && seller.id !== recipient ? seller.id : adjectiveAfter(parties, fs, wRelEnd, origin, true)];
      }
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
      // A recipient after the cue, not one governed by a later verb ("…, 31 autres avaient été transférés aux États-Unis").
      const from = Math.max(cue.end, wRelEnd);
      const nextCue = cues.find((c) => c.start > from && c.kind !== 'hedge' && c.kind !== 'noun' && NEW_CLAUSE.test(fs.slice(from, c.start)));
      const clause = clauseStart(fs, Math.min(cue.start, wRel));
      const slots = parties.filter((p) => p.recipientSlot && p.rel >= clause && (!nextCue || p.rel < nextCue.start));
      const slot = slots.find((p) => p.rel >= cue.end) ?? slots.find((p) => p.rel >= Math.min(cue.start, wRel));
      recipient = replacedOwner ?? slot?.id ?? null;
      // "Le SAMP/T, …, a été livré par l'Italie": the agent right after a passive cue.
      const agentAfter = parties.find((p) => p.rel >= cue.end && p.rel - cue.end <= 16 && PASSIVE_AGENT.test(fs.slice(cue.end, p.rel)));
      if (passive) {
        suppliers = passive.agents.map((p) => p.id);
        rule += '+passive-agent';
      } else if (agentAfter && /\bete\b|^(?:sont|est|seront|sera|soient|soit)\b/.test(fs.slice(cue.start, cue.end))) {
        suppliers = coordinatedAfter(parties, fs, agentAfter).map((p) => p.id);
        rule += '+passive-agent';
      } else if (source && source.id !== recipient) {
        suppliers = coordinatedAfter(parties, fs, source).map((p) => p.id);
        rule += '+source';
      } else if (cue.kind !== 'post') {
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
      // "la livraison de F-16 par le Danemark": a noun cue's agent after the weapon.
      if (cue.kind === 'noun' && suppliers[0] === null) {
        const by = parties.find((p) => p.rel > wRelEnd && p.rel - wRelEnd <= 40 && PASSIVE_AGENT.test(fs.slice(wRelEnd, p.rel)) && !NEW_CLAUSE.test(fs.slice(wRelEnd, p.rel)));
        if (!by) continue;
        suppliers = coordinatedAfter(parties, fs, by).map((p) => p.id);
        rule += '+noun-agent';
      }
      // A production record needs its producer; "fabriqué par MBDA" describes the system.
      if (cue.status === 'produced' && (suppliers[0] === null || /\bpar\s+(?:l'|la |le |les |une? )?/.test(fs.slice(cue.end, cue.end + 12)))) continue;
    }

    doneInSentence.add(w.id);
    const speaker =
      parties.find((p) => p.rel > wRelEnd && !p.adjective && SPEAKER.test(fs.slice(Math.max(0, p.rel - 80), p.rel)))?.id ?? reporterBefore(parties, fs, wRel);
    const originAdjective = adjectiveNear(parties, fs, wRel, wRelEnd, origin);
    const needsRecipient = recipient === null && cue.status !== 'produced';
    if (unit.headline) rule += '+headline';
    for (const supplier of suppliers) {
      out.push({
        delivery: {
          supplier,
          recipient,
          weapon: w.id,
          quantity: quantity?.value ?? null,
          quantityText: quantity ? quantity.text : null,
          status: cue.status,
          evidence: { text: sentence.text, offset: unit.offset, rule },
        },
        needsSupplier: supplier === null,
        needsRecipient,
        lead: unit.lead,
        speaker,
        origin: originAdjective,
        verbal: cue.kind !== 'noun',
      });
    }
  }
  return respectively(out, cg);
}

/**
 * "Washington et Berlin vont livrer des Bradley et des Marder": when every weapon of a sentence got
 * the same coordinated suppliers and each weapon's origin names exactly one of them, a different
 * one each, each supplier gives its own system.
 */
function respectively(rows: Row[], cg: CompiledGazetteer): Row[] {
  const weapons = [...new Set(rows.map((r) => r.delivery.weapon))];
  const suppliers = [...new Set(rows.map((r) => r.delivery.supplier))];
  if (weapons.length < 2 || suppliers.length < 2 || suppliers.includes(null)) return rows;
  const own = new Map<string, string>();
  for (const w of weapons) {
    const of = new Set(rows.filter((r) => r.delivery.weapon === w).map((r) => r.delivery.supplier as string));
    if (of.size !== suppliers.length) return rows;
    const origin = (cg.weapons.get(w)?.origin ?? []).filter((c) => of.has(c));
    if (origin.length !== 1) return rows;
    own.set(w, origin[0]);
  }
  if (new Set(own.values()).size !== weapons.length) return rows;
  return rows.filter((r) => own.get(r.delivery.weapon) === r.delivery.supplier);
}
