/**
 * Delivery stage: supplier → recipient, weapon, quantity, status, evidence, one row per weapon
 * (and per supplier) in a sentence that carries a status cue. The headline is read as a sentence.
 *
 * - deliveries/cue-table.ts, cues.ts: the cues (French verbs and nouns) as data, each written once;
 *   the word gate derived from them.
 * - this module: per weapon, which cue governs it (the participle right after it, else the nearest
 *   cue before it, else a cue after it in its clause with no other party in between, or the verb of
 *   a relative clause "… que Londres a fournis"); what is no delivery (use, strike, training, repair,
 *   a hedge or refusal, a comparison, the model a system derives from, what a transfer replaces).
 * - deliveries/parties.ts: who gives and who receives (agents, coordination, passives, sources,
 *   recipients, owners, reporting speakers); requests and purchases invert or redirect the roles.
 * - deliveries/context.ts: what a sentence leaves open comes from the article (same weapon's
 *   supplier, speaker, headline/lead actor, origin countries; the headline/lead recipient, else
 *   Ukraine).
 * - deliveries/coreference.ts: "les premiers missiles ont été livrés" stands for the system of
 *   that kind the article named before.
 * - quantity: the number directly governing the weapon phrase (numbers.ts), shared by coordinated
 *   weapons ("missiles Javelin et Stinger").
 */
import type { CompiledGazetteer } from '../gazetteer/types.ts';
import { foldKeep } from './text/fold.ts';
import { quantityBefore, type Quantity } from './numbers.ts';
import { extractEntities } from './entities.ts';
import { segmentText } from './segment.ts';
import { findCues, type Cue } from './deliveries/cues.ts';
import {
  adjectiveAfter,
  adjectiveNear,
  agentBefore,
  CLAUSE_BREAK,
  clauseStart,
  coordinatedAfter,
  coordinatedBefore,
  NEW_CLAUSE,
  PASSIVE_AGENT,
  partiesBetween,
  partiesOf,
  passiveAgents,
  reporterBefore,
  SPEAKER,
  type Party,
} from './deliveries/parties.ts';
import { type Row, withArticleContext, respectively } from './deliveries/context.ts';
import { referredSystem, type NamedSystem } from './deliveries/coreference.ts';
import type { Delivery, Mention, SegmentedDoc, Sentence } from './types.ts';

export interface DeliveryOptions {
  /** The article's headline (not a generated one): read as a sentence of its own. */
  title?: string | null;
  /** Try every cue on every sentence, without the word gate (reference for tests). */
  ungated?: boolean;
}

/**
 * The weapon is a point of comparison or what a transfer replaces, not its object: "cet équivalent
 * du Patriot", "des avions qui seront remplacés par des F-35", "en échange de Marder".
 */
