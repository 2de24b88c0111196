import { describe, expect, it } from 'vitest';
import { G_ALL, G_DERNI, G_MONTH, G_RELATIVE, G_EVENT, G_YEAR, sentenceGates } from '../src/lib/extract/dates/gate.ts';
import { collectConstraints } from '../src/lib/extract/dates/index.ts';
import { dating, doc, gazetteer, kb } from './dates-fixtures.ts';

describe('per-sentence word gate of the date rules', () => {
  it('sets the bit of each rule family whose words a sentence holds', () => {
    const d = doc(
      "Deux ans après l'invasion, Kiev a reçu des obus. Le 18 août dernier, la coalition des volontaires s'est réunie. En 2023, rien. Il y a un jour.",
    );
    const gates = sentenceGates(d, d.sentences, gazetteer(), kb());
    expect(d.sentences.map((s) => s.text)).toEqual([
      "Deux ans après l'invasion, Kiev a reçu des obus.",
      "Le 18 août dernier, la coalition des volontaires s'est réunie.",
      'En 2023, rien.',
      'Il y a un jour.',
    ]);
    expect([...gates]).toEqual([G_RELATIVE | G_EVENT, G_MONTH | G_DERNI | G_EVENT, G_YEAR, G_RELATIVE]);
  });

  it('lets every sentence through when sentences are not spans of the body in order', () => {
    const d = doc('Une phrase. Une autre.');
    const swapped = [d.sentences[1], d.sentences[0]];
    expect([...sentenceGates(d, swapped, gazetteer(), kb())]).toEqual([G_ALL, G_ALL]);
  });

  it('finds the same constraints as the ungated rules on accented and upper-case words', () => {
    const d = doc("APRÈS le 24 février 2022, il a dit. Un an APRÈS L'INVASION, Kiev a reçu des chars. Le 3 MARS DERNIER, rien.");
    const { first } = collectConstraints(d, [], gazetteer(), dating());
    expect(first.map((c) => c.evidence.rule).sort()).toEqual(['anchor-relative', 'explicit-date'].sort());
  });
});
