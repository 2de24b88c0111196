import { describe, expect, it } from 'vitest';
import { explicitDateConstraints } from '../src/lib/extract/dates/explicit-dates.ts';
import { doc, isoSet } from './dates-fixtures.ts';

const run = (body: string) => explicitDateConstraints(doc(body).sentences);

describe('explicit past dates', () => {
  it('turns "le 24 février 2022" in a past-tense sentence into earliest = that day', () => {
    const body = 'La visite a eu lieu mardi. Pour rappel, le 24 février 2022, la Russie a lancé une opération militaire en Ukraine.';
    const [c] = run(body);
    expect(c.match).toEqual({ text: '24 février 2022', offset: body.indexOf('24 février 2022') });
    expect(c.evidence).toMatchObject({ offset: 27, rule: 'explicit-date' });
    expect(isoSet(c.set)).toEqual([['2022-02-24', null]]);
  });

  it('turns "en septembre 2022" into the first of the month', () => {
    const body = 'Les régions ont été annexées suite à deux référendums tenus en septembre 2022.';
    const [c] = run(body);
    expect(c.match?.text).toBe('septembre 2022');
    expect(c.evidence.rule).toBe('explicit-month');
    expect(isoSet(c.set)).toEqual([['2022-09-01', null]]);
  });

  it('uses a year alone only when the sentence reports it as past ("depuis 2022")', () => {
    const [c] = run('Depuis 2022, la France a livré une trentaine de canons Caesar.');
    expect(c.match).toEqual({ text: '2022', offset: 7 });
    expect(c.evidence.rule).toBe('explicit-year');
    expect(isoSet(c.set)).toEqual([['2022-01-01', null]]);
  });

  it('reads numeric dates "le 18/01/2024" in past prose', () => {
    const [c] = run('Le contrat a été signé le 18/01/2024 à Paris.');
    expect(c.match?.text).toBe('18/01/2024');
    expect(isoSet(c.set)).toEqual([['2024-01-18', null]]);
  });

  it('ignores planned and target dates', () => {
    expect(run("La France va produire 72 canons d'ici 2026.")).toEqual([]);
    expect(run("Zelensky a salué l'engagement de la France à « produire des dizaines de systèmes César et de munitions pour l'Ukraine en 2024 ».")).toEqual([]);
    expect(run('Le pays prévoit de livrer de nouveaux chars en 2025.')).toEqual([]);
    expect(run("En 2025, l'armée recevra ses premiers F-16.")).toEqual([]);
    expect(run('Le sommet prévu le 9 juillet 2024 réunira les alliés.')).toEqual([]);
  });

  it('treats a year without a past marker as weak (not a constraint)', () => {
    expect(run('Le budget de 2024 reste au centre des débats.')).toEqual([]);
    expect(run('Ils ont 2000 soldats.')).toEqual([]);
  });
});
