/**
 * One polling tick: every due feed and folder, each location read once however many servers
 * added it, a bounded number at a time. A location's trouble (a timeout, HTML, a parse error,
 * an exception of ours) is recorded against it and never stops the others. Each location has a
 * time and a page budget per tick: a feed of teasers linking to a server that never answers
 * holds one slot for its budget at most, and what it could not finish waits for the next tick.
 */
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { itemToArticle, type PageArticle } from '../sources/article-text.js';
import { type ParsedFeed, parseFeed } from '../sources/feed-parse.js';
import { OUT_OF_TIME } from '../sources/fetch.js';
import type { FeedState, SourceRecord } from '../store/records.js';
import type { DueSource } from '../store/source-book.js';
import { recordFailure, recordSuccess } from './health.js';
import type { PollHooks, PollReport } from './hooks.js';
import { type FolderScan, feedDamage, feedEntries, scanFolder } from './items.js';
import { forEachLimit } from './limit.js';
import { interleaveHosts } from './order.js';
import { type PageCache, teaserPages } from './pages.js';
import { type Arrival, lackers, type TakeInResult, takeIn, takeInTurns } from './take-in.js';

export type { PollHooks, PollReport } from './hooks.js';

export const POLLED_KINDS = ['feed', 'folder'] as const;

export interface PollOptions {
  /** Locations read at once; the fetcher caps requests per host on top of this. */
  concurrency?: number;
  /** Wall-clock time one location may take in a tick: its feed and its pages. */
  sourceBudgetMs?: number;
  /** Article pages one location may fetch in a tick; items beyond wait for the next. */
  pagesPerSource?: number;
}

/** Enough for a slow feed and a few slow pages; far less than the minutes a hostile one could hold. */
export const SOURCE_BUDGET_MS = 20_000;
export const PAGES_PER_SOURCE = 10;
// Slow feeds (a second to answer is common) are waited on side by side, not in a short queue.
const CONCURRENCY = 100;

interface Tick {
  newsroom: Newsroom;
  hooks: PollHooks;
  now: Date;
  log: Logger;
  pages: PageCache;
  report: PollReport;
  budgetMs: number;
  pagesPerSource: number;
}

interface Location {
  location: string;
  kind: string;
  names: string[];
  /** Failures in a row before this tick. */
  failures: number;
}

type Outcome =
  | { status: 'read'; taken: TakeInResult; waiting: number }
  | { status: 'not-modified' }
  | { status: 'failed' };

// Internal errors stay in the log; moderators see that there was one, not its stack.
const INTERNAL = 'an internal error while reading it (the bot operator has the details in the log)';

/** Polls every due source once, at most `concurrency` locations at a time. */
export async function pollDue(
  newsroom: Newsroom,
  hooks: PollHooks,
  now: Date,
  log: Logger,
  options: PollOptions = {},
): Promise<PollReport> {
  const due = newsroom.store.sourceBook.dueSources(POLLED_KINDS, now);
  const report: PollReport = {
    sources: due.length,
    fetched: 0,
    notModified: 0,
    failed: 0,
    newItems: 0,
    claims: 0,
    waiting: 0,
  };
  const tick: Tick = {
    newsroom,
    hooks,
    now,
    log,
    pages: new Map(),
    report,
    budgetMs: options.sourceBudgetMs ?? SOURCE_BUDGET_MS,
    pagesPerSource: options.pagesPerSource ?? PAGES_PER_SOURCE,
  };
  const locations = interleaveHosts(byLocation(due));
  await forEachLimit(locations, options.concurrency ?? CONCURRENCY, (location) => pollLocation(tick, location));
  return report;
}

/** One entry per location: servers that added the same feed share its fetch. */
function byLocation(due: readonly DueSource[]): Location[] {
  const locations = new Map<string, Location>();
  for (const { source, feed } of due) {
    const known = locations.get(source.location);
    if (known) known.names.push(source.name);
    else
      locations.set(source.location, {
        location: source.location,
        kind: source.kind,
        names: [source.name],
        failures: feed.failures,
      });
  }
  return [...locations.values()];
}

async function pollLocation(tick: Tick, location: Location): Promise<void> {
  let outcome: Outcome;
  try {
    outcome = location.kind === 'folder' ? pollFolder(tick, location) : await pollFeed(tick, location);
  } catch (error) {
    tick.log.error(`poll ${location.names.join(', ')}: unexpected error reading ${location.location}`, error);
    outcome = failed(tick, location, INTERNAL);
  }
  count(tick.report, outcome);
  if (outcome.status === 'read' && outcome.taken.items > 0) tick.hooks.taken?.();
}

function count(report: PollReport, outcome: Outcome): void {
  if (outcome.status === 'failed') report.failed += 1;
  else if (outcome.status === 'not-modified') report.notModified += 1;
  else {
    report.fetched += 1;
    report.newItems += outcome.taken.items;
    report.claims += outcome.taken.claims;
    report.waiting += outcome.waiting;
  }
}

/** Records the failure; if even that throws (the store is gone), the log still hears of it. */
function failed(tick: Tick, location: Location, reason: string, retryAfterMs?: number): Outcome {
  try {
    recordFailure(tick, location.location, reason, retryAfterMs, tick.now);
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
const takers = (tick: Tick, location: string): SourceRecord[] =>
  tick.newsroom.store.sourceBook.atLocation(location).filter((s) => !s.paused);

async function pollFeed(tick: Tick, here: Location): Promise<Outcome> {
  const { newsroom, now } = tick;
  const { location } = here;
  const budget = AbortSignal.timeout(tick.budgetMs);
  const previous = newsroom.store.sourceBook.feed(location);
  const { etag, lastModified } = previous;
  const result = await newsroom.fetcher.fetch(location, { etag, lastModified, signal: budget });
  // Out of time before the feed was read: it waited on its host, which is no fault of the feed.
  if (result.status === 'failed' && result.reason === OUT_OF_TIME) return { status: 'failed' };
  if (result.status === 'failed') return failed(tick, here, result.reason, result.retryAfterMs);
  if (result.status === 'not-modified') {
    recordSuccess(tick, location, null, now);
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
  const someoneLacks = lackers(newsroom.store.sourceBook, takers(tick, location), keys);
  const pages = await teaserPages(
    { fetcher: newsroom.fetcher, cache: tick.pages, most: tick.pagesPerSource, budget },
    entries.filter((e) => someoneLacks.get(e.key)!.length > 0),
  );
  // Read again after the page fetches: a moderator may have paused or removed a source meanwhile.
  const lacking = lackers(newsroom.store.sourceBook, takers(tick, location), keys);
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
  recordSuccess(
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
function pollFolder(tick: Tick, here: Location): Outcome {
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
  const lacking = lackers(
    newsroom.store.sourceBook,
    takers(tick, location),
    scan.entries.map((e) => e.key),
  );
  const arrivals = scan.entries.map(({ key, raw }) => ({ key, raw, takers: lacking.get(key)! }));
  const taken = takeIn(newsroom, arrivals, now, decider(tick, newsroom.store.sourceBook.feed(location)), tick.log);
  recordSuccess(tick, location, { etag: null, lastModified: null, items: scan.entries.length }, now);
  return { status: 'read', taken, waiting: 0 };
}
