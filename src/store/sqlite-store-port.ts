import { SqliteTransactions } from './async-transaction.js';
import { claimsForFiling, lastArticleId, setClaimTopics } from './claim-topics.js';
import { SqliteLeases } from './leases.js';
import type { Leases } from './leases-port.js';
import type { Store } from './store.js';
import type { ArticlesPort, FilingPort, StorePort } from './store-port.js';

type Turn = <T>(work: () => T) => Promise<Awaited<T>>;

/**
 * The SQLite store behind the async port: each call runs the synchronous book at once, unless an
 * awaited transaction holds the connection, when it waits its turn. Iterators are read whole, as
 * Postgres answers them; the index's boot reads the store itself (see ClaimIndex.load).
 */
export function sqliteStorePort(store: Store): StorePort {
  const transactions = new SqliteTransactions(store.db);
  const turn: Turn = (work) => transactions.atTurn(work);
  const port: StorePort = {
    backend: 'sqlite',
    articles: promised<ArticlesPort>(store, turn, [
      'ensureSource',
      'sources',
      'knownArticle',
      'linkSource',
      'addArticle',
      'articleDetails',
      'claimsWithIds',
      'sentence',
      'dateRange',
      'counts',
    ]),
    sourceBook: promised(store.sourceBook, turn),
    routes: promised(store.routes, turn),
    outbox: promised(store.outbox, turn),
    names: promised(store.names, turn),
    topics: promised(store.topics, turn),
    claimants: promised(store.claimants, turn),
    corrections: promised(store.corrections, turn),
    edits: promised(store.edits, turn),
    settings: promised(store.settings, turn),
    filing: filing(store, turn),
    leases: queuedLeases(new SqliteLeases(store.db), turn),
    transaction: (work) => transactions.run(() => work(port)),
    close: async () => store.close(),
  };
  return port;
}

function filing(store: Store, turn: Turn): FilingPort {
  return {
    claimsForFiling: (after, upTo) => turn(() => claimsForFiling(store.db, after, upTo)),
    lastArticleId: () => turn(() => lastArticleId(store.db)),
    setClaimTopics: (moves) => turn(() => setClaimTopics(store.db, moves)),
  };
}

function queuedLeases(leases: Leases, turn: Turn): Leases {
  return {
    acquire: (...args) => turn(() => leases.acquire(...args)),
    release: (...args) => turn(() => leases.release(...args)),
    holder: (...args) => turn(() => leases.holder(...args)),
  };
}

/** The book's public methods (or the ones named), each run at its turn and answered through a promise. */
function promised<P>(book: object, turn: Turn, names?: readonly string[]): P {
  const methods = names ?? publicMethods(book);
  const port: Record<string, unknown> = {};
  for (const name of methods) {
    const method = (book as Record<string, (...args: unknown[]) => unknown>)[name] as (...args: unknown[]) => unknown;
    port[name] = (...args: unknown[]) =>
      turn(() => {
        const answer = method.apply(book, args);
        return isIterator(answer) ? [...answer] : answer;
      });
  }
  return port as P;
}

function publicMethods(book: object): string[] {
  const prototype = Object.getPrototypeOf(book) as object;
  return Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== 'constructor' && typeof (prototype as Record<string, unknown>)[name] === 'function',
  );
}

function isIterator(value: unknown): value is IterableIterator<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Set) &&
    !(value instanceof Map) &&
    typeof (value as { next?: unknown }).next === 'function' &&
    Symbol.iterator in value
  );
}
