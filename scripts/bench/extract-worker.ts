/**
 * Extraction throughput on one core, in-process: reads the seeds into memory, compiles the
 * gazetteer once, then loops extractSeed over the corpus `runs` times. Prints JSON
 * { articles, runs: [ms…], medianMs, articlesPerSecond }.
 *
 *   node scripts/bench/extract-worker.ts SEEDS_DIR [--runs 5] [--limit 1000]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractSeed } from '../../src/lib/extract/pipeline.ts';
import { getDefaultCompiledGazetteer } from '../../src/lib/gazetteer/load.ts';
import { median } from './measure.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' }, limit: { type: 'string', default: '1000' } } });
const dir = positionals[0];
const names = readdirSync(dir).sort().slice(0, Number(values.limit));
const seeds = names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
const cg = getDefaultCompiledGazetteer();
const runs: number[] = [];
/** CPU time of each loop: on a loaded machine, wall time overstates the cost. */
const cpuRuns: number[] = [];
let rejected = 0;
for (let run = 0; run < Number(values.runs); run++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const seed of seeds) if (!extractSeed(seed.bytes, seed.name, cg).ok) rejected++;
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
