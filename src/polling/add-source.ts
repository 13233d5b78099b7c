/**
 * Adding a source: the address is read first, and only a source that answered is saved. Its
 * current items are indexed silently: the newsroom asked for the feed, not for an alert about
 * every story it already carries. Alerts start with the first item published after the add.
 */
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { escapeMarkdown } from '../format/markdown.js';
import { type Logger, silentLogger } from '../log.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { itemToArticle, needsPage } from '../sources/article-text.js';
import { type ParsedFeed, parseFeed } from '../sources/feed-parse.js';
import { DEFAULTS, type GuildScope, type SourceRecord, scopeOf } from '../store/records.js';
import type { StorePort } from '../store/store-port.js';
import { feedDamage, feedEntries, scanFolder } from './items.js';
import { mapLimit } from './limit.js';
import { feedAddress, shown, sourceName } from './naming.js';
import { type PageCache, pageFor } from './pages.js';
import { lackers, takeIn } from './take-in.js';

export interface NewFeedSource {
  /** null: the console, which adds to the defaults every server sees. */
  guildId: string | null;
  name: string;
  url: string;
  /** Topic keys (see topicKeys); null or empty for every topic. */
  topics?: string[] | null;
}

export interface NewFolderSource {
  name: string;
  path: string;
  topics?: string[] | null;
}

export interface AddedSource {
  source: SourceRecord;
  /** Items the feed (or folder) holds now. */
  items: number;
  /** Claims in them: what the server can now ask about. */
  claims: number;
  /** Teaser items indexed from their summary: their page was past the add's page or time budget. */
  summariesOnly?: number;
  /** What the feed's read got past (feedDamage): a broken tail, duplicate items. */
  damage?: string[];
}

export interface AddOptions {
  log?: Logger;
  /** Pages fetched at once for items that only tease their article. */
  pageConcurrency?: number;
  /** Wall-clock time the add may spend on article pages; Discord's follow-up window is 15 min. */
  budgetMs?: number;
  /** Most article pages one add fetches: a 10,000-item feed of teasers is not 10,000 requests. */
  maxPages?: number;
}

/** The whole add answers within about a minute, however slow or hostile the pages behind a feed. */
export const ADD_BUDGET_MS = 60_000;
export const ADD_MAX_PAGES = 50;

/** Refuses a name already in use, or an address already polled, in this scope. */
async function refuseTaken(
  book: StorePort['sourceBook'],
  scope: GuildScope,
  name: string,
  location: string,
): Promise<void> {
  if (await book.find(scope, name))
    throw new UserError(
      `There is already a source named ${shown(name)} here. Pick another name, or remove that one first.`,
    );
  const same = (await book.inScope(scope)).find((s) => s.location === location);
  if (same) throw new UserError(`${shown(same.name)} already reads that address.`);
}

async function readFeed(newsroom: Newsroom, url: string) {
  const result = await newsroom.fetcher.fetch(url);
  if (result.status !== 'ok') {
    const reason = result.status === 'failed' ? result.reason : 'the server answered "not modified" to a first request';
    throw new UserError(`Could not read that address: ${escapeMarkdown(reason)}. Nothing was added.`);
  }
  try {
    return { result, feed: parseFeed(result.text, result.contentType) };
  } catch (error) {
    if (error instanceof UserError)
      throw new UserError(`Could not use that address: ${escapeMarkdown(error.message)}. Nothing was added.`);
    throw error;
  }
}

/**
 * Each item as the article file it becomes, the newest teasers with their page fetched while the
 * budget lasts. The rest are indexed from their summaries: left for a tick, they would alert.
 */
async function arrivalsOf(newsroom: Newsroom, feed: ParsedFeed, options: AddOptions) {
  const pages: PageCache = new Map();
  const budget = AbortSignal.timeout(options.budgetMs ?? ADD_BUDGET_MS);
  const entries = feedEntries(feed);
  const teasers = entries.filter(({ item }) => needsPage(item));
  const withPage = new Set(teasers.slice(-(options.maxPages ?? ADD_MAX_PAGES)).map((e) => e.key));
  let summariesOnly = 0;
  const arrivals = await mapLimit(entries, options.pageConcurrency ?? 4, async ({ key, item }) => {
    const page = withPage.has(key) ? await pageFor(newsroom.fetcher, pages, item.link!, budget) : null;
    if (page === 'out-of-time' || (needsPage(item) && !withPage.has(key))) summariesOnly += 1;
    return { key, raw: itemToArticle(item, feed.title, page === 'out-of-time' ? null : page) };
  });
  return { arrivals, summariesOnly };
}

