// An App in a fresh temporary folder on the suite's store (test-store.ts: a real SQLite file, or a
// fresh Postgres database), fed with short articles written for the test. Close it in afterEach
// so the folder can be removed. tempSqliteApp is for the tests about SQLite itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, type AppOptions, openApp, type SqliteApp } from '../../src/app/app.js';
import { DATA_DIR } from '../../src/config.js';
import { type IngestResult, ingestArticle, registerSource } from '../../src/newsroom/ingest.js';
import { openTestApp, type TestStoreApp } from './test-store.js';

export interface TestArticle {
  outlet: string;
  date: string;
  body: string;
  url?: string;
  title?: string;
}

export function articleText(article: TestArticle): string {
  const header = [`title: ${article.title ?? 'Test article'}`, `outlet: ${article.outlet}`, `date: ${article.date}`];
  if (article.url) header.push(`url: ${article.url}`);
  return `${header.join('\n')}\n---\n${article.body}\n`;
}

const once = (work: () => Promise<void>) => {
  let done: Promise<void> | undefined;
  return () => (done ??= work());
};

type Ingest = (article: TestArticle, options?: { guildId?: string; now?: Date }) => Promise<IngestResult>;

function ingestInto(app: () => App, dir: string): Ingest {
  return async (article, options = {}) => {
    const now = options.now ?? new Date('2025-05-01T12:00:00Z');
    const guildId = options.guildId ?? '';
    const source = await registerSource(
      app(),
      { guildId, name: guildId ? `feed of ${guildId}` : 'test articles', kind: 'folder', location: dir },
      now,
    );
    return ingestArticle(app(), articleText(article), source, {}, now);
  };
}

export interface TempApp {
  readonly app: App;
  dir: string;
  /** Ingests into the defaults, or into one server's own source when guildId is given. */
  ingest: Ingest;
  reopen(): Promise<App>;
  /** Rows by SQL written for both backends (see TestStoreApp.query). */
  query: TestStoreApp['query'];
  openAnother: TestStoreApp['openAnother'];
  /** The SQLite file, on SQLite only. */
  readonly dbPath: string | undefined;
  close(): Promise<void>;
}

/** `appOptions` go to the app, e.g. a fetcher with allowPrivate: true for feeds served on 127.0.0.1. */
export async function tempApp(appOptions: AppOptions = {}): Promise<TempApp> {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-test-'));
  let opened: TestStoreApp;
  try {
    opened = await openTestApp(dir, appOptions);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    get app() {
      return opened.app;
    },
    dir,
    ingest: ingestInto(() => opened.app, dir),
    reopen: () => opened.reopen(),
    query: (sql, params) => opened.query(sql, params),
    openAnother: () => opened.openAnother(),
    dbPath: opened.dbPath,
    // Once: a file's afterEach may close a handle an earlier test left in its variable.
    close: once(async () => {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    }),
  };
}

export interface TempSqliteApp {
  app: SqliteApp;
  dir: string;
  dbPath: string;
  ingest: Ingest;
  reopen(): SqliteApp;
  close(): void;
}

/** Always SQLite: for the tests that read or damage the SQLite file itself. */
export function tempSqliteApp(appOptions: AppOptions = {}): TempSqliteApp {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-test-'));
  const dbPath = join(dir, 'claimwatch.db');
  const handle: TempSqliteApp = {
    app: openApp(dbPath, DATA_DIR, appOptions),
    dir,
    dbPath,
    ingest: ingestInto(() => handle.app, dir),
    reopen() {
      handle.app.store.close();
      handle.app = openApp(dbPath, DATA_DIR, appOptions);
      return handle.app;
    },
    close() {
      handle.app.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}
