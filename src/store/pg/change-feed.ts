import type pg from 'pg';
import type { ChangeFeed, StoreChange } from '../../index/follow.js';
import type { ArticleRecord, ClaimRecord } from '../records.js';
import { SOURCE_COLUMNS, type SourceRow, toSource } from '../source-rows.js';
import { CLAIM_COLUMNS, claimFromRow } from '../store.js';
import { ARTICLE_COLUMNS } from './index-rows.js';
import type { Queryable } from './transaction.js';

/** The change log and the rows it names, read from Postgres as they stand now. */
export function pgChangeFeed(on: Queryable): ChangeFeed {
  return {
    async changesAfter(id, limit) {
      const { rows } = await on.query<StoreChange>(
        'SELECT id, kind, ref, detail FROM changes WHERE id > $1 ORDER BY id LIMIT $2',
        [id, limit],
      );
      return rows;
    },
    async sources(ids) {
      if (ids.length === 0) return [];
      const { rows } = await on.query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ANY($1)`, [ids]);
      return rows.map(toSource);
    },
    async names(aliases) {
      if (aliases.length === 0) return [];
      // Boot learns each alias from the first scope in the store's order: the same row wins here.
      const { rows } = await on.query<{ alias: string; name: string }>(
        `SELECT DISTINCT ON (alias COLLATE "C") alias, name FROM names WHERE alias = ANY($1)
         ORDER BY alias COLLATE "C", guild_id COLLATE "C"`,
        [aliases],
      );
      return rows;
    },
    async articles(ids) {
      if (ids.length === 0) return [];
      const articles = await on.query<ArticleRecord>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1) ORDER BY id`,
        [ids],
      );
      const links = await on.query<{ article_id: number; source_id: number }>(
        'SELECT article_id, source_id FROM article_sources WHERE article_id = ANY($1)',
        [ids],
      );
      const claims = await claimsWhere(on, 'article_id = ANY($1)', ids);
      return articles.rows.map((article) => ({
        article,
        sourceIds: links.rows.filter((l) => l.article_id === article.id).map((l) => l.source_id),
        claims: claims.filter((c) => c.articleId === article.id),
      }));
    },
    claims: (ids) => (ids.length === 0 ? Promise.resolve([]) : claimsWhere(on, 'id = ANY($1)', ids)),
  };
}

async function claimsWhere(on: Queryable, where: string, ids: readonly number[]): Promise<ClaimRecord[]> {
  const { rows } = await on.query<unknown[]>({
    text: `SELECT ${CLAIM_COLUMNS} FROM claims WHERE ${where} ORDER BY id`,
    values: [ids],
    rowMode: 'array',
  });
  return rows.map(claimFromRow);
}

/**
 * Drops log rows older than `before`. Every live process reads the log within a tick of a
 * write, and one starting reads the store whole, so only a process stalled for longer than the
 * retention could miss a change; answers how many rows went.
 */
export async function pruneChanges(on: Queryable, before: Date): Promise<number> {
  const { rowCount } = await on.query('DELETE FROM changes WHERE at < $1', [before.toISOString()]);
  return rowCount ?? 0;
}

/**
 * Calls `wake` whenever a process commits a change, on a connection of its own (LISTEN holds
 * one). A dropped connection is said and ends the listening: the ticks still catch up.
 */
export async function listenForChanges(
  pool: pg.Pool,
  wake: () => void,
  onError: (error: Error) => void,
): Promise<() => Promise<void>> {
  const client = await pool.connect();
  client.on('notification', () => wake());
  client.on('error', onError);
  await client.query('LISTEN claimwatch_changes');
  return async () => {
    await client.query('UNLISTEN claimwatch_changes').catch(() => undefined);
    client.release();
  };
}
