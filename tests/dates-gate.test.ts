/**
 * The word gate of the date rules (gate.ts) is derived from the rule modules' own word lists and
 * must never change a result: gated and ungated inference agree on the seeds, the evaluation
 * articles and a synthetic corpus of a few thousand generated documents.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { G_ALL, G_DERNI, G_EVENT, G_MONTH, G_RELATIVE, G_YEAR, markerWord, sentenceGates } from '../src/lib/extract/dates/gate.ts';
import { RELATIVE_MARKERS, HAS_RELATIVE_RE } from '../src/lib/extract/dates/events.ts';
import { DERNIER_MARKER, HAS_MONTH_RE, MONTH_PREFIXES } from '../src/lib/extract/dates/yearless.ts';
import { MONTHS } from '../src/lib/extract/dates/calendar.ts';
import { collectConstraints, inferDate, type DatingContext } from '../src/lib/extract/dates/index.ts';
import { compileKb } from '../src/lib/extract/dates/kb.ts';
import { extractText } from '../src/lib/extract/pipeline.ts';
import { segmentText } from '../src/lib/extract/segment.ts';
import { normalizeText } from '../src/lib/extract/normalize.ts';
import { splitSeedFrontmatter } from '../src/lib/extract/seed-frontmatter.ts';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';
import { loadEvents, organizationNames } from '../src/lib/events/load.ts';
import { foldKeep } from '../src/lib/extract/dates/text.ts';
import { dating, doc, gazetteer, kb } from './dates-fixtures.ts';

const ROOT = join(import.meta.dirname, '..');

describe('per-sentence word gate of the date rules', () => {
  it('sets the bit of each rule family whose words a sentence holds', () => {
    const d = doc(
      "Deux ans après l'invasion, Kiev a reçu des obus. Le 18 août dernier, la coalition des volontaires s'est réunie. En 2023, rien. Il y a un jour.",
    );
    const gates = sentenceGates(d, d.sentences, gazetteer(), kb());
    expect([...gates]).toEqual([G_RELATIVE | G_EVENT, G_MONTH | G_DERNI | G_EVENT, G_YEAR, G_RELATIVE]);
  });

  it('lets every sentence through when sentences are not spans of the body in order', () => {
    const d = doc('Une phrase. Une autre.');
    const swapped = [d.sentences[1], d.sentences[0]];
    expect([...sentenceGates(d, swapped, gazetteer(), kb())]).toEqual([G_ALL, G_ALL]);
  });

  it('takes its words from the rule modules: a marker added there is gated without touching gate.ts', () => {
    // Each prefilter is built from the list the gate reads.
    for (const m of RELATIVE_MARKERS) expect(HAS_RELATIVE_RE.test(`x ${m} x`)).toBe(true);
    expect(RELATIVE_MARKERS.map(markerWord)).toEqual(['apres', 'avant', 'depuis', 'il', 'anniversaire', 'jour']);
    for (const name of Object.keys(MONTHS)) {
      expect(HAS_MONTH_RE.test(`le 1er ${name}`)).toBe(true);
      expect(MONTH_PREFIXES.some((p) => foldKeep(name).startsWith(p))).toBe(true);
    }
    expect('dernière'.startsWith(DERNIER_MARKER) && 'dernier'.startsWith(DERNIER_MARKER)).toBe(true);
    // Gate words of the knowledge base come from its phrases: a new phrase is gated by its own word.
    const extra = compileKb([
      {
        id: 'x-event',
        kind: 'summit',
        date: '2024-05-05',
        title: { fr: 'Sommet de Zzyzx', en: 'Zzyzx summit' },
        phrases: { fr: ['sommet de Zzyzxbourg'], en: [] },
        entities: [],
        existsSince: false,
        source: { url: 'https://example.org/x', title: 'Ref' },
      },
    ]);
    const d = doc('Le sommet de Zzyzxbourg eut lieu. Rien ici.');
    expect([...sentenceGates(d, d.sentences, gazetteer(), extra)]).toEqual([G_EVENT, 0]);
  });

  it('finds the same constraints as the ungated rules on accented and upper-case words', () => {
    const d = doc("APRÈS le 24 février 2022, il a dit. Un an APRÈS L'INVASION, Kiev a reçu des chars. Le 3 MARS DERNIER, rien.");
    const { first } = collectConstraints(d, [], gazetteer(), dating());
    expect(first.map((c) => c.evidence.rule).sort()).toEqual(['anchor-relative', 'explicit-date'].sort());
  });
});

/* ---------- property: gated = ungated ---------- */

