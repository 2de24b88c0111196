/**
 * Keeps Astro's content data store out of the build's server bundle.
 *
 * Astro hands the store to the pages through a virtual module whose code, in a build, is the
 * whole store file as one string literal (`export default JSON.parse("…")`). At 10,000 articles
 * that file is 138 MB: the build process escapes it, Rolldown parses, bundles and writes it, and
 * the prerender step compiles the written chunk before parsing the JSON again. That was the build
 * process's peak (about 3 GB RSS at 10,000 articles, growing with every article) before a single
 * page was rendered. In a static build the bundle runs once, on this machine, right after it is
 * written, so the module can read the same file at run time instead: same value, same parse
 * (Astro unflattens it as before), without the copies. Development (`astro dev`) keeps Astro's
 * own module (it watches and invalidates it).
 *
 * The module also unflattens the store itself (devalue's format, as Astro writes it) and exports
 * the resulting Map, which Astro's runtime takes as it is (ImmutableDataStore.fromModule). Astro's
 * own module exports the flat array and unflattens it in the runtime, and the module's namespace
 * keeps that array alive for the whole build: at 10,000 articles 80 MB of heap (one index object
 * and one index array per stored object) beside the 175 MB of the store itself.
 */
import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Astro's virtual module of the data store, as resolved (astro/dist/content/consts.js). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';
/** The store file in a build: `<cacheDir>/data-store.json` (astro/dist/content/paths.js). */
export const DATA_STORE_FILE = 'data-store.json';
/** The Astro plugin that loads it. */
export const ASTRO_CONTENT_PLUGIN = 'astro-content-virtual-mod-plugin';

/** devalue as Astro resolves it: the same code that wrote the store file reads it. */
export function astroDevalue(): string {
  const astro = createRequire(import.meta.url).resolve('astro/package.json');
  return createRequire(astro).resolve('devalue');
}

/** The module's code: the store file read, parsed and unflattened when the bundle runs. */
export function dataStoreModuleCode(storeFile: string, devalue = astroDevalue()): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `import { unflatten } from ${JSON.stringify(devalue)};`,
    `export default unflatten(JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8')));`,
    '',
  ].join('\n');
}

export default function dataStoreFile(): AstroIntegration {
  return {
    name: 'arms-archive:data-store-file',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build' || config.output !== 'static') return;
        const storeFile = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'arms-archive:data-store-file',
                // Astro's content plugin loads the module first (both run 'pre', Astro's earlier), so
                // its loader is wrapped here, before Vite builds its plugin pipeline.
                configResolved(resolved) {
                  const astro = resolved.plugins.find((plugin) => plugin.name === ASTRO_CONTENT_PLUGIN);
                  const load = astro?.load;
                  if (!load || typeof load !== 'object' || typeof load.handler !== 'function') {
                    throw new Error(`data-store-file: Astro's ${ASTRO_CONTENT_PLUGIN} plugin or its load hook was not found (Astro upgrade?)`);
                  }
                  const handler = load.handler;
                  load.handler = function (this: unknown, id: string, ...rest: unknown[]) {
                    if (id === DATA_STORE_MODULE_ID) {
                      // Astro's marker keeps the store out of incremental builds' code hashes, as before.
                      return { code: dataStoreModuleCode(storeFile), map: { mappings: '' }, meta: { astroIncremental: { kind: 'content-data' } } };
                    }
                    return (handler as (...args: unknown[]) => unknown).call(this, id, ...rest);
                  } as typeof load.handler;
                },
              },
            ],
          },
        });
      },
    },
  };
}
