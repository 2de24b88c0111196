/** Which files in the seeds folder are articles. */

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.text'];

export type FileClass = { kind: 'article' } | { kind: 'ignored'; reason: string };

export function classifySeedFile(name: string): FileClass {
  const base = name.split('/').pop() ?? name;
  if (base.startsWith('.')) return { kind: 'ignored', reason: 'hidden file' };
  const lower = base.toLowerCase();
  const dot = lower.lastIndexOf('.');
  const extension = dot > 0 ? lower.slice(dot) : '';
  if (ARTICLE_EXTENSIONS.includes(extension)) return { kind: 'article' };
  if (lower === 'readme' || lower.startsWith('readme.')) return { kind: 'ignored', reason: 'documentation file' };
  return {
    kind: 'ignored',
    reason: extension ? `not an article: "${extension}" files are not read (use .txt or .md)` : 'not an article: no .txt or .md extension',
  };
}
