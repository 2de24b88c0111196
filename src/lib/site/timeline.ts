/**
 * Articles per month for the timeline, built once: every month between the first and the last
 * dated article (empty months included, so the chart's x axis is linear in time).
 */
import { getArticles, type ArticleEntry } from './articles.ts';
import { monthOf } from './dates.ts';

export interface MonthBucket {
  /** "YYYY-MM". */
  month: string;
  articles: ArticleEntry[];
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
    let undated = 0;
    for (const article of articles) {
      const month = monthOf(article.data.date);
      if (!month) {
        undated++;
        continue;
      }
      const list = byMonth.get(month) ?? [];
      list.push(article);
      byMonth.set(month, list);
    }
    const keys = [...byMonth.keys()].sort();
    const months: MonthBucket[] = [];
    if (keys.length) {
      // Bounded walk: at most ~50 years of months.
      for (let m = keys[0], guard = 0; m <= keys.at(-1)! && guard < 600; m = nextMonth(m), guard++) {
        months.push({ month: m, articles: byMonth.get(m) ?? [] });
      }
    }
    return { months, filled: months.filter((b) => b.articles.length > 0), undated };
  });
  return cached;
}
