// The two stores the shared-store ports run on, opened the way two processes would open them:
// SQLite as two connections to one file, Postgres as two pools on a fresh database of the
// suite's private server (test/support/postgres-global.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres } from '../../src/store/pg/pool.js';
import { postgresPorts } from '../../src/store/pg/ports.js';
import { type SharedPorts, sqlitePorts } from '../../src/store/sqlite-ports.js';
import { Store } from '../../src/store/store.js';

export type SharedStoreProcess = SharedPorts;

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
        return sqlitePorts(store);
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

function postgres(): Backend {
  const server = inject('postgres');
  return {
    name: 'Postgres',
    missing: 'missing' in server ? server.missing : undefined,
    async open() {
      if (!('url' in server)) throw new Error(server.missing);
      const url = await freshPostgresUrl(server.url);
      const pools: pg.Pool[] = [];
      return {
        async process() {
          const pool = await openPostgres(url, { max: 4 });
          pools.push(pool);
          return postgresPorts(pool);
        },
        async close() {
          await Promise.all(pools.map((pool) => pool.end()));
        },
      };
    },
  };
}

export const sharedStoreBackends = (): Backend[] => [sqlite, postgres()];
