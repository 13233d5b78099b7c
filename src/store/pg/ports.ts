import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { SharedPorts } from '../sqlite-ports.js';
import { PgLeases } from './leases.js';
import { PgOutboxQueue } from './outbox.js';
import { pgTransaction, type TransactionClient } from './transaction.js';

/**
 * The Postgres store behind the shared ports: a transaction's parts run on its own client, and a
 * transaction opened inside another's work becomes a savepoint on that client, as on SQLite.
 */
export function postgresPorts(pool: pg.Pool): SharedPorts {
  const open = new AsyncLocalStorage<TransactionClient>();
  return {
    outbox: new PgOutboxQueue(pool),
    leases: new PgLeases(pool),
    transaction: (work) =>
      pgTransaction(open.getStore() ?? pool, (client) =>
        open.run(client, () => work({ outbox: new PgOutboxQueue(client) })),
      ),
  };
}
