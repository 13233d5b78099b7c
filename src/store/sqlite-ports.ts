import { SqliteTransactions } from './async-transaction.js';
import { SqliteLeases } from './leases.js';
import { sqliteOutboxQueue } from './outbox-queue.js';
import type { Leases, OutboxQueue, Transactional } from './ports.js';
import type { Store } from './store.js';

export interface SharedPorts extends Transactional {
  outbox: OutboxQueue;
  leases: Leases;
}

/** The SQLite store behind the shared ports: its parts answer at once, its transactions queue. */
export function sqlitePorts(store: Store): SharedPorts {
  const outbox = sqliteOutboxQueue(store.outbox);
  const transactions = new SqliteTransactions(store.db);
  return {
    outbox,
    leases: new SqliteLeases(store.db),
    transaction: (work) => transactions.run(() => work({ outbox })),
  };
}
