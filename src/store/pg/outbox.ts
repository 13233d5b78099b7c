import type { NewMessage, OutboxMessage } from '../outbox.js';
import type { OutboxQueue } from '../ports.js';
import { PgOutbox } from './outbox-book.js';
import type { Queryable } from './transaction.js';

/**
 * The older OutboxQueue port over the Postgres outbox book (to be retired): the same statements,
 * with the lease given as a length rather than an end.
 */
export class PgOutboxQueue implements OutboxQueue {
  private readonly book: PgOutbox;

  constructor(pool: Queryable) {
    this.book = new PgOutbox(pool);
  }

  enqueue(message: NewMessage, now: Date): Promise<number> {
    return this.book.enqueue(message, now);
  }

  claimDue(holder: string, now: Date, leaseMs: number, limit = 500): Promise<OutboxMessage[]> {
    return this.book.claimDue(holder, now, new Date(now.getTime() + leaseMs), limit);
  }

  beginAttempt(ids: readonly number[]): Promise<void> {
    return this.book.beginAttempt(ids);
  }

  markSent(ids: readonly number[], messageId: string | null, now: Date): Promise<void> {
    return this.book.markSent(ids, messageId, now);
  }

  retryLater(ids: readonly number[], error: string, at: Date): Promise<void> {
    return this.book.retryLater(ids, error, at);
  }

  setAside(ids: readonly number[], error: string): Promise<void> {
    return this.book.setAside(ids, error);
  }

  pendingCount(): Promise<number> {
    return this.book.pendingCount();
  }
}
