/**
 * Where the site is published (SITE_URL, BASE_PATH) and URLs that moved: validated in
 * one place with one message naming the variable; a path in SITE_URL is kept; an old article URL
 * becomes a static redirect page built by Astro from the slug map.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployTarget, DeployConfigError } from '../src/lib/site/deploy.ts';
import { astroBuild, ROOT, withBuildLock } from './helpers/site.ts';

const NODE = join(ROOT, 'node_modules/.bin/node');

describe('SITE_URL and BASE_PATH', () => {
  it('keeps the path of SITE_URL as the base', () => {
    expect(deployTarget({ SITE_URL: 'https://example.org/archive' })).toEqual({ site: 'https://example.org', base: '/archive/' });
    expect(deployTarget({ SITE_URL: 'https://example.org/archive/', BASE_PATH: 'archive' })).toEqual({ site: 'https://example.org', base: '/archive/' });
    expect(deployTarget({ SITE_URL: 'https://example.org', BASE_PATH: '/a/b/' })).toEqual({ site: 'https://example.org', base: '/a/b/' });
    expect(deployTarget({})).toEqual({ site: 'http://localhost:4321', base: '/' });
  });

  it('refuses a path that climbs out, an invalid URL, and disagreeing paths, naming the variable', () => {
    const error = (env: Record<string, string>) => {
      try {
        deployTarget(env);
      } catch (e) {
        expect(e).toBeInstanceOf(DeployConfigError);
        return (e as Error).message;
      }
      throw new Error(`accepted ${JSON.stringify(env)}`);
    };
    expect(error({ BASE_PATH: '../..' })).toMatch(/^BASE_PATH must be a URL path/);
    expect(error({ BASE_PATH: 'a//b' })).toMatch(/^BASE_PATH/);
    expect(error({ BASE_PATH: '/a?b' })).toMatch(/^BASE_PATH/);
    expect(error({ SITE_URL: 'exemple.org' })).toMatch(/^SITE_URL is not a valid absolute URL/);
    expect(error({ SITE_URL: 'javascript:alert(1)' })).toMatch(/^SITE_URL must be an http\(s\) URL/);
    expect(error({ SITE_URL: 'https://e.org/?q=1' })).toMatch(/^SITE_URL must not carry/);
    expect(error({ SITE_URL: 'https://e.org/a', BASE_PATH: '/b/' })).toMatch(/SITE_URL's path \(\/a\/\) and BASE_PATH \(\/b\/\) disagree/);
  });

  it('stops the Astro config with one line naming the variable, no stack trace', () => {
    for (const [name, env] of [
      ['SITE_URL', { SITE_URL: 'pas une url' }],
      ['BASE_PATH', { BASE_PATH: '../..' }],
    ] as const) {
      const run = spawnSync(NODE, ['--input-type=module', '-e', "await import('./astro.config.mjs')"], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^astro.config: ${name}`));
    }
  });
});

describe('a site under SITE_URL with a path, where an article moved', () => {
  it('keeps the path in canonical URLs and builds a redirect page for the old URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arms-redirect-'));
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    const body =
      "Paris livre des Caesar\n\nParis a annoncé jeudi 18 janvier 2024 l'envoi de six canons Caesar à l'Ukraine.\n\nLa livraison aura lieu au printemps, selon le ministère.\n";
    writeFileSync(join(seeds, 'a.txt'), body);
    const ingest = () =>
      spawnSync(NODE, ['scripts/ingest.ts', '--seeds', seeds, '--out', join(dir, 'content'), '--report', join(dir, 'r.json'), '--no-cache'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    expect(ingest().status).toBe(0);
    writeFileSync(join(seeds, 'a.txt'), `---\nslug: caesar-pour-kyiv\n---\n${body}`);
    expect(ingest().status).toBe(0);
    const dist = join(dir, 'dist');
    await withBuildLock(() => astroBuild(join(dir, 'content'), dist, { SITE_URL: 'https://example.org/archive' }));
    const article = readFileSync(join(dist, 'articles/caesar-pour-kyiv/index.html'), 'utf8');
    expect(article).toContain('<link rel="canonical" href="https://example.org/archive/articles/caesar-pour-kyiv/">');
    const redirect = readFileSync(join(dist, 'articles/paris-livre-des-caesar/index.html'), 'utf8');
    expect(redirect).toMatch(/<meta http-equiv="refresh" content="0;url=\/archive\/articles\/caesar-pour-kyiv\/">/);
    expect(redirect).toContain('<link rel="canonical" href="https://example.org/archive/articles/caesar-pour-kyiv/">');
  }, 300_000);
});
