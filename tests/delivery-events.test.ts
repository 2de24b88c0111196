/** Merging article-level delivery rows into delivery events (src/lib/deliveries/merge.ts). */
import { describe, expect, it } from 'vitest';
import { mergeDeliveries, rowKey, type DeliveryRow } from '../src/lib/deliveries/merge.ts';

let counter = 0;
/** A row of a (new) article dated `day` (YYYY-MM-DD, or a window [earliest, latest], or null). */
function row(day: string | [string, string] | null, fields: Partial<DeliveryRow> = {}): DeliveryRow {
  const date =
    day === null
      ? { value: null, earliest: null, latest: null }
      : Array.isArray(day)
        ? { value: null, earliest: day[0], latest: day[1] }
        : { value: day, earliest: day, latest: day };
  return {
    article: `article-${++counter}`,
    index: 0,
    date,
    supplier: 'france',
    recipient: 'ukraine',
    weapon: 'caesar',
    quantity: null,
    status: 'announced',
    ...fields,
  };
}

describe('delivery events', () => {
  it('makes one event of two reports of one pledge, with both articles and its first and latest report', () => {
    const a = row('2024-01-18', { quantity: 6 });
    const b = row('2024-01-19', { quantity: 6 });
    const { events, eventOf } = mergeDeliveries([b, a]);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.articles).toEqual([a.article, b.article]);
    expect([event.first, event.latest]).toEqual(['2024-01-18', '2024-01-19']);
    expect(event.quantity).toBe(6);
    expect(event.reports.map((r) => r.reason)).toEqual(['first', 'same-stage']);
    expect(eventOf.get(rowKey(a.article, 0))).toBe(event.id);
    expect(eventOf.get(rowKey(b.article, 0))).toBe(event.id);
  });

  it('keeps two different pledges apart: different quantities, or months apart at the same stage', () => {
    const six = row('2024-01-18', { quantity: 6 });
    const twelve = row('2024-01-20', { quantity: 12 });
    expect(mergeDeliveries([six, twelve]).events).toHaveLength(2);
    const january = row('2023-01-10');
    const october = row('2023-10-02');
    expect(mergeDeliveries([january, october]).events).toHaveLength(2);
  });

  it('keeps different suppliers, recipients and systems apart', () => {
    const rows = [
      row('2024-01-18'),
      row('2024-01-18', { supplier: 'allemagne' }),
      row('2024-01-18', { weapon: 'scalp-eg' }),
      row('2024-01-18', { recipient: 'moldavie' }),
    ];
    expect(mergeDeliveries(rows).events).toHaveLength(4);
  });

  it('follows a pledge from announcement to delivery, in its status history', () => {
    const announced = row('2024-01-18', { quantity: 6 });
    const echo = row('2024-01-25');
    const delivered = row('2024-05-02', { status: 'delivered', quantity: 6 });
    const { events } = mergeDeliveries([delivered, echo, announced]);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.status).toBe('delivered');
    expect(event.history).toEqual([
      { status: 'announced', first: '2024-01-18', article: announced.article },
      { status: 'delivered', first: '2024-05-02', article: delivered.article },
    ]);
    expect(event.reports.map((r) => r.reason)).toEqual(['first', 'same-stage', 'progression']);
  });

  it('treats a new announcement long after a delivery as a new pledge', () => {
    const delivered = row('2024-01-10', { status: 'delivered' });
    const lateEcho = row('2024-01-20');
    const newPledge = row('2024-04-15');
    const { events, eventOf } = mergeDeliveries([delivered, lateEcho, newPledge]);
    expect(events).toHaveLength(2);
    expect(eventOf.get(rowKey(lateEcho.article, 0))).toBe(eventOf.get(rowKey(delivered.article, 0)));
    expect(eventOf.get(rowKey(newPledge.article, 0))).not.toBe(eventOf.get(rowKey(delivered.article, 0)));
  });

  it('does not merge production or a status it does not know with a pledge, whatever the schema adds', () => {
    const rows = [
      row('2024-01-18'),
      row('2024-01-18', { status: 'produced' }),
      row('2024-01-19', { status: 'refused' }),
      row('2024-01-20', { status: 'refused' }),
    ];
    const { events } = mergeDeliveries(rows);
    expect(events.map((e) => e.status).sort()).toEqual(['announced', 'produced', 'refused']);
    expect(events.find((e) => e.status === 'refused')!.reports).toHaveLength(2);
  });

  it('counts "pledged" as a promise of the same lifecycle as "announced"', () => {
    const { events } = mergeDeliveries([row('2024-02-01', { status: 'pledged' }), row('2024-02-03'), row('2024-06-01', { status: 'delivered' })]);
    expect(events).toHaveLength(1);
    expect(events[0].history.map((h) => h.status)).toEqual(['announced', 'pledged', 'delivered']);
    expect(events[0].status).toBe('delivered');
  });

  it('attaches a report with no supplier to the one pledge it can be, and says the supplier was inferred', () => {
    const france = row('2024-03-01', { quantity: 40, weapon: 'scalp-eg' });
    const unnamed = row('2024-03-02', { supplier: null, quantity: 40, weapon: 'scalp-eg' });
    const { events } = mergeDeliveries([france, unnamed]);
    expect(events).toHaveLength(1);
    expect(events[0].supplier).toBe('france');
    expect(events[0].reports[1]).toMatchObject({ article: unnamed.article, reason: 'same-stage', inferred: ['supplier'] });
  });

  it('keeps a report with no supplier apart when two suppliers sent that system at the time', () => {
    const france = row('2024-03-01', { weapon: 'scalp-eg' });
    const uk = row('2024-03-01', { supplier: 'royaume-uni', weapon: 'scalp-eg' });
    const unnamed = row('2024-03-02', { supplier: null, weapon: 'scalp-eg' });
    const other = row('2024-03-05', { supplier: null, weapon: 'scalp-eg' });
    const { events, eventOf } = mergeDeliveries([france, uk, unnamed, other]);
    expect(events).toHaveLength(3);
    const apart = events.find((e) => e.supplier === null)!;
    expect(apart.articles).toEqual([unnamed.article, other.article]);
    expect(eventOf.get(rowKey(other.article, 0))).toBe(apart.id);
  });

  it('joins an undated report only when one event fits with the same quantity, and keeps it out of the event span', () => {
    const dated = row('2024-01-18', { quantity: 6 });
    const undated = row(null, { quantity: 6 });
    // Nothing places these in time, and no quantity identifies the pledge: kept apart, together.
    const vagueA = row(null);
    const vagueB = row(null, { status: 'delivered' });
    const apart = mergeDeliveries([dated, vagueA, vagueB]);
    expect(apart.events).toHaveLength(2);
    expect(apart.events.find((e) => e.articles.includes(vagueA.article))!.articles).toEqual([vagueA.article, vagueB.article]);
    const one = mergeDeliveries([dated, undated]);
    expect(one.events).toHaveLength(1);
    expect(one.events[0].reports.at(-1)).toMatchObject({ article: undated.article, reason: 'only-candidate', date: null });
    expect([one.events[0].first, one.events[0].latest]).toEqual(['2024-01-18', '2024-01-18']);

    const later = row('2024-09-18', { quantity: 6 });
    const vague = row(['2024-01-01', '2024-09-30']);
    const two = mergeDeliveries([dated, later, vague]);
    expect(two.events).toHaveLength(3);
    expect(two.events.find((e) => e.articles.includes(vague.article))!.reports[0].reason).toBe('undated');
  });

  it('gives the same events and ids whatever the order of the rows, and ids that survive unrelated additions', () => {
    const rows = [
      row('2024-01-18'),
      row('2024-01-19'),
      row('2024-02-01', { weapon: 'scalp-eg' }),
      row(null, { supplier: null }),
      row('2024-05-01', { status: 'delivered' }),
    ];
    const forward = mergeDeliveries(rows);
    const backward = mergeDeliveries([...rows].reverse());
    expect(backward.events).toEqual(forward.events);
    const grown = mergeDeliveries([...rows, row('2024-03-01', { weapon: 'leopard-2', supplier: 'allemagne' })]);
    for (const event of forward.events) expect(grown.events.map((e) => e.id)).toContain(event.id);
    // A row found earlier in its article on a later extraction does not move the ids.
    const shifted = mergeDeliveries(rows.map((r) => ({ ...r, index: r.index + 1 })));
    expect(shifted.events.map((e) => e.id)).toEqual(forward.events.map((e) => e.id));
    expect(new Set(forward.events.map((e) => e.id)).size).toBe(forward.events.length);
  });

  it('leaves the rows as they were (the merge is reversible from the reports)', () => {
    const rows = [row('2024-01-18', { supplier: null }), row('2024-01-18')];
    const before = structuredClone(rows);
    const { events } = mergeDeliveries(rows);
    expect(rows).toEqual(before);
    const back = events.flatMap((e) => e.reports.map((r) => `${r.article}#${r.index}`)).sort();
    expect(back).toEqual(rows.map((r) => `${r.article}#0`).sort());
  });
});

describe('delivery events: vague dates', () => {
  it('does not join a report whose wide date window lies years away from the only candidate', () => {
    const dated = row('2024-01-18');
    const old = row(['2019-01-01', '2019-12-31']);
    const near = row(['2023-06-01', '2023-12-31']);
    const { eventOf } = mergeDeliveries([dated, old, near]);
    expect(eventOf.get(rowKey(old.article, 0))).not.toBe(eventOf.get(rowKey(dated.article, 0)));
    expect(eventOf.get(rowKey(near.article, 0))).toBe(eventOf.get(rowKey(dated.article, 0)));
  });
});
