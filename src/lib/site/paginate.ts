/** Splits a list into pages of `size` (at least one page, possibly empty). */
export const PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  total: number;
}

export function getPages<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({ items: items.slice(i * size, (i + 1) * size), number: i + 1, total }));
}
