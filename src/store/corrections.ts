import type Database from 'better-sqlite3';
import { statementCache } from './statements.js';

/** What a moderator may change on a claim: its figure, claimant, status, topic, or mark it wrong. */
export type CorrectedField = 'figure' | 'claimant' | 'status' | 'topic' | 'wrong';

/** One change to one claim, with who made it and when: the record a newsroom keeps of its fixes. */
export interface ClaimChange {
  id: number;
  claimId: number;
  field: CorrectedField;
  /** As shown: "12,000", "NIS", "reported"; null for none. */
  oldValue: string | null;
  newValue: string | null;
  changedBy: string;
  note: string | null;
  changedAt: string;
}

/** The claim's columns after a correction; only the ones given change. */
export interface ClaimColumns {
  low?: number | null;
  high?: number | null;
  claimant?: string | null;
  status?: string;
  topic?: string | null;
  wrong?: boolean;
}

/** A claim_changes row as ClaimChange (aliases quoted: Postgres folds them to lower case otherwise). */
export const CLAIM_CHANGE_COLUMNS = `id, claim_id AS "claimId", field, old_value AS "oldValue", new_value AS "newValue",
  changed_by AS "changedBy", note, changed_at AS "changedAt"`;
/** The claims column each corrected field is written to: the only text put into a correction's UPDATE. */
export const CORRECTED_COLUMNS: Record<keyof ClaimColumns, string> = {
  low: 'low',
  high: 'high',
  claimant: 'claimant',
  status: 'status',
  topic: 'topic',
  wrong: 'wrong',
};

/**
 * Moderators' corrections. The claim row takes the corrected values (so a restart loads the
 * claim as corrected) and claim_changes keeps what it was, who changed it and when; a claim
 * marked wrong stays in the store with its mark.
 */
export class Corrections {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(private readonly db: Database.Database) {
    this.sql = statementCache(db);
  }

  /** Writes the claim's new columns and the changes, in one transaction. */
  apply(
    claimId: number,
    columns: ClaimColumns,
    changes: ReadonlyArray<Pick<ClaimChange, 'field' | 'oldValue' | 'newValue'>>,
    by: { changedBy: string; note: string | null },
    now: Date,
  ): void {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(columns) as Array<[keyof ClaimColumns, unknown]>) {
        const stored = typeof value === 'boolean' ? Number(value) : value;
        this.sql(`UPDATE claims SET ${CORRECTED_COLUMNS[key]} = ? WHERE id = ?`).run(stored, claimId);
      }
      for (const change of changes) {
        this.sql(`INSERT INTO claim_changes (claim_id, field, old_value, new_value, changed_by, note, changed_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
          claimId,
          change.field,
          change.oldValue,
          change.newValue,
          by.changedBy,
          by.note,
          now.toISOString(),
        );
      }
    })();
  }

  /** Claims whose topic a moderator chose: a re-filing by the words must not undo it. */
  topicFixed(): Set<number> {
    return new Set(
      (
        this.sql(`SELECT DISTINCT claim_id AS id FROM claim_changes WHERE field = 'topic'`).all() as Array<{
          id: number;
        }>
      ).map((r) => r.id),
    );
  }

  /** Every change to a claim, oldest first. */
  history(claimId: number): ClaimChange[] {
    return this.sql(`SELECT ${CLAIM_CHANGE_COLUMNS} FROM claim_changes WHERE claim_id = ? ORDER BY id`).all(
      claimId,
    ) as ClaimChange[];
  }
}
