/**
 * Pagefind indexing of a built site through its Node API (the same calls as
 * src/integrations/pagefind.ts), run alone so its time and memory are measured apart from Astro.
 *
 *   node scripts/bench/pagefind-worker.ts DIST [--max-fragments N]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'max-fragments': { type: 'string' } } });
const dist = positionals[0];
const started = performance.now();
try {
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: 'fr',
    ...(values['max-fragments'] ? { maxFragments: Number(values['max-fragments']) } : {}),
  } as pagefind.PagefindServiceConfig);
  if (!index || errors.length) throw new Error(`createIndex: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dist });
  if (added.errors.length) throw new Error(`addDirectory: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
  if (written.errors.length) throw new Error(`writeFiles: ${written.errors.join('; ')}`);
  console.log(JSON.stringify({ pages: added.page_count, ms: performance.now() - started }));
} finally {
  await pagefind.close();
}
