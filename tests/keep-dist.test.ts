/**
 * src/integrations/keep-dist.ts: what an incremental build prunes from a kept dist/, and when it
 * keeps dist/ at all. The whole build is proven byte-identical to a cold one in
 * tests/incremental-build.test.ts; here, the edges: links, folders outside dist/, foreign files.
 */
import { existsSync, lutimesSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptSince, pruneStale } from '../src/integrations/keep-dist.ts';

let tmp: string;
let dist: string;
const OLD = new Date('2026-01-01T00:00:00Z');
const SINCE = new Date('2026-01-02T00:00:00Z').getTime();

/** Writes a file, dated `old` (before SINCE) or now. */
function file(path: string, old = true): void {
  const full = join(dist, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, path);
  if (old) utimesSync(full, OLD, OLD);
}

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'keep-dist-'));
  dist = join(tmp, 'dist');
  mkdirSync(dist);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('pruneStale', () => {
  it('deletes old files not kept, keeps new and kept ones, removes emptied folders', () => {
    file('articles/a/index.html');
    file('articles/gone/index.html');
    file('_astro/old.abc.css');
    file('_astro/new.def.css', false);
    file('sitemap-0.xml', false);
    const pruned = pruneStale(dist, SINCE, new Set([join('articles', 'a', 'index.html')]));
    expect(pruned).toEqual([join('_astro', 'old.abc.css'), join('articles', 'gone', 'index.html')]);
    expect(existsSync(join(dist, 'articles/gone'))).toBe(false);
    expect(readdirSync(join(dist, 'articles'))).toEqual(['a']);
    expect(readdirSync(join(dist, '_astro'))).toEqual(['new.def.css']);
  });

  it('leaves the search index and .git alone', () => {
    file('pagefind/pagefind.js');
    file('pagefind-shards/x.pf_index');
    file('.git/HEAD');
    expect(pruneStale(dist, SINCE, new Set())).toEqual([]);
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(dist, 'pagefind-shards/x.pf_index'))).toBe(true);
    expect(existsSync(join(dist, '.git/HEAD'))).toBe(true);
  });

  it('never follows a link: a stale link is removed, not what it points to', () => {
    const outside = join(tmp, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'old.txt'), 'x');
    utimesSync(join(outside, 'old.txt'), OLD, OLD);
    symlinkSync(outside, join(dist, 'linked-dir'));
    symlinkSync(join(outside, 'old.txt'), join(dist, 'linked-file'));
    // Links are dated by themselves (lstat): new links are this build's, whatever they point to.
    expect(pruneStale(dist, SINCE, new Set())).toEqual([]);
    lutimesSync(join(dist, 'linked-dir'), OLD, OLD);
    lutimesSync(join(dist, 'linked-file'), OLD, OLD);
    expect(pruneStale(dist, SINCE, new Set())).toEqual(['linked-dir', 'linked-file']);
    expect(readdirSync(dist)).toEqual([]);
    expect(readdirSync(outside)).toEqual(['old.txt']);
  });
});

describe('keptSince', () => {
  const marker = () => join(tmp, 'keep-dist.json');

  it('keeps dist/ only after a finished incremental build into the same folder, unchanged since', () => {
    file('index.html');
    expect(keptSince(dist, marker()).since).toBeNull();
    writeFileSync(marker(), JSON.stringify({ outDir: join(tmp, 'elsewhere') }));
    expect(keptSince(dist, marker())).toMatchObject({ since: null, why: expect.stringContaining('elsewhere') });
    writeFileSync(marker(), JSON.stringify({ outDir: dist }));
    expect(keptSince(dist, marker()).since).toBeGreaterThan(0);
    // A file written after the marker (a cold build into the same dist/, a hand edit): not kept.
    const later = new Date(Date.now() + 60_000);
    file('articles/a/index.html', false);
    utimesSync(join(dist, 'articles/a/index.html'), later, later);
    expect(keptSince(dist, marker())).toMatchObject({ since: null, why: expect.stringContaining('index.html') });
    // The search index is rewritten after the marker by its own integration: not a change.
    rmSync(join(dist, 'articles'), { recursive: true });
    file('pagefind/pagefind.js', false);
    utimesSync(join(dist, 'pagefind/pagefind.js'), later, later);
    expect(keptSince(dist, marker()).since).toBeGreaterThan(0);
  });
});
