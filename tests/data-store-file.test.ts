/**
 * The build reads Astro's data store from its file (src/integrations/data-store-file.ts): the ids
 * and names it relies on are Astro's own, and the module it substitutes yields the store's value.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASTRO_CONTENT_PLUGIN, DATA_STORE_FILE, DATA_STORE_MODULE_ID, dataStoreModuleCode } from '../src/integrations/data-store-file.ts';
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

  it('exports what the store file holds, read when the module runs (paths with quotes or accents too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), "store l'été-"));
    try {
      const store = join(dir, DATA_STORE_FILE);
      const value = [['Map', 1, 2], 'articles', { title: 'Livraison de « Caesar »\n' }];
      writeFileSync(store, JSON.stringify(value));
      const module = join(dir, 'module.mjs');
      writeFileSync(module, dataStoreModuleCode(store));
      expect(readFileSync(module, 'utf8')).not.toContain('Caesar');
      expect((await import(pathToFileURL(module).href)).default).toEqual(value);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
