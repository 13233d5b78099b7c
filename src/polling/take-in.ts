/**
 * Items into the store and index, for the sources at one location that lack them: one
 * transaction per item, holding the article, its claims, every source's item record and the
 * alert decisions, so a crash never leaves claims stored without their decisions or the reverse.
 */
import { parseArticle } from '../extract/index.js';
import type { Logger } from '../log.js';
import { ingestArticle } from '../newsroom/ingest.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { articleIdentity } from '../store/identity.js';
import { type SourceRecord, viewerOf } from '../store/records.js';
import type { StorePort } from '../store/store-port.js';

/** One item and the sources about to take it in. */
export interface Arrival {
  key: string;
  /** The article file text ingestArticle takes. */
  raw: string;
  takers: SourceRecord[];
}

export interface TakeInResult {
  /** Items at least one source took in as new to it. */
  items: number;
  /** Claims newly stored. */
  claims: number;
  /** Claims in those items, whether stored now or before: what the sources' servers now see. */
  found: number;
}

type Decide = (articleId: number, scopes: string[], now: Date) => Promise<unknown>;

/** For each item key, the sources that have not taken it in yet (none: the item is old news). */
export async function lackers(
  book: StorePort['sourceBook'],
  sources: readonly SourceRecord[],
  keys: readonly string[],
): Promise<Map<string, SourceRecord[]>> {
  const lacking = new Map<string, SourceRecord[]>(keys.map((key) => [key, []]));
  for (const source of sources) {
    const known = await book.knownItems(source.id, keys);
    for (const key of keys) if (!known.has(key)) lacking.get(key)!.push(source);
  }
  return lacking;
}

/**
 * Whether the text has a body, and the stored article it is, if any: identity computed as
 * ingestArticle computes it (no hints: the feed's link, outlet and date are in the text's header).
 * Lets a source that already carries the article (a folder loaded at boot, a feed item whose
 * GUID changed) take the item in without it counting as news there.
 */
async function lookUp(newsroom: Newsroom, raw: string): Promise<{ empty: boolean; stored?: { id: number } }> {
  const article = parseArticle(raw);
  if (article.body.trim() === '') return { empty: true };
  return {
    empty: false,
    stored: await newsroom.port.articles.knownArticle(articleIdentity(article.meta.url, article.body).identity),
  };
}

/**
 * Takes the arrivals in, oldest first. With `decide` null (a source's first add) nothing is
 * decided: a newsroom adding a feed wants its history indexed, not fifty alerts.
 */
export async function takeIn(
  newsroom: Newsroom,
  arrivals: readonly Arrival[],
  now: Date,
  decide: Decide | null,
  log: Logger,
): Promise<TakeInResult> {
  const total: TakeInResult = { items: 0, claims: 0, found: 0 };
  for (const arrival of arrivals) {
    if (arrival.takers.length === 0) continue;
    const one = await newsroom.port.transaction(() => takeInOne(newsroom, arrival, now, decide, log));
    total.items += one.items;
    total.claims += one.claims;
    total.found += one.found;
  }
  return total;
}

/**
 * takeIn for a poll: the same, item by item, letting the event loop turn between items. Other
 * sources' responses are then read as they come, rather than sitting behind a long feed's
 * extraction until their fetch deadline has passed; alerts can go out meanwhile too.
 */
export async function takeInTurns(
  newsroom: Newsroom,
  arrivals: readonly Arrival[],
  now: Date,
  decide: Decide | null,
  log: Logger,
): Promise<TakeInResult> {
  const total: TakeInResult = { items: 0, claims: 0, found: 0 };
  for (const arrival of arrivals) {
    const one = await takeIn(newsroom, [arrival], now, decide, log);
    total.items += one.items;
    total.claims += one.claims;
    total.found += one.found;
    await new Promise((resume) => setImmediate(resume));
  }
  return total;
}

async function takeInOne(
  newsroom: Newsroom,
  { key, raw, takers }: Arrival,
  now: Date,
  decide: Decide | null,
  log: Logger,
): Promise<TakeInResult> {
  const book = newsroom.port.sourceBook;
  const { empty, stored } = await lookUp(newsroom, raw);
  // An item with no text at all (no title, summary or content) is remembered, so it is not
  // looked at again every tick, but it is no article.
  if (empty) {
    for (const source of takers) await book.recordItem(source.id, key, null, now);
    return { items: 0, claims: 0, found: 0 };
  }
  const scopes = new Set<string>();
  let articleId: number | null = null;
  let claims = 0;
  let found = 0;
  for (const source of takers) {
    if (stored && (await book.carries(source.id, stored.id))) {
      await book.recordItem(source.id, key, stored.id, now);
      continue;
    }
    // Only news to a server alerts it: not an article it already saw through another source.
    const seen = stored !== undefined && newsroom.index.canSee(stored.id, viewerOf(source.guildId));
    const result = await ingestArticle(newsroom, raw, source, {}, now);
    await book.recordItem(source.id, key, result.articleId, now);
    articleId = result.articleId;
    claims += result.added.length;
    found = result.found;
    if (!seen) scopes.add(source.guildId);
  }
  if (articleId === null) return { items: 0, claims: 0, found: 0 };
  if (decide && scopes.size > 0) await decideSafely(newsroom, decide, articleId, [...scopes], now, log);
  return { items: 1, claims, found };
}

/**
 * Decisions run in a savepoint of the item's transaction. If deciding throws, its own writes are
 * undone and the claims are kept: rolling them back too would leave the in-memory index holding
 * claims the store lost, and the same item failing again every tick. Its alerts are lost, and logged.
 */
async function decideSafely(
  newsroom: Newsroom,
  decide: Decide,
  articleId: number,
  scopes: string[],
  now: Date,
  log: Logger,
): Promise<void> {
  try {
    await newsroom.port.transaction(() => decide(articleId, scopes, now));
  } catch (error) {
    log.error(`poll: deciding alerts for article ${articleId} failed; its claims are kept without alerts`, error);
  }
}
