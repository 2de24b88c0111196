/**
 * Vite's cache (its pre-bundled dependencies) in the build's own Astro cacheDir.
 *
 * Astro puts it in `<root>/node_modules/.vite/`, which every build of every checkout sharing
 * that node_modules (worktrees, tests, the benchmark) also uses. Vite keeps one set of
 * pre-bundled dependencies there, stamped with a hash of the config that made it (root, plugins,
 * resolve options…): a build with another config finds someone else's stamp, logs "Re-optimizing
 * dependencies because vite config has changed" and bundles them again — at every `astro sync`
 * when builds alternate — and two builds doing so at once write into the same folder. In the
 * build's own cacheDir (which the tests and the benchmark already keep per build), the bundle of
 * the last run is found and reused.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export default function viteCache(): AstroIntegration {
  return {
    name: 'arms-archive:vite-cache',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { cacheDir: fileURLToPath(new URL('vite/', config.cacheDir)) } });
      },
    },
  };
}
