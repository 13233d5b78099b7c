// An App over a real SQLite file in a fresh temporary folder, fed with short articles
// written for the test. Close it in afterEach so the folder can be removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, openApp, type SqliteApp } from '../../src/app/app.js';
import { DATA_DIR } from '../../src/config.js';
import { type IngestResult, ingestArticle, registerSource } from '../../src/newsroom/ingest.js';

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

export interface TempApp {
  app: SqliteApp;
  dir: string;
  dbPath: string;
  /** Ingests into the defaults, or into one server's own source when guildId is given. */
  ingest(article: TestArticle, options?: { guildId?: string; now?: Date }): Promise<IngestResult>;
  reopen(): SqliteApp;
  close(): void;
}

/** `appOptions` go to openApp, e.g. a fetcher with allowPrivate: true for feeds served on 127.0.0.1. */
export function tempApp(appOptions: AppOptions = {}): TempApp {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-test-'));
  const dbPath = join(dir, 'claimwatch.db');
  const handle: TempApp = {
    app: openApp(dbPath, DATA_DIR, appOptions),
    dir,
    dbPath,
    async ingest(article, options = {}) {
      const now = options.now ?? new Date('2025-05-01T12:00:00Z');
      const guildId = options.guildId ?? '';
      const source = await registerSource(
        handle.app,
        { guildId, name: guildId ? `feed of ${guildId}` : 'test articles', kind: 'folder', location: dir },
        now,
      );
      return ingestArticle(handle.app, articleText(article), source, {}, now);
    },
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
