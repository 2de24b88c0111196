import { describe, expect, it } from 'vitest';
import { distance, eventConstraints } from '../src/lib/extract/dates/events.ts';
import { inferDate } from '../src/lib/extract/dates/index.ts';
import { dating, doc, gazetteer, isoSet, kb, person } from './dates-fixtures.ts';

const run = (body: string) =>
  eventConstraints(doc(body).sentences, kb()).filter((c) => c.evidence.rule?.startsWith('anchor') || c.evidence.rule === 'event-exists');

describe('anchor events with a stated distance', () => {
  it('"près de deux ans après le début de l\'invasion" ⇒ invasion + [18, 25] months', () => {
    const body = "Près de deux ans après le début de l'invasion, le front de guerre est pratiquement paralysé depuis plusieurs mois.";
    const [c] = run(body);
    expect(c.match).toEqual({ text: "Près de deux ans après le début de l'invasion", offset: 0 });
    expect(c.evidence).toEqual({ text: body, offset: 0, rule: 'anchor-relative' });
    expect(isoSet(c.set)).toEqual([['2023-08-24', '2024-03-24']]);
  });

  it('keeps only the lower bound when the sentence narrates a past event', () => {
    const [c] = run("Un an après le début de l'invasion, les alliés ont accepté de livrer des chars.");
    expect(c.match?.text).toBe("Un an après le début de l'invasion");
    expect(isoSet(c.set)).toEqual([['2022-12-24', null]]);
  });

  it('"deux semaines avant le sommet de l\'OTAN de Vilnius" ⇒ a window before the summit', () => {
    const body = "Le président ukrainien. Deux semaines avant le sommet de l'OTAN de Vilnius, les alliés discutent encore.";
    const [c] = run(body);
    expect(c.match).toEqual({ text: "Deux semaines avant le sommet de l'OTAN de Vilnius", offset: 24 });
    expect(isoSet(c.set)).toEqual([['2023-06-24', '2023-06-30']]);
  });

  it('"le début de l\'invasion, il y a trois ans" ⇒ invasion + about three years', () => {
    const [c] = run("Le début de l'invasion, il y a trois ans, a bouleversé l'Europe.");
    expect(c.evidence.rule).toBe('anchor-ago');
    expect(c.match?.text).toBe('il y a trois ans');
    expect(isoSet(c.set)).toEqual([['2024-08-24', '2025-08-24']]);
  });

  it('"au 100e jour de l\'invasion" and "le deuxième anniversaire de l\'invasion"', () => {
    const [a] = run("Au 100e jour de l'invasion, la ville résiste encore.");
    expect(isoSet(a.set)).toEqual([['2022-06-02', '2022-06-05']]);
    const [b] = run("À l'occasion du deuxième anniversaire de l'invasion, Zelensky s'adresse à la nation.");
    expect(isoSet(b.set)).toEqual([['2024-01-10', '2024-03-10']]);
  });

  it('ignores anchors it does not know and distances without an anchor', () => {
    expect(run('Moins de 24 heures après le sommet de Bruxelles, Biden a parlé.')).toEqual([]);
    expect(run('Trois mois après, rien ne bouge.')).toEqual([]);
  });

  it('uses events that only exist since their date as a lower bound, even when named as ahead', () => {
    const body = "Pour sa part, l'Alliance des volontaires poursuit son travail.";
    const [c] = run(body);
    expect(c.evidence.rule).toBe('event-exists');
    expect(c.match).toEqual({ text: 'Alliance des volontaires', offset: body.indexOf('Alliance') });
    expect(isoSet(c.set)).toEqual([['2025-03-02', null]]);
    const [d] = run('La coalition des volontaires se réunira la semaine prochaine à Paris.');
    expect(isoSet(d.set)).toEqual([['2025-03-02', null]]);
  });

  it('maps qualifiers to tolerances', () => {
    expect(distance('pres de', 'deux', 'ans', false)).toEqual({ lo: 18, hi: 25, unit: 'month' });
    expect(distance('plus de', 'trois', 'mois', false)).toEqual({ lo: 3, hi: 6, unit: 'month' });
    expect(distance('moins de', '24', 'heures', false)).toEqual({ lo: 0, hi: 1, unit: 'day' });
    expect(distance(undefined, 'deux', 'ans', true)).toEqual({ lo: 25, hi: 35, unit: 'month' });
  });

  it('combines with a tenure in inferDate (seed-like text)', () => {
    const body =
      "Près de deux ans après le début de l'invasion, le front est paralysé. De son côté, le ministre ukrainien de la Défense, Rustem Umerov, a remercié la France.";
    const w = inferDate(doc(body), [person(body, 'Rustem Umerov', 'rustem-umerov')], gazetteer(), { dating: dating() });
    expect(w).toMatchObject({ earliest: '2023-09-06', latest: '2024-03-24', precision: 'range', basis: 'inferred' });
    expect(w.evidence.map((e) => [e.rule, e.offset])).toEqual([
      ['office-tenure', body.indexOf('De son côté')],
      ['anchor-relative', 0],
    ]);
  });
});

