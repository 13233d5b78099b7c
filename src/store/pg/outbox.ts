import {
  MESSAGE_COLUMNS,
  NEW_MESSAGE_COLUMNS,
  type NewMessage,
  newMessageValues,
  type OutboxMessage,
  toMessage,
} from '../outbox.js';
import type { OutboxQueue } from '../ports.js';
import type { Queryable } from './transaction.js';

type Row = Parameters<typeof toMessage>[0];

/**
 * The outbox in Postgres, shared by every process: claiming takes rows with FOR UPDATE SKIP
 * LOCKED, so two deliverers asking at once get different rows rather than waiting on each other,
 * and a lease, so the rows of a deliverer that died go to the next one once it ends.
 */
export class PgOutboxQueue implements OutboxQueue {
  constructor(private readonly pool: Queryable) {}

  async enqueue(message: NewMessage, now: Date): Promise<number> {
    const { rows } = await this.pool.query<{ id: number }>(
      `INSERT INTO outbox (${NEW_MESSAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      newMessageValues(message, now),
    );
    return rows[0]!.id;
  }

  async claimDue(holder: string, now: Date, leaseMs: number, limit = 500): Promise<OutboxMessage[]> {
    const at = now.toISOString();
    const { rows } = await this.pool.query<Row>(
      `UPDATE outbox SET lease_holder = $1, lease_until = $2
       WHERE id IN (
         SELECT id FROM outbox
         WHERE status = 'pending' AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3 OR lease_holder = $1)
         ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING ${MESSAGE_COLUMNS}`,
      [holder, new Date(now.getTime() + leaseMs).toISOString(), at, limit],
    );
    return rows.map(toMessage).sort((a, b) => a.id - b.id);
  }

  async beginAttempt(ids: readonly number[]): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = 'sent; no answer from Discord yet' WHERE id = ANY($1)`,
      [ids],
    );
  }

  async markSent(ids: readonly number[], messageId: string | null, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET status = 'sent', sent_at = $1, message_id = $2, last_error = NULL, lease_holder = NULL,
         lease_until = NULL WHERE id = ANY($3)`,
      [now.toISOString(), messageId, ids],
    );
  }

  async retryLater(ids: readonly number[], error: string, at: Date): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET last_error = $1, next_attempt_at = $2, lease_holder = NULL, lease_until = NULL
       WHERE id = ANY($3)`,
      [error, at.toISOString(), ids],
    );
  }

  async setAside(ids: readonly number[], error: string): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET status = 'broken', last_error = $1, lease_holder = NULL, lease_until = NULL
       WHERE id = ANY($2)`,
      [error, ids],
    );
  }

  async pendingCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`);
    return rows[0]!.n;
  }
}
