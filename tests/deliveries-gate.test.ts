/**
 * The cue gate (deliveries/cues.ts) only skips work: a cue whose required words are absent from a
 * sentence cannot match it. These tests check that property where it matters — gated and ungated
 * extraction give identical deliveries — on the seeds, the evaluation articles and a synthetic
 * corpus of several thousand generated sentences built to stress word boundaries (elisions,
 * hyphens, accents, capitals, cue words out of place).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';
import { foldKeep } from '../src/lib/extract/text/fold.ts';
import { extractFromBytes, extractText } from '../src/lib/extract/pipeline.ts';
import { segmentText } from '../src/lib/extract/segment.ts';
import { extractDeliveries } from '../src/lib/extract/deliveries.ts';
import { CUES, findCues } from '../src/lib/extract/deliveries/cues.ts';
import { CUE_TABLE } from '../src/lib/extract/deliveries/cue-table.ts';
import type { ExtractionResult } from '../src/lib/extract/types.ts';
import { prng } from '../scripts/bench/corpus.ts';

const cg = getDefaultCompiledGazetteer();
const ROOT = join(import.meta.dirname, '..');

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .map((f) => join(dir, f));
}

/** Seeds and every evaluation article (seed split, unseen split, holdout). */
const ARTICLE_FILES = [...filesIn(join(ROOT, 'seeds')), ...filesIn(join(ROOT, 'tests/eval'))].filter((f) => !f.endsWith('README.md'));

