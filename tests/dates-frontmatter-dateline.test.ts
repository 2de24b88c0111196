import { describe, expect, it } from 'vitest';
import { inferDate } from '../src/lib/extract/dates/index.ts';
import { findDateline } from '../src/lib/extract/dates/dateline.ts';
import { doc, gazetteer, person } from './dates-fixtures.ts';

const cg = gazetteer();

describe('frontmatter date', () => {
  const body = 'PARIS, 18 janvier 2024 (AFP) - Le ministre a parlé.';

  it('wins over a dateline and keeps day precision', () => {
    const w = inferDate(doc(body), [], cg, { frontmatterDate: '2024-02-03' });
    expect(w).toMatchObject({ value: '2024-02-03', earliest: '2024-02-03', latest: '2024-02-03', precision: 'day', basis: 'frontmatter' });
  });

  it('gives month precision for "2024-03" and year precision for "2024"', () => {
    expect(inferDate(doc(body), [], cg, { frontmatterDate: '2024-03' })).toMatchObject({
      earliest: '2024-03-01', latest: '2024-03-31', precision: 'month', basis: 'frontmatter',
    });
    expect(inferDate(doc(body), [], cg, { frontmatterDate: '2024' })).toMatchObject({
      earliest: '2024-01-01', latest: '2024-12-31', precision: 'year', basis: 'frontmatter',
    });
  });

  it('ignores an invalid frontmatter date and falls back to the text', () => {
    expect(inferDate(doc(body), [], cg, { frontmatterDate: '2024-02-31' })).toMatchObject({ value: '2024-01-18', basis: 'dateline' });
  });
});

describe('dateline', () => {
  it('reads an agency dateline "PARIS, 18 janvier 2024 (AFP) -"', () => {
    const d = findDateline('PARIS, 18 janvier 2024 (AFP) - Les autorités françaises ont annoncé jeudi l\'envoi de missiles.');
    expect(d?.match).toEqual({ text: 'PARIS, 18 janvier 2024 (AFP) -', offset: 0 });
    expect(d?.evidence.rule).toBe('dateline');
  });

  it('reads "Kiev, le 3 mars 2023 —"', () => {
    const w = inferDate(doc('Kiev, le 3 mars 2023 — Le président a remercié les alliés.'), [], cg);
    expect(w).toMatchObject({ value: '2023-03-03', precision: 'day', basis: 'dateline' });
    expect(w.evidence).toEqual([{ text: 'Kiev, le 3 mars 2023 — Le président a remercié les alliés.', offset: 0, rule: 'dateline' }]);
  });

  it('reads "Publié le 18/01/2024 à 14h05" and prefers it to "Mis à jour le"', () => {
    const body = 'Mis à jour le 20/01/2024 à 09h00\nPublié le 18/01/2024 à 14h05\n\nLe ministre a parlé.';
    const d = findDateline(body);
    expect(d?.match).toEqual({ text: 'Publié le 18/01/2024', offset: 33 });
    expect(d?.evidence.rule).toBe('dateline-published');
  });

  it('uses "Mis à jour le 2 avril 2024" when nothing else is stated', () => {
    const d = findDateline('Le ministre a parlé.\n\nMis à jour le 2 avril 2024 à 10:15');
    expect(d?.evidence).toMatchObject({ rule: 'dateline-updated', offset: 22 });
    expect(inferDate(doc('Le ministre a parlé.\n\nMis à jour le 2 avril 2024 à 10:15'), [], cg).value).toBe('2024-04-02');
  });

  it('reads a bare "18.01.2024" line at the end and "Le 18 janvier 2024 à 10:15" as first line', () => {
    const end = 'Le ministre a parlé.\n\n18.01.2024';
    expect(findDateline(end)?.match).toEqual({ text: '18.01.2024', offset: 22 });
    const first = 'Le 18 janvier 2024 à 10:15\n\nLe ministre a parlé.';
    expect(findDateline(first)?.match).toEqual({ text: 'Le 18 janvier 2024 à 10:15', offset: 0 });
  });

  it('does not take a dated sentence of the lead for a dateline', () => {
    const body = 'Le 18 janvier 2024, la France a annoncé l\'envoi de missiles Scalp.';
    expect(findDateline(body)).toBeNull();
    expect(inferDate(doc(body), [], cg)).toMatchObject({ earliest: '2024-01-18', latest: null, basis: 'inferred' });
  });

  it('wins over inference from officeholders', () => {
    const body = 'KIEV, 5 octobre 2023 (AFP) - Le ministre ukrainien de la Défense, Rustem Umerov, a remercié la France.';
    const w = inferDate(doc(body), [person(body, 'Rustem Umerov', 'rustem-umerov')], cg);
    expect(w).toMatchObject({ value: '2023-10-05', basis: 'dateline', precision: 'day' });
  });
});
