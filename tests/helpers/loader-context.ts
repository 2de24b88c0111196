/**
 * What the articles loader sees of Astro's content layer, for unit tests: a store whose set()
 * ignores an entry it already holds with the same digest (as Astro's does), the config paths, a
 * silent logger, a digest function and parseData (by default the data as given; pass the
 * collection's schema to validate as a sync does).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LoaderEntry {
  id: string;
  digest?: string;
  filePath?: string;
  data?: Record<string, unknown>;
  deferredRender?: boolean;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

type ParseData = (input: { data: Record<string, unknown> }) => Promise<Record<string, unknown>>;

export function fakeLoaderContext(root: string, parseData: ParseData = async ({ data }) => data) {
  const entries = new Map<string, LoaderEntry>();
  const store = {
    entries: () => [...entries],
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    get: (id: string) => entries.get(id),
    delete: (id: string) => entries.delete(id),
    set: (entry: LoaderEntry) => {
      if (entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      return true;
    },
    addModuleImport: () => {},
  };
  const context = {
    store,
    config: { root: pathToFileURL(`${root}/`), base: '/', cacheDir: pathToFileURL(`${join(root, 'cache')}/`) },
    logger: { info: () => {}, warn: () => {} },
    parseData,
    generateDigest: (data: string) => createHash('sha256').update(data).digest('hex').slice(0, 16),
  };
  return { context, entries };
}
