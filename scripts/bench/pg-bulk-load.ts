/**
 * The bot bench's generated SQLite store copied row for row into a Postgres database, ids kept,
 * so both stores answer from the same claims. Batched multi-row inserts (unnest of column
 * arrays), not ingest: a fill for the boot and answer figures, far faster than a million
 * ingests. The change log's triggers still run, so the database looks as one the bot wrote.
 */
import type pg from 'pg';
import { Store } from '../../src/store/store.js';

const ROWS_PER_INSERT = 5_000;

/** Each copied table: its columns (the same names on both stores) and their Postgres array types. */
const TABLES: Array<{ name: string; columns: Array<[string, string]>; order: string }> = [
  {
    name: 'sources',
    columns: [
      ['id', 'bigint'],
      ['guild_id', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['location', 'text'],
      ['topics', 'text'],
      ['paused', 'int'],
      ['created_at', 'text'],
    ],
    order: 'id',
  },
  {
    name: 'articles',
    columns: [
      ['id', 'bigint'],
      ['identity', 'text'],
      ['url', 'text'],
      ['title', 'text'],
      ['outlet', 'text'],
      ['date', 'text'],
      ['content_hash', 'text'],
      ['ingested_at', 'text'],
    ],
    order: 'id',
  },
  {
    name: 'article_sources',
    columns: [
      ['article_id', 'bigint'],
      ['source_id', 'bigint'],
    ],
    order: 'article_id, source_id',
  },
  {
    name: 'claims',
    columns: [
      ['id', 'bigint'],
      ['article_id', 'bigint'],
      ['position', 'int'],
      ['sentence', 'text'],
      ['low', 'float8'],
      ['high', 'float8'],
      ['hedge', 'text'],
      ['unit', 'text'],
      ['topic', 'text'],
      ['status', 'text'],
      ['claimant', 'text'],
      ['via', 'text'],
      ['figure_text', 'text'],
      ['speaker', 'text'],
      ['role', 'text'],
      ['aside', 'text'],
      ['wrong', 'int'],
    ],
    order: 'id',
  },
];

export interface BulkLoad {
  articles: number;
  claims: number;
  seconds: number;
}

/** Copies the store into `pool`'s (empty, migrated) database; returns what it copied and how long it took. */
export async function copyStoreToPostgres(storePath: string, pool: pg.Pool): Promise<BulkLoad> {
  const started = performance.now();
  const store = Store.open(storePath);
  const counts: Record<string, number> = {};
  try {
    for (const table of TABLES) {
      const names = table.columns.map(([name]) => name);
      const select = store.db.prepare(`SELECT ${names.join(', ')} FROM ${table.name} ORDER BY ${table.order}`).raw();
      const insert = `INSERT INTO ${table.name} (${names.join(', ')})
        SELECT * FROM unnest(${table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;
      counts[table.name] = 0;
      let batch: unknown[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await pool.query(
          insert,
          names.map((_, i) => batch.map((row) => row[i])),
        );
        counts[table.name]! += batch.length;
        batch = [];
      };
      for (const row of select.iterate() as Iterable<unknown[]>) {
        batch.push(row);
        if (batch.length === ROWS_PER_INSERT) await flush();
      }
      await flush();
    }
  } finally {
    store.close();
  }
  // Ids were given, so the identity columns must be told where to go on from, as after real writes.
  for (const table of ['sources', 'articles', 'claims'])
    await pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  // Fresh statistics, as autovacuum would gather on a store written over months.
  await pool.query('ANALYZE');
  return {
    articles: counts.articles!,
    claims: counts.claims!,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
}
