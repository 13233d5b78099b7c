/**
 * The clock's edge: node-cron fires the polling tick (ALERT_CRON) and each channel's briefing
 * schedule. Every job runs through one queue, so ticks never overlap and two jobs never deliver
 * the same pending message at once; every job is caught and logged by name.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { zoneOf } from '../settings/zone.js';
import { flushOutbox, runBriefing, runTick, type TickDeps, type TickReport } from './tick.js';

export interface ScheduleSettings {
  cron: string;
  timeZone: string;
}

export interface Scheduler {
  /** Queues a polling tick now, unless one is already waiting or running. */
  tick(): Promise<void>;
  /** Follows the briefing schedules in the store after one is added, changed or removed (or a server's zone). */
  reloadDigests(): Promise<void>;
  /** When the briefing next runs, as scheduled now; null for one not scheduled. */
  nextBriefing(digestId: number): Date | null;
  /** Stops the clock and waits for the running job. */
  stop(): Promise<void>;
}

function describe({ poll, delivery }: TickReport): string {
  return (
    `poll tick: ${poll.sources} sources, ${poll.fetched} fetched, ${poll.notModified} unchanged, ${poll.failed} failed, ` +
    `${poll.newItems} new items, ${poll.claims} claims${poll.waiting ? `, ${poll.waiting} items left for the next tick` : ''}; ${delivery.sent} sent, ${delivery.retried} to retry, ${delivery.broken} broken`
  );
}

/** Starts the clock once the briefing schedules are read, so they run from the first minute. */
export async function startScheduler(
  deps: TickDeps,
  settings: ScheduleSettings,
  clock: () => Date = () => new Date(),
): Promise<Scheduler> {
  const { log } = deps;
  let chain: Promise<void> = Promise.resolve();
  let tickWaiting = false;
  const job = (name: string, work: (now: Date) => Promise<unknown>): Promise<void> => {
    chain = chain
      .then(() => work(clock()))
      .then(
        () => undefined,
        (error: unknown) => log.error(`${name} failed`, error),
      );
    return chain;
  };
  const tick = (): Promise<void> => {
    if (tickWaiting) {
      log.warn('poll tick skipped: the previous one is still running');
      return chain;
    }
    tickWaiting = true;
    return job('poll tick', async (now) => {
      try {
        const report = await runTick(deps, now);
        // On a shared store another process may have set a schedule: each tick reads them again.
        if (deps.pollerLease) await reloadDigests();
        const eventful =
          report.poll.newItems +
            report.poll.failed +
            report.delivery.sent +
            report.delivery.retried +
            report.delivery.broken >
          0;
        (eventful ? log.info : log.debug)(describe(report));
      } finally {
        tickWaiting = false;
      }
    });
  };
  const options = { timezone: settings.timeZone };
  const main = cron.schedule(settings.cron, () => void tick(), { ...options, name: 'poll tick' });
  const briefings = new Map<number, ScheduledTask>();
  let loaded: string | undefined;
  const loadDigests = async () => {
    const digests = await deps.newsroom.port.routes.digests();
    const zones = await Promise.all(digests.map((digest) => zoneOf(deps.newsroom, digest.guildId)));
    const key = JSON.stringify(digests.map((d, i) => [d.id, d.schedule, zones[i]]));
    if (key === loaded) return;
    loaded = key;
    for (const task of briefings.values()) void task.destroy();
    briefings.clear();
    for (const [i, digest] of digests.entries()) {
      if (!cron.validate(digest.schedule)) {
        log.warn(`briefing ${digest.id}: schedule ${JSON.stringify(digest.schedule)} is not valid cron; skipped`);
        continue;
      }
      const name = `briefing ${digest.id} (#${digest.channelId})`;
      briefings.set(
        digest.id,
        cron.schedule(
          digest.schedule,
          () =>
            void job(name, async (now) => {
              const current = await deps.newsroom.port.routes.digest(digest.id);
              if (current) await runBriefing(deps, current, now);
            }),
          // Each server's briefings keep its own clock (/settings), the rest ALERT_TZ.
          { timezone: zones[i], name },
        ),
      );
    }
  };
  // Reloads one after another, so a slow read cannot bring back the schedules a later one removed.
  let reloading: Promise<void> = Promise.resolve();
  const reloadDigests = (): Promise<void> => {
    reloading = reloading.then(loadDigests).catch((error: unknown) => log.error('briefing reload failed', error));
    return reloading;
  };
  await reloadDigests();
  void job('startup delivery', (now) => flushOutbox(deps, now));
  void tick();
  return {
    tick,
    reloadDigests,
    nextBriefing: (digestId) => briefings.get(digestId)?.getNextRun() ?? null,
    async stop() {
      await main.destroy();
      for (const task of briefings.values()) await task.destroy();
      await chain;
    },
  };
}
