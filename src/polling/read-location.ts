/**
 * Reading one location in a tick: a feed through the fetcher (its teaser pages within the
 * location's time and page budget), or a folder from disk; what it brings goes to the sources
 * that lack it, and the outcome is recorded against the location.
 */
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { itemToArticle, type PageArticle } from '../sources/article-text.js';
import { type ParsedFeed, parseFeed } from '../sources/feed-parse.js';
import { OUT_OF_TIME } from '../sources/fetch.js';
import type { FeedState, SourceRecord } from '../store/records.js';
import { recordFailure, recordSuccess } from './health.js';
import type { PollHooks, PollReport } from './hooks.js';
import { type FolderScan, feedDamage, feedEntries, scanFolder } from './items.js';
import { type PageCache, teaserPages } from './pages.js';
import { type Arrival, lackers, type TakeInResult, takeIn, takeInTurns } from './take-in.js';

export interface Tick {
  newsroom: Newsroom;
  hooks: PollHooks;
  now: Date;
  log: Logger;
  pages: PageCache;
  report: PollReport;
  budgetMs: number;
  pagesPerSource: number;
}

export interface Location {
  location: string;
  kind: string;
  names: string[];
  /** Failures in a row before this tick. */
  failures: number;
}

export type Outcome =
  | { status: 'read'; taken: TakeInResult; waiting: number }
  | { status: 'not-modified' }
  | { status: 'failed' };

/** Records the failure; if even that throws (the store is gone), the log still hears of it. */
export async function failed(tick: Tick, location: Location, reason: string, retryAfterMs?: number): Promise<Outcome> {
  try {
    await recordFailure(tick, location.location, reason, retryAfterMs, tick.now);
  } catch (error) {
    tick.log.error(`poll ${location.names.join(', ')}: could not record a failure`, error);
  }
  return { status: 'failed' };
}

/**
 * Who decides alerts for what a read brings. A location never read before is read silently, as
 * addFeedSource reads it: a source saved some other way (data/sources.json, a folder loaded at
 * boot) would otherwise alert on every item it already holds.
 */
const decider = (tick: Tick, previous: FeedState): PollHooks['decide'] | null =>
  previous.lastSuccessAt ? tick.hooks.decide : null;

/** The sources that take in what this location brings: re-read after the fetch, which may be slow. */
const takers = async (tick: Tick, location: string): Promise<SourceRecord[]> =>
  (await tick.newsroom.port.sourceBook.atLocation(location)).filter((s) => !s.paused);

export async function pollFeed(tick: Tick, here: Location): Promise<Outcome> {
  const { newsroom, now } = tick;
  const { location } = here;
  const budget = AbortSignal.timeout(tick.budgetMs);
  const previous = await newsroom.port.sourceBook.feed(location);
  const { etag, lastModified } = previous;
  const result = await newsroom.fetcher.fetch(location, { etag, lastModified, signal: budget });
  // Out of time before the feed was read: it waited on its host, which is no fault of the feed.
  if (result.status === 'failed' && result.reason === OUT_OF_TIME) return { status: 'failed' };
  if (result.status === 'failed') return failed(tick, here, result.reason, result.retryAfterMs);
  if (result.status === 'not-modified') {
    await recordSuccess(tick, location, null, now);
    return { status: 'not-modified' };
  }
  let feed: ParsedFeed;
  try {
    feed = parseFeed(result.text, result.contentType);
  } catch (error) {
    if (error instanceof UserError) return failed(tick, here, error.message);
    throw error;
  }
  const entries = feedEntries(feed);
  const keys = entries.map((e) => e.key);
  const someoneLacks = await lackers(newsroom.port.sourceBook, await takers(tick, location), keys);
  const pages = await teaserPages(
    { fetcher: newsroom.fetcher, cache: tick.pages, most: tick.pagesPerSource, budget },
    entries.filter((e) => someoneLacks.get(e.key)!.length > 0),
  );
  // Read again after the page fetches: a moderator may have paused or removed a source meanwhile.
  const lacking = await lackers(newsroom.port.sourceBook, await takers(tick, location), keys);
  const ready = entries.filter((e) => lacking.get(e.key)!.length > 0 && pages.get(e.key) !== 'out-of-time');
  const arrivals: Arrival[] = ready.map(({ key, item }) => ({
    key,
    raw: itemToArticle(item, feed.title, pages.get(key) as PageArticle | null | undefined),
    takers: lacking.get(key)!,
  }));
  const waiting = entries.filter((e) => pages.get(e.key) === 'out-of-time').length;
  const taken = await takeInTurns(newsroom, arrivals, now, decider(tick, previous), tick.log);
  // With items left waiting, the validators are not kept: a 304 next tick would hide them.
  const validators = waiting > 0 ? { etag: null, lastModified: null } : result;
  await recordSuccess(
    tick,
    location,
    {
      etag: validators.etag,
      lastModified: validators.lastModified,
      items: feed.items.length,
      damage: feedDamage(feed, result.charsetGuessed ? result.charset : undefined).join('; ') || null,
    },
    now,
  );
  return { status: 'read', taken, waiting };
}

/** A folder never goes through the fetcher: its files are read, keyed by name and content. */
export async function pollFolder(tick: Tick, here: Location): Promise<Outcome> {
  const { newsroom, now } = tick;
  const { location } = here;
  let scan: FolderScan;
  try {
    scan = scanFolder(location);
  } catch (error) {
    if (error instanceof UserError) return failed(tick, here, error.message);
    throw error;
  }
  for (const problem of scan.skipped) tick.log.debug(`poll folder: skipped ${problem}`);
  const lacking = await lackers(
    newsroom.port.sourceBook,
    await takers(tick, location),
    scan.entries.map((e) => e.key),
  );
  const arrivals = scan.entries.map(({ key, raw }) => ({ key, raw, takers: lacking.get(key)! }));
  const previous = await newsroom.port.sourceBook.feed(location);
  const taken = await takeIn(newsroom, arrivals, now, decider(tick, previous), tick.log);
  await recordSuccess(tick, location, { etag: null, lastModified: null, items: scan.entries.length }, now);
  return { status: 'read', taken, waiting: 0 };
}