const SUBJECTS = [
  'La France',
  'Paris',
  "L'Allemagne",
  'Berlin',
  'Les États-Unis',
  'Washington',
  'Le Pentagone',
  "L'Élysée",
  'Les Pays-Bas et le Danemark',
  'Le Royaume-Uni',
  'Londres',
  "L'Iran",
  'Téhéran',
  'La Corée du Nord',
  'Emmanuel Macron',
  'Olaf Scholz',
  'Le gouvernement français',
  'Les autorités allemandes',
  'Kiev',
  "L'Ukraine",
  'La Pologne, la Norvège et la Suède',
  'Ils',
  'Elle',
];
const VERBS = [
  'a livré',
  'ont livré',
  'a déjà livré',
  "a d'ores et déjà livré",
  'va livrer',
  'vont fournir',
  'livrera',
  'enverra',
  'a promis',
  'a promis à Kiev',
  "s'est engagé à livrer",
  'se préparent à livrer',
  'a annoncé la livraison de',
  "a annoncé l'envoi de",
  'pourrait envoyer',
  "n'exclut pas de livrer",
  'envisage de céder',
  'refuse de livrer',
  "n'a pas livré",
  'ne livrera pas',
  'a reçu',
  'a demandé',
  'réclame',
  'produit',
  'fabrique',
  'a tiré',
  'utilise',
  'doit livrer',
  'devrait livrer',
  'prévoit de fournir',
  'a décidé de livrer',
  'a confirmé la livraison de',
  'fournit',
  'transfèrent',
  'cèdent',
  'livrait',
  'a exporté',
  'a autorisé',
];
const QUANTITIES = ['', 'des', 'douze', '40', 'une vingtaine de', 'des centaines de', 'plusieurs', 'ses', 'leurs', '2.700', 'trois autres'];
const NOUNS = ['', 'missiles', 'chars', 'obusiers', 'avions de combat', 'systèmes de défense aérienne', 'lance-roquettes', 'drones', 'véhicules blindés'];
const WEAPONS = [
  'Scalp',
  'Storm Shadow',
  'Caesar',
  'César',
  'Leopard 2',
  'Léopard',
  'Patriot',
  'HIMARS',
  'Himars',
  'F-16',
  'Mirage 2000-5',
  'Strela',
  'Gepard',
  'Guépard',
  'Shahed-136',
  'Fath-360',
  'KN-23',
  'MiG-29',
  'S-300',
  'Osa',
  'NASAMS',
  'Aspide',
  'Abrams',
  'Javelin',
  'Mistral',
  'Crotale',
  'AMX-10RC',
  'Marder',
];
const TAILS = [
  '',
  "à l'Ukraine",
  'à Kiev',
  'à Kyiv',
  'aux forces ukrainiennes',
  'à la Russie',
  'à Moscou',
  'par la France',
  "par l'Allemagne et les Pays-Bas",
  'en provenance de Pologne',
  'de la part des États-Unis',
  "d'ici la fin de l'année",
  "l'an prochain",
  ', a annoncé le Pentagone',
  ', a indiqué le ministre',
  ', selon Washington',
  'livrés à Kiev',
  ', que Londres a déjà fournis',
  'et des Crotale',
];
/** Every word the cue table knows, as written, to appear out of place and cut by punctuation. */
const TABLE_WORDS = [...new Set(CUE_TABLE.flatMap((c) => c.forms.flat().flatMap((s) => s.words)))].filter((word) => /^[\p{L}' -]+$/u.test(word));
const NOISE = [
  ...TABLE_WORDS,
  "l'",
  "d'",
  "qu'",
  'que',
  ';',
  ':',
  ',',
  '«',
  '»',
  '-',
  'aujourd\u2019hui',
  'lance-roquettes',
  'Œuvre',
  'cœur',
  'A',
  'À',
  'a-t-il',
  'ÉTÉ',
  'LIVRÉS',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function sentence(r: () => number): string {
  const parts = [pick(r, SUBJECTS), pick(r, VERBS), pick(r, QUANTITIES), pick(r, NOUNS), pick(r, WEAPONS)];
  if (r() < 0.3) parts.push('et', pick(r, WEAPONS));
  parts.push(pick(r, TAILS));
  // Cue words out of place, sometimes glued to punctuation or to an apostrophe.
  const noise = Math.floor(r() * 4);
  for (let i = 0; i < noise; i++) {
    const at = Math.floor(r() * (parts.length + 1));
    const word = pick(r, NOISE);
    parts.splice(at, 0, r() < 0.2 ? word.toUpperCase() : r() < 0.2 ? `${word}'` : word);
  }
  const text = parts.filter(Boolean).join(' ').replace(/\s+,/g, ',');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** Several thousand generated sentences, as articles of eight sentences with a headline. */
function syntheticArticles(count: number, seed: number): string[] {
  const r = prng(seed);
  const out: string[] = [];
  for (let a = 0; a < count; a++) {
    const title = sentence(r).replace(/\.$/, '');
    const body = Array.from({ length: 8 }, () => sentence(r)).join(' ');
    out.push(`${title}\n\n${body}\n`);
  }
  return out;
}

/** Deliveries of an extraction result recomputed from its body, mentions and headline, gated or not. */
function deliveriesOf(r: ExtractionResult, ungated: boolean) {
  const doc = segmentText(r.body);
  return extractDeliveries(doc, r.mentions, cg, { title: r.titleGenerated ? null : r.title, ungated });
}

function expectGateNeutral(r: ExtractionResult, label: string): void {
  // The recomputation is the pipeline's own (same doc, same mentions).
  expect(deliveriesOf(r, false), `${label}: recomputed`).toEqual(r.deliveries);
  expect(deliveriesOf(r, true), `${label}: ungated`).toEqual(r.deliveries);
  for (const s of [r.title, ...segmentText(r.body).sentences.map((x) => x.text)]) {
    const fs = foldKeep(s);
    expect(findCues(fs, true), `${label}: cues of "${s}"`).toEqual(findCues(fs, false));
  }
}

describe('delivery cue gate', () => {
  it('is derived from the cue table: one compiled cue per entry, no bit mask to overflow', () => {
    expect(CUES.map((c) => c.rule)).toEqual(CUE_TABLE.map((e) => e.rule));
    expect(new Set(CUES.map((c) => c.rule)).size).toBe(CUES.length);
    for (const c of CUES) expect(c.gate.length, c.rule).toBeGreaterThan(0);
  });

  it('gives identical deliveries gated and ungated on the seeds and the evaluation articles', () => {
    expect(ARTICLE_FILES.length).toBeGreaterThan(20);
    let withDeliveries = 0;
    for (const file of ARTICLE_FILES) {
      const r = extractFromBytes(readFileSync(file), file, cg);
      if (r.deliveries.length > 0) withDeliveries++;
      expectGateNeutral(r, file);
    }
    expect(withDeliveries).toBeGreaterThan(10);
  });

  it('gives identical deliveries gated and ungated on several thousand generated sentences', () => {
    const articles = syntheticArticles(500, 12);
    let deliveries = 0;
    for (const [i, text] of articles.entries()) {
      const r = extractText(text, `synthetic-${i}.txt`, cg);
      deliveries += r.deliveries.length;
      expectGateNeutral(r, `synthetic ${i}`);
    }
    // The corpus exercises the extractor, not just empty sentences.
    expect(deliveries).toBeGreaterThan(1000);
  });
});
