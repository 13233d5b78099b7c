import type Database from 'better-sqlite3';
import type { GuildScope } from './records.js';
import { statementCache } from './statements.js';

export type ClaimantAction = 'alias' | 'rename';
export type NameField = 'claimant' | 'via';

export interface ClaimantChange {
  id: number;
  action: ClaimantAction;
  name: string;
  into: string;
  by: string;
  at: string;
  undoneAt: string | null;
}

export interface ClaimantMove {
  id: number;
  field: NameField;
}

/** A change's row as ClaimantChange (aliases quoted: Postgres folds them to lower case otherwise). */
export const CLAIMANT_CHANGE_COLUMNS = 'id, action, name, into_name AS "into", by, at, undone_at AS "undoneAt"';

/** Claimant merges and renames per scope, with the claims each moved, so a wrong merge can be split again. */
export class ClaimantBook {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  /** Files the claims' `field` under `into` and records which ones moved. */
  move(scope: GuildScope, change: Omit<ClaimantChange, 'id' | 'undoneAt'>, claims: readonly ClaimantMove[]): number {
    const { lastInsertRowid } = this.sql(
      'INSERT INTO claimant_changes (guild_id, action, name, into_name, by, at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(scope, change.action, change.name, change.into, change.by, change.at);
    const id = Number(lastInsertRowid);
    const record = this.sql('INSERT OR IGNORE INTO claimant_moves (change_id, claim_id, field) VALUES (?, ?, ?)');
    for (const claim of claims) {
      this.sql(`UPDATE claims SET ${claim.field} = ? WHERE id = ?`).run(change.into, claim.id);
      record.run(id, claim.id, claim.field);
    }
    return id;
  }

  /** The latest change still in force that filed `name` under another. */
  latest(scope: GuildScope, name: string): ClaimantChange | undefined {
    return this.sql(
      `SELECT ${CLAIMANT_CHANGE_COLUMNS} FROM claimant_changes WHERE guild_id = ? AND name = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1`,
    ).get(scope, name) as ClaimantChange | undefined;
  }

  /** Puts the change's claims back under the name they had, and marks it undone. Returns the claims it moved back. */
  undo(change: ClaimantChange, at: string): ClaimantMove[] {
    const moves = this.sql('SELECT claim_id AS id, field FROM claimant_moves WHERE change_id = ?').all(
      change.id,
    ) as ClaimantMove[];
    for (const m of moves) this.sql(`UPDATE claims SET ${m.field} = ? WHERE id = ?`).run(change.name, m.id);
    this.sql('UPDATE claimant_changes SET undone_at = ? WHERE id = ?').run(at, change.id);
    return moves;
  }

  changes(scope: GuildScope, limit = 10): ClaimantChange[] {
    return this.sql(
      `SELECT ${CLAIMANT_CHANGE_COLUMNS} FROM claimant_changes WHERE guild_id = ? ORDER BY id DESC LIMIT ?`,
    ).all(scope, limit) as ClaimantChange[];
  }
}
