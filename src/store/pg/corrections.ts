import {
  CLAIM_CHANGE_COLUMNS,
  type ClaimChange,
  type ClaimColumns,
  CORRECTED_COLUMNS,
  type Corrections,
} from '../corrections.js';
import type { AsyncBook } from '../store-port.js';
import type { Atomically } from './store-port.js';
import type { Queryable } from './transaction.js';

/**
 * Moderators' corrections on Postgres: the claim row takes the corrected values and
 * claim_changes keeps what it was, who changed it and when, in one transaction (a savepoint
 * inside the port's open one). The claim's one UPDATE lands in the change log by trigger, so
 * every process's index shows the claim as corrected.
 */
export class PgCorrections implements AsyncBook<Corrections> {
  constructor(
    private readonly on: Queryable,
    private readonly atomically: Atomically,
  ) {}

  /** Writes the claim's new columns (all in one UPDATE) and the changes, in one transaction. */
  apply(
    claimId: number,
    columns: ClaimColumns,
    changes: ReadonlyArray<Pick<ClaimChange, 'field' | 'oldValue' | 'newValue'>>,
    by: { changedBy: string; note: string | null },
    now: Date,
  ): Promise<void> {
    const entries = Object.entries(columns) as Array<[keyof ClaimColumns, unknown]>;
    for (const [key] of entries)
      if (!Object.hasOwn(CORRECTED_COLUMNS, key)) throw new Error(`no such claim column to correct: ${key}`);
    return this.atomically(async (on) => {
      if (entries.length > 0)
        await on.query(
          `UPDATE claims SET ${entries.map(([key], n) => `${CORRECTED_COLUMNS[key]} = $${n + 2}`).join(', ')}
           WHERE id = $1`,
          [claimId, ...entries.map(([, value]) => (typeof value === 'boolean' ? Number(value) : (value ?? null)))],
        );
      if (changes.length === 0) return;
      // One row of VALUES per change, in order, so their ids (and history's order) follow `changes`.
      const rows = changes.map((_, n) => `($1, $${3 * n + 5}, $${3 * n + 6}, $${3 * n + 7}, $2, $3, $4)`);
      await on.query(
        `INSERT INTO claim_changes (claim_id, field, old_value, new_value, changed_by, note, changed_at)
         VALUES ${rows.join(', ')}`,
        [
          claimId,
          by.changedBy,
          by.note,
          now.toISOString(),
          ...changes.flatMap((c) => [c.field, c.oldValue ?? null, c.newValue ?? null]),
        ],
      );
    });
  }

  /** Claims whose topic a moderator chose: a re-filing by the words must not undo it. */
  async topicFixed(): Promise<Set<number>> {
    const { rows } = await this.on.query<{ id: number }>(
      `SELECT DISTINCT claim_id AS id FROM claim_changes WHERE field = 'topic'`,
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Every change to a claim, oldest first. */
  async history(claimId: number): Promise<ClaimChange[]> {
    const { rows } = await this.on.query<ClaimChange>(
      `SELECT ${CLAIM_CHANGE_COLUMNS} FROM claim_changes WHERE claim_id = $1 ORDER BY id`,
      [claimId],
    );
    return rows;
  }
}
