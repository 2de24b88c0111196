/** Metadata of a page for <head>: canonical URL, OpenGraph/Twitter, optional JSON-LD. */
export interface PageMeta {
  title: string;
  description?: string;
  /** "article" for article pages (OpenGraph type). */
  type?: 'website' | 'article';
  /** ISO timestamp (article pages). */
  published?: string;
  /** JSON-LD object, serialised into a data block (not executed: allowed by the CSP). */
  jsonLd?: Record<string, unknown>;
  /** Keep out of search engines (404). */
  noindex?: boolean;
}

/** JSON for a <script type="application/ld+json"> block: "<" escaped so text cannot close the tag. */
export function serialiseJsonLd(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
