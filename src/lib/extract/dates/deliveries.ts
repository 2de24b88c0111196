/**
 * Deliveries the article reports, against the pledges and deliveries of the events knowledge
 * base: an article saying that a weapon is delivered (or announced) to Ukraine is not older than
 * the first pledge of that weapon to Ukraine. The clue of the estimate is the supplier's own first
 * delivery (for a delivery) or the pledge the article's words point to (news of a pledge or of a
 * first delivery follows it closely).
 */
import type { Delivery, DeliveryStatus, Sentence } from '../types.ts';
import { STRENGTH, type Constraint } from './constraint.ts';
import { disambiguate, type CompiledKb, type KbEvent } from './kb.ts';
import { LEAD_SENTENCES } from './events.ts';
import { foldKeep } from './text.ts';

const RECIPIENT = 'ukraine';
/** The statuses that report a transfer made public: delivered, announced, or promised (a pledge is news of a pledge). */
export const DATING_STATUSES: ReadonlySet<DeliveryStatus> = new Set<DeliveryStatus>(['delivered', 'announced', 'pledged']);

function earliest(list: KbEvent[]): KbEvent | null {
  return list.length ? list.reduce((a, b) => (b.from < a.from ? b : a)) : null;
}

export function deliveryConstraints(deliveries: readonly Delivery[], kb: CompiledKb, sentences: readonly Sentence[] = []): Constraint[] {
  let wordsMemo: Set<string> | null = null;
  const articleWords = () => (wordsMemo ??= new Set(sentences.flatMap((x) => foldKeep(x.text).match(/[a-z0-9]{4,}/g) ?? [])));
  const leadEnd = sentences[Math.min(LEAD_SENTENCES, sentences.length) - 1]?.end ?? 0;
  const out: Constraint[] = [];
  const seen = new Set<string>();
  for (const d of deliveries) {
    if (!DATING_STATUSES.has(d.status)) continue;
    if (d.recipient && d.recipient !== RECIPIENT) continue;
    const key = `${d.status}|${d.supplier ?? ''}|${d.weapon}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const about = (e: KbEvent) => e.entities.includes(d.weapon) && (!d.supplier || e.entities.includes(d.supplier));
    const aboutWeapon = (e: KbEvent) => e.kind === 'pledge' && e.entities.includes(d.weapon);
    // Whatever its status, what is delivered or announced was pledged first: the first pledge
    // bounds (a safe bound even when "donnés" reads as a delivery); the first delivery, for a
    // delivery, is only the clue of the estimate.
    const ofWeapon = kb.byEntity.get(d.weapon) ?? [];
    const pledges = ofWeapon.filter((e) => e.kind === 'pledge' && about(e));
    const firstDeliveries = d.status === 'delivered' ? ofWeapon.filter((e) => e.kind === 'delivery' && about(e)) : [];
    // The bound is the weapon's first pledge by anyone: safe even when the stage names the wrong supplier.
    const bound = earliest(ofWeapon.filter(aboutWeapon));
    // The clue: the first delivery for a delivery; for an announcement, the pledge the article's
    // words point to ("un troisième système") when they tell the supplier's pledges apart, else the first.
    const told = pledges.length > 1 ? disambiguate(pledges, articleWords()) : pledges;
    const clue = earliest(firstDeliveries) ?? (told.length === 1 ? told[0] : earliest(pledges));
    if (!bound || !clue) continue;
    const evidence = { text: d.evidence.text, offset: d.evidence.offset };
    const match = { text: d.evidence.text, offset: d.evidence.offset };
    out.push({
      set: [[bound.from, Infinity]],
      strength: STRENGTH.deliveryEvent,
      evidence: { ...evidence, rule: 'pledge-after-first' },
      match,
      note: bound.id,
      event: bound,
    });
    // Cited only when the estimate follows it (window.ts: clues without bounds).
    out.push({
      set: [[-Infinity, Infinity]],
      strength: STRENGTH.deliveryEvent,
      evidence: { ...evidence, rule: d.status === 'delivered' && clue.kind === 'delivery' ? 'delivery-reported' : 'pledge-reported' },
      match,
      note: clue.id,
      event: clue,
      clue: { days: [clue.from], span: 0, strong: d.evidence.offset < leadEnd, sentence: d.evidence.offset },
    });
  }
  return out;
}
