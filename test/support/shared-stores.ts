// The two stores the shared-store ports run on, opened the way two processes would open them:
// SQLite as two connections to one file, Postgres as two pools on a fresh database of the
// suite's private server (test/support/postgres-global.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { SqliteLeases } from '../../src/store/leases.js';
import { sqliteOutboxQueue } from '../../src/store/outbox-queue.js';
import { PgLeases } from '../../src/store/pg/leases.js';
import { PgOutboxQueue } from '../../src/store/pg/outbox.js';
import { openPostgres } from '../../src/store/pg/pool.js';
import type { Leases, OutboxQueue } from '../../src/store/ports.js';
import { Store } from '../../src/store/store.js';

export interface SharedStoreProcess {
  outbox: OutboxQueue;
  leases: Leases;
}

export interface SharedStore {
  /** Opens the store again, as another process would. */
  process(): Promise<SharedStoreProcess>;
  close(): Promise<void>;
}

export interface Backend {
  name: string;
  /** Why this backend cannot run here, said once by the test file; undefined when it can. */
  missing?: string;
  open(): Promise<SharedStore>;
}

const sqlite: Backend = {
  name: 'SQLite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'claimwatch-shared-'));
    const stores: Store[] = [];
    return {
      async process() {
        const store = Store.open(join(dir, 'claimwatch.db'));
        stores.push(store);
        return { outbox: sqliteOutboxQueue(store.outbox), leases: new SqliteLeases(store.db) };
      },
      async close() {
        for (const store of stores) store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let databases = 0;

/** A database of its own on the suite's server, so test files never see each other's rows. */
export async function freshPostgresUrl(serverUrl: string): Promise<string> {
  const name = `claimwatch_${process.pid}_${Date.now()}_${databases++}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The suite's Postgres server for a test file: its url (undefined, said once, where there is none). */
export function postgresForTests(): { url?: string; freshDatabase(): Promise<string> } {
  const server = inject('postgres');
  if ('missing' in server) {
    console.warn(`SKIPPED Postgres tests: ${server.missing}`);
    return { freshDatabase: () => Promise.reject(new Error(server.missing)) };
  }
  return { url: server.url, freshDatabase: () => freshPostgresUrl(server.url) };
}

function postgres(): Backend {
  const server = inject('postgres');
  return {
    name: 'Postgres',
    missing: 'missing' in server ? server.missing : undefined,
    async open() {
      const url = await postgresForTests().freshDatabase();
      const pools: pg.Pool[] = [];
      return {
        async process() {
          const pool = await openPostgres(url, { max: 4 });
          pools.push(pool);
          return { outbox: new PgOutboxQueue(pool), leases: new PgLeases(pool) };
        },
        async close() {
          await Promise.all(pools.map((pool) => pool.end()));
        },
      };
    },
  };
}

export const sharedStoreBackends = (): Backend[] => [sqlite, postgres()];
