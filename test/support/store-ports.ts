// The whole store port on both backends, for contract tests: each case opens a fresh store
// (a SQLite file in a temporary folder, or a database of its own on the suite's Postgres).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Claim } from '../../src/extract/index.js';
import { openPostgres } from '../../src/store/pg/pool.js';
import { postgresStorePort } from '../../src/store/pg/store-port.js';
import { sqliteStorePort } from '../../src/store/sqlite-store-port.js';
import { Store } from '../../src/store/store.js';
import type { StorePort } from '../../src/store/store-port.js';
import { freshPostgresUrl } from './shared-stores.js';

export interface PortBackend {
  name: 'SQLite' | 'Postgres';
  /** Why this backend cannot run here; the test file says it once and skips its cases. */
  missing?: string;
  /** A fresh, migrated store; `close` removes it. */
  open(): Promise<{ port: StorePort; close(): Promise<void> }>;
}

const sqlite: PortBackend = {
  name: 'SQLite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'claimwatch-port-'));
    const port = sqliteStorePort(Store.open(join(dir, 'claimwatch.db')));
    return {
      port,
      async close() {
        await port.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

function postgres(): PortBackend {
  const server = inject('postgres');
  return {
    name: 'Postgres',
    missing: 'missing' in server ? server.missing : undefined,
    async open() {
      if (!('url' in server)) throw new Error(server.missing);
      const port = postgresStorePort(await openPostgres(await freshPostgresUrl(server.url), { max: 4 }));
      return { port, close: () => port.close() };
    },
  };
}

export const storePortBackends = (): PortBackend[] => [sqlite, postgres()];

/** A claim as the extractor hands it over: NIS on troops, reported, in a Yonhap article. */
export const troopsClaim = (sentence: string, low: number | null, more: Partial<Claim> = {}): Claim => ({
  sentence,
  low,
  high: low,
  hedge: null,
  unit: 'troops',
  topic: 'troops',
  status: 'reported',
  claimant: 'NIS',
  via: null,
  speaker: null,
  outlet: 'Yonhap',
  date: '2026-01-09',
  offset: 0,
  figureText: low === null ? null : String(low),
  role: 'current',
  aside: null,
  ...more,
});
