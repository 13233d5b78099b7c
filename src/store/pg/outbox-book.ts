import {
  DECISION_COLUMNS,
  type Decision,
  type DecisionOutcome,
  MESSAGE_COLUMNS,
  NEW_MESSAGE_COLUMNS,
  type NewMessage,
  NO_LEASE,
  newMessageValues,
  type Outbox,
  type OutboxMessage,
  toMessage,
} from '../outbox.js';
import type { GuildScope } from '../records.js';
import type { AsyncBook } from '../store-port.js';
import type { Queryable } from './transaction.js';

type Row = Parameters<typeof toMessage>[0];

/**
 * Alert decisions and the outbox in Postgres, shared by every process. Claiming takes rows with
 * FOR UPDATE SKIP LOCKED, so two deliverers asking at once get different rows rather than waiting
 * on each other, and a lease, so the rows of a deliverer that died go to the next one once it
 * ends. Times are ISO-8601 text compared byte by byte (COLLATE "C"), as SQLite compares them.
 */
export class PgOutbox implements AsyncBook<Outbox> {
  constructor(private readonly on: Queryable) {}

  async decide(
    guildId: GuildScope,
    alertKey: string,
    claimId: number,
    articleId: number,
    outcome: DecisionOutcome,
    now: Date,
  ): Promise<number | null> {
    const { rows } = await this.on.query<{ id: number }>(
      `INSERT INTO decisions (guild_id, alert_key, claim_id, article_id, outcome, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [guildId, alertKey, claimId, articleId, outcome, now.toISOString()],
    );
    return rows[0]?.id ?? null;
  }

  async decisionsFor(guildId: GuildScope, claimIds: readonly number[]): Promise<Decision[]> {
    const { rows } = await this.on.query<Decision>(
      `SELECT ${DECISION_COLUMNS} FROM decisions WHERE guild_id = $1 AND claim_id = ANY($2::bigint[]) ORDER BY id`,
      [guildId, claimIds],
    );
    return rows;
  }

  async enqueue(message: NewMessage, now: Date): Promise<number> {
    const { rows } = await this.on.query<{ id: number }>(
      `INSERT INTO outbox (${NEW_MESSAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      newMessageValues(message, now),
    );
    return rows[0]!.id;
  }

  /** Due pending rows no live lease holds, now held by `holder` until `until`, oldest first. */
  async claimDue(holder: string, now: Date, until: Date, limit = 500): Promise<OutboxMessage[]> {
    const { rows } = await this.on.query<Row>(
      `UPDATE outbox SET lease_holder = $1, lease_until = $2
       WHERE id IN (
         SELECT id FROM outbox
         WHERE status = 'pending' AND next_attempt_at COLLATE "C" <= $3
           AND (lease_until IS NULL OR lease_until COLLATE "C" <= $3 OR lease_holder = $1)
         ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING ${MESSAGE_COLUMNS}`,
      [holder, until.toISOString(), now.toISOString(), limit],
    );
    return rows.map(toMessage).sort((a, b) => a.id - b.id);
  }

  async pendingFor(channelId: string): Promise<OutboxMessage[]> {
    const { rows } = await this.on.query<Row>(
      `SELECT ${MESSAGE_COLUMNS} FROM outbox WHERE status = 'pending' AND channel_id = $1 ORDER BY id`,
      [channelId],
    );
    return rows.map(toMessage);
  }

  async pendingCount(): Promise<number> {
    const { rows } = await this.on.query<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`);
    return rows[0]!.n;
  }

  async messagesFor(decisionIds: readonly number[]): Promise<OutboxMessage[]> {
    const { rows } = await this.on.query<Row>(
      `SELECT ${MESSAGE_COLUMNS} FROM outbox WHERE decision_id = ANY($1::bigint[]) ORDER BY id`,
      [decisionIds],
    );
    return rows.map(toMessage);
  }

  async beginAttempt(ids: readonly number[]): Promise<void> {
    await this.on.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = 'sent; no answer from Discord yet'
       WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  async markSent(ids: readonly number[], messageId: string | null, now: Date): Promise<void> {
    await this.on.query(
      `UPDATE outbox SET status = 'sent', sent_at = $1, message_id = $2, last_error = NULL, ${NO_LEASE}
       WHERE id = ANY($3::bigint[])`,
      [now.toISOString(), messageId, ids],
    );
  }

  async retryLater(ids: readonly number[], error: string, at: Date): Promise<void> {
    await this.on.query(
      `UPDATE outbox SET last_error = $1, next_attempt_at = $2, ${NO_LEASE} WHERE id = ANY($3::bigint[])`,
      [error, at.toISOString(), ids],
    );
  }

  async setAside(ids: readonly number[], error: string): Promise<void> {
    await this.on.query(
      `UPDATE outbox SET status = 'broken', last_error = $1, ${NO_LEASE} WHERE id = ANY($2::bigint[])`,
      [error, ids],
    );
  }
}
