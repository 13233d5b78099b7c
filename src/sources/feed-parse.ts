/**
 * Feed text (already fetched) to items. Parsing is feedsmith's: of the maintained parsers it is the
 * one that reads RSS 2.0 (and 0.9x / RDF 1.0), Atom 0.3/1.0 and JSON Feed 1.0/1.1 from a string,
 * with its own TypeScript types and two dependencies (fast-xml-parser, entities); it is forgiving
 * of the small faults real feeds have. @rowanmanning/feed-parser has no JSON Feed,
 * @extractus/feed-extractor is built around fetching by itself, and rss-parser (xml2js) has not been
 * released since 2023 and has no JSON Feed either.
 */
import { type AnyFeed, DetectError, MalformedError, ParseError, parseFeed as parseAnyFeed } from 'feedsmith';
import { UserError } from '../errors.js';
import { feedDay } from './feed-date.js';
import { fieldText, lineText } from './html-text.js';

export interface FeedItem {
  guid: string | null;
  link: string | null;
  title: string | null;
  /** YYYY-MM-DD as the publisher wrote it; null when absent or unreadable. */
  published: string | null;
  author: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  summary: string | null;
  /** Plain text of the full content when the feed carries it. */
  content: string | null;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'json';
  title: string | null;
  items: FeedItem[];
  /** Damage read past: a malformed tail cut off. Moderator-safe. */
  problems?: string[];
}

type Rss = Extract<AnyFeed, { format: 'rss' }>['feed'];
type Atom = Extract<AnyFeed, { format: 'atom' }>['feed'];
type Rdf = Extract<AnyFeed, { format: 'rdf' }>['feed'];
type Json = Extract<AnyFeed, { format: 'json' }>['feed'];
type AtomText = { value?: string; type?: string; src?: string } | undefined;

const text = (value: string | null | undefined): string | null => value?.trim() || null;

/** Atom says whether a text construct is html, xhtml or text; trust it over sniffing. */
const atomText = (value: AtomText) => fieldText(value?.value, value?.type ? /html/i.test(value.type) : undefined);
const atomLine = (value: AtomText) => lineText(value?.value, value?.type ? /html/i.test(value.type) : undefined);

// An RSS guid is the article's address unless it says isPermaLink="false".
const permalink = (guid: { value?: string; isPermaLink?: boolean } | undefined) =>
  guid?.isPermaLink !== false && /^https?:\/\//i.test(guid?.value ?? '') ? guid!.value! : null;

function rssItems(feed: Rss): FeedItem[] {
  return (feed.items ?? []).map((item) => ({
    guid: text(item.guid?.value),
    link: text(item.link) ?? permalink(item.guid),
    title: lineText(item.title),
    published: feedDay(item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published ?? item.atom?.updated),
    author: lineText(item.dc?.creators?.[0] ?? item.authors?.[0]?.name),
    summary: fieldText(item.description),
    content: fieldText(item.content?.encoded),
  }));
}

function rdfItems(feed: Rdf): FeedItem[] {
  return (feed.items ?? []).map((item) => ({
    guid: text(item.rdf?.about) ?? text(item.link),
    link: text(item.link),
    title: lineText(item.title),
    published: feedDay(item.dc?.dates?.[0]),
    author: lineText(item.dc?.creators?.[0]),
    summary: fieldText(item.description),
    content: fieldText(item.content?.encoded),
  }));
}

// The entry's own page: rel="alternate" (the default when rel is absent), HTML preferred.
function atomLink(links: Array<{ href?: string; rel?: string; type?: string }> | undefined): string | null {
  const pages = (links ?? []).filter((link) => link.href && (!link.rel || link.rel === 'alternate'));
  const page = pages.find((link) => !link.type || /html/i.test(link.type)) ?? pages[0];
  return text(page?.href);
}

function atomItems(feed: Atom): FeedItem[] {
  return (feed.entries ?? []).map((entry) => ({
    guid: text(entry.id),
    link: atomLink(entry.links),
    title: atomLine(entry.title),
    published: feedDay(entry.published ?? entry.updated ?? entry.dc?.dates?.[0]),
    author: lineText(entry.authors?.[0]?.name),
    summary: atomText(entry.summary),
    // Content given by reference (src=...) is not in the feed: the page fetch covers it.
    content: entry.content?.src ? null : atomText(entry.content),
  }));
}

function jsonItems(feed: Json): FeedItem[] {
  return (feed.items ?? []).map((item) => ({
    guid: text(item.id),
    link: text(item.url) ?? text(item.external_url),
    title: lineText(item.title),
    published: feedDay(item.date_published ?? item.date_modified),
    author: lineText(item.authors?.[0]?.name),
    summary: fieldText(item.summary),
    content: fieldText(item.content_html, true) ?? fieldText(item.content_text, false),
  }));
}

