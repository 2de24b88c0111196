import { describe, expect, it } from 'vitest';
import { meetingConstraints } from '../src/lib/extract/dates/meetings.ts';
import { compileKb } from '../src/lib/extract/dates/kb.ts';
import { eventFileSchema } from '../src/lib/events/schema.ts';
import { doc, isoSet, person } from './dates-fixtures.ts';

const src = { url: 'https://example.org/reference', title: 'Reference' };
/** Two meetings of the same pair of leaders, months apart, and a summit of another pair. */
const meetingsKb = compileKb(
  eventFileSchema.parse({
    events: [
      {
        id: 'macron-zelensky-paris',
        kind: 'summit',
        date: '2024-03-14',
        title: { fr: 'Visite à Paris', en: 'Paris visit' },
        phrases: { fr: ['visite de Zelensky à Paris'] },
        entities: ['emmanuel-macron', 'volodymyr-zelensky', 'france', 'ukraine'],
        source: src,
      },
      {
        id: 'macron-zelensky-kyiv',
        kind: 'summit',
        date: '2023-10-03',
        title: { fr: 'Visite à Kiev', en: 'Kyiv visit' },
        phrases: { fr: ['visite de Macron à Kiev'] },
        entities: ['emmanuel-macron', 'volodymyr-zelensky'],
        source: src,
      },
      {
        id: 'trump-zelensky-washington',
        kind: 'negotiation',
        date: '2025-10-17',
        title: { fr: 'Rencontre à Washington', en: 'Washington meeting' },
        phrases: { fr: ['rencontre de Washington'] },
        entities: ['donald-trump', 'volodymyr-zelensky'],
        source: src,
      },
    ],
  }).events,
);

function run(body: string, names: [string, string][]) {
  const mentions = names.map(([text, id]) => person(body, text, id));
  return meetingConstraints(doc(body).sentences, mentions, meetingsKb);
}

describe('a meeting of the people a sentence names, in a month without its year', () => {
  it('resolves the month against the meetings of the knowledge base that involve both people', () => {
    const [c] = run("Emmanuel Macron et Volodymyr Zelensky s'étaient vus en mars à l'Élysée, rappelle la présidence.", [
      ['Emmanuel Macron', 'emmanuel-macron'],
      ['Volodymyr Zelensky', 'volodymyr-zelensky'],
    ]);
    expect(c.evidence.rule).toBe('meeting-past');
    expect(c.event?.id).toBe('macron-zelensky-paris');
    // After the meeting, and within a year of it (a month named without its year).
    expect(isoSet(c.set)).toEqual([['2024-03-14', '2025-03-14']]);
  });

  it('an announced meeting puts the article before it', () => {
    const [c] = run('Donald Trump doit recevoir Volodymyr Zelensky en octobre à la Maison-Blanche.', [
      ['Donald Trump', 'donald-trump'],
      ['Volodymyr Zelensky', 'volodymyr-zelensky'],
    ]);
    expect(c.evidence.rule).toBe('meeting-ahead');
    expect(isoSet(c.set)).toEqual([['2024-10-17', '2025-10-17']]);
  });

  it('a person named by title only is the one the article named with that title before', () => {
    const body =
      'Le président français, Emmanuel Macron, a reçu des industriels. Le président avait accueilli Volodymyr Zelensky en mars pour parler de défense aérienne.';
    const mentions = [person(body, 'Emmanuel Macron', 'emmanuel-macron'), person(body, 'Volodymyr Zelensky', 'volodymyr-zelensky')];
    const [c] = meetingConstraints(doc(body).sentences, mentions, meetingsKb);
    expect(c.event?.id).toBe('macron-zelensky-paris');
    expect(isoSet(c.set)).toEqual([['2024-03-14', '2025-03-14']]);
    // Without the earlier titled name, the title names nobody.
    const alone = 'Le président avait accueilli Volodymyr Zelensky en mars pour parler de défense aérienne.';
    expect(meetingConstraints(doc(alone).sentences, [person(alone, 'Volodymyr Zelensky', 'volodymyr-zelensky')], meetingsKb)).toEqual([]);
  });

  it('says nothing without a recorded meeting in that month, with one person only, or with the year written', () => {
    expect(
      run("Emmanuel Macron et Volodymyr Zelensky s'étaient rencontrés en juin.", [
        ['Emmanuel Macron', 'emmanuel-macron'],
        ['Volodymyr Zelensky', 'volodymyr-zelensky'],
      ]),
    ).toEqual([]);
    expect(run("Emmanuel Macron s'était rendu en mars à Kiev pour une rencontre.", [['Emmanuel Macron', 'emmanuel-macron']])).toEqual([]);
    expect(
      run("Emmanuel Macron et Volodymyr Zelensky s'étaient rencontrés en mars 2024.", [
        ['Emmanuel Macron', 'emmanuel-macron'],
        ['Volodymyr Zelensky', 'volodymyr-zelensky'],
      ]),
    ).toEqual([]);
  });
});

describe('a long article naming people in every sentence', () => {
  it('is read in time proportional to its length, with the same result as its first sentence alone', () => {
    const sentence = "Emmanuel Macron et Volodymyr Zelensky s'étaient vus en mars à l'Élysée. ";
    const count = 40_000;
    const body = sentence.repeat(count);
    const mentions = Array.from({ length: count }, (_, i) => [
      person(body, 'Emmanuel Macron', 'emmanuel-macron', i * sentence.length),
      person(body, 'Volodymyr Zelensky', 'volodymyr-zelensky', i * sentence.length),
    ]).flat();
    const sentences = doc(body).sentences;
    const t0 = performance.now();
    const constraints = meetingConstraints(sentences, mentions, meetingsKb);
    // Filtering every mention for every sentence took minutes at this size; now well under a second.
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(constraints).toHaveLength(count);
    expect(isoSet(constraints.at(-1)!.set)).toEqual(
      isoSet(
        run(sentence, [
          ['Emmanuel Macron', 'emmanuel-macron'],
          ['Volodymyr Zelensky', 'volodymyr-zelensky'],
        ])[0].set,
      ),
    );
  });
});
