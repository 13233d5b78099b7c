// The store port on either backend with a way to make bare claims, for the books whose rows
// point at claims (decisions, alert edits) while the articles book may not answer on Postgres.
// Only the fixture rows go round the port; every write and read under test goes through it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openPostgres } from '../../src/store/pg/pool.js';
import { postgresStorePort } from '../../src/store/pg/store-port.js';
import { sqliteStorePort } from '../../src/store/sqlite-store-port.js';
import { Store } from '../../src/store/store.js';
import type { StorePort } from '../../src/store/store-port.js';
import { freshPostgresUrl } from './shared-stores.js';
import type { PortBackend } from './store-ports.js';

export interface SeededClaim {
  claimId: number;
  articleId: number;
}

export interface PortWithClaims {
  port: StorePort;
  /** A new article with one claim, written straight to the store. */
  claim(): Promise<SeededClaim>;
  close(): Promise<void>;
}

let articles = 0;

export async function openWithClaims(backend: PortBackend): Promise<PortWithClaims> {
  const identity = () => `seed-${process.pid}-${++articles}`;
  const at = '2026-01-01T00:00:00.000Z';
  if (backend.name === 'SQLite') {
    const dir = mkdtempSync(join(tmpdir(), 'claimwatch-port-'));
    const store = Store.open(join(dir, 'claimwatch.db'));
    const port = sqliteStorePort(store);
    return {
      port,
      async claim() {
        const article = store.db
          .prepare('INSERT INTO articles (identity, content_hash, ingested_at) VALUES (?, ?, ?) RETURNING id')
          .get(identity(), 'h', at) as { id: number };
        const claim = store.db
          .prepare(`INSERT INTO claims (article_id, position, sentence, status) VALUES (?, 0, 's', 'ok') RETURNING id`)
          .get(article.id) as { id: number };
        return { claimId: claim.id, articleId: article.id };
      },
      async close() {
        await port.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = inject('postgres');
  if (!('url' in server)) throw new Error(server.missing);
  const pool = await openPostgres(await freshPostgresUrl(server.url), { max: 4 });
  const port = postgresStorePort(pool);
  return {
    port,
    async claim() {
      const article = await pool.query<{ id: number }>(
        'INSERT INTO articles (identity, content_hash, ingested_at) VALUES ($1, $2, $3) RETURNING id',
        [identity(), 'h', at],
      );
      const articleId = article.rows[0]!.id;
      const claim = await pool.query<{ id: number }>(
        `INSERT INTO claims (article_id, position, sentence, status) VALUES ($1, 0, 's', 'ok') RETURNING id`,
        [articleId],
      );
      return { claimId: claim.rows[0]!.id, articleId };
    },
    close: () => port.close(),
  };
}
