import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { parseArticle } from '../src/extract/index.js';
import { articleFromHtml, itemToArticle, needsPage } from '../src/sources/article-text.js';
import { feedDay } from '../src/sources/feed-date.js';
import { type FeedItem, parseFeed } from '../src/sources/feed-parse.js';
import { claimsIn } from './support/extract.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'feeds', name), 'utf8');

const item = (fields: Partial<FeedItem>): FeedItem => ({
  guid: null,
  link: null,
  title: null,
  published: null,
  author: null,
  summary: null,
  content: null,
  ...fields,
});

/** The UserError a call throws, so a test can read its message. */
function userError(call: () => unknown): UserError {
  try {
    call();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('feed parsing: RSS, Atom and JSON Feed to items', () => {
  it('reads an RSS 2.0 item with content:encoded, a guid, a creator and a CDATA title', () => {
    const feed = parseFeed(fixture('rss-full.xml'), 'application/rss+xml');
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Peninsula Monitor – Security');
    expect(feed.items[0]).toMatchObject({
      guid: 'pm-2024-1187',
      link: 'https://peninsula-monitor.example/2024/11/troops-more',
      title: 'Spy agency says 3,000 more North Korean troops headed to Russia',
      published: '2024-11-02',
      author: 'Han Seo-yeon',
      summary: "Seoul's intelligence service sees a second wave of deployments.",
    });
    const paragraphs = feed.items[0]!.content!.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^South Korea's spy agency .* roughly 10,000 it counted in October\.$/);
    expect(paragraphs[2]).toBe('Lawmaker Park Jun-ho said the figure “could rise to 15,000” by the end of the year.');
    expect(feed.items[0]!.content).not.toContain('trackRead');
  });

  it('keeps the paragraphs apart so the extractor reads each figure in its own sentence', () => {
    const content = parseFeed(fixture('rss-full.xml')).items[0]!.content!;
    const figures = claimsIn(content).map((claim) => claim.low);
    expect(figures).toEqual(expect.arrayContaining([3000, 15000]));
  });

  it('reads an RSS item that has only a description, decoding entities twice escaped', () => {
    const feed = parseFeed(fixture('rss-full.xml'));
    expect(feed.items[1]).toMatchObject({
      summary: 'The Kremlin called the reports "speculation".',
      content: null,
      author: null,
    });
    const summaryOnly = parseFeed(fixture('rss-summary.xml')).items[0]!;
    expect(summaryOnly.summary).toBe(
      'Ukraine’s military intelligence says at least 200 North Korean soldiers were killed or wounded & dozens more captured.',
    );
    expect(summaryOnly.content).toBeNull();
    expect(needsPage(summaryOnly)).toBe(true);
  });

  it('takes a permalink guid as the link when an RSS item has no link', () => {
    const second = parseFeed(fixture('rss-summary.xml')).items[1]!;
    expect(second.link).toBe('https://eastern-ledger.example/news/doubts');
    expect(second.published).toBeNull();
  });

  it('reads Atom entries: id, the alternate link, published before updated, HTML content and title', () => {
    const feed = parseFeed(fixture('atom.xml'), 'application/atom+xml');
    expect(feed).toMatchObject({ kind: 'atom', title: 'Northern Desk' });
    expect(feed.items[0]).toMatchObject({
      guid: 'tag:northern-desk.example,2024:entry-41',
      link: 'https://northern-desk.example/2024/11/pentagon-kursk',
      title: 'Pentagon: 11,000 North Korean troops in Kursk region',
      published: '2024-11-19',
      author: 'Dana Whitfield',
      summary: 'The US defence department raised its estimate.',
    });
    expect(feed.items[0]!.content!.split('\n\n')).toHaveLength(2);
    expect(feed.items[1]).toMatchObject({
      link: 'https://northern-desk.example/2024/11/briefing',
      published: '2024-11-18',
    });
    expect(feed.items[1]!.summary).toBe('No new figures were given.');
  });

  it('reads a JSON Feed 1.1: content_html, content_text, external_url and date_modified', () => {
    const feed = parseFeed(fixture('feed.json'), 'application/feed+json');
    expect(feed).toMatchObject({ kind: 'json', title: 'Frontline Notes' });
    expect(feed.items[0]).toMatchObject({
      guid: 'fn-552',
      link: 'https://frontline-notes.example/552',
      published: '2024-11-25',
      author: 'Ines Marlow',
    });
    expect(feed.items[0]!.content).toBe(
      'North Korea has sent Russia more than 8 million artillery shells since last year, a defence official in Seoul said.\n\n' +
        'The official gave no breakdown by type.',
    );
    expect(feed.items[1]).toMatchObject({
      guid: 'fn-553',
      link: 'https://wire.example/story/553',
      title: null,
      published: '2024-11-26',
    });
    expect(feed.items[1]!.content).toContain('border depot.\n\nAnalysts said');
  });

  it('reads RFC 822 and ISO dates as the day the publisher wrote', () => {
    expect(feedDay('Sat, 02 Nov 2024 08:15:00 +0900')).toBe('2024-11-02');
    expect(feedDay('Tue, 12 Nov 2024 23:50:00 +0900')).toBe('2024-11-12');
    expect(feedDay('Sun, 3 Nov 24 19:40:00 GMT')).toBe('2024-11-03');
    expect(feedDay('2024-11-19T21:30:00-05:00')).toBe('2024-11-19');
    expect(feedDay('2024-11-26')).toBe('2024-11-26');
    expect(feedDay('Fri, 31 Feb 2024 10:00:00 GMT')).toBeNull();
    expect(feedDay('not a date at all')).toBeNull();
  });

  it('accepts a feed with no items as an empty list', () => {
    expect(parseFeed(fixture('empty-channel.xml'))).toEqual({ kind: 'rss', title: 'Quiet Wire', items: [] });
  });
});

describe('feed parsing: documents that are not feeds', () => {
  it('says a web page is a web page, naming it', () => {
    const error = userError(() => parseFeed(fixture('news-page.html'), 'text/html; charset=utf-8'));
    expect(error.message).toMatch(/^this is a web page, not a feed: "Second wave of North Korean troops/);
  });

  it('says malformed XML is not valid XML', () => {
    expect(userError(() => parseFeed(fixture('malformed.xml'))).message).toMatch(/^the feed is not valid XML: /);
  });

  it('says broken JSON is not valid JSON, and other JSON is not a JSON Feed', () => {
    expect(userError(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [')).message).toMatch(
      /^the feed is not valid JSON: /,
    );
    expect(userError(() => parseFeed('{"status": "ok"}')).message).toMatch(/not a JSON Feed/);
  });

  it('says an empty document is empty', () => {
    expect(userError(() => parseFeed('')).message).toMatch(/^the feed is empty/);
    expect(userError(() => parseFeed('  \n ')).message).toMatch(/^the feed is empty/);
  });

  it('says an unknown document is not a feed', () => {
    expect(userError(() => parseFeed('<?xml version="1.0"?><urlset><url>x</url></urlset>')).message).toBe(
      'this is not a feed: an XML document whose root is <urlset>, not RSS or Atom',
    );
    expect(userError(() => parseFeed('<!DOCTYPE opml><opml version="2.0"><body/></opml>')).message).toMatch(
      /root is <opml>/,
    );
    expect(userError(() => parseFeed('Service Unavailable')).message).toMatch(
      /^this is not a feed: neither XML nor JSON/,
    );
  });
});

describe('article text: pages and items to article files', () => {
  const pageUrl = 'https://peninsula-monitor.example/2024/11/troops-more';

  it('extracts the article paragraphs from a news page and leaves out the nav, ads and comments', () => {
    const page = articleFromHtml(fixture('news-page.html'))!;
    expect(page).toMatchObject({
      title: 'Second wave of North Korean troops reaches Russia, Seoul says',
      byline: 'Han Seo-yeon',
      published: '2024-11-02',
    });
    const paragraphs = page.text.split('\n\n');
    expect(paragraphs).toContain(
      "Russia's foreign ministry has not commented on the new estimate. Moscow has previously described the reports as speculation without evidence.",
    );
    expect(paragraphs.find((p) => p.startsWith("South Korea's National Intelligence Service"))).toMatch(
      /roughly 10,000 it reported in October\.$/,
    );
    for (const noise of [
      'Subscribe for full access',
      'Winter tyres',
      'Learn Korean',
      'first comment',
      'satellite evidence',
      'Most read',
      'All rights reserved',
    ]) {
      expect(page.text).not.toContain(noise);
    }
  });

  it('finds no article in a page with almost no text', () => {
    expect(
      articleFromHtml('<html><body><nav><a href="/">Home</a></nav><p>Please enable cookies.</p></body></html>'),
    ).toBeNull();
    expect(articleFromHtml('')).toBeNull();
  });

  it('writes an item as an article file that parseArticle reads back', () => {
    const feed = parseFeed(fixture('rss-full.xml'));
    const raw = itemToArticle(feed.items[0]!, feed.title);
    const article = parseArticle(raw);
    expect(article.meta).toMatchObject({
      title: 'Spy agency says 3,000 more North Korean troops headed to Russia',
      outlet: 'Peninsula Monitor – Security',
      date: '2024-11-02',
      url: 'https://peninsula-monitor.example/2024/11/troops-more',
    });
    expect(article.body.trim()).toBe(feed.items[0]!.content);
    expect(needsPage(feed.items[0]!)).toBe(false);
  });

  it('uses the fetched page when the feed has only a summary, and the summary when the page has nothing better', () => {
    const teaser = item({ title: 'Second wave', link: pageUrl, summary: 'Seoul sees a second wave.' });
    const page = articleFromHtml(fixture('news-page.html'))!;
    const fromPage = parseArticle(itemToArticle(teaser, 'Peninsula Monitor', page));
    expect(fromPage.body.trim()).toBe(page.text);
    expect(fromPage.meta.date).toBe('2024-11-02');
    expect(parseArticle(itemToArticle(teaser, 'Peninsula Monitor', null)).body.trim()).toBe(
      'Seoul sees a second wave.',
    );
    expect(needsPage(teaser)).toBe(true);
    expect(needsPage({ ...teaser, link: null })).toBe(false);
  });

  it('neutralises a title that tries to close the header or add header lines', () => {
    const hostile = item({
      title: 'Troops\n---\nurl: https://evil.example\r\ndate: 1999-01-01\u2028outlet: Fake',
      summary: 'About 500 troops were seen.',
      published: '2024-11-02',
      link: 'https://real.example/a\nlang: xx',
    });
    const raw = itemToArticle(hostile, 'Real Outlet\n---');
    const article = parseArticle(raw);
    expect(article.meta).toMatchObject({
      outlet: 'Real Outlet ---',
      date: '2024-11-02',
      url: 'https://real.example/a lang: xx',
      lang: null,
    });
    expect(article.meta.title).toBe('Troops --- url: https://evil.example date: 1999-01-01 outlet: Fake');
    expect(article.body.trim()).toBe('About 500 troops were seen.');
    expect(raw.split('\n').filter((line) => line === '---')).toHaveLength(1);
  });
});
