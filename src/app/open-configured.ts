import type { Config } from '../config.js';
import { shortestGapSeconds } from '../cron-gap.js';
import type { Logger } from '../log.js';
import type { TickDeps } from '../scheduler/tick.js';
import { createFetcher } from '../sources/fetch.js';
import { lockStoreForBot } from '../store/bot-lock.js';
import { type App, type AppOptions, openApp, USER_AGENT } from './app.js';
import { openPostgresApp } from './postgres-app.js';

export interface OpenedApp {
  app: App;
  /** What this process's ticks need to share the store with other processes; nothing for SQLite. */
  sharing: Pick<TickDeps, 'pollerLease' | 'deliverer' | 'catchUp' | 'tidy'>;
  close(): Promise<void>;
}

/** How long the change log keeps a row: far longer than any process lags behind it while running. */
const CHANGE_LOG_DAYS = 7;
const DAY_MS = 86_400_000;

/** The poller lease outlives a few missed ticks, so a slow tick does not hand polling to another process. */
function leaseMs(cronExpression: string): number {
  const gap = shortestGapSeconds(cronExpression) ?? 300;
  return Math.max(60_000, gap * 2_500);
}

/**
 * The app on the configured store. SQLite is this process's alone (the bot lock refuses a
 * second); Postgres is shared, so the ticks take the poller lease, claim outbox rows under this
 * process's name and follow the others' writes.
 */
export async function openConfigured(config: Config, log: Logger): Promise<OpenedApp> {
  const { alerts } = config;
  const options: AppOptions = {
    fetcher: createFetcher({ allowPrivate: alerts.allowPrivateSources, userAgent: USER_AGENT }),
    alertSettings: { timeZone: alerts.timeZone, perChannelPerTick: alerts.perChannelPerTick },
    createStoreFolder: false,
  };
  if (config.databaseUrl) {
    const app = await openPostgresApp(config.databaseUrl, config.dataDir, log, options);
    const sharing: OpenedApp['sharing'] = {
      pollerLease: { leases: app.port.leases, holder: config.instance, ttlMs: leaseMs(alerts.cron) },
      deliverer: config.instance,
      catchUp: app.catchUp,
      tidy: async (now) => {
        const pruned = await app.pruneChanges(new Date(now.getTime() - CHANGE_LOG_DAYS * DAY_MS));
        if (pruned > 0) log.debug(`change log: ${pruned} rows older than ${CHANGE_LOG_DAYS} days dropped`);
      },
    };
    log.info(`store: Postgres, shared; this process is ${config.instance}`);
    return { app, sharing, close: () => app.close() };
  }
  const app = openApp(config.dbPath, config.dataDir, options);
  try {
    const lock = lockStoreForBot(config.dbPath);
    return {
      app,
      sharing: {},
      close: async () => {
        await app.close();
        lock.release();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
