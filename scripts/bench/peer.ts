/**
 * The benchmark's peer: the same seeds built the way a plain static generator
 * with Pagefind would build them — no cleaning, no extraction, no entity or timeline pages: one
 * HTML page per seed (its title, its paragraphs) and a home page listing them all. The bench then
 * indexes it with the archive's own Pagefind settings (pagefind-worker.ts), so the ratio of the
 * two full builds shows the cost of what the archive adds.
 *
 *   node scripts/bench/peer.ts SEEDS OUT
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Title and paragraphs of a seed: a front-matter `title:` if any, else its first line. */
export function plainArticle(text: string): { title: string; paragraphs: string[] } {
  let body = text.replace(/\r\n?/g, '\n');
  let title: string | undefined;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (front) {
    title = /^title:\s*"?(.*?)"?\s*$/m.exec(front[1])?.[1];
    body = body.slice(front[0].length);
  }
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (!title) title = paragraphs.shift() ?? '';
  return { title, paragraphs };
}

const page = (title: string, main: string) =>
  `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head>` +
  `<body><header><a href="/">Archive</a></header><main data-pagefind-body>${main}</main></body></html>\n`;

export function buildPeer(seeds: string, out: string): number {
  rmSync(out, { recursive: true, force: true });
  const links: string[] = [];
  for (const file of readdirSync(seeds).sort()) {
    if (!/\.(txt|md)$/.test(file)) continue;
    const { title, paragraphs } = plainArticle(readFileSync(join(seeds, file), 'utf8'));
    const slug = basename(file, extname(file));
    const dir = join(out, 'articles', slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), page(title, `<h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}`));
    links.push(`<li><a href="/articles/${slug}/">${escape(title)}</a></li>`);
  }
  writeFileSync(join(out, 'index.html'), page('Archive', `<h1>Archive</h1><ul>${links.join('')}</ul>`));
  return links.length;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [seeds, out] = process.argv.slice(2);
  if (!seeds || !out) throw new Error('usage: peer.ts SEEDS OUT');
  const started = performance.now();
  const pages = buildPeer(seeds, out);
  console.log(JSON.stringify({ pages, ms: performance.now() - started }));
}
