import type Database from 'better-sqlite3';
import { statementCache } from './statements.js';

/** A posted (or still pending) alert message, as an edit needs it. */
export interface PostedAlert {
  id: number;
  guildId: string;
  channelId: string;
  payload: string;
  status: string;
  folded: boolean;
  messageId: string | null;
  nonce: string;
  editAttempts: number;
}

/** The outbox row (as `o`) as an edit needs it; aliases quoted so Postgres keeps their case. */
export const POSTED_COLUMNS = `o.id, o.guild_id AS "guildId", o.channel_id AS "channelId", o.payload, o.status, o.folded,
  o.message_id AS "messageId", o.nonce, o.edit_attempts AS "editAttempts"`;
export type PostedRow = Omit<PostedAlert, 'folded'> & { folded: number };
export const toPosted = (row: PostedRow): PostedAlert => ({ ...row, folded: row.folded === 1 });

/**
 * Edits to alert messages that went out: a correction, a retraction, "also reported by". The
 * outbox row keeps the message's latest payload; edit_due_at says an edit of the posted message
 * is waiting, so a restart still sends it and several changes go out as one edit.
 */
export class MessageEdits {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  /** Every alert message a claim raised, in any server and channel. */
  alertsOf(claimId: number): PostedAlert[] {
    return (
      this.sql(`SELECT ${POSTED_COLUMNS} FROM outbox o JOIN decisions d ON d.id = o.decision_id
        WHERE o.kind = 'alert' AND d.claim_id = ? ORDER BY o.id`).all(claimId) as PostedRow[]
    ).map(toPosted);
  }

  /** The claim that raised this server's alert for a key, if one did (UNIQUE (guild_id, alert_key) indexes it). */
  alertingClaim(guildId: string, alertKey: string): number | undefined {
    const row = this.sql(
      `SELECT claim_id AS claimId FROM decisions WHERE guild_id = ? AND alert_key = ? AND outcome != 'no-followers'`,
    ).get(guildId, alertKey) as { claimId: number } | undefined;
    return row?.claimId;
  }

  /** The message's new payload; a message already posted (on its own, not in a digest) is edited too. */
  revise(row: PostedAlert, payload: string, now: Date): void {
    const editPosted = row.status === 'sent' && row.messageId !== null && !row.folded;
    this.sql(`UPDATE outbox SET payload = ?, edit_due_at = CASE WHEN ? THEN ? ELSE edit_due_at END WHERE id = ?`).run(
      payload,
      editPosted ? 1 : 0,
      now.toISOString(),
      row.id,
    );
  }

  due(now: Date, limit = 100): PostedAlert[] {
    return (
      this.sql(`SELECT ${POSTED_COLUMNS} FROM outbox o WHERE o.edit_due_at IS NOT NULL AND o.edit_due_at <= ?
        AND o.status = 'sent' AND o.message_id IS NOT NULL ORDER BY o.edit_due_at, o.id LIMIT ?`).all(
        now.toISOString(),
        limit,
      ) as PostedRow[]
    ).map(toPosted);
  }

  edited(id: number, now: Date): void {
    this.sql('UPDATE outbox SET edit_due_at = NULL, edited_at = ?, edit_attempts = 0 WHERE id = ?').run(
      now.toISOString(),
      id,
    );
  }

  retryLater(id: number, at: Date): void {
    this.sql('UPDATE outbox SET edit_due_at = ?, edit_attempts = edit_attempts + 1 WHERE id = ?').run(
      at.toISOString(),
      id,
    );
  }

  /** Discord refuses the edit for good (message deleted, channel gone): the stored payload stays corrected. */
  giveUp(id: number): void {
    this.sql('UPDATE outbox SET edit_due_at = NULL WHERE id = ?').run(id);
  }
}
