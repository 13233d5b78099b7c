import { type MessageEdits, POSTED_COLUMNS, type PostedAlert, type PostedRow, toPosted } from '../message-edits.js';
import type { AsyncBook } from '../store-port.js';
import type { Queryable } from './transaction.js';

/**
 * Edits to alert messages that went out, on Postgres: the outbox row keeps the latest payload and
 * edit_due_at says an edit is waiting. Times are ISO-8601 text, compared and ordered byte by byte
 * (COLLATE "C"), as SQLite does.
 */
export class PgMessageEdits implements AsyncBook<MessageEdits> {
  constructor(private readonly on: Queryable) {}

  async alertsOf(claimId: number): Promise<PostedAlert[]> {
    const { rows } = await this.on.query<PostedRow>(
      `SELECT ${POSTED_COLUMNS} FROM outbox o JOIN decisions d ON d.id = o.decision_id
       WHERE o.kind = 'alert' AND d.claim_id = $1 ORDER BY o.id`,
      [claimId],
    );
    return rows.map(toPosted);
  }

  async alertingClaim(guildId: string, alertKey: string): Promise<number | undefined> {
    const { rows } = await this.on.query<{ claimId: number }>(
      `SELECT claim_id AS "claimId" FROM decisions WHERE guild_id = $1 AND alert_key = $2 AND outcome != 'no-followers'`,
      [guildId, alertKey],
    );
    return rows[0]?.claimId;
  }

  async revise(row: PostedAlert, payload: string, now: Date): Promise<void> {
    const editPosted = row.status === 'sent' && row.messageId !== null && !row.folded;
    await this.on.query(
      'UPDATE outbox SET payload = $1, edit_due_at = CASE WHEN $2::boolean THEN $3 ELSE edit_due_at END WHERE id = $4',
      [payload, editPosted, now.toISOString(), row.id],
    );
  }

  async due(now: Date, limit = 100): Promise<PostedAlert[]> {
    const { rows } = await this.on.query<PostedRow>(
      `SELECT ${POSTED_COLUMNS} FROM outbox o WHERE o.edit_due_at IS NOT NULL AND o.edit_due_at COLLATE "C" <= $1
         AND o.status = 'sent' AND o.message_id IS NOT NULL ORDER BY o.edit_due_at COLLATE "C", o.id LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map(toPosted);
  }

  async edited(id: number, now: Date): Promise<void> {
    await this.on.query('UPDATE outbox SET edit_due_at = NULL, edited_at = $1, edit_attempts = 0 WHERE id = $2', [
      now.toISOString(),
      id,
    ]);
  }

  async retryLater(id: number, at: Date): Promise<void> {
    await this.on.query('UPDATE outbox SET edit_due_at = $1, edit_attempts = edit_attempts + 1 WHERE id = $2', [
      at.toISOString(),
      id,
    ]);
  }

  async giveUp(id: number): Promise<void> {
    await this.on.query('UPDATE outbox SET edit_due_at = NULL WHERE id = $1', [id]);
  }
}
