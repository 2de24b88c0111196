/** RSS feed: the 50 newest articles, with absolute links under the base. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { t } from '../i18n/index.ts';
import { getArticles } from '../lib/site/articles.ts';
import { isoTimestamp } from '../lib/site/dates.ts';
import { absoluteUrl, articleUrl, url } from '../lib/site/urls.ts';

export async function GET(context: APIContext) {
  const articles = (await getArticles()).slice(0, 50);
  return rss({
    title: t('rss.title'),
    description: t('site.description'),
    site: absoluteUrl(url(), context.site),
    trailingSlash: true,
    customData: '<language>fr</language>',
    items: articles.map((a) => {
      const published = isoTimestamp(a.data.date);
      return {
        title: a.data.title,
        link: absoluteUrl(articleUrl(a.id), context.site),
        description: a.data.lead,
        ...(published && { pubDate: new Date(published) }),
        categories: a.data.weapons.map((w) => w.name),
      };
    }),
  });
}
