import { describe, expect, it } from 'vitest';
import { inferDate } from '../src/lib/extract/dates/index.ts';
import { findDateline, findYearlessDateline } from '../src/lib/extract/dates/dateline.ts';
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
      earliest: '2024-03-01',
      latest: '2024-03-31',
      precision: 'month',
      basis: 'frontmatter',
    });
    expect(inferDate(doc(body), [], cg, { frontmatterDate: '2024' })).toMatchObject({
      earliest: '2024-01-01',
      latest: '2024-12-31',
      precision: 'year',
      basis: 'frontmatter',
    });
  });

  it('ignores an invalid frontmatter date and falls back to the text', () => {
    expect(inferDate(doc(body), [], cg, { frontmatterDate: '2024-02-31' })).toMatchObject({ value: '2024-01-18', basis: 'dateline' });
  });
});

describe('dateline', () => {
  it('reads an agency dateline "PARIS, 18 janvier 2024 (AFP) -"', () => {
    const d = findDateline("PARIS, 18 janvier 2024 (AFP) - Les autorités françaises ont annoncé jeudi l'envoi de missiles.");
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
    const body = "Le 18 janvier 2024, la France a annoncé l'envoi de missiles Scalp.";
    expect(findDateline(body)).toBeNull();
    expect(inferDate(doc(body), [], cg)).toMatchObject({ earliest: '2024-01-18', latest: null, basis: 'inferred' });
  });

  it('wins over inference from officeholders', () => {
    const body = 'KIEV, 5 octobre 2023 (AFP) - Le ministre ukrainien de la Défense, Rustem Umerov, a remercié la France.';
    const w = inferDate(doc(body), [person(body, 'Rustem Umerov', 'rustem-umerov')], cg);
    expect(w).toMatchObject({ value: '2023-10-05', basis: 'dateline', precision: 'day' });
  });
});

describe('dateline styles', () => {
  it('reads a parenthesised region after the city and a dotless abbreviated month: "RAMSTEIN (Allemagne), 26 avr 2022 (AFP) -"', () => {
    const body = "RAMSTEIN (Allemagne), 26 avr 2022 (AFP) - L'Allemagne a donné mardi son feu vert.";
    const d = findDateline(body);
    expect(d?.match).toEqual({ text: 'RAMSTEIN (Allemagne), 26 avr 2022 (AFP) -', offset: 0 });
    expect(inferDate(doc(body), [], cg)).toMatchObject({ value: '2022-04-26', precision: 'day', basis: 'dateline' });
  });

  it('reads abbreviated months with and without a dot: "janv.", "févr.", "sept", "déc."', () => {
    expect(findDateline('BERLIN, 3 janv. 2023 (AFP) - Texte.')?.day).toBe(findDateline('BERLIN, 3 janvier 2023 (AFP) - Texte.')?.day);
    const cases: [string, string][] = [
      ['PARIS, 14 févr. 2024 (AFP) - Texte.', '2024-02-14'],
      ['KIEV, 9 sept 2022 (AFP) - Texte.', '2022-09-09'],
      ['VILNIUS, 1er déc. 2023 (AFP) - Texte.', '2023-12-01'],
    ];
    for (const [body, iso] of cases) expect(inferDate(doc(body), [], cg).value).toBe(iso);
  });

  it('reads an upper-case city with diacritics and a country: "LINKÖPING (Suède), 22 octobre 2025 (AFP) -"', () => {
    const body = "Titre\nLINKÖPING (Suède), 22 octobre 2025 (AFP) - L'Ukraine a signé mercredi une lettre d'intention.";
    const d = findDateline(body);
    expect(d?.match).toEqual({ text: 'LINKÖPING (Suède), 22 octobre 2025 (AFP) -', offset: 6 });
  });

  it('reads a Reuters, Belga and ATS dateline', () => {
    expect(inferDate(doc('KIEV, 12 mars 2024 (Reuters) - Kiev a reçu des obus.'), [], cg).value).toBe('2024-03-12');
    expect(inferDate(doc('BRUXELLES, 7 juin 2024 (Belga) — La Belgique livrera des F-16.'), [], cg).value).toBe('2024-06-07');
    expect(inferDate(doc('GENÈVE, 4 nov 2023 (ATS) - La Suisse refuse.'), [], cg).value).toBe('2023-11-04');
  });

  it('reads "Publié le mardi 12 mars 2024 à 10h05", RFI\'s "Publié le : 12/03/2024 - 08:15" and "Mis en ligne le"', () => {
    const a = findDateline('Publié le mardi 12 mars 2024 à 10h05\nLe texte.');
    expect(a?.match).toEqual({ text: 'Publié le mardi 12 mars 2024', offset: 0 });
    expect(a?.evidence.rule).toBe('dateline-published');
    const b = findDateline('Publié le : 12/03/2024 - 08:15\nModifié le : 13/03/2024 - 09:00');
    expect(b?.match).toEqual({ text: 'Publié le : 12/03/2024', offset: 0 });
    const c = findDateline('Le texte.\nMis en ligne le 5 avril 2024 à 18h00');
    expect(c?.match).toEqual({ text: 'Mis en ligne le 5 avril 2024', offset: 10 });
    expect(c?.evidence.rule).toBe('dateline-published');
  });

  it('reads Euronews\' "Publié le 20/08/2023 - 19:12 • Mis à jour 20/08/2023 - 22:35"', () => {
    const d = findDateline('Publié le 20/08/2023 - 19:12 • Mis à jour 20/08/2023 - 22:35');
    expect(d?.match).toEqual({ text: 'Publié le 20/08/2023', offset: 0 });
  });
});

