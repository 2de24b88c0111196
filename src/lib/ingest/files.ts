/**
 * Which entries of the seeds folder are articles, and reading them safely.
 *
 * The seeds folder is trusted to hold regular files only: every entry is examined with lstat
 * (never stat), so a symbolic link (to /etc/passwd, to a folder named d.txt, or dangling) is
 * listed as ignored with its reason and never read or followed; sockets, FIFOs and devices too.
 * Files are opened with O_NOFOLLOW and checked again on the open descriptor, so a file swapped
 * for a link between listing and reading is refused as well. Hidden folders are not read, but
 * listed in the report with the number of entries they hold. Names are read as bytes: a name
 * that is not UTF-8 (a Latin-1 "été.txt") is shown decoded as Latin-1 and opened by its bytes.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.text'];

/** Largest seed read, in bytes; a larger one is rejected with this reason. */
export const MAX_SEED_BYTES = 10 * 1024 * 1024;

export type FileClass = { kind: 'article' } | { kind: 'ignored'; reason: string };

export function classifySeedFile(name: string): FileClass {
  const base = name.split('/').pop() ?? name;
  if (base.startsWith('.')) return { kind: 'ignored', reason: 'hidden file' };
  const lower = base.toLowerCase();
  // README.md documents the folder: it is not an article, whatever its extension.
  if (lower === 'readme' || lower.startsWith('readme.')) return { kind: 'ignored', reason: 'documentation file' };
  const dot = lower.lastIndexOf('.');
  const extension = dot > 0 ? lower.slice(dot) : '';
  if (ARTICLE_EXTENSIONS.includes(extension)) return { kind: 'article' };
  return {
    kind: 'ignored',
    reason: extension ? `not an article: "${extension}" files are not read (use .txt or .md)` : 'not an article: no .txt or .md extension',
  };
}

/** One entry of the seeds folder. */
export type SeedEntry =
  /** A regular file: `name` as shown (relative, "/"-separated), `path` the bytes to open it by. */
  { kind: 'file'; name: string; path: Buffer } | { kind: 'ignored'; name: string; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file name as text: UTF-8 when it is, else Latin-1 (every byte is a Latin-1 character). */
export function decodeName(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

const SLASH = Buffer.from('/');

function countEntries(dir: Buffer): number {
  try {
    return readdirSync(dir, { encoding: 'buffer' }).length;
  } catch {
    return 0;
  }
}

/** Every entry of the seeds folder, recursively, in code-point order of the shown names. */
export function listSeeds(root: string): SeedEntry[] {
  const entries: SeedEntry[] = [];
  const walk = (dir: Buffer, prefix: string) => {
    for (const raw of readdirSync(dir, { encoding: 'buffer' })) {
      const path = Buffer.concat([dir, SLASH, raw]);
      const name = prefix + decodeName(raw);
      let stat;
      try {
        stat = lstatSync(path);
      } catch (error) {
        entries.push({ kind: 'ignored', name, reason: `cannot be examined (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
        continue;
      }
      if (stat.isSymbolicLink()) {
        entries.push({ kind: 'ignored', name, reason: 'symbolic link: not followed (seeds must be regular files inside the seeds folder)' });
      } else if (stat.isDirectory()) {
        if (raw[0] === 0x2e /* . */) {
          const count = countEntries(path);
          entries.push({ kind: 'ignored', name: `${name}/`, reason: `hidden folder: its ${count} entr${count === 1 ? 'y is' : 'ies are'} not read` });
        } else walk(path, `${name}/`);
      } else if (!stat.isFile()) {
        entries.push({ kind: 'ignored', name, reason: 'not a regular file' });
      } else {
        entries.push({ kind: 'file', name, path });
      }
    }
  };
  walk(Buffer.from(root), '');
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export type SeedRead = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** Reads a seed without following a link and without reading past MAX_SEED_BYTES. */
export function readSeed(path: Buffer, limit = MAX_SEED_BYTES): SeedRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ELOOP' ? 'symbolic link: not followed' : `cannot be read (${code ?? 'error'})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > limit) return { ok: false, reason: `larger than the ${limit / 1024 / 1024} MB limit (${(stat.size / 1024 / 1024).toFixed(1)} MB)` };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}
