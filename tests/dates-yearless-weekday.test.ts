import { describe, expect, it } from 'vitest';
import { resolveDernier, yearlessConstraints } from '../src/lib/extract/dates/yearless.ts';
import { weekdayConstraints } from '../src/lib/extract/dates/weekday.ts';
import { inferDate } from '../src/lib/extract/dates/index.ts';
import { dayNum } from '../src/lib/extract/dates/calendar.ts';
import { dating, doc, gazetteer, isoSet, person } from './dates-fixtures.ts';

const cg = gazetteer();
const day = (s: string) => dayNum(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
const AUG = 'La réunion fait suite à des discussions à Washington le 18 août dernier, qui ont abordé les garanties.';

describe('"le 18 août dernier"', () => {
  it('is resolved when the window fixes its year (all days of the window after 18 August 2025)', () => {
    const [c] = resolveDernier(doc(AUG).sentences, [[day('2025-08-25'), day('2025-09-05')]]);
    expect(c.match).toEqual({ text: '18 août dernier', offset: AUG.indexOf('18 août dernier') });
    expect(c.note).toBe('refers to 2025-08-18');
    expect(isoSet(c.set)).toEqual([['2025-08-19', '2026-08-18']]);
  });

  it('when the window contains an 18 August, keeps the days within six months after one of them', () => {
    const [c] = resolveDernier(doc(AUG).sentences, [[day('2025-01-20'), day('2025-12-31')]]);
    expect(c.note).toBe('refers to 2024-08-18 or 2025-08-18 (said within 6 months)');
    expect(isoSet(c.set)).toEqual([
      ['2024-08-19', '2025-02-18'],
      ['2025-08-19', '2026-02-18'],
    ]);
  });

  it('closes a window that only a lower bound and the build day bound (seed-like text)', () => {
    const body = "L'Alliance des volontaires s'est réunie. " + AUG;
    const w = inferDate(doc(body), [], cg, { dating: dating('2026-12-02') });
    // 2024-08-18 is too old for a coalition formed in 2025; 2025-08-18 and 2026-08-18 remain.
    expect(w).toMatchObject({ earliest: '2025-08-19', latest: '2026-12-02', basis: 'inferred' });
    expect(w.evidence.map((e) => e.rule)).toContain('yearless-dernier');
  });

  it('stays evidence only without an anchored year, and never narrows the window', () => {
    const body = "L'administration du président américain Donald Trump hésite. " + AUG;
    const w = inferDate(doc(body), [person(body, 'Donald Trump', 'donald-trump')], cg);
    expect(w).toMatchObject({ earliest: '2017-01-20', latest: null, precision: 'range' });
    expect(w.evidence.find((e) => e.rule === 'yearless-dernier')?.offset).toBe(body.indexOf('La réunion'));
  });

  it('with a weekday ("le jeudi 18 janvier dernier") picks the years where it was a Thursday', () => {
    const body = "Le sommet s'est tenu le jeudi 18 janvier dernier. Le ministre ukrainien de la Défense, Rustem Umerov, a parlé.";
    const [c] = yearlessConstraints(doc(body).sentences);
    expect(c.match?.text).toBe('jeudi 18 janvier dernier');
    expect(isoSet(c.set)).toContainEqual(['2024-01-19', '2025-01-18']);
    const w = inferDate(doc(body), [person(body, 'Rustem Umerov', 'rustem-umerov')], cg);
    expect(w).toMatchObject({ earliest: '2024-01-19', latest: '2025-01-18' });
  });
});

describe('weekdays', () => {
  const S = 'Le ministre a déclaré hier jeudi que les livraisons continuaient.';

  it('"hier jeudi" in a narrow window ⇒ published on a Friday', () => {
    const [c] = weekdayConstraints(doc(S).sentences, [[day('2024-01-15'), day('2024-01-25')]]);
    expect(c.match).toEqual({ text: 'hier jeudi', offset: 22 });
    expect(c.note).toBe('published on a vendredi');
    expect(isoSet(c.set)).toEqual([['2024-01-19', '2024-01-19']]);
  });

  it('does nothing when the window is wider than two weeks or open', () => {
    expect(weekdayConstraints(doc(S).sentences, [[day('2024-01-01'), day('2024-01-31')]])).toEqual([]);
    expect(weekdayConstraints(doc(S).sentences, [[day('2024-01-01'), Infinity]])).toEqual([]);
  });

  it('drops vacuous weekdays ("a annoncé jeudi", "jeudi prochain") even in a narrow window', () => {
    const body = "Les autorités ont annoncé jeudi l'envoi de missiles. La France organisera jeudi prochain une réunion.";
    expect(weekdayConstraints(doc(body).sentences, [[day('2024-01-15'), day('2024-01-25')]])).toEqual([]);
  });

  it('refines an inferred window to one day ("au 100e jour" + "hier jeudi")', () => {
    const body = "Au 100e jour de l'invasion, la ville résiste encore. " + S;
    const w = inferDate(doc(body), [], cg, { dating: dating() });
    expect(w).toMatchObject({ value: '2022-06-03', earliest: '2022-06-03', latest: '2022-06-03', precision: 'day', basis: 'inferred' });
    expect(w.evidence.map((e) => e.rule)).toEqual(['anchor-nth-day', 'relative-weekday']);
  });
});
