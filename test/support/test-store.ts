// Which store the suite runs on: CLAIMWATCH_TEST_STORE=postgres runs the helpers' apps on a
// fresh database of the suite's private Postgres (npm run test:postgres), otherwise on SQLite.
import { join } from 'node:path';
import type pg from 'pg';
import { inject } from 'vitest';
import { type App, type AppOptions, openApp, type SqliteApp } from '../../src/app/app.js';
import { openPostgresApp } from '../../src/app/postgres-app.js';
import { DATA_DIR } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { openPostgres } from '../../src/store/pg/pool.js';
import { freshPostgresUrl } from './shared-stores.js';

export type TestStore = 'sqlite' | 'postgres';

export const TEST_STORE: TestStore = process.env.CLAIMWATCH_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = TEST_STORE === 'postgres';

/** A database of its own on the suite's Postgres; fails loudly when the run asked for Postgres and has none. */
export async function testPostgresUrl(): Promise<string> {
  const server = inject('postgres');
  if (!('url' in server)) throw new Error(`CLAIMWATCH_TEST_STORE=postgres but ${server.missing}`);
  return freshPostgresUrl(server.url);
}

/**
 * True when this run is on Postgres and the file is about SQLite itself: the caller skips with
 * `describe.skipIf(sqliteOnly(...))`, and the reason is printed once so no skip is silent.
 */
export function sqliteOnly(file: string, why: string): boolean {
  if (onPostgres) console.warn(`SKIPPED on Postgres: ${file}: ${why}`);
  return onPostgres;
}

/** An app on the chosen store, with what tests need around it on either backend. */
export interface TestStoreApp {
  app: App;
  /** Closes the app and opens the same store again, as a restarted process would. */
  reopen(): Promise<App>;
  /** Rows read by SQL written for both backends: `$1` placeholders, camelCase aliases in double quotes. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A second app on the same store, as another process would open it; the caller closes it. */
  openAnother(): Promise<App>;
  /** The SQLite file, on SQLite only: for the tests that spawn a process on it. */
  dbPath: string | undefined;
  close(): Promise<void>;
}

/** Follower failures print, so a Postgres-only fault in a test's app is never swallowed. */
const printingLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error),
};

export async function openTestApp(dir: string, options: AppOptions = {}): Promise<TestStoreApp> {
  if (!onPostgres) {
    const dbPath = join(dir, 'claimwatch.db');
    let app: SqliteApp = openApp(dbPath, DATA_DIR, options);
    return {
      get app() {
        return app;
      },
      async reopen() {
        await app.close();
        app = openApp(dbPath, DATA_DIR, options);
        return app;
      },
      async query<T>(sql: string, params: unknown[] = []) {
        return app.store.db.prepare(sql.replace(/\$\d+/g, '?')).all(...params) as T[];
      },
      openAnother: async () => openApp(dbPath, DATA_DIR, options),
      dbPath,
      close: () => app.close(),
    };
  }
  const url = await testPostgresUrl();
  const open = () => openPostgresApp(url, DATA_DIR, printingLogger, { ...options, poolSize: 4 });
  let app = await open();
  let reader: pg.Pool | undefined;
  return {
    get app() {
      return app;
    },
    async reopen() {
      // A test may have closed the store already, as a dying process would.
      await app.close().catch(() => undefined);
      app = await open();
      return app;
    },
    async query<T>(sql: string, params: unknown[] = []) {
      reader ??= await openPostgres(url, { max: 1 });
      return (await reader.query(sql, params)).rows as T[];
    },
    openAnother: open,
    dbPath: undefined,
    async close() {
      await reader?.end();
      await app.close();
    },
  };
}

/**
 * The environment that puts a spawned bot on the suite's store, spread after CLAIMWATCH_DB: on
 * Postgres a fresh database, with CLAIMWATCH_DB emptied (the bot refuses both set); else nothing.
 */
export async function botStoreEnv(): Promise<Record<string, string>> {
  return onPostgres ? { DATABASE_URL: await testPostgresUrl(), CLAIMWATCH_DB: '' } : {};
}
