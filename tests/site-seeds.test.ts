/** The site built from the real seeds (ingest → Astro → Pagefind): links, validity, entity pages. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { getSite, type BuiltSite } from './helpers/site.ts';
import { findBrokenLinks, htmlFiles } from './helpers/links.ts';

for (const base of ['/', '/archive/']) {
  describe(`the site built from the seeds with base ${base}`, () => {
    let site: BuiltSite;
    beforeAll(async () => {
      site = await getSite({ name: base === '/' ? 'seeds' : 'seeds-archive', env: base === '/' ? {} : { BASE_PATH: base } });
    });

    it('has no broken internal link, form target or asset', () => {
      const { checked, broken } = findBrokenLinks(site.dist, base);
      expect(checked).toBeGreaterThan(500);
      expect(broken).toEqual([]);
    });

    it('gives every entity linked from an article body a page', () => {
      for (const page of site.report.files.filter((f) => f.outcome === 'page')) {
        const html = readFileSync(join(site.dist, `articles/${page.slug}/index.html`), 'utf8');
        const mentions = [...html.matchAll(/<a class="mention" href="([^"]+)"/g)].map((m) => m[1]);
        expect(mentions.length, page.slug).toBeGreaterThan(0);
        for (const href of mentions) expect(existsSync(join(site.dist, href.slice(base.length), 'index.html')), href).toBe(true);
      }
    });

    it.runIf(base === '/')('produces pages that pass html-validate', async () => {
      const validator = new HtmlValidate({
        extends: ['html-validate:recommended'],
        rules: { 'void-style': 'off', 'no-trailing-whitespace': 'off', 'long-title': 'off' },
      });
      const failures: string[] = [];
      for (const file of htmlFiles(site.dist)) {
        if (file.startsWith('pagefind/')) continue;
        const report = await validator.validateString(readFileSync(join(site.dist, file), 'utf8'), file);
        for (const result of report.results) for (const m of result.messages) failures.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
      expect(failures).toEqual([]);
    });
  });
}