const COMPARISON =
  /\ben (?:echange|contrepartie) (?:de |des |du |d')(?:\p{L}+ )?$|\bremplacee?s? par (?:des |les |un |une |de |d'|autant de |autant d')?(?:\p{L}+ )?$|\b(?:equivalents?|equivalentes?|homologues?|concurrents?|rivale?s?)\s+(?:\p{L}+\s+)?(?:d'|de |du |des |au |aux |a )(?:l'|la |le |les )?(?:systemes? |missiles? |chars? |avions? )?$/u;

/** A destination after an order: "destinées à Kiev", "pour en faire don à l'Ukraine", "au profit de". */
const DESTINATION = /(?:destine\p{L}*|pour|don|au profit|a l'intention)\b[^,;:]{0,25}$/u;

/** The weapon replaces the supplier's own fleet: "des F-35 commandés pour remplacer ses F-16". */
const OWN_REPLACEMENT = /^\s*(?:[\p{L}-]+\s+){0,2}(?:pour|afin de)\s+(?:les\s+|la\s+)?remplacer\b/u;

/** The weapon is what another system derives from: "une version modernisée du T-55". */
const DERIVED_FROM =
  /\b(?:version|variante|copie|derive|modernisation|evolution)(?:\s+[\p{L}\d-]+){0,6}\s+(?:du|de|des|d')\s*(?:l'|la |le |les )?(?:[\p{L}-]+\s+)?$/u;

/** A relative clause after the weapon whose verb is the cue: "des Storm Shadow que Londres a fournis". */
const RELATIVE_OBJECT = /^[\s\p{L}-]{0,40}\bqu(?:e\s+|')[^;:,]*$/u;

/** Between a weapon and its postposed participle: a closing quote, an adverb ("nouvellement arrivés"). */
const POST_GAP = /^\s*[»"]?\s*(?:(?:\p{L}+ment|deja|recemment|bien)\s+)?$/u;

function chooseCue(cues: Cue[], parties: Party[], fs: string, wRel: number, wRelEnd: number): Cue | null {
  for (const c of cues) {
    if (c.kind === 'post' && c.start >= wRelEnd && POST_GAP.test(fs.slice(wRelEnd, c.start))) return c;
  }
  // "les obusiers que les Pays-Bas se sont engagés à fournir": the relative clause's verb governs the weapon.
  const relative = cues.find(
    (c) => c.start >= wRelEnd && (c.kind === 'transfer' || c.kind === 'receive' || c.kind === 'noun') && RELATIVE_OBJECT.test(fs.slice(wRelEnd, c.start)),
  );
  if (relative && partiesBetween(parties, fs, wRelEnd, relative.start).length === 1) return relative;
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
    // "des Caesar fabriqués par Nexter ont été livrés": a participle naming the maker describes the system.
    if (c.status === 'produced' && /^\s*par\b/.test(fs.slice(c.end, c.end + 6))) continue;
    const between = fs.slice(wRelEnd, c.start);
    CLAUSE_BREAK.lastIndex = 0;
    if (CLAUSE_BREAK.test(between) || partiesBetween(parties, fs, wRelEnd, c.start).length > 0) return null;
    return c;
  }
  return null;
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
    // The hedge contains the cue: "si Washington livrait …".
    if (h.start <= cue.start && h.end >= cue.end) return true;
    // A participle after the weapon is a clause of its own: "pourra utiliser les F-16 livrés par …" states a delivery.
    if (cue.kind === 'post') {
      if (h.start >= wRel && h.end <= cue.end) return true;
      continue;
    }
    if (h.start >= cue.end && h.end <= wRel) return true;
    if (h.end <= cue.start && h.start >= from && cue.start - h.end <= 40) return true;
  }
  return false;
}

/** The mentions sorted by start (stable): the array itself when it already is, as the entity stage returns it. */
function inStartOrder(mentions: Mention[]): Mention[] {
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i].start < mentions[i - 1].start) return mentions.slice().sort((a, b) => a.start - b.start);
  }
  return mentions;
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
  for (const [index, sentence] of doc.sentences.entries()) {
    while (mi < sorted.length && sorted[mi].start < sentence.start) mi++;
    const ms: Mention[] = [];
    for (let j = mi; j < sorted.length && sorted[j].start < sentence.end; j++) ms.push(sorted[j]);
    units.push({ sentence, mentions: ms, offset: sentence.start, lead: sentence.paragraph === firstParagraph && index < LEAD_SENTENCES, headline: false });
  }

  const rows: Row[] = [];
  const named: NamedSystem[] = [];
  for (const unit of units) {
    const weapons = unit.mentions.filter((m) => m.type === 'weapon');
    if (weapons.length > 0) {
      rows.push(...sentenceRows(doc, unit, cg, options.ungated === true));
      for (const w of weapons) named.push({ id: w.id, category: cg.weapons.get(w.id)?.category ?? '' });
      continue;
    }
    // "Les premiers missiles ont déjà été livrés": a generic noun pointing back to the system named last.
    const referred = referredSystem(foldKeep(unit.sentence.text), unit.sentence.start, unit.sentence.text, named);
    if (referred) {
      // Only transfers: a request or a production stated about "ces missiles" is too loose to resolve.
      const found = sentenceRows(doc, { ...unit, mentions: inStartOrder([...unit.mentions, referred]) }, cg, options.ungated === true).filter(
        (r) => r.delivery.status !== 'requested' && r.delivery.status !== 'produced',
      );
      for (const r of found) r.delivery.evidence.rule += '+coreference';
      rows.push(...found);
      if (found.length > 0) continue;
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

/** A sentence opening with an additive phrase whose agent is the main clause's subject: "Outre l'envoi de …". */
const ADDITIVE_FRONT = /^\s*(?:outre|hormis|en plus d[eu']?|au-dela d[eu']?|en sus d[eu']?|parallelement a)\s*[^,;:]*$/;

/** Whether a clause break (que, qu', ;, :) lies between two offsets. */
function clauseBreakBetween(fs: string, from: number, to: number): boolean {
  CLAUSE_BREAK.lastIndex = 0;
  return CLAUSE_BREAK.test(fs.slice(from, to));
}

/** Between two weapons of one list: "CV90 et aux obusiers Archer", "Mistral, des Crotale". */
const LIST_GAP = /^\s*»?\s*(?:,|et|ou|ainsi que)\s+(?:(?:des|de|du|d'|les|le|la|l'|aux|au|a)\s*)?(?:[\p{L}-]+\s+){0,3}«?\s*$/u;
/** Between the two weapons of a pair: "CV90 et aux obusiers Archer". */
const PAIR_GAP = /^\s*»?\s*(?:et|ainsi que)\s+(?:(?:des|de|du|d'|les|le|la|l'|aux|au|a)\s*)?(?:[\p{L}-]+\s+){0,3}«?\s*$/u;

/** A possessive before the weapon phrase: "ses F-16", "leurs propres chars Leopard". */
const POSSESSIVE = /(?:^|\s)(?:ses|son|sa|leurs?)\s+(?:[\p{L}\d-]+\s+){0,4}$/u;

/** The lead: the first sentences of the first paragraph (a body pasted as one paragraph has no other break). */
const LEAD_SENTENCES = 2;

/** Generic nouns of military hardware ("des blindés", "650 missiles", "des armes"). */
const GENERIC_WEAPON =
  /(?<![\p{L}\p{N}])(?:armes|aide militaire|missiles?|chars|drones|obusiers|canons|avions(?: de combat)?|blindes|vehicules(?: blindes| legers)?|systemes|batteries|munitions|obus|lance-roquettes|equipements)(?![\p{L}\p{N}-])/u;

/** A mention standing for the first generic hardware noun of a sentence (id ''), or null. */
function genericWeapon(unit: Unit): Mention | null {
  const m = GENERIC_WEAPON.exec(foldKeep(unit.sentence.text));
  if (!m) return null;
  const start = unit.sentence.start + m.index;
  return { id: '', type: 'weapon', text: unit.sentence.text.slice(m.index, m.index + m[0].length), start, end: start + m[0].length };
}

/** The delivery rows one sentence states. */
function sentenceRows(doc: SegmentedDoc, unit: Unit, cg: CompiledGazetteer, ungated: boolean): Row[] {
  const { sentence } = unit;
  const text = unit.headline ? sentence.text : doc.body;
  const base = unit.headline ? 0 : sentence.start;
  const fs = foldKeep(sentence.text);
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
    // A participle after two coordinated weapons governs both: "des CV90 et des obusiers Archer livrés par
    // Stockholm" (not a longer list, where it may qualify the last item only).
    const gapTo = (i: number) => fs.slice(weapons[i - 1].end - sentence.start, weapons[i].start - sentence.start);
    const pair = wi + 1 < weapons.length && PAIR_GAP.test(gapTo(wi + 1)) && (wi === 0 || !LIST_GAP.test(gapTo(wi)));
    const next = pair ? wi + 2 : wi + 1;
    const nextWeaponRel = next < weapons.length ? weapons[next].start - sentence.start : Infinity;
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
      // Its span runs from the weapon to the agent: a hedge inside it ("pourraient être livrés par") governs it.
      cue = { status, rule: 'passive-participle', kind: 'post', start: wRelEnd, end: passive.agents[0].rel };
      if (hedged(cues, fs, cue, wRel)) continue;
    }
    if (!cue || cue.kind === 'use') continue;
    // "les chars promis par Berlin sont arrivés": what was pledged has now been delivered.
    if (cue.status === 'pledged' && cue.kind === 'post') {
      const done = cues.find(
        (c) => c.start > cue!.end && c.status === 'delivered' && c.kind === 'transfer' && !NEW_CLAUSE.test(fs.slice(wRelEnd, c.start).replace(/,\s*$/, '')),
      );
      if (done) cue = { ...cue, status: 'delivered', rule: `${cue.rule}+${done.rule}` };
    }

    let suppliers: (string | null)[] = [null];
    let recipient: string | null = null;
    let rule = `${cue.status}:${cue.rule}`;
    const origin = cg.weapons.get(w.id)?.origin;
    const source = parties.find((p) => p.sourceSlot && !p.adjective);

    if (cue.status === 'requested') {
      // The requester receives, unless the request names a recipient after the weapon
      // ("Washington exhorte les Européens à fournir des Patriot à l'Ukraine").
      const requester = agentBefore(parties, fs, cue.start, null);
      const named = parties.find((p) => p.recipientSlot && p.rel > wRelEnd && p.id !== requester?.id);
      recipient = named?.id ?? requester?.id ?? null;
      const asked = parties.find((p) => p.rel >= cue.end && p.relEnd <= wRel && p.id !== recipient && p.m.type !== 'person' && !p.adjective);
      suppliers = [asked?.id ?? adjectiveAfter(parties, fs, wRelEnd, origin, true)];
      if (!recipient) recipient = parties.find((p) => p.recipientSlot && p.rel > cue.start)?.id ?? null;
    } else if (cue.kind === 'receive') {
      // "L'Ukraine a reçu des Patriot de l'Allemagne / fournis par les États-Unis": the subject receives.
      recipient = agentBefore(parties, fs, cue.start, null)?.id ?? null;
      // The giver is a "de" complement: right after the weapon ("14 Leopard 2 de l'Allemagne et 31 Abrams
      // des États-Unis"), else between the verb and the weapon ("a reçu de la Norvège des NASAMS").
      const giver = (p: Party) =>
        p.deSlot && !p.adjective && p.id !== recipient && /\bd(?:e|u|es)\s+(?:l'|la |le |les )?$|\bd'$/.test(fs.slice(Math.max(0, p.rel - 10), p.rel));
      const after = parties.find((p) => p.rel > wRelEnd && p.rel < nextWeaponRel && giver(p));
      const between = parties.find((p) => p.rel > cue.end && p.relEnd <= wRel && giver(p));
      suppliers = passive?.agents.map((p) => p.id) ?? [source?.id ?? after?.id ?? between?.id ?? null];
    } else if (cue.rule === 'order') {
      // "L'Ukraine a signé avec la Suède une commande de Gripen": the buyer receives, the seller supplies;
      // "Le Canada va acheter aux États-Unis des NASAMS destinés à l'Ukraine": the buyer gives them on.
      const destination = parties.find((p) => p.rel > wRelEnd && p.recipientSlot && DESTINATION.test(fs.slice(Math.max(0, p.rel - 40), p.rel)));
      const seller = parties.find(
        (p) => !p.adjective && p !== destination && /\b(?:avec|aupres d[eu']|a|aux?)\s+(?:l'|la |le |les )?$/.test(fs.slice(Math.max(0, p.rel - 16), p.rel)),
      );
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
      recipient = replacedOwner ?? slot?.id ?? passive?.user ?? null;
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
      // "Le Danemark a tenu parole : ses F-16 sont arrivés": a possessive points back to the sentence's last party.
      if (suppliers[0] === null && POSSESSIVE.test(fs.slice(Math.max(0, wRel - 50), wRel))) {
        const owner = parties.filter((p) => p.relEnd <= wRel && !p.recipientSlot && !p.complement && !p.adjective && p.id !== recipient).pop();
        if (owner) {
          suppliers = [owner.id];
          rule += '+possessive';
        }
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
        // Or the subject of the main clause after a fronted additive phrase: "Outre l'envoi de blindés AMX-10RC,
        // la France …" (not after any fronted phrase: "Après l'annonce de la livraison de …, Moscou a dénoncé").
        const fronted = !parties.some((p) => p.relEnd <= cue.start) && ADDITIVE_FRONT.test(fs.slice(0, cue.start));
        const by =
          parties.find(
            (p) => p.rel > wRelEnd && p.rel - wRelEnd <= 40 && PASSIVE_AGENT.test(fs.slice(wRelEnd, p.rel)) && !NEW_CLAUSE.test(fs.slice(wRelEnd, p.rel)),
          ) ??
          (fronted
            ? parties.find(
                (p) =>
                  p.rel > wRelEnd &&
                  !p.recipientSlot &&
                  !p.complement &&
                  !p.adjective &&
                  /,\s*(?:l'|la |le |les )?$/.test(fs.slice(wRelEnd, p.rel)) &&
                  !/[;:]/.test(fs.slice(wRelEnd, p.rel)),
              )
            : undefined);
        if (!by) continue;
        suppliers = coordinatedAfter(parties, fs, by).map((p) => p.id);
        rule += '+noun-agent';
      }
      // A production record needs its producer; "fabriqué par MBDA" describes the system.
      if (cue.status === 'produced' && (suppliers[0] === null || /\bpar\s+(?:l'|la |le |les |une? )?/.test(fs.slice(cue.end, cue.end + 12)))) continue;
    }

    doneInSentence.add(w.id);
    // The one who reports a sentence is its supplier only when the sentence is about the transfer itself, not about
    // systems it mentions in passing ("les F-16 livrés à Kiev seront abattus, a déclaré Peskov").
    const aboutTransfer = cue.kind !== 'post' || cues.some((c) => c.kind === 'transfer' && c.start > cue!.end && !clauseBreakBetween(fs, cue!.end, c.start));
    const speaker = !aboutTransfer
      ? null
      : (parties.find((p) => p.rel > wRelEnd && !p.adjective && SPEAKER.test(fs.slice(Math.max(0, p.rel - 80), p.rel)))?.id ??
        reporterBefore(parties, fs, wRel));
    // The system's origin, named next to it or anywhere in the sentence ("de fabrication franco-italienne"): the weakest guess.
    const near = adjectiveNear(parties, fs, wRel, wRelEnd, origin);
    const originCountries = near ? [near] : [...new Set(parties.filter((p) => !p.recipientSlot && origin?.includes(p.id)).map((p) => p.id))];
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
        origin: originCountries,
        verbal: cue.kind !== 'noun',
      });
    }
  }
  return respectively(out, cg);
}
