/**
 * The store as the core sees it, on either backend: every concern behind an async port, since
 * Postgres answers over a connection. SQLite's implementation (sqlite-store-port.ts) answers from
 * the synchronous books at once; Postgres's lives in pg/. Each book's port is its SQLite class's
 * public methods made async, so the two backends cannot drift apart unnoticed by the compiler.
 */
import type { claimsForFiling, lastArticleId, setClaimTopics } from './claim-topics.js';
import type { ClaimantBook } from './claimant-book.js';
import type { Corrections } from './corrections.js';
import type { Leases } from './leases-port.js';
import type { MessageEdits } from './message-edits.js';
import type { NameBook } from './name-book.js';
import type { Outbox } from './outbox.js';
import type { Routes } from './routes.js';
import type { SettingsBook } from './settings-book.js';
import type { SourceBook } from './source-book.js';
import type { Store } from './store.js';
import type { TopicBook } from './topic-book.js';

/** What a synchronous answer becomes over a connection: a promise, and an iterator a whole array. */
type Answer<R> = Promise<R extends IterableIterator<infer T> ? T[] : R>;

/** A book's public methods, each answering through a promise. */
export type AsyncBook<B> = {
  [K in keyof B as B[K] extends (...args: never[]) => unknown ? K : never]: B[K] extends (...args: infer A) => infer R
    ? (...args: A) => Answer<R>
    : never;
};

type Drop<F> = F extends (db: never, ...args: infer A) => infer R ? (...args: A) => Answer<R> : never;

/** Articles and claims: what ingest writes and answers read when the index does not hold it. */
export type ArticlesPort = AsyncBook<
  Pick<
    Store,
    | 'ensureSource'
    | 'sources'
    | 'knownArticle'
    | 'linkSource'
    | 'addArticle'
    | 'articleDetails'
    | 'claimsWithIds'
    | 'sentence'
    | 'dateRange'
    | 'counts'
  >
>;

/** Re-filing reads claims a window at a time and files them under new topics. */
export interface FilingPort {
  claimsForFiling: Drop<typeof claimsForFiling>;
  lastArticleId: Drop<typeof lastArticleId>;
  setClaimTopics: Drop<typeof setClaimTopics>;
}

export interface StorePort {
  readonly backend: 'sqlite' | 'postgres';
  articles: ArticlesPort;
  sourceBook: AsyncBook<SourceBook>;
  routes: AsyncBook<Routes>;
  outbox: AsyncBook<Outbox>;
  names: AsyncBook<NameBook>;
  topics: AsyncBook<TopicBook>;
  claimants: AsyncBook<ClaimantBook>;
  corrections: AsyncBook<Corrections>;
  edits: AsyncBook<MessageEdits>;
  settings: AsyncBook<SettingsBook>;
  filing: FilingPort;
  leases: Leases;
  /**
   * Work that commits whole or not at all, written through `tx` (the store bound to the
   * transaction). One opened inside another's work is a savepoint of it, undone alone on failure.
   */
  transaction<T>(work: (tx: StorePort) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