function toParsed(any: AnyFeed): ParsedFeed {
  switch (any.format) {
    case 'rss':
      return { kind: 'rss', title: lineText(any.feed.title), items: rssItems(any.feed) };
    case 'rdf':
      // RSS 1.0 is RDF; for the newsroom it is just another RSS feed.
      return { kind: 'rss', title: lineText(any.feed.title), items: rdfItems(any.feed) };
    case 'atom':
      return { kind: 'atom', title: atomLine(any.feed.title), items: atomItems(any.feed) };
    case 'json':
      return { kind: 'json', title: lineText(any.feed.title), items: jsonItems(any.feed) };
  }
}

// What precedes the root element: a BOM, the XML declaration, comments, a doctype other than
// HTML's (which is left in place, since it is what says "web page").
const PROLOGUE = /^\uFEFF?\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!doctype(?!\s+html)[^>]*>\s*)*/i;

function webPageTitle(document: string): string | null {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(document.slice(0, 20_000));
  return lineText(match?.[1]);
}

function isWebPage(document: string, contentType: string | null | undefined): boolean {
  const start = document.replace(PROLOGUE, '').slice(0, 200);
  if (/^<(!doctype\s+html|html[\s>])/i.test(start)) return true;
  // A server may label a real feed text/html, so the label alone only decides when nothing parsed.
  return /html/i.test(contentType ?? '') && !/xml/i.test(contentType ?? '') && /^<(head|body|div|p)[\s>]/i.test(start);
}

function webPageError(document: string): UserError {
  const title = webPageTitle(document);
  return new UserError(
    `this is a web page, not a feed: ${title ? `"${title}"` : 'an HTML document'}` +
      ' (use the address of its RSS, Atom or JSON feed instead)',
  );
}

function parseJson(document: string): unknown {
  try {
    return JSON.parse(document);
  } catch (error) {
    throw new UserError(`the feed is not valid JSON: ${(error as Error).message}`);
  }
}

/** Why a document that is neither a web page nor malformed is still not a feed. */
function unknownError(document: string, contentType: string | null | undefined): UserError {
  if (/html/i.test(contentType ?? '')) return webPageError(document);
  const start = document.replace(PROLOGUE, '');
  const root = /^<([\w:.-]+)/.exec(start)?.[1];
  if (root) return new UserError(`this is not a feed: an XML document whose root is <${root}>, not RSS or Atom`);
  if (/^[[{]/.test(start))
    return new UserError('this is not a feed: JSON, but not a JSON Feed (no "version" of jsonfeed.org)');
  return new UserError(`this is not a feed: neither XML nor JSON ("${lineText(start.slice(0, 40), false)}…")`);
}

const LAST_ITEM_END = /<\/(item|entry)\s*>(?![\s\S]*<\/(item|entry)\s*>)/i;

/**
 * A feed whose end is broken (a truncated download, a bad byte in the last item) keeps the items
 * before the damage: the document is cut after its last whole item and its open elements closed.
 * Null when there is nothing whole to keep.
 */
function salvage(document: string, cause: string): ParsedFeed | null {
  const end = LAST_ITEM_END.exec(document);
  if (!end) return null;
  const kept = document.slice(0, end.index + end[0].length);
  const root = /<(feed|rdf:RDF|rss)[\s>]/i.exec(kept)?.[1]?.toLowerCase();
  const closing = root === 'feed' ? '</feed>' : root === 'rdf:rdf' ? '</rdf:RDF>' : '</channel></rss>';
  try {
    const parsed = toParsed(parseAnyFeed(kept + closing));
    const problem = `the feed's end is not valid XML (${cause}); the ${parsed.items.length} items before it were read`;
    return parsed.items.length > 0 ? { ...parsed, problems: [problem] } : null;
  } catch {
    return null;
  }
}

/**
 * A fetched feed document as items. contentType is the HTTP header, when known: it only helps name
 * what went wrong, since servers mislabel feeds too often to be believed.
 */
export function parseFeed(document: string, contentType?: string | null): ParsedFeed {
  if (!document.trim()) throw new UserError('the feed is empty: the server sent no content');
  if (isWebPage(document, contentType)) throw webPageError(document);
  const start = document.replace(PROLOGUE, '');
  // JSON is parsed here so that a syntax error is named as such, not as "unrecognised".
  const json = /^[[{]/.test(start) || (/json/i.test(contentType ?? '') && !start.startsWith('<'));
  const value = json ? parseJson(start) : document;
  try {
    return toParsed(parseAnyFeed(value));
  } catch (error) {
    if (error instanceof MalformedError) {
      const cause = (error.cause instanceof Error ? error.cause.message : error.message).replace(/^./, (c) =>
        c.toLowerCase(),
      );
      const kept = json ? null : salvage(document, cause);
      if (kept) return kept;
      throw new UserError(`the feed is not valid XML: ${cause}`);
    }
    if (error instanceof DetectError) throw unknownError(document, contentType);
    if (error instanceof ParseError)
      throw new UserError('the feed could not be read: it has no channel, feed or items where they belong');
    throw error;
  }
}
