/**
 * The V8 heap limit the site build gives its Node child processes (`astro sync`, `astro build`
 * with the Pagefind indexing inside it), derived from the machine's memory so that no user has to
 * set NODE_OPTIONS by hand (README "Performance").
 *
 * Rule: half of the machine's memory, never below Node's own default (the setting only ever
 * raises the limit). Half, because Pagefind's indexer is a separate native process that runs
 * while the page process still holds its heap (at 20,000 articles each peaked near 4.5 GB), and
 * the system needs the rest. A heap limit the user chose (`--max-old-space-size` in NODE_OPTIONS)
 * is kept as it is.
 */

/** Share of the machine's memory a build process's heap may grow to. */
export const HEAP_SHARE = 0.5;
/** A larger young generation: fewer promotions and full collections while pages render. */
export const SEMI_SPACE_OPTION = '--max-semi-space-size=64';

const MIB = 1024 * 1024;
const USER_HEAP = /(?:^|\s)--max[-_]old[-_]space[-_]size(?:=|\s|$)/;

/** The memory the build may count on: the machine's, or less when a cgroup (container, CI runner) caps the process (`process.constrainedMemory()`; 0 or a huge value when none). */
export function buildMemory(totalBytes: number, constrainedBytes: number | undefined): number {
  return constrainedBytes && constrainedBytes > 0 ? Math.min(totalBytes, constrainedBytes) : totalBytes;
}

/** Heap limit in MiB for a machine with `totalBytes` of memory whose Node defaults to `defaultLimitBytes`. */
export function heapLimitMb(totalBytes: number, defaultLimitBytes: number): number {
  if (!(totalBytes > 0)) throw new Error(`heapLimitMb: machine memory must be positive, got ${totalBytes}`);
  return Math.max(Math.floor((totalBytes * HEAP_SHARE) / MIB), Math.ceil(defaultLimitBytes / MIB));
}

export interface ChildHeap {
  /** NODE_OPTIONS for the child processes. */
  nodeOptions: string;
  /** The limit set, in MiB; null when the user's own `--max-old-space-size` is kept. */
  heapMb: number | null;
}

/** NODE_OPTIONS for the build's children: the user's options, the young generation, and the heap limit unless the user set one. */
export function childNodeOptions(userOptions: string | undefined, totalBytes: number, defaultLimitBytes: number): ChildHeap {
  const user = (userOptions ?? '').trim();
  const parts = user ? [user] : [];
  if (!/--max[-_]semi[-_]space[-_]size/.test(user)) parts.push(SEMI_SPACE_OPTION);
  if (USER_HEAP.test(user)) return { nodeOptions: parts.join(' '), heapMb: null };
  const heapMb = heapLimitMb(totalBytes, defaultLimitBytes);
  parts.push(`--max-old-space-size=${heapMb}`);
  return { nodeOptions: parts.join(' '), heapMb };
}
