/**
 * The article page behind a feed item that only teases it. A page that cannot be fetched or holds
 * no article is not a failure of the feed: the item falls back to its summary.
 */
import { articleFromHtml, type PageArticle } from '../sources/article-text.js';
import type { Fetcher } from '../sources/fetch.js';
import { canonicalUrl } from '../store/identity.js';

/**
 * Pages fetched during one tick, by canonical link: several feeds (or several servers' copies
 * of one) carrying the same story cost one request.
 */
export type PageCache = Map<string, Promise<PageArticle | null>>;

// A page served as something other than HTML (a PDF, an image) has no article to read.
const NOT_A_PAGE = /^(?!text\/|application\/(xhtml|xml))/i;

async function fetchPage(fetcher: Fetcher, link: string): Promise<PageArticle | null> {
  const result = await fetcher.fetch(link);
  if (result.status !== 'ok') return null;
  if (result.contentType && NOT_A_PAGE.test(result.contentType)) return null;
  try {
    return articleFromHtml(result.text);
  } catch {
    return null; // a page Readability chokes on is one more page without an article
  }
}

export function pageFor(fetcher: Fetcher, cache: PageCache, link: string): Promise<PageArticle | null> {
  const key = canonicalUrl(link) ?? link;
  let page = cache.get(key);
  if (!page) {
    page = fetchPage(fetcher, link).catch(() => null);
    cache.set(key, page);
  }
  return page;
}
