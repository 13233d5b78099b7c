import { type App, loadDefaultFolders, openApp } from '../app/app.js';
import { loadConfig } from '../config.js';

/**
 * `--db PATH` opens exactly that store. Without it, the configured store is opened and, like
 * the console bot's first start, given the default sample articles, so `cli ask "/troops"` on
 * a fresh clone has something to say.
 */
export async function openCliApp(db: string | undefined, now: Date): Promise<App> {
  const config = loadConfig(process.env);
  if (db) return openApp(db, config.dataDir);
  const app = openApp(config.dbPath, config.dataDir);
  await loadDefaultFolders(app, 'console', now);
  return app;
}
