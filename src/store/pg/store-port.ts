import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { StorePort } from '../store-port.js';
import { PgArticles } from './articles.js';
import { PgClaimantBook } from './claimant-book.js';
import { PgCorrections } from './corrections.js';
import { PgFiling } from './filing.js';
import { PgLeases } from './leases.js';
import { PgMessageEdits } from './message-edits.js';
import { PgNameBook } from './name-book.js';
import { PgOutbox } from './outbox-book.js';
import { PgRoutes } from './routes.js';
import { PgSettingsBook } from './settings-book.js';
import { PgSourceBook } from './source-book.js';
import { PgTopicBook } from './topic-book.js';
import { pgTransaction, type Queryable, type TransactionClient } from './transaction.js';

/**
 * Work on one client that commits whole: a book's method that writes several rows (an article and
 * its claims) runs through it, and inside the port's open transaction it is a savepoint of that.
 */
export type Atomically = <T>(work: (on: Queryable) => Promise<T>) => Promise<T>;

/** The port's books on one queryable: the pool, or the client of an open transaction. */
function books(on: Queryable, atomically: Atomically): Omit<StorePort, 'backend' | 'transaction' | 'close'> {
  return {
    articles: new PgArticles(on, atomically),
    sourceBook: new PgSourceBook(on, atomically),
    routes: new PgRoutes(on),
    outbox: new PgOutbox(on),
    names: new PgNameBook(on, atomically),
    topics: new PgTopicBook(on, atomically),
    claimants: new PgClaimantBook(on, atomically),
    corrections: new PgCorrections(on, atomically),
    edits: new PgMessageEdits(on),
    settings: new PgSettingsBook(on, atomically),
    filing: new PgFiling(on, atomically),
    leases: new PgLeases(on),
  };
}

/**
 * The Postgres store behind the port. Inside a transaction's work every call runs on that
 * transaction's client (as every statement on SQLite's one connection lands inside the open
 * transaction), and a transaction opened there becomes a savepoint on it.
 */
export function postgresStorePort(pool: pg.Pool): StorePort {
  const open = new AsyncLocalStorage<TransactionClient>();
  const here: Queryable = {
    query: ((...args: unknown[]) =>
      ((open.getStore() ?? pool).query as (...a: unknown[]) => unknown)(...args)) as pg.Pool['query'],
  };
  const atomically: Atomically = (work) =>
    pgTransaction(open.getStore() ?? pool, (client) => open.run(client, () => work(client)));
  const port: StorePort = {
    backend: 'postgres',
    ...books(here, atomically),
    transaction: (work) => atomically(() => work(port)),
    close: () => pool.end(),
  };
  return port;
}
