import { type App, loadDefaultFolders, openApp } from '../app/app.js';
import { openPostgresApp } from '../app/postgres-app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';

/**
 * `--db PATH` opens exactly that SQLite file. Without it, the configured store (DATABASE_URL's
 * Postgres, else CLAIMWATCH_DB) is opened and, like
 * the console bot's first start, given the default sample articles, so `cli ask "/troops"` on
 * a fresh clone has something to say.
 */
export async function openCliApp(db: string | undefined, now: Date): Promise<App> {
  const config = loadConfig(process.env);
  if (db) return openApp(db, config.dataDir);
  const app = config.databaseUrl
    ? await openPostgresApp(config.databaseUrl, config.dataDir, createLogger(config.logLevel))
    : openApp(config.dbPath, config.dataDir);
  await loadDefaultFolders(app, 'console', now);
  return app;
}
