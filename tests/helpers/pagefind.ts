/**
 * Queries a built Pagefind index from Node, with Pagefind's own browser bundle: fetch() is
 * pointed at the files in dist/pagefind. Lets build tests assert what a reader's search finds
 * without a browser (the browser suites test the search page itself).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface SearchHit {
  url: string;
  /** URL as indexed (without the basePath prefix). */
  raw_url: string;
  title: string;
  excerpt: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: Record<string, unknown>): Promise<{ results: Array<{ data(): Promise<SearchHit> }> }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy?(): Promise<void>;
}

let fetchPatched = false;
function patchFetch(): void {
  if (fetchPatched) return;
  fetchPatched = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.protocol !== 'file:') return realFetch(input, init);
    const body = readFileSync(fileURLToPath(url));
    const type = url.pathname.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return new Response(body, { headers: { 'content-type': type } });
  }) as typeof fetch;
}

/** Loads the index of a built site (a fresh module instance per dist folder); `options` as the search page passes them (ranking…). */
export async function openIndex(dist: string, options: Record<string, unknown> = {}): Promise<PagefindApi> {
  patchFetch();
  const bundle = pathToFileURL(join(dist, 'pagefind/pagefind.js')).href;
  const api = (await import(`${bundle}?dist=${encodeURIComponent(dist)}`)) as PagefindApi;
  await api.options({ basePath: pathToFileURL(join(dist, 'pagefind/')).href, ...options });
  await api.init();
  return api;
}

/** Runs a search and returns every hit's data (url, title, excerpt, filters, meta). */
export async function search(
  dist: string,
  term: string | null,
  options: Record<string, unknown> = {},
  indexOptions: Record<string, unknown> = {},
): Promise<SearchHit[]> {
  const api = await openIndex(dist, indexOptions);
  const response = await api.search(term, options);
  return Promise.all(response.results.map((r) => r.data()));
}
