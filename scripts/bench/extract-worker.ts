/**
 * Extraction throughput on one core, in-process: reads the seeds into memory (or generates them),
 * compiles the gazetteer once, makes one untimed warm-up pass, then loops extractSeed over the
 * corpus `runs` times. Prints JSON
 * { articles, bytes, runs: [ms…], medianMs, articlesPerSecond, cpuRuns, medianCpuMs, articlesPerCpuSecond, rejected }.
 *
 *   node scripts/bench/extract-worker.ts SEEDS_DIR [--runs 5] [--limit 1000]
 *   node scripts/bench/extract-worker.ts --generate 1000 [--bytes 2800-3300] [--seed 2] [--runs 5]
 *
 * --generate N: N synthetic articles made in memory (scripts/bench/corpus.ts), by default of
 * ~3 KB (EXTRACT_3KB), the size the throughput target is stated for; --bytes MIN-MAX another size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractSeed } from '../../src/lib/extract/pipeline.ts';
import { getDefaultCompiledGazetteer } from '../../src/lib/gazetteer/load.ts';
import { getDatingContext } from '../../src/lib/events/load.ts';
import { EXTRACT_3KB, generateCorpus } from './corpus.ts';
import { median } from './measure.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5' },
    limit: { type: 'string', default: '1000' },
    generate: { type: 'string' },
    bytes: { type: 'string' },
    seed: { type: 'string', default: '2' },
  },
});

function loadSeeds(): { name: string; bytes: Uint8Array }[] {
  if (values.generate) {
    const [minBytes, maxBytes] = values.bytes ? values.bytes.split('-').map(Number) : [EXTRACT_3KB.minBytes, EXTRACT_3KB.maxBytes];
    const files = generateCorpus({ count: Number(values.generate), seed: Number(values.seed), minBytes, maxBytes });
    return files.map((f) => ({ name: f.name, bytes: Buffer.from(f.text) }));
  }
  const dir = positionals[0];
  if (!dir) throw new Error('usage: extract-worker.ts SEEDS_DIR | --generate N');
  const names = readdirSync(dir).sort().slice(0, Number(values.limit));
  return names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

const seeds = loadSeeds();
const cg = getDefaultCompiledGazetteer();
const dating = getDatingContext();
// One untimed pass first: the runs measure steady-state throughput, not JIT warm-up.
for (const seed of seeds) extractSeed(seed.bytes, seed.name, cg, dating);
const runs: number[] = [];
/** CPU time of each loop: on a loaded machine, wall time overstates the cost. */
const cpuRuns: number[] = [];
let rejected = 0;
for (let run = 0; run < Number(values.runs); run++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const seed of seeds) if (!extractSeed(seed.bytes, seed.name, cg, dating).ok) rejected++;
  runs.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuRuns.push((used.user + used.system) / 1000);
}
const medianMs = median(runs);
const medianCpuMs = median(cpuRuns);
console.log(
  JSON.stringify({
    articles: seeds.length,
    bytes: seeds.reduce((n, s) => n + s.bytes.length, 0),
    runs,
    medianMs,
    articlesPerSecond: (seeds.length / medianMs) * 1000,
    cpuRuns,
    medianCpuMs,
    articlesPerCpuSecond: (seeds.length / medianCpuMs) * 1000,
    rejected,
  }),
);
