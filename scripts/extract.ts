/**
 * npm run --silent extract -- FILE...  → prints one JSON array, an object per file:
 * {file, title, source, date, countries, people, organizations, weapons, deliveries, warnings}.
 * A file that cannot be read or is rejected yields {file, error} and a non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { extractSeed } from '../src/lib/extract/pipeline.ts';
import { getDefaultCompiledGazetteer } from '../src/lib/gazetteer/load.ts';
import { getDatingContext } from '../src/lib/events/load.ts';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('usage: npm run --silent extract -- FILE...');
  process.exit(2);
}
const cg = getDefaultCompiledGazetteer();
// Events knowledge base + archive period ending on the build day (SOURCE_DATE_EPOCH, else today UTC).
let dating: ReturnType<typeof getDatingContext>;
try {
  dating = getDatingContext();
} catch (error) {
  // A bad events file or build day stops everything, naming the file and the field.
  console.error(`extract: ${(error as Error).message}`);
  process.exit(2);
}
let failed = false;
const output = files.map((file) => {
  try {
    const outcome = extractSeed(readFileSync(file), file, cg, dating);
    if (!outcome.ok) {
      failed = true;
      return { file, error: outcome.reason };
    }
    const r = outcome.result;
    return {
      file,
      title: r.title,
      source: r.source,
      date: {
        value: r.date.value,
        earliest: r.date.earliest,
        latest: r.date.latest,
        precision: r.date.precision,
        basis: r.date.basis,
        evidence: r.date.evidence,
        ...(r.date.archive && { archive: r.date.archive }),
      },
      countries: r.countries,
      people: r.people,
      organizations: r.organizations,
      weapons: r.weapons,
      deliveries: r.deliveries,
      newNames: r.newNames,
      warnings: r.warnings.map((w) => w.reason),
    };
  } catch (error) {
    failed = true;
    return { file, error: (error as Error).message };
  }
});
process.stdout.write(JSON.stringify(output, null, 2) + '\n');
if (failed) process.exitCode = 1;
