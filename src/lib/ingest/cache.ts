/**
 * Content-hash cache for incremental ingest. A seed's extraction is reused when its bytes
 * (sha256) and file name are unchanged AND the extractor version is unchanged. The version is a
 * hash of every source file of the extraction code, its data and the MDX serialiser
 * (src/lib/extract, src/lib/gazetteer, src/data, src/lib/mdx): any code or data change
 * invalidates the whole cache.
 *
 * Layout (under one folder per output folder, e.g. .cache/ingest/<id>/):
 *   index.json          version + one small summary per seed (what the ingest needs for slugs,
 *                       duplicates and the report), so a 10k-seed re-run parses a few MB only;
 *   results/<key>.json  the full ExtractionResult, read only when its MDX must be rewritten.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ExtractionResult, Warning } from '../extract/types.ts';

const SRC = resolve(import.meta.dirname, '../..');

/** Folders whose contents determine what extraction (and its MDX) produces. */
export const EXTRACTOR_SOURCES = [join(SRC, 'lib/extract'), join(SRC, 'lib/gazetteer'), join(SRC, 'lib/events'), join(SRC, 'data'), join(SRC, 'lib/mdx')];

/** Cache layout version; bump when the shapes below change. */
const FORMAT = 3;

/** What the ingest needs of an accepted seed without loading its full result. */
export interface SeedSummary {
  ok: true;
  title: string;
  encoding: string;
  /** Duplicate-detection key of the cleaned body. */
  bodyKey: string;
  warnings: Warning[];
  newNames: Array<{ name: string; type: string }>;
  /** Slug asked for in the seed's frontmatter. */
  requestedSlug?: string;
  /** Slug the MDX was last written under (its MDX is reused while the slug is the same). */
  slug?: string;
  /** sha256 of that MDX: a damaged or edited file is written again. */
  mdx?: string;
}

export interface RejectedSeed {
  ok: false;
  reason: string;
  warnings: Warning[];
}

export type CachedSeed = SeedSummary | RejectedSeed;

interface IndexFile {
  format: number;
  version: string;
  entries: Record<string, CachedSeed>;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Hash of the path and bytes of every file under `roots`, in a stable order. */
export function extractorVersion(roots: readonly string[] = EXTRACTOR_SOURCES): string {
  const hash = createHash('sha256');
  for (const file of roots.flatMap(filesUnder).sort()) {
    hash.update(relative(SRC, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Key of one seed: the file name is part of it because results carry it (result.file, warnings). */
export function cacheKey(file: string, sha256: string): string {
  return createHash('sha256').update(file).update('\0').update(sha256).digest('hex').slice(0, 40);
}

function writeAtomic(path: string, content: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

export class ExtractionCache {
  readonly dir: string;
  readonly version: string;
  private readonly previous: Map<string, CachedSeed>;
  /** Entries of this run: the only ones kept on save, so deleted seeds drop out. */
  private readonly current = new Map<string, CachedSeed>();
  private changed = false;
  hits = 0;
  misses = 0;

  constructor(dir: string, version: string) {
    this.dir = dir;
    this.version = version;
    this.previous = readIndex(join(dir, 'index.json'), version);
    if (this.previous.size === 0) rmSync(join(dir, 'results'), { recursive: true, force: true });
  }

  /** The cached summary of a seed, or undefined (then extract it and call store()). */
  lookup(key: string): CachedSeed | undefined {
    const entry = this.previous.get(key);
    if (entry) {
      this.hits++;
      this.current.set(key, entry);
    } else this.misses++;
    return entry;
  }

  /** Remembers a fresh extraction (its full result goes to its own file). */
  store(key: string, entry: CachedSeed, result?: ExtractionResult): void {
    this.current.set(key, entry);
    this.changed = true;
    if (result) {
      mkdirSync(join(this.dir, 'results'), { recursive: true });
      writeAtomic(this.resultFile(key), JSON.stringify(result));
    }
  }

  /** The full result of a cached seed; undefined when its file is gone. */
  result(key: string): ExtractionResult | undefined {
    try {
      return JSON.parse(readFileSync(this.resultFile(key), 'utf8')) as ExtractionResult;
    } catch {
      return undefined;
    }
  }

  /** Records the slug a seed's MDX was written under and the hash of that MDX. */
  setSlug(key: string, slug: string, mdx: string): void {
    const entry = this.current.get(key);
    if (entry?.ok && (entry.slug !== slug || entry.mdx !== mdx)) {
      this.current.set(key, { ...entry, slug, mdx });
      this.changed = true;
    }
  }

  /** Writes the index (when anything changed) and drops result files of seeds no longer present. */
  save(): void {
    if (!this.changed && this.current.size === this.previous.size && existsSync(join(this.dir, 'index.json'))) return;
    mkdirSync(this.dir, { recursive: true });
    const data: IndexFile = { format: FORMAT, version: this.version, entries: Object.fromEntries(this.current) };
    writeAtomic(join(this.dir, 'index.json'), JSON.stringify(data));
    const results = join(this.dir, 'results');
    if (!existsSync(results)) return;
    for (const name of readdirSync(results)) {
      if (!this.current.has(name.replace(/\.json$/, ''))) rmSync(join(results, name), { force: true });
    }
  }

  private resultFile(key: string): string {
    return join(this.dir, 'results', `${key}.json`);
  }
}

/** Entries of an index file; empty when it is missing, unreadable, or from another version. */
function readIndex(file: string, version: string): Map<string, CachedSeed> {
  if (!existsSync(file)) return new Map();
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as IndexFile;
    if (data.format !== FORMAT || data.version !== version || !data.entries) return new Map();
    return new Map(Object.entries(data.entries));
  } catch {
    return new Map();
  }
}
