/**
 * From a feed item (and, when the feed only teases, the linked page) to the article text that
 * ingestArticle takes. Pages are read with @mozilla/readability (Firefox Reader View's extractor)
 * over linkedom, a DOM a fraction of jsdom's size and start-up time that Readability runs on as is.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { feedDay } from './feed-date.js';
import type { FeedItem } from './feed-parse.js';
import { lineText, nodeToText, type TextNode } from './html-text.js';

export interface PageArticle {
  title: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  byline: string | null;
  /** YYYY-MM-DD from the page's metadata, when it has any. */
  published: string | null;
}

/** Below this a feed's text is a teaser: the page is worth fetching for the full article. */
export const SHORT_TEXT = 600;
// Below this what Readability found is a cookie wall, an error page or a stub, not an article.
const MIN_PAGE_TEXT = 200;
// Class or id words of advertising slots. Readability keeps an ad that sits inside the story's
// own container, and an ad's "30 days" or "2 for 1" would be read as a figure.
const AD_WORD = /^(ads?|advert\w*|ad[-_]\w+|\w+[-_]ad|sponsor\w*|promo\w*|dfp\w*|gpt[-_]\w+)$/i;

interface Element {
  getAttribute(name: string): string | null;
  remove(): void;
}

function dropAds(document: { querySelectorAll(selector: string): Iterable<Element> }): void {
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
    if (words.some((word) => AD_WORD.test(word))) element.remove();
  }
}

/** The main text of a news page, or null when the page holds no article. */
export function articleFromHtml(html: string): PageArticle | null {
  // linkedom builds no <html> element for a bare fragment, and Readability refuses a document without one.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  if (!document.documentElement) return null;
  dropAds(document);
  // Hand back the content node itself: serialising it to HTML only to parse it again is waste.
  const found = new Readability<TextNode>(document, { serializer: (node) => node as unknown as TextNode }).parse();
  if (!found?.content) return null;
  const text = nodeToText(found.content);
  if (text.length < MIN_PAGE_TEXT) return null;
  return {
    title: lineText(found.title, false),
    text,
    byline: lineText(found.byline, false),
    published: feedDay(found.publishedTime),
  };
}

/**
 * True when the feed only teases the article (no full content, a short summary or none) and there
 * is a page to fetch for the rest. Content, however short, is taken as the whole article: briefs
 * are short, and fetching a page per brief would multiply the requests for nothing.
 */
export function needsPage(item: FeedItem): boolean {
  return item.link !== null && !item.content && (item.summary ?? '').length < SHORT_TEXT;
}

/**
 * A header value on one line: a title carrying "\n---\n" or "\ndate: ..." must not close the
 * header early or add a line of its own. Control and separator characters all become spaces.
 */
export function headerValue(value: string | null | undefined): string | null {
  if (!value) return null;
  const line = value
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .trim()
    .slice(0, 300)
    .trim();
  return line || null;
}

/**
 * The body: full content from the feed, else the fetched page, else the summary. A page that
 * came back shorter than the summary (a paywall stub) loses to it; a bare headline is better
 * than nothing, since headlines carry figures too.
 */
function bodyText(item: FeedItem, page: PageArticle | null | undefined): string {
  if (item.content) return item.content;
  const pageText = page?.text ?? '';
  const summary = item.summary ?? '';
  return (pageText.length > summary.length ? pageText : summary) || (item.title ?? '');
}

/** The article in the contract's file format (../shared/contract.md): header, `---`, body. */
export function itemToArticle(item: FeedItem, feedTitle: string | null, page?: PageArticle | null): string {
  const header: Array<[string, string | null]> = [
    ['title', headerValue(item.title ?? page?.title)],
    ['outlet', headerValue(feedTitle)],
    ['date', headerValue(item.published ?? page?.published)],
    ['url', headerValue(item.link)],
  ];
  const lines = header.filter(([, value]) => value).map(([key, value]) => `${key}: ${value}`);
  // The `---` line is always written, so a body line such as "date: ..." is never read as header.
  return `${[...lines, '---', bodyText(item, page)].join('\n')}\n`;
}
