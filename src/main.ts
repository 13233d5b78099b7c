/** Entry point: configuration, store, index, then the console bot or the Discord bot. */
import 'dotenv/config';
import { type App, loadDefaultFolders } from './app/app.js';
import { type OpenedApp, openConfigured } from './app/open-configured.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { imageDirFor } from './console/answer-image.js';
import { runConsole } from './console/console.js';
import { processIO } from './console/io.js';
import { consoleEditor, consoleSender } from './console/sender.js';
import { startDiscordBot } from './discord/bot.js';
import { discordEditor } from './discord/editor.js';
import { LoginFailure } from './discord/login.js';
import { discordSender } from './discord/sender.js';
import { type Lifetime, startedByPackageManager, startLifetime } from './lifetime.js';
import { createLogger, type Logger } from './log.js';
import { DataError } from './newsroom/data-files.js';
import { startScheduler } from './scheduler/scheduler.js';
import { StoreInUse } from './store/bot-lock.js';
import { StoreError } from './store/store-error.js';

/** What the operator must fix before the bot can start: said plainly, on one line or a list, no stack. */
const OPERATOR_ERRORS = [ConfigError, DataError, StoreError, StoreInUse, LoginFailure];
const isOperatorError = (error: unknown): error is Error => OPERATOR_ERRORS.some((kind) => error instanceof kind);

async function loadSamples(app: App, mode: 'console' | 'discord', log: Logger): Promise<void> {
  for (const outcome of await loadDefaultFolders(app, mode, new Date())) {
    if ('error' in outcome) log.warn(`skipped ${outcome.error}`);
  }
}

async function runConsoleBot(
  config: Config,
  { app, sharing }: OpenedApp,
  log: Logger,
  lifetime: Lifetime,
): Promise<number> {
  await loadSamples(app, 'console', log);
  // The console speaks for the defaults' audience: their alerts print between answers.
  const scheduler = await startScheduler(
    {
      newsroom: app,
      sender: consoleSender(processIO.out),
      editor: consoleEditor(processIO.out),
      log,
      decide: { consoleChannel: 'console' },
      ...sharing,
    },
    config.alerts,
  );
  app.routeChanges.follow(() => scheduler.reloadDigests());
  const stop = new AbortController();
  void lifetime.stopped.then(() => stop.abort());
  await runConsole(
    app,
    process.stdin,
    processIO,
    () => new Date(),
    log,
    imageDirFor(config.databaseUrl ? ':memory:' : config.dbPath),
    stop.signal,
  );
  await scheduler.stop();
  return 0;
}

async function runDiscordBot(
  config: Config & { mode: 'discord' },
  { app, sharing }: OpenedApp,
  log: Logger,
  lifetime: Lifetime,
) {
  await loadSamples(app, 'discord', log);
  const client = await startDiscordBot(app, config.discord, log, {
    modRoleId: config.alerts.modRoleId,
    onFatalClose: () => lifetime.stop({ kind: 'fatal' }),
  });
  const scheduler = await startScheduler(
    { newsroom: app, sender: discordSender(client.rest), editor: discordEditor(client.rest), log, ...sharing },
    config.alerts,
  );
  app.routeChanges.follow(() => scheduler.reloadDigests());
  const reason = await lifetime.stopped;
  // The running tick finishes first: what it took in is stored, and what it sent is marked sent.
  await scheduler.stop();
  await client.destroy();
  log.info('stopped');
  return reason.kind === 'fatal' ? 1 : 0;
}

async function main(): Promise<number> {
  let config: Config;
  let opened: OpenedApp | undefined;
  let lifetime: Lifetime | undefined;
  try {
    config = loadConfig(process.env);
    const log = createLogger(config.logLevel);
    // A shard process watches its manager too: a killed manager must not leave shards delivering.
    lifetime = startLifetime(log, {
      watchParent: startedByPackageManager(process.env) || process.env.SHARDING_MANAGER !== undefined,
    });
    opened = await openConfigured(config, log);
    return config.mode === 'console'
      ? await runConsoleBot(config, opened, log, lifetime)
      : await runDiscordBot(config, opened, log, lifetime);
  } catch (error) {
    if (!isOperatorError(error)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    lifetime?.dispose();
    await opened?.close();
  }
}

const code = await main();
// Anything still holding the event loop (a socket discord.js left half-closed) must not keep a stopped bot alive.
process.exit(code);
