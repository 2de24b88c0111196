/**
 * Articles per month for the timeline, built once: every month between the first and the last
 * dated article (empty months included, so the chart's x axis is linear in time).
 */
import { getArticles, type ArticleEntry } from './articles.ts';
import { chartMonthOf } from './dates.ts';

export interface MonthBucket {
  /** "YYYY-MM". */
  month: string;
  articles: ArticleEntry[];
  /** How many of them are placed by an estimate (their date is only known to a wider window). */
  estimated: number;
}

export interface Timeline {
  months: MonthBucket[];
  /** Months holding at least one article (those get a page). */
  filled: MonthBucket[];
  undated: number;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

let cached: Promise<Timeline> | undefined;

export function getTimeline(): Promise<Timeline> {
  cached ??= getArticles().then((articles) => {
    const byMonth = new Map<string, ArticleEntry[]>();
    const estimated = new Map<string, number>();
    let undated = 0;
    for (const article of articles) {
      const placed = chartMonthOf(article.data.date);
      if (!placed) {
        undated++;
        continue;
      }
      const list = byMonth.get(placed.month) ?? [];
      list.push(article);
      byMonth.set(placed.month, list);
      if (placed.estimated) estimated.set(placed.month, (estimated.get(placed.month) ?? 0) + 1);
    }
    const keys = [...byMonth.keys()].sort();
    const months: MonthBucket[] = [];
    if (keys.length) {
      // Bounded walk: at most ~50 years of months.
      for (let m = keys[0], guard = 0; m <= keys.at(-1)! && guard < 600; m = nextMonth(m), guard++) {
        months.push({ month: m, articles: byMonth.get(m) ?? [], estimated: estimated.get(m) ?? 0 });
      }
    }
    return { months, filled: months.filter((b) => b.articles.length > 0), undated };
  });
  return cached;
}
