/**
 * Vite plugin: article MDX files compile to JS modules WITHOUT their frontmatter.
 *
 * Only articles outside the grammar ingest writes are compiled at all (the articles loader renders
 * the others itself: src/lib/content/articles-loader.ts). The content layer reads each article's
 * frontmatter itself and keeps the validated data in its data store: that is what pages read,
 * through getCollection().
 * The compiled MDX module only needs the body (`Content`), but @astrojs/mdx also emits the whole
 * frontmatter as `export const frontmatter = {…}`, so every one of the 10,000 modules that
 * Rolldown bundles and the build then loads carried the article's facts a second time.
 * Here the module is loaded with the frontmatter lines blanked (line numbers of MDX errors
 * stay right); MDX files outside the articles folder are left alone.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/** Frontmatter at the very start of an MDX file: "---" line, YAML, "---" line. */
const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/;

/** `code` with its frontmatter replaced by an empty one spanning the same lines. */
export function blankFrontmatter(code: string): string {
  return code.replace(FRONTMATTER, (block) => `---${'\n'.repeat(block.split('\n').length - 2)}\n---`);
}

export function contentModulesWithoutFrontmatter(articlesDir: string) {
  const root = resolve(articlesDir) + sep;
  return {
    name: 'arms-archive:content-mdx-without-frontmatter',
    enforce: 'pre' as const,
    load: {
      filter: { id: /\.mdx(?:\?|$)/ },
      async handler(id: string) {
        const file = id.replace(/[?#].*$/, '');
        if (!file.startsWith(root)) return null;
        return blankFrontmatter(await readFile(file, 'utf8'));
      },
    },
  };
}
