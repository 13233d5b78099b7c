import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { GuildScope } from './records.js';
import { statementCache } from './statements.js';

export type DecisionOutcome = 'queued' | 'folded' | 'no-followers';
export type MessageKind = 'alert' | 'notice' | 'briefing';
export type MessageStatus = 'pending' | 'sent' | 'broken';

export interface Decision {
  id: number;
  guildId: GuildScope;
  alertKey: string;
  claimId: number;
  articleId: number;
  outcome: DecisionOutcome;
  decidedAt: string;
}

/** One message to post: built when decided, so delivery after a restart sends the same thing. */
export interface OutboxMessage {
  id: number;
  guildId: GuildScope;
  channelId: string;
  kind: MessageKind;
  decisionId: number | null;
  /** JSON the deliverer renders: see src/delivery. */
  payload: string;
  /** Over the channel's per-tick limit: goes out in one digest with the others folded. */
  folded: boolean;
  nonce: string;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
  messageId: string | null;
  lastError: string | null;
}

export interface NewMessage {
  guildId: GuildScope;
  channelId: string;
  kind: MessageKind;
  decisionId?: number | null;
  payload: string;
  folded?: boolean;
}

/** The decision row; aliases quoted for Postgres, as in MESSAGE_COLUMNS. */
export const DECISION_COLUMNS =
  'id, guild_id AS "guildId", alert_key AS "alertKey", claim_id AS "claimId", article_id AS "articleId", outcome, decided_at AS "decidedAt"';
/** The outbox row as a message; the aliases are quoted so Postgres keeps their case, as SQLite does. */
export const MESSAGE_COLUMNS = `id, guild_id AS "guildId", channel_id AS "channelId", kind, decision_id AS "decisionId", payload,
  folded, nonce, status, attempts, next_attempt_at AS "nextAttemptAt", created_at AS "createdAt", sent_at AS "sentAt",
  message_id AS "messageId", last_error AS "lastError"`;
/** The columns a new row is written with, in the order of `newMessageValues`. */
export const NEW_MESSAGE_COLUMNS =
  'guild_id, channel_id, kind, decision_id, payload, folded, nonce, next_attempt_at, created_at';

/** A new row's values; its nonce is made here, once, so every resend of the row carries the same. */
export function newMessageValues(message: NewMessage, now: Date): unknown[] {
  const at = now.toISOString();
  const folded = message.folded ? 1 : 0;
  const { guildId, channelId, kind, payload } = message;
  return [
    guildId,
    channelId,
    kind,
    message.decisionId ?? null,
    payload,
    folded,
    randomBytes(8).toString('hex'),
    at,
    at,
  ];
}

/** A row that is done or waits for its next attempt is nobody's. */
export const NO_LEASE = 'lease_holder = NULL, lease_until = NULL';
export const toMessage = (row: Omit<OutboxMessage, 'folded'> & { folded: number }): OutboxMessage => ({
  ...row,
  folded: row.folded === 1,
});

/**
 * Alert decisions and the messages they queue. Both are written in the transaction that stores
 * the claims, and a message leaves `pending` only when Discord has confirmed it, so a crash
 * anywhere loses nothing and, with the nonce Discord enforces, posts nothing twice.
 */
export class Outbox {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  /** Records that the server decided on this alert; null when it already had (the key is unique per server). */
  decide(
    guildId: GuildScope,
    alertKey: string,
    claimId: number,
    articleId: number,
    outcome: DecisionOutcome,
    now: Date,
  ): number | null {
    const result =
      this.sql(`INSERT OR IGNORE INTO decisions (guild_id, alert_key, claim_id, article_id, outcome, decided_at)
      VALUES (?, ?, ?, ?, ?, ?)`).run(guildId, alertKey, claimId, articleId, outcome, now.toISOString());
    return result.changes > 0 ? Number(result.lastInsertRowid) : null;
  }

  decisionsFor(guildId: GuildScope, claimIds: readonly number[]): Decision[] {
    return this.sql(
      `SELECT ${DECISION_COLUMNS} FROM decisions WHERE guild_id = ? AND claim_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ).all(guildId, JSON.stringify(claimIds)) as Decision[];
  }

  enqueue(message: NewMessage, now: Date): number {
    const { lastInsertRowid } = this.sql(
      `INSERT INTO outbox (${NEW_MESSAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...newMessageValues(message, now));
    return Number(lastInsertRowid);
  }

  /**
   * Due pending rows no live lease holds, oldest first, now held by `holder` until `until`. A
   * holder that dies loses its rows when the lease ends, and their attempts tell the next one a
   * send may already have gone out; a holder takes back its own rows at once, so a process
   * restarted under the same name need not wait.
   */
  claimDue(holder: string, now: Date, until: Date, limit = 500): OutboxMessage[] {
    const at = now.toISOString();
    const claim = this.sql(`UPDATE outbox SET lease_holder = ?, lease_until = ?
      WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
        AND (lease_until IS NULL OR lease_until <= ? OR lease_holder = ?) ORDER BY id LIMIT ?)
      RETURNING ${MESSAGE_COLUMNS}`);
    const rows = claim.all(holder, until.toISOString(), at, at, holder, limit) as Parameters<typeof toMessage>[0][];
    return rows.map(toMessage).sort((a, b) => a.id - b.id);
  }

  /** Every pending message for one channel, due or waiting on a back-off. */
  pendingFor(channelId: string): OutboxMessage[] {
    return (
      this.sql(`SELECT ${MESSAGE_COLUMNS} FROM outbox WHERE status = 'pending' AND channel_id = ? ORDER BY id`).all(
        channelId,
      ) as Parameters<typeof toMessage>[0][]
    ).map(toMessage);
  }

  pendingCount(): number {
    return (this.sql(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n;
  }

  messagesFor(decisionIds: readonly number[]): OutboxMessage[] {
    return (
      this.sql(
        `SELECT ${MESSAGE_COLUMNS} FROM outbox WHERE decision_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
      ).all(JSON.stringify(decisionIds)) as Parameters<typeof toMessage>[0][]
    ).map(toMessage);
  }

  /**
   * Counts an attempt before the message goes out, so a process that dies mid-send leaves the
   * row with attempts > 0: in doubt, to be checked against the channel before it is sent again.
   */
  beginAttempt(ids: readonly number[]): void {
    this.sql(
      `UPDATE outbox SET attempts = attempts + 1, last_error = 'sent; no answer from Discord yet' WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(JSON.stringify(ids));
  }

  markSent(ids: readonly number[], messageId: string | null, now: Date): void {
    this.sql(`UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, last_error = NULL, ${NO_LEASE}
      WHERE id IN (SELECT value FROM json_each(?))`).run(now.toISOString(), messageId, JSON.stringify(ids));
  }

  retryLater(ids: readonly number[], error: string, at: Date): void {
    this.sql(
      `UPDATE outbox SET last_error = ?, next_attempt_at = ?, ${NO_LEASE} WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(error, at.toISOString(), JSON.stringify(ids));
  }

  /** The channel refused for good (gone, or no access): kept for /alerts why, never retried. */
  setAside(ids: readonly number[], error: string): void {
    this.sql(
      `UPDATE outbox SET status = 'broken', last_error = ?, ${NO_LEASE} WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(error, JSON.stringify(ids));
  }
}
