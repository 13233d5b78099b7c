import { type App, loadDefaultFolders, openApp } from '../app/app.js';
import { DATA_DIR, loadConfig } from '../config.js';

/**
 * `--db PATH` opens exactly that store. Without it, the configured store is opened and, like
 * the console bot's first start, given the default sample articles, so `cli ask "/troops"` on
 * a fresh clone has something to say.
 */
export function openCliApp(db: string | undefined, now: Date): App {
  if (db) return openApp(db, DATA_DIR);
  const app = openApp(loadConfig(process.env).dbPath, DATA_DIR);
  loadDefaultFolders(app, DATA_DIR, 'console', now);
  return app;
}
