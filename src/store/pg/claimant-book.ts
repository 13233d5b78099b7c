import {
  CLAIMANT_CHANGE_COLUMNS,
  type ClaimantBook,
  type ClaimantChange,
  type ClaimantMove,
  type NameField,
} from '../claimant-book.js';
import type { GuildScope } from '../records.js';
import type { AsyncBook } from '../store-port.js';
import { sqliteLimit } from './sqlite-limit.js';
import type { Atomically } from './store-port.js';
import type { Queryable } from './transaction.js';

/** The claim columns a claimant change may move: the only text written into its UPDATE. */
const FIELDS: Readonly<Record<NameField, string>> = { claimant: 'claimant', via: 'via' };

/** The moved claims' ids by the column each names; a field that is no column is refused, as SQLite's UPDATE refuses it. */
function byColumn(claims: readonly ClaimantMove[]): Map<string, number[]> {
  const columns = new Map<string, number[]>();
  for (const { id, field } of claims) {
    if (!Object.hasOwn(FIELDS, field)) throw new Error(`no such claim column: ${field}`);
    const column = FIELDS[field];
    const ids = columns.get(column) ?? [];
    ids.push(id);
    columns.set(column, ids);
  }
  return columns;
}

/** Files the claims under `name`, one statement per column; each updated row lands in the change log by trigger. */
async function fileUnder(on: Queryable, columns: Map<string, number[]>, name: string): Promise<void> {
  for (const [column, ids] of columns)
    await on.query(`UPDATE claims SET ${column} = $1 WHERE id = ANY($2::bigint[])`, [name, ids]);
}

/**
 * Claimant merges and renames on Postgres. A move or an undo writes the change, the claims and
 * the record of which ones moved in one transaction (a savepoint inside the port's open one),
 * so another process never sees claims moved by a change it cannot find to undo.
 */
export class PgClaimantBook implements AsyncBook<ClaimantBook> {
  constructor(
    private readonly on: Queryable,
    private readonly atomically: Atomically,
  ) {}

  /** Files the claims' `field` under `into` and records which ones moved; the change's id. */
  move(
    scope: GuildScope,
    change: Omit<ClaimantChange, 'id' | 'undoneAt'>,
    claims: readonly ClaimantMove[],
  ): Promise<number> {
    const columns = byColumn(claims);
    return this.atomically(async (on) => {
      const { rows } = await on.query<{ id: number }>(
        `INSERT INTO claimant_changes (guild_id, action, name, into_name, by, at) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id`,
        [scope, change.action, change.name, change.into, change.by, change.at],
      );
      const id = rows[0]!.id;
      await fileUnder(on, columns, change.into);
      if (claims.length > 0)
        await on.query(
          `INSERT INTO claimant_moves (change_id, claim_id, field)
           SELECT $1, claim_id, field FROM unnest($2::bigint[], $3::text[]) AS m(claim_id, field)
           ON CONFLICT DO NOTHING`,
          [id, claims.map((c) => c.id), claims.map((c) => c.field)],
        );
      return id;
    });
  }

  /** The latest change still in force that filed `name` under another. */
  async latest(scope: GuildScope, name: string): Promise<ClaimantChange | undefined> {
    const { rows } = await this.on.query<ClaimantChange>(
      `SELECT ${CLAIMANT_CHANGE_COLUMNS} FROM claimant_changes
       WHERE guild_id = $1 AND name = $2 AND undone_at IS NULL ORDER BY id DESC LIMIT 1`,
      [scope, name],
    );
    return rows[0];
  }

  /**
   * Puts the change's claims back under the name they had, and marks it undone. Returns the
   * claims it moved back, by claim id then field: the order SQLite's table keeps them in.
   */
  undo(change: ClaimantChange, at: string): Promise<ClaimantMove[]> {
    return this.atomically(async (on) => {
      const { rows: moves } = await on.query<ClaimantMove>(
        `SELECT claim_id AS id, field FROM claimant_moves WHERE change_id = $1 ORDER BY claim_id, field COLLATE "C"`,
        [change.id],
      );
      await fileUnder(on, byColumn(moves), change.name);
      await on.query('UPDATE claimant_changes SET undone_at = $1 WHERE id = $2', [at, change.id]);
      return moves;
    });
  }

  async changes(scope: GuildScope, limit = 10): Promise<ClaimantChange[]> {
    const { rows } = await this.on.query<ClaimantChange>(
      `SELECT ${CLAIMANT_CHANGE_COLUMNS} FROM claimant_changes WHERE guild_id = $1 ORDER BY id DESC LIMIT $2`,
      [scope, sqliteLimit(limit)],
    );
    return rows;
  }
}
