/**
 * What the core asks of a store that several processes may share. Each port is async, since
 * Postgres answers over a connection; SQLite's implementations answer at once. These are the
 * first of the store's concerns behind a port (the outbox, leases and transactions); the rest
 * still use the concrete SQLite store (see docs/scale.md for the order in which they move).
 */
import type { NewMessage, OutboxMessage } from './outbox.js';

/** The outbox as several deliverers share it: a claimed row is its holder's until the lease ends. */
export interface OutboxQueue {
  enqueue(message: NewMessage, now: Date): Promise<number>;
  /**
   * Takes up to `limit` pending rows due at `now` that no live lease holds, oldest first, for
   * `holder` until now + leaseMs. A holder that dies loses its rows when the lease ends; the
   * rows' attempts then tell the next holder that a send may already have gone out. A holder
   * takes back its own rows at once: a process restarted under the same name need not wait.
   */
  claimDue(holder: string, now: Date, leaseMs: number, limit?: number): Promise<OutboxMessage[]>;
  beginAttempt(ids: readonly number[]): Promise<void>;
  /** These end the lease: the row is done, or waits for its next attempt like any other. */
  markSent(ids: readonly number[], messageId: string | null, now: Date): Promise<void>;
  retryLater(ids: readonly number[], error: string, at: Date): Promise<void>;
  setAside(ids: readonly number[], error: string): Promise<void>;
  pendingCount(): Promise<number>;
}

/** Named leases: one holder at a time (the poller), taken over once the holder stops renewing. */
export interface Leases {
  /** Takes or renews `name` for `holder` until now + ttlMs; false while another live holder has it. */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once (a clean shutdown), so the next process need not wait it out. */
  release(name: string, holder: string): Promise<void>;
  holder(name: string, now: Date): Promise<string | null>;
}

/** The ports a transaction writes with, bound to it. */
export interface TransactionParts {
  outbox: OutboxQueue;
}

/**
 * Work that commits whole or not at all; a transaction opened inside another's work is a
 * savepoint of it, undone alone when it fails.
 */
export interface Transactional {
  transaction<T>(work: (tx: TransactionParts) => Promise<T>): Promise<T>;
}