const cg = getDefaultCompiledGazetteer();
const realKb: DatingContext = { kb: compileKb(loadEvents(), organizationNames()), period: { from: '2014-01-01', to: '2026-06-30' }, focusFrom: '2022-02-24' };

function sameWithAndWithoutGate(text: string, file: string, ctx: DatingContext): void {
  const r = extractText(text, file, cg, {}, ctx);
  const d = segmentText(r.body);
  const opts = { dating: ctx, deliveries: r.deliveries };
  const gated = inferDate(d, r.mentions, cg, opts);
  const ungated = inferDate(d, r.mentions, cg, { ...opts, ungated: true });
  expect(gated, file).toEqual(ungated);
}

function articleTexts(dir: string): [string, string][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .map((f): [string, string] => {
      const raw = readFileSync(join(dir, f), 'utf8');
      return [f, normalizeText(splitSeedFrontmatter(raw, f).content)];
    });
}

/** Deterministic generator (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = {
  lead: [
    'Le ministre a annoncé',
    'Kiev a reçu',
    'Les alliés ont promis',
    'La France va livrer',
    'Berlin livrera',
    "L'armée a confirmé",
    'Selon Reuters,',
    'Il a été souligné',
  ],
  time: [
    'mardi',
    'ce mercredi',
    'jeudi soir',
    'hier jeudi',
    'le 18 août dernier',
    'le 1er mars',
    'le 23 mai',
    'lundi 19 juin',
    'en février dernier',
    'le 24 février 2022',
    'en septembre 2023',
    'depuis 2014',
    "d'ici 2026",
    'en 2024',
    'il y a deux ans',
    'la semaine dernière',
    'Après le 3 MARS',
    'le 3 MARS DERNIER',
    'Le 1ER AOÛT',
  ],
  event: [
    "près de deux ans après le début de l'invasion",
    "au 100e jour de l'invasion",
    'lors du sommet de Vilnius',
    "au premier jour du sommet de l'Otan",
    'avant le sommet de Washington',
    'la coalition des volontaires',
    "à l'approche du sommet de l'OTAN",
    'depuis la réunion de Ramstein',
    "le deuxième anniversaire de l'invasion",
    'la prise de Bakhmout',
    'la mutinerie de Wagner',
    "l'opération militaire spéciale",
    'un an APRÈS L’INVASION',
    'le format Ramstein',
  ],
  object: ['des obus', 'des chars Leopard 2', 'des missiles Scalp', 'des F-16', 'des systèmes Patriot', 'des Caesar', 'des munitions', 'des blindés'],
  tail: ["à l'Ukraine", 'à Kiev', 'aux forces ukrainiennes', ''],
};

function synthetic(n: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const sentences: string[] = [];
    const count = 1 + Math.floor(r() * 5);
    for (let k = 0; k < count; k++) {
      const parts = [pick(PIECES.lead), r() < 0.6 ? pick(PIECES.time) : '', pick(PIECES.object), pick(PIECES.tail), r() < 0.5 ? `, ${pick(PIECES.event)}` : ''];
      if (r() < 0.3) parts.reverse();
      let s = parts.filter(Boolean).join(' ').replace(/\s+,/g, ',');
      if (r() < 0.1) s = s.toUpperCase();
      sentences.push(s.charAt(0).toUpperCase() + s.slice(1) + '.');
    }
    docs.push(sentences.join(r() < 0.5 ? ' ' : '\n\n'));
  }
  return docs;
}

describe('gated and ungated date inference give identical output', () => {
  it('on the seeds and the evaluation articles', () => {
    const sets = [join(ROOT, 'seeds'), join(ROOT, 'tests/eval/articles'), join(ROOT, 'tests/eval/holdout/articles')];
    let n = 0;
    for (const dir of sets) {
      for (const [file, text] of articleTexts(dir)) {
        sameWithAndWithoutGate(text, file, realKb);
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  it('on 3,000 generated documents (real knowledge base and fixture knowledge base)', () => {
    const docs = synthetic(3000, 20261202);
    docs.forEach((text, i) => sameWithAndWithoutGate(text, `synthetic-${i}`, i % 2 ? realKb : dating()));
  }, 120_000);
});
