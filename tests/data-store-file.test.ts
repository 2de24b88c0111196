/**
 * The build reads Astro's data store from its file (src/integrations/data-store-file.ts): the ids
 * and names it relies on are Astro's own, and the module it substitutes yields the store's value.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASTRO_CONTENT_PLUGIN, DATA_STORE_FILE, DATA_STORE_MODULE_ID, astroDevalue, dataStoreModuleCode } from '../src/integrations/data-store-file.ts';
import { ROOT } from './helpers/site.ts';

const astroDist = join(ROOT, 'node_modules/astro/dist/content');

describe('data store read from its file', () => {
  it("names Astro's own module, file and plugin", () => {
    const consts = readFileSync(join(astroDist, 'consts.js'), 'utf8');
    expect(consts).toContain(`const DATA_STORE_VIRTUAL_ID = "${DATA_STORE_MODULE_ID.slice(1)}"`);
    expect(consts).toContain('const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID');
    expect(consts).toContain(`const DATA_STORE_FILE = "${DATA_STORE_FILE}"`);
    expect(readFileSync(join(astroDist, 'vite-plugin-content-virtual-mod.js'), 'utf8')).toContain(`name: "${ASTRO_CONTENT_PLUGIN}"`);
    expect(readFileSync(join(ROOT, 'node_modules/astro/dist/core/build/incremental-metadata.js'), 'utf8')).toContain(
      'ASTRO_INCREMENTAL_META_KEY = "astroIncremental"',
    );
  });

  it('exports the store as Astro reads it from the file, unflattened when the module runs (paths with quotes or accents too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), "store l'été-"));
    try {
      const devalue = (await import(pathToFileURL(astroDevalue()).href)) as typeof import('devalue');
      const store = join(dir, DATA_STORE_FILE);
      // As Astro writes it (devalue), and as its runtime takes a Map (ImmutableDataStore.fromModule).
      const value = new Map([['articles', new Map([['caesar', { id: 'caesar', data: { title: 'Livraison de « Caesar »\n' } }]])]]);
      writeFileSync(store, devalue.stringify(value));
      const module = join(dir, 'module.mjs');
      writeFileSync(module, dataStoreModuleCode(store));
      expect(readFileSync(module, 'utf8')).not.toContain('Caesar');
      const exported = (await import(pathToFileURL(module).href)).default;
      expect(exported).toBeInstanceOf(Map);
      expect(exported).toEqual(value);
      expect(exported).toEqual(devalue.parse(readFileSync(store, 'utf8')));
      expect(readFileSync(join(astroDist, 'data-store.js'), 'utf8')).toContain('if (data.default instanceof Map) {');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
