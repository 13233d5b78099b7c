import type pg from 'pg';
import type { IndexRows } from '../../index/index-rows.js';
import type { ArticleRecord } from '../records.js';
import { SOURCE_COLUMNS, type SourceRow, toSource } from '../source-rows.js';
import { CLAIM_COLUMNS, claimFromRow } from '../store.js';
import type { Queryable } from './transaction.js';

/** Rows a page: large enough that a million claims take few round trips, small enough to stream. */
const PAGE = 20_000;

export const ARTICLE_COLUMNS = `id, identity, url, title, outlet, date, content_hash AS "contentHash", ingested_at AS "ingestedAt"`;

/** What the index needs of the store, read in one snapshot, and the change it stands at. */
export interface IndexSnapshot {
  rows: IndexRows;
  /** The last change the rows include; a follower reads on from here. */
  change: number;
  /** Changes below `change` not yet committed when the snapshot was taken (see ChangeCursor). */
  pending: number[];
}

/** Reads the whole index in one repeatable-read transaction, so rows and change cursor agree. */
export async function readIndexSnapshot(pool: pg.Pool): Promise<IndexSnapshot> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const change = await lastChange(client);
    const pending = await gapsBelow(client, change);
    const sources = (await client.query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM sources ORDER BY id`)).rows.map(
      toSource,
    );
    const names = (await client.query<{ alias: string; name: string }>('SELECT alias, name FROM names')).rows;
    const links = (
      await client.query<[number, number]>({
        text: 'SELECT article_id, source_id FROM article_sources',
        rowMode: 'array',
      })
    ).rows;
    const articles = await paged(client, `SELECT ${ARTICLE_COLUMNS} FROM articles`, (row: ArticleRecord) => row);
    const claims = await paged(client, `SELECT ${CLAIM_COLUMNS} FROM claims`, claimFromRow, 'array');
    await client.query('COMMIT');
    return { rows: { sources, names, links, articles, claims }, change, pending };
  } finally {
    client.release();
  }
}

async function lastChange(on: Queryable): Promise<number> {
  const { rows } = await on.query<{ id: number | null }>('SELECT max(id) AS id FROM changes');
  return rows[0]?.id ?? 0;
}

/** Ids just below `top` that the snapshot does not see: a writer holding them may still commit. */
async function gapsBelow(on: Queryable, top: number, window = 1_000): Promise<number[]> {
  const { rows } = await on.query<{ id: number }>('SELECT id FROM changes WHERE id > $1 AND id <= $2', [
    top - window,
    top,
  ]);
  const seen = new Set(rows.map((r) => r.id));
  const gaps: number[] = [];
  for (let id = Math.max(1, top - window + 1); id < top; id++) if (!seen.has(id)) gaps.push(id);
  return gaps;
}

/** All rows of `select` in id order, a page at a time by id (keyset, so each page is an index range). */
async function paged<R, T extends { id: number }>(
  client: pg.PoolClient,
  select: string,
  build: (row: R) => T,
  rowMode?: 'array',
): Promise<T[]> {
  const all: T[] = [];
  for (let after = 0; ; ) {
    const { rows } = await client.query({
      text: `${select} WHERE id > $1 ORDER BY id LIMIT ${PAGE}`,
      values: [after],
      ...(rowMode ? { rowMode } : {}),
    });
    for (const row of rows as R[]) all.push(build(row));
    if (rows.length < PAGE) return all;
    after = all[all.length - 1]!.id;
  }
}
