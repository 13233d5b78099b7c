/** Entry point: configuration, store, index, then the console bot or the Discord bot. */
import 'dotenv/config';
import { loadDefaultFolders, openApp, type App } from './app.js';
import { processIO } from './cli/io.js';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console.js';
import { startDiscordBot } from './discord.js';
import { createLogger, type Logger } from './log.js';
import { DATA_DIR } from './paths.js';

function loadSamples(app: App, mode: 'console' | 'discord', log: Logger): void {
  for (const outcome of loadDefaultFolders(app, DATA_DIR, mode, new Date())) {
    if ('error' in outcome) log.warn(`skipped ${outcome.error}`);
  }
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  const log = createLogger(config.logLevel);
  const app = openApp(config.dbPath, DATA_DIR);
  if (config.mode === 'console') {
    loadSamples(app, 'console', log);
    await runConsole(app, process.stdin, processIO, () => new Date(), log);
    app.store.close();
    return 0;
  }
  loadSamples(app, 'discord', log);
  const client = await startDiscordBot(app, config.discord, log);
  const stop = async () => {
    await client.destroy();
    app.store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

process.exitCode = await main();
