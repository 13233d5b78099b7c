/** Entry point: configuration, store, index, then the console bot or the Discord bot. */
import 'dotenv/config';
import { type App, loadDefaultFolders, openApp, USER_AGENT } from './app/app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { imageDirFor } from './console/answer-image.js';
import { runConsole } from './console/console.js';
import { processIO } from './console/io.js';
import { consoleSender } from './console/sender.js';
import { startDiscordBot } from './discord/bot.js';
import { discordSender } from './discord/sender.js';
import { createLogger, type Logger } from './log.js';
import { DataError } from './newsroom/data-files.js';
import { startScheduler } from './scheduler/scheduler.js';
import { createFetcher } from './sources/fetch.js';

function loadSamples(app: App, mode: 'console' | 'discord', log: Logger): void {
  for (const outcome of loadDefaultFolders(app, mode, new Date())) {
    if ('error' in outcome) log.warn(`skipped ${outcome.error}`);
  }
}

async function main(): Promise<number> {
  let config: Config;
  let app: App;
  try {
    config = loadConfig(process.env);
    const { alerts } = config;
    app = openApp(config.dbPath, config.dataDir, {
      fetcher: createFetcher({ allowPrivate: alerts.allowPrivateSources, userAgent: USER_AGENT }),
      alertSettings: { timeZone: alerts.timeZone, perChannelPerTick: alerts.perChannelPerTick },
    });
  } catch (error) {
    // What the operator must fix before the bot can start: said plainly, every problem at once.
    if (!(error instanceof ConfigError || error instanceof DataError)) throw error;
    console.error(error.message);
    return 1;
  }
  const log = createLogger(config.logLevel);
  const { alerts } = config;
  if (config.mode === 'console') {
    loadSamples(app, 'console', log);
    // The console speaks for the defaults' audience: their alerts print between answers.
    const scheduler = startScheduler(
      { newsroom: app, sender: consoleSender(processIO.out), log, decide: { consoleChannel: 'console' } },
      alerts,
    );
    app.routeChanges.follow(() => scheduler.reloadDigests());
    await runConsole(app, process.stdin, processIO, () => new Date(), log, imageDirFor(config.dbPath));
    await scheduler.stop();
    app.store.close();
    return 0;
  }
  loadSamples(app, 'discord', log);
  const client = await startDiscordBot(app, config.discord, log, { modRoleId: alerts.modRoleId });
  const scheduler = startScheduler({ newsroom: app, sender: discordSender(client.rest), log }, alerts);
  app.routeChanges.follow(() => scheduler.reloadDigests());
  const stop = async () => {
    await scheduler.stop();
    await client.destroy();
    app.store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

process.exitCode = await main();
