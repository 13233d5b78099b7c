// The two stores the store port runs on, opened the way two processes would open them:
// SQLite as two connections to one file, Postgres as two pools on a fresh database of the
// suite's private server (test/support/postgres-global.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openPostgres } from '../../src/store/pg/pool.js';
import { postgresStorePort } from '../../src/store/pg/store-port.js';
import { sqliteStorePort } from '../../src/store/sqlite-store-port.js';
import { Store } from '../../src/store/store.js';
import type { StorePort } from '../../src/store/store-port.js';
import { createDatabase } from './postgres-server.js';

export type SharedStoreProcess = StorePort;

/** When a lease taken at `at` for `ms` ends: the outbox's claimDue takes the end, not the length. */
export const leaseEnd = (at: Date, ms: number): Date => new Date(at.getTime() + ms);

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
    const ports: StorePort[] = [];
    return {
      async process() {
        const port = sqliteStorePort(Store.open(join(dir, 'claimwatch.db')));
        ports.push(port);
        return port;
      },
      async close() {
        for (const port of ports) await port.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let databases = 0;

/** A database of its own on the suite's server, so test files never see each other's rows. */
export async function freshPostgresUrl(serverUrl: string): Promise<string> {
  return createDatabase(serverUrl, `claimwatch_${process.pid}_${Date.now()}_${databases++}`);
}

function postgres(): Backend {
  const server = inject('postgres');
  return {
    name: 'Postgres',
    missing: 'missing' in server ? server.missing : undefined,
    async open() {
      if (!('url' in server)) throw new Error(server.missing);
      const url = await freshPostgresUrl(server.url);
      const ports: StorePort[] = [];
      return {
        async process() {
          const port = postgresStorePort(await openPostgres(url, { max: 4 }));
          ports.push(port);
          return port;
        },
        async close() {
          await Promise.all(ports.map((port) => port.close()));
        },
      };
    },
  };
}

export const sharedStoreBackends = (): Backend[] => [sqlite, postgres()];