describe('year-less dateline', () => {
  it('finds "Kyiv, le 21 novembre (Ukrinform)." with its offset', () => {
    const body = 'Titre du jour\nKyiv, le 21 novembre (Ukrinform). La Russie a frappé ce jeudi matin la ville de Dnipro.';
    expect(findYearlessDateline(body)).toMatchObject({
      month: 11,
      day: 21,
      match: { text: 'Kyiv, le 21 novembre (Ukrinform).', offset: 14 },
      evidence: { offset: 14, rule: 'dateline-yearless' },
    });
    expect(findYearlessDateline('KIEV, 3 mars (AFP) - Texte.')?.match.text).toBe('KIEV, 3 mars (AFP) -');
  });

  it('does not read prose or a dated dateline as a year-less dateline', () => {
    expect(findYearlessDateline('Kiev, le 21 novembre, les alliés ont promis des obus.')).toBeNull();
    expect(findYearlessDateline('PARIS, 18 janvier 2024 (AFP) - Texte.')).toBeNull();
    expect(findYearlessDateline('Le 21 novembre (AFP). Texte.')).toBeNull();
  });

  it('keeps the window and cites the dateline as unresolved when several years fit, the first one as value', () => {
    const body = 'Kyiv, le 21 novembre (Ukrinform). Depuis le 24 février 2022, la Russie a lancé des milliers de missiles.';
    const w = inferDate(doc(body), [], cg);
    expect(w).toMatchObject({ earliest: '2022-11-21', latest: null, value: '2022-11-21', precision: 'range', basis: 'inferred' });
    expect(w.evidence[0]).toEqual({
      text: 'Kyiv, le 21 novembre (Ukrinform). Depuis le 24 février 2022, la Russie a lancé des milliers de missiles.',
      offset: 0,
      rule: 'dateline-yearless-unresolved',
    });
  });

  it('resolves the year when the other constraints leave exactly one', () => {
    const body =
      "Kyiv, le 21 novembre (Ukrinform). Le secrétaire d'État américain Antony Blinken a salué la décision. Depuis le 24 février 2024, les frappes continuent.";
    const w = inferDate(doc(body), [person(body, 'Antony Blinken', 'antony-blinken')], cg);
    expect(w).toMatchObject({ earliest: '2024-11-21', latest: '2024-11-21', value: '2024-11-21', precision: 'day' });
    expect(w.evidence[0].rule).toBe('dateline-yearless');
  });
});
