/**
 * Articles per month for the timeline, built once: the months holding dated articles (the chart
 * groups them into bars: src/lib/site/chart.ts).
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
  /** Months holding at least one article, oldest first (those get a page). */
  filled: MonthBucket[];
  undated: number;
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
    const filled = [...byMonth.keys()].sort().map((month) => ({ month, articles: byMonth.get(month)!, estimated: estimated.get(month) ?? 0 }));
    return { filled, undated };
  });
  return cached;
}
