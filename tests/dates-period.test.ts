/**
 * Every window is closed: the archive period (2014-01-01 → build day) bounds what the text does
 * not, the build day comes from SOURCE_DATE_EPOCH when set, and the CLI and the ingest use it.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { archivePeriodOf, buildDayOf } from '../src/lib/events/load.ts';
import { inferDate } from '../src/lib/extract/dates/index.ts';
import { dating, doc, gazetteer } from './dates-fixtures.ts';

const ROOT = join(import.meta.dirname, '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const cg = gazetteer();

describe('the archive period', () => {
  it('ends on the build day: SOURCE_DATE_EPOCH when set, else the UTC day of the clock', () => {
    expect(buildDayOf({ SOURCE_DATE_EPOCH: '1700000000' }, new Date('2030-01-01T00:00:00Z'))).toBe('2023-11-14');
    expect(buildDayOf({}, new Date('2025-03-04T23:59:00Z'))).toBe('2025-03-04');
    expect(() => buildDayOf({ SOURCE_DATE_EPOCH: 'yesterday' }, new Date())).toThrow(/SOURCE_DATE_EPOCH/);
    expect(archivePeriodOf({ SOURCE_DATE_EPOCH: '1700000000' }, new Date())).toEqual({ from: '2014-01-01', to: '2023-11-14' });
    expect(archivePeriodOf({ ARCHIVE_FROM: '2022-01-01', SOURCE_DATE_EPOCH: '1700000000' }, new Date())).toEqual({ from: '2022-01-01', to: '2023-11-14' });
    expect(() => archivePeriodOf({ ARCHIVE_FROM: '2024-01-01', SOURCE_DATE_EPOCH: '1700000000' }, new Date())).toThrow(/after the build day/);
  });

  it('is the whole answer, honestly labelled, when the text dates nothing', () => {
    const w = inferDate(doc("Les livraisons d'obus continuent, selon un responsable."), [], cg, { dating: dating('2026-06-30') });
    expect(w).toMatchObject({
      earliest: '2014-01-01',
      latest: '2026-06-30',
      precision: 'range',
      basis: 'period',
      archive: { from: '2014-01-01', to: '2026-06-30' },
    });
    expect(w.value! >= '2014-01-01' && w.value! <= '2026-06-30').toBe(true);
  });

  it("closes the side the text leaves open, and says which side is the archive's", () => {
    const w = inferDate(doc("La coalition des volontaires s'est réunie à Paris."), [], cg, { dating: dating('2026-06-30') });
    expect(w).toMatchObject({ earliest: '2025-03-02', latest: '2026-06-30', basis: 'inferred', archive: { from: '2014-01-01', to: '2026-06-30' } });
    expect(w.evidence[0]).toMatchObject({
      rule: 'event-exists',
      event: { id: 'coalition-of-the-willing', title: 'Coalition des volontaires', url: 'https://example.org/reference' },
    });
  });

  it('never dates an article after the build day nor before the period, whatever the text says', () => {
    const body = 'Le 12 mars 2031, les chars ont été livrés. Le 3 mai 2009, un accord a été signé.';
    const w = inferDate(doc(body), [], cg, { dating: dating('2026-06-30') });
    expect(w.latest).toBe('2026-06-30');
    expect(w.earliest! >= '2014-01-01').toBe(true);
    expect(w.value! <= '2026-06-30' && w.value! >= '2014-01-01').toBe(true);
    expect(w.evidence.filter((e) => e.rule === 'conflict').map((e) => e.text)).toEqual(['Le 12 mars 2031, les chars ont été livrés.']);
  });
});

describe('the scripts take the build day from SOURCE_DATE_EPOCH', () => {
  const work = mkdtempSync(join(tmpdir(), 'dates-period-'));
  const seeds = join(work, 'seeds');
  mkdirSync(seeds);
  const article = join(seeds, 'obus.txt');
  writeFileSync(article, "Des obus pour l'Ukraine\n\nLes livraisons d'obus continuent, a indiqué un responsable militaire.\n");
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };

  it('npm run extract', () => {
    const run = spawnSync(NODE, [join(ROOT, 'scripts/extract.ts'), article], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const [out] = JSON.parse(run.stdout);
    expect(out.date).toMatchObject({ earliest: '2014-01-01', latest: '2023-11-14', basis: 'period' });
  });

  it('the ingest, into the article frontmatter', () => {
    const out = join(work, 'content');
    const run = spawnSync(NODE, [join(ROOT, 'scripts/ingest.ts'), '--seeds', seeds, '--out', out, '--report', join(work, 'report.json')], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const [page] = readdirSync(out).filter((f) => f.endsWith('.mdx'));
    const mdx = readFileSync(join(out, page), 'utf8');
    const front = JSON.parse(mdx.split(/^---$/m)[1]);
    expect(front.date).toMatchObject({ earliest: '2014-01-01', latest: '2023-11-14', basis: 'period' });
  }, 60_000);
});

describe('a stated date outside the archive period', () => {
  it('is not trusted: the text decides, and the dateline is reported as a conflict', () => {
    const body = "PARIS, 18 janvier 2031 (AFP) - La coalition des volontaires s'est réunie.";
    const w = inferDate(doc(body), [], cg, { dating: dating('2026-06-30') });
    expect(w).toMatchObject({ earliest: '2025-03-02', latest: '2026-06-30', basis: 'inferred' });
    expect(w.evidence.some((e) => e.rule === 'conflict')).toBe(true);
    const inside = inferDate(doc('PARIS, 18 janvier 2024 (AFP) - Les livraisons continuent.'), [], cg, { dating: dating('2026-06-30') });
    expect(inside).toMatchObject({ value: '2024-01-18', basis: 'dateline' });
  });
});
