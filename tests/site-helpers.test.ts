/** Pure helpers of the site: French typography, date display, key word in context, CSV, pages. */
import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../src/lib/site/typography.ts';
import { splitKeyword } from '../src/lib/site/keyword.ts';
import { csvField, toCsv } from '../src/lib/site/csv.ts';
import { getPages } from '../src/lib/site/paginate.ts';

describe('frenchTypography', () => {
  it('puts a narrow no-break space before ? ! ; and a no-break space before :', () => {
    expect(frenchTypography('Comment ? Ainsi : voilà ; bien !')).toBe('Comment\u202f? Ainsi\u00a0: voilà\u202f; bien\u202f!');
  });
  it('joins guillemets to the words they enclose', () => {
    expect(frenchTypography('Phrases citant « Caesar »')).toBe('Phrases citant «\u202fCaesar\u202f»');
  });
  it('leaves times and URLs alone', () => {
    expect(frenchTypography('à 12:30 sur https://exemple.fr')).toBe('à 12:30 sur https://exemple.fr');
  });
});

describe('splitKeyword', () => {
  it('highlights the first name found, ignoring case and accents, on word boundaries', () => {
    expect(splitKeyword('Les obusiers CAESAR arrivent.', ['César', 'Caesar'])).toEqual({ before: 'Les obusiers ', match: 'CAESAR', after: ' arrivent.' });
    const split = splitKeyword('Paris livre des César à Kiev.', ['Caesar', 'César']);
    expect(split).toEqual({ before: 'Paris livre des ', match: 'César', after: ' à Kiev.' });
  });
  it('prefers the longest name at the same place', () => {
    expect(splitKeyword('Le système IRIS-T SLM est arrivé.', ['IRIS-T', 'IRIS-T SLM']).match).toBe('IRIS-T SLM');
  });
  it('does not match inside a longer word', () => {
    expect(splitKeyword('La Francophonie et la France.', ['France'])).toEqual({ before: 'La Francophonie et la ', match: 'France', after: '.' });
  });
  it('returns the sentence untouched when no name occurs', () => {
    expect(splitKeyword('Rien ici.', ['Caesar'])).toEqual({ before: 'Rien ici.', match: '', after: '' });
  });
});

describe('CSV export', () => {
  it('quotes fields holding commas, quotes or line breaks', () => {
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(toCsv(['x', 'y'], [[1, 'deux\ntrois']])).toBe('x,y\r\n1,"deux\ntrois"\r\n');
  });
  it('neutralises cells a spreadsheet would run as formulas, but not numbers the site computed', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-12)).toBe('-12');
  });
  it('follows the OWASP rule for every text cell starting with = + - @ tab or CR, a digit after "-" included', () => {
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvField('-12')).toBe("'-12");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('Caesar -2')).toBe('Caesar -2');
  });
});

describe('getPages', () => {
  it('splits into pages of the given size, with at least one page', () => {
    expect(getPages([1, 2, 3, 4, 5], 2).map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(getPages([], 2)).toEqual([{ items: [], number: 1, total: 1 }]);
  });
});

describe('displayDate', async () => {
  const { displayDate, monthOf } = await import('../src/lib/site/dates.ts');
  const window = (over: object) =>
    ({ value: null, earliest: null, latest: null, precision: 'unknown', basis: 'inferred', evidence: [], ...over }) as Parameters<typeof displayDate>[0];

  it('prints an exact day with its ISO datetime, "1er" on the first', () => {
    expect(displayDate(window({ value: '2024-04-01', precision: 'day' }))).toMatchObject({ text: '1er avril 2024', parts: [{ datetime: '2024-04-01' }] });
  });
  it('prints a month or a year as an approximation', () => {
    expect(displayDate(window({ value: '2024-04-15', precision: 'month' }))).toMatchObject({ text: '≈ avril 2024', parts: [{ datetime: '2024-04' }] });
    expect(displayDate(window({ value: '2023-06-30', precision: 'year' })).text).toBe('≈ 2023');
  });
  it('prints a range with both bounds as <time> parts', () => {
    const shown = displayDate(window({ earliest: '2022-05-17', latest: '2023-05-15', precision: 'range' }));
    expect(shown.text).toBe('entre le 17 mai 2022 et le 15 mai 2023');
    expect(shown.parts.map((p) => p.datetime)).toEqual(['2022-05-17', '2023-05-15']);
  });
  it('says an open window is open instead of inventing the missing bound', () => {
    const after = displayDate(window({ value: '2025-03-03', earliest: '2025-02-01', latest: null, precision: 'range' }));
    expect(after.text).toBe('après le 1er février 2025');
    expect(after.parts.map((p) => p.datetime)).toEqual(['2025-02-01']);
    expect(displayDate(window({ latest: '2023-05-15', precision: 'range' })).text).toBe('avant le 15 mai 2023');
  });
  it('says the date is unknown when it is', () => {
    expect(displayDate(window({})).text).toBe('date inconnue');
  });
  it('files only month-precise dates in the timeline', () => {
    expect(monthOf(window({ value: '2024-04-02', precision: 'day' }))).toBe('2024-04');
    expect(monthOf(window({ earliest: '2024-04-02', latest: '2024-04-20', precision: 'range' }))).toBe('2024-04');
    expect(monthOf(window({ earliest: '2022-05-17', latest: '2023-05-15', precision: 'range' }))).toBeNull();
    expect(monthOf(window({ value: '2023-06-30', precision: 'year' }))).toBeNull();
    expect(monthOf(window({ value: '2024-01-01', earliest: '2023-09-06', latest: '2024-03-24', precision: 'range' }))).toBeNull();
  });
});
