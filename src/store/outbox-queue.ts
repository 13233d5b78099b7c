import type { Outbox } from './outbox.js';
import type { OutboxQueue } from './ports.js';

/** SQLite's outbox behind the shared port: the same calls, answered at once. */
export function sqliteOutboxQueue(outbox: Outbox): OutboxQueue {
  return {
    enqueue: async (message, now) => outbox.enqueue(message, now),
    claimDue: async (holder, now, leaseMs, limit) =>
      outbox.claimDue(holder, now, new Date(now.getTime() + leaseMs), limit),
    beginAttempt: async (ids) => outbox.beginAttempt(ids),
    markSent: async (ids, messageId, now) => outbox.markSent(ids, messageId, now),
    retryLater: async (ids, error, at) => outbox.retryLater(ids, error, at),
    setAside: async (ids, error) => outbox.setAside(ids, error),
    pendingCount: async () => outbox.pendingCount(),
  };
}
