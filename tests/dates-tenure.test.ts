import { describe, expect, it } from 'vitest';
import { tenureConstraints } from '../src/lib/extract/dates/tenure.ts';
import { doc, gazetteer, isoSet, person } from './dates-fixtures.ts';
import type { Mention } from '../src/lib/extract/types.ts';
import { getDefaultCompiledGazetteer as realGazetteer } from '../src/lib/gazetteer/load.ts';

const cg = gazetteer();
const run = (body: string, mentions: Mention[]) => tenureConstraints(body, doc(body).sentences, mentions, cg);

describe('office tenure', () => {
  it('"le ministre ukrainien de la Défense, Rustem Umerov" ⇒ his tenure (+7 days of grace)', () => {
    const body = 'De son côté, le ministre ukrainien de la Défense, Rustem Umerov, a remercié la France.';
    const [c] = run(body, [person(body, 'Rustem Umerov', 'rustem-umerov')]);
    expect(c.match).toEqual({ text: 'ministre ukrainien de la Défense, Rustem Umerov', offset: 16 });
    expect(c.evidence).toEqual({ text: body, offset: 0, rule: 'office-tenure' });
    expect(isoSet(c.set)).toEqual([['2023-09-06', '2025-07-24']]);
  });

  it('"la ministre britannique des Affaires étrangères Liz Truss" ⇒ her foreign-minister tenure only', () => {
    const body = "L'OTAN enverra des armes, a déclaré la ministre britannique des Affaires étrangères Liz Truss.";
    const [c] = run(body, [person(body, 'Liz Truss', 'liz-truss')]);
    expect(isoSet(c.set)).toEqual([['2021-09-15', '2022-09-13']]);
  });

  it('reads an apposition after the name with "de l\'OTAN"', () => {
    const body = "Jens Stoltenberg, secrétaire général de l'OTAN, a déclaré que les alliés devraient faire plus.";
    const [c] = run(body, [person(body, 'Jens Stoltenberg', 'jens-stoltenberg')]);
    expect(c.match?.offset).toBe(18);
    expect(isoSet(c.set)).toEqual([['2014-10-01', '2024-10-08']]);
  });

  it('"le patron du Pentagone" is the American defence secretary', () => {
    const body = 'Le patron du Pentagone, Lloyd Austin, a promis des obus.';
    const real = tenureConstraints(body, doc(body).sentences, [person(body, 'Lloyd Austin', 'lloyd-austin')], realGazetteer());
    expect(real.map((c) => c.match?.text)).toEqual(['patron du Pentagone, Lloyd Austin']);
    expect(isoSet(real[0].set)).toEqual([['2021-01-22', '2025-01-27']]);
  });

  it('gives the union of both terms for a president who served twice', () => {
    const body = "L'administration du président américain Donald Trump n'a montré aucun signe.";
    const [c] = run(body, [person(body, 'Donald Trump', 'donald-trump')]);
    expect(isoSet(c.set)).toEqual([
      ['2017-01-20', '2021-01-27'],
      ['2025-01-20', null],
    ]);
  });

  it('resolves "son homologue ukrainien" to the role of the previous title', () => {
    const body =
      'Le président français Emmanuel Macron a indiqué que la coalition était utile. Ainsi, il a eu une conversation avec son homologue ukrainien Volodimir Zelensky.';
    const cs = run(body, [person(body, 'Emmanuel Macron', 'emmanuel-macron'), person(body, 'Volodimir Zelensky', 'volodymyr-zelensky')]);
    expect(cs.map((c) => c.match?.text)).toEqual(['président français Emmanuel Macron', 'homologue ukrainien Volodimir Zelensky']);
    expect(isoSet(cs[1].set)).toEqual([['2019-05-20', null]]);
  });

  it('"le chef de la diplomatie américaine … son homologue français Stéphane Séjourné" ⇒ foreign minister', () => {
    const body = 'Le chef de la diplomatie américaine aura un déjeuner avec son homologue français Stéphane Séjourné.';
    const [c] = run(body, [person(body, 'Stéphane Séjourné', 'stephane-sejourne')]);
    expect(isoSet(c.set)).toEqual([['2024-01-11', '2024-09-28']]);
  });

  it('matches "le Premier ministre Eduard Heger" by role when no country is named', () => {
    const body = 'Le Premier ministre Eduard Heger a depuis confirmé le transfert.';
    const [c] = run(body, [person(body, 'Eduard Heger', 'eduard-heger')]);
    expect(isoSet(c.set)).toEqual([['2021-04-01', '2023-05-22']]);
  });

  it('skips former offices, unknown people and names without a title', () => {
    const a = "L'ancien ministre ukrainien de la Défense Rustem Umerov a parlé.";
    expect(run(a, [person(a, 'Rustem Umerov', 'rustem-umerov')])).toEqual([]);
    const b = 'Le ministre ukrainien de la Défense, Oleksii Reznikov, a parlé.';
    expect(run(b, [{ ...person(b, 'Oleksii Reznikov', 'new:oleksii-reznikov') }])).toEqual([]);
    const c = 'Zelensky a remercié la France.';
    expect(run(c, [person(c, 'Zelensky', 'volodymyr-zelensky')])).toEqual([]);
  });

  it('keeps only the start of the tenure in past narration ("avait déclaré")', () => {
    const body = 'Auparavant, le ministre français de la défense, Sébastien Lecornu, avait déclaré que des accords étaient signés.';
    const [c] = run(body, [person(body, 'Sébastien Lecornu', 'sebastien-lecornu')]);
    expect(c.evidence.rule).toBe('office-tenure-start');
    expect(isoSet(c.set)).toEqual([['2022-05-20', null]]);
  });

  it('does not attach a title across another person ("le président Macron et Joe Biden")', () => {
    const body = 'Le président Emmanuel Macron et Joe Biden ont parlé.';
    const cs = run(body, [person(body, 'Emmanuel Macron', 'emmanuel-macron'), person(body, 'Joe Biden', 'joe-biden')]);
    expect(cs.map((c) => c.match?.text)).toEqual(['président Emmanuel Macron']);
  });
});

describe('office tenures of the real gazetteer', () => {
  it('a minister who left on leave and came back has both terms (the window holds an article of his return)', async () => {
    const { getDefaultCompiledGazetteer } = await import('../src/lib/gazetteer/load.ts');
    const real = getDefaultCompiledGazetteer();
    const body = "Le ministre danois de la Défense, Jakob Ellemann-Jensen, a indiqué que l'entraînement commençait ce mois-ci.";
    const [c] = tenureConstraints(body, doc(body).sentences, [person(body, 'Jakob Ellemann-Jensen', 'jakob-ellemann-jensen')], real);
    const spans = isoSet(c.set);
    expect(spans).toHaveLength(2);
    expect(spans[0][0]).toBe('2022-12-15');
    expect(spans[1][0]! <= '2023-08-15' && spans[1][1]! >= '2023-08-24').toBe(true);
  });
});
