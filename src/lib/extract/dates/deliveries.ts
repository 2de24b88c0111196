/**
 * Deliveries the article reports, against the pledges and deliveries of the events knowledge
 * base: an article saying that a weapon is delivered (or announced) to Ukraine is not older than
 * the first such delivery (or pledge) of that weapon, by that supplier when the article names one.
 * The knowledge base records first announcements and first deliveries per system, so the bound is
 * a safe one; it is also a weak clue for the estimate (news of a first delivery follows it closely).
 */
import type { Delivery } from '../types.ts';
import { STRENGTH, type Constraint } from './constraint.ts';
import type { CompiledKb, KbEvent } from './kb.ts';

const RECIPIENT = 'ukraine';

export function deliveryConstraints(deliveries: readonly Delivery[], kb: CompiledKb): Constraint[] {
  const out: Constraint[] = [];
  const seen = new Set<string>();
  for (const d of deliveries) {
    if (d.status !== 'delivered' && d.status !== 'announced') continue;
    if (d.recipient && d.recipient !== RECIPIENT) continue;
    const key = `${d.status}|${d.supplier ?? ''}|${d.weapon}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const about = (e: KbEvent) => e.entities.includes(d.weapon) && (!d.supplier || e.entities.includes(d.supplier));
    // A delivery is not older than the first delivery; failing that (or for an announcement), than the first pledge.
    const deliveries = d.status === 'delivered' ? kb.events.filter((e) => e.kind === 'delivery' && about(e)) : [];
    const list = deliveries.length ? deliveries : kb.events.filter((e) => e.kind === 'pledge' && about(e));
    if (!list.length) continue;
    const first = list.reduce((a, b) => (b.from < a.from ? b : a));
    out.push({
      set: [[first.from, Infinity]],
      strength: STRENGTH.deliveryEvent,
      evidence: { text: d.evidence.text, offset: d.evidence.offset, rule: d.status === 'delivered' ? 'delivery-after-first' : 'pledge-after-first' },
      note: first.id,
      event: first,
      clue: { days: [first.from], span: 0, strong: false, sentence: d.evidence.offset },
    });
  }
  return out;
}
