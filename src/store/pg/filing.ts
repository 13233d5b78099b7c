import { FILING_COLUMNS, type FilingRow } from '../claim-topics.js';
import type { FilingPort } from '../store-port.js';
import type { Atomically } from './store-port.js';
import type { Queryable } from './transaction.js';

/** Re-filing on Postgres: claims read a window of articles at a time, and their new topics written whole. */
export class PgFiling implements FilingPort {
  constructor(
    private readonly on: Queryable,
    _atomically: Atomically,
  ) {}

  /** As SQLite reads them; the scopes come sorted here, where SQLite's order is its scan's (callers split them). */
  async claimsForFiling(after: number, upTo: number): Promise<FilingRow[]> {
    const { rows } = await this.on.query<FilingRow>(
      `SELECT ${FILING_COLUMNS},
         (SELECT string_agg(DISTINCT s.guild_id, ',') FROM article_sources x JOIN sources s ON s.id = x.source_id
          WHERE x.article_id = a.id) AS scopes
       FROM claims c JOIN articles a ON a.id = c.article_id
       WHERE c.article_id > $1 AND c.article_id <= $2 ORDER BY c.article_id, c.id`,
      [after, after + upTo],
    );
    return rows;
  }

  async lastArticleId(): Promise<number> {
    const { rows } = await this.on.query<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM articles');
    return rows[0]!.id;
  }

  /**
   * One statement for every move, so they land together without a transaction of their own. A
   * claim named twice takes its last topic, as SQLite's updates one after another leave it.
   */
  async setClaimTopics(moves: ReadonlyArray<{ id: number; topic: string | null }>): Promise<void> {
    if (moves.length === 0) return;
    const last = new Map(moves.map((m) => [m.id, m.topic]));
    await this.on.query(
      `UPDATE claims SET topic = m.topic FROM unnest($1::bigint[], $2::text[]) AS m(id, topic) WHERE claims.id = m.id`,
      [[...last.keys()], [...last.values()]],
    );
  }
}
