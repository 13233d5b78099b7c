/**
 * The article page behind a feed item that only teases it. A page that cannot be fetched or holds
 * no article is not a failure of the feed: the item falls back to its summary. A page the source's
 * time ran out on is different: the item waits for the next tick, when its page may be read.
 */
import { articleFromHtml, needsPage, type PageArticle } from '../sources/article-text.js';
import { type Fetcher, OUT_OF_TIME } from '../sources/fetch.js';
import { canonicalUrl } from '../store/identity.js';
import type { FeedEntry } from './items.js';

/** The page's article, null when it has none, or 'out-of-time' when the poll gave up waiting for it. */
export type PageOutcome = PageArticle | null | 'out-of-time';

/**
 * Pages fetched during one tick, by canonical link: several feeds (or several servers' copies
 * of one) carrying the same story cost one request.
 */
export type PageCache = Map<string, Promise<PageOutcome>>;

// A page served as something other than HTML (a PDF, an image) has no article to read.
const NOT_A_PAGE = /^(?!text\/|application\/(xhtml|xml))/i;

async function fetchPage(fetcher: Fetcher, link: string, signal?: AbortSignal): Promise<PageOutcome> {
  const result = await fetcher.fetch(link, { signal });
  if (result.status === 'failed' && result.reason === OUT_OF_TIME) return 'out-of-time';
  if (result.status !== 'ok') return null;
  if (result.contentType && NOT_A_PAGE.test(result.contentType)) return null;
  try {
    return articleFromHtml(result.text);
  } catch {
    return null; // a page Readability chokes on is one more page without an article
  }
}

export function pageFor(fetcher: Fetcher, cache: PageCache, link: string, signal?: AbortSignal): Promise<PageOutcome> {
  const key = canonicalUrl(link) ?? link;
  let page = cache.get(key);
  if (!page) {
    page = fetchPage(fetcher, link, signal).catch(() => null);
    cache.set(key, page);
  }
  return page;
}

export interface PageBudget {
  fetcher: Fetcher;
  cache: PageCache;
  /** Most pages to fetch: the source's page budget for the tick. */
  most: number;
  /** The source's time budget. */
  budget: AbortSignal;
}

/**
 * The pages of the items that only tease their story, by item key; fetched at most once a tick
 * each, the newest first and at most `most` of them. The others are out of time: they wait, as
 * does an item whose page the budget ran out on.
 */
export async function teaserPages(
  { fetcher, cache, most, budget }: PageBudget,
  entries: readonly FeedEntry[],
): Promise<Map<string, PageOutcome>> {
  const teasers = entries.filter(({ item }) => needsPage(item));
  const fetched = teasers.slice(-most); // entries run oldest first
  const later = teasers.slice(0, Math.max(0, teasers.length - fetched.length));
  const pages = await Promise.all(fetched.map(({ item }) => pageFor(fetcher, cache, item.link!, budget)));
  return new Map<string, PageOutcome>([
    ...later.map(({ key }): [string, PageOutcome] => [key, 'out-of-time']),
    ...fetched.map(({ key }, i): [string, PageOutcome] => [key, pages[i]!]),
  ]);
}