/**
 * The feed state after a first read. When other sources already poll the address, its validators
 * are left alone: those sources have not taken in what this read saw, and a 304 next tick would
 * hide it from them. The read still ends any failure streak, since the feed demonstrably works.
 */
async function saveFirstRead(
  book: StorePort['sourceBook'],
  location: string,
  fresh: { etag: string | null; lastModified: string | null; items: number },
  shared: boolean,
  now: Date,
): Promise<void> {
  const before = await book.feed(location);
  const at = now.toISOString();
  await book.saveFeed({
    ...before,
    ...(shared ? {} : fresh),
    failures: 0,
    lastError: null,
    lastAttemptAt: at,
    lastSuccessAt: at,
    nextPollAt: null,
  });
}

/** Saves the source and takes in every current item silently; one transaction, so all or nothing. */
function saveSource(
  newsroom: Newsroom,
  scope: GuildScope,
  spec: { name: string; kind: string; location: string; topics?: string[] | null },
  arrivals: Array<{ key: string; raw: string }>,
  fresh: { etag: string | null; lastModified: string | null },
  now: Date,
  log: Logger,
): Promise<AddedSource> {
  const book = newsroom.port.sourceBook;
  return newsroom.port.transaction(async () => {
    await refuseTaken(book, scope, spec.name, spec.location); // again: the read took time, and another moderator may have been quicker
    const shared = (await book.atLocation(spec.location)).length > 0;
    const source = await book.add({ guildId: scope, ...spec }, now);
    newsroom.index.addSource(source);
    const lacking = await lackers(
      book,
      [source],
      arrivals.map((a) => a.key),
    );
    const taken = await takeIn(
      newsroom,
      arrivals.map((a) => ({ ...a, takers: lacking.get(a.key)! })),
      now,
      null,
      log,
    );
    await saveFirstRead(book, spec.location, { ...fresh, items: arrivals.length }, shared, now);
    return { source, items: arrivals.length, claims: taken.found };
  });
}

/** Adds a feed for a server (or the defaults): read now, saved only if it could be read and parsed. */
export async function addFeedSource(
  newsroom: Newsroom,
  spec: NewFeedSource,
  now: Date,
  options: AddOptions = {},
): Promise<AddedSource> {
  const scope = scopeOf(spec.guildId);
  const name = sourceName(spec.name);
  const location = feedAddress(spec.url);
  await refuseTaken(newsroom.port.sourceBook, scope, name, location);
  const { result, feed } = await readFeed(newsroom, location);
  const { arrivals, summariesOnly } = await arrivalsOf(newsroom, feed, options);
  const fresh = { etag: result.etag, lastModified: result.lastModified };
  const added = await saveSource(
    newsroom,
    scope,
    { name, kind: 'feed', location, topics: spec.topics ?? null },
    arrivals,
    fresh,
    now,
    options.log ?? silentLogger,
  );
  return { ...added, summariesOnly, damage: feedDamage(feed, result.charsetGuessed ? result.charset : undefined) };
}

/**
 * Adds a folder of article files to the defaults: the console's operator's, never a server's,
 * since a path names a place on the bot's own machine.
 */
export async function addFolderSource(
  newsroom: Newsroom,
  spec: NewFolderSource,
  now: Date,
  options: AddOptions = {},
): Promise<AddedSource> {
  const name = sourceName(spec.name);
  const location = resolve(spec.path.trim());
  await refuseTaken(newsroom.port.sourceBook, DEFAULTS, name, location);
  const { entries } = scanFolder(location);
  const arrivals = entries.map(({ key, raw }) => ({ key, raw }));
  const fresh = { etag: null, lastModified: null };
  return saveSource(
    newsroom,
    DEFAULTS,
    { name, kind: 'folder', location, topics: spec.topics ?? null },
    arrivals,
    fresh,
    now,
    options.log ?? silentLogger,
  );
}