describe('how long the war has lasted, without naming its start', () => {
  it('"au 45e jour de guerre" ⇒ the invasion + 45 days', () => {
    const [c] = run('Au 45e jour de guerre, les sirènes retentissent encore à Kharkiv.');
    expect(c.evidence.rule).toBe('anchor-war-day');
    expect(c.event?.id).toBe('invasion-2022');
    // Day 1 is the 24 February 2022: day 45 is the 9 April, give or take a day of time zones and counting.
    expect(isoSet(c.set)).toEqual([['2022-04-08', '2022-04-11']]);
  });

  it('"après trois ans de guerre" and "le conflit, qui dure depuis près de deux ans"', () => {
    const [a] = run("Après trois ans de guerre, l'armée manque d'hommes.");
    expect(a.evidence.rule).toBe('anchor-war-duration');
    expect(isoSet(a.set)).toEqual([['2024-08-24', '2025-08-24']]);
    const [b] = run('Le conflit, qui dure depuis près de deux ans, a vidé les stocks.');
    expect(isoSet(b.set)).toEqual([['2023-08-24', '2024-03-24']]);
  });

  it('the war told through its actors: Russian forces advancing in Ukraine, Ukraine resisting, the invasion as a verb with "il y a"', () => {
    const [a] = run("Moscou met en garde les pays qui arment l'Ukraine, où les forces russes progressent depuis trois semaines.");
    expect(a.evidence.rule).toBe('anchor-war-duration');
    expect(a.event?.id).toBe('invasion-2022');
    expect(isoSet(a.set)).toEqual([['2022-03-13', '2022-03-21']]);
    const [b] = run('Les pièces arrivent à Kiev, qui tient tête depuis plus de trois ans à son voisin.');
    expect(isoSet(b.set)).toEqual([['2025-02-24', '2026-09-24']]);
    const [c] = run("Depuis que la Russie a envahi l'Ukraine il y a dix mois, les stocks fondent.");
    expect(isoSet(c.set)).toEqual([['2022-10-24', '2023-02-24']]);
    const [d] = run('Les soldats russes se battent en Ukraine depuis quatre mois, selon le renseignement.');
    expect(isoSet(d.set)).toEqual([['2022-05-24', '2022-07-24']]);
  });

  it('the duration, said in the present, places the estimate inside its span rather than at an edge', () => {
    const [c] = run("L'Ukraine, qui résiste depuis deux ans, en attend beaucoup.");
    expect(isoSet(c.set)).toEqual([['2023-10-24', '2024-06-24']]);
    // The day the duration says, used only when nothing else of the text dates the article.
    expect(c.clue?.fallback).toBe(true);
    expect(isoSet(c.clue!.days.map((d): [number, number] => [d, d]))).toEqual([['2024-02-23', '2024-02-23']]);
    // Told of the past ("après deux ans de guerre, ils ont…"), it is only a lower bound and no such day.
    const [n] = run('Après deux ans de guerre, les alliés ont enfin livré des avions.');
    expect(n.clue).toBeUndefined();
    // A fact the text dates wins over the duration.
    const v = inferDate(
      doc("L'Ukraine, qui résiste depuis plus de deux ans, a reçu lors du sommet de l'Otan à Washington de nouvelles promesses."),
      [],
      gazetteer(),
      { dating: dating() },
    );
    expect(v.value).toBe('2024-07-11');
  });

  it('a front inside Ukraine or the war since 2014 does not date the start of the war', () => {
    expect(run("L'armée russe avance depuis trois semaines vers Pokrovsk.")).toEqual([]);
    expect(run("L'Ukraine se bat depuis huit ans dans le Donbass.")).toEqual([]);
  });

  it('a quantity ("de quoi tenir deux mois de guerre") or the war since 2014 is no such clue', () => {
    expect(run('Ces obus suffiront pour environ deux mois de guerre.')).toEqual([]);
    expect(run('Après huit ans de guerre dans le Donbass, la tension monte.')).toEqual([]);
  });
});

describe('an event said to be of the last month, week or year', () => {
  const lastPeriod = (body: string) => eventConstraints(doc(body).sentences, kb()).filter((c) => c.evidence.rule === 'event-last-period');

  it('puts the article in the calendar month, week or year after the event', () => {
    // The Vilnius summit opened on Tuesday 11 July 2023.
    const [m] = lastPeriod('Les engagements pris au sommet de Vilnius le mois dernier tardent à se concrétiser.');
    expect(isoSet(m.set)).toEqual([['2023-08-01', '2023-08-31']]);
    const [w] = lastPeriod('Depuis le sommet de Vilnius, la semaine dernière, les livraisons ont repris.');
    expect(isoSet(w.set)).toEqual([['2023-07-17', '2023-07-23']]);
    const [y] = lastPeriod("Le sommet de Vilnius de l'an dernier avait promis une adhésion.");
    expect(isoSet(y.set)).toEqual([['2024-01-01', '2024-12-31']]);
  });

  it('not when the period belongs to another clause', () => {
    expect(lastPeriod('Le sommet de Vilnius a déçu Kiev ; le mois dernier, les livraisons avaient pourtant repris.')).toEqual([]);
  });
});

describe('names of the full-scale war in the real knowledge base', () => {
  it('"la guerre d\'agression de la Russie" puts the article after the invasion', async () => {
    const { loadEvents } = await import('../src/lib/events/load.ts');
    const { compileKb } = await import('../src/lib/extract/dates/kb.ts');
    const real = compileKb(loadEvents());
    const [c] = eventConstraints(doc("Les Vingt-Sept ont de nouveau condamné la guerre d'agression de la Russie.").sentences, real);
    expect(c.event?.id).toBe('invasion-2022');
    expect(isoSet(c.set)[0][0]).toBe('2022-02-24');
  });
});
