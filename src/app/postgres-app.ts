import { randomUUID } from 'node:crypto';
import { compileLexicon } from '../extract/index.js';
import type { ClaimIndex } from '../index/claim-index.js';
import type { Logger } from '../log.js';
import { withStoredTopics } from '../newsroom/reload.js';
import { listenForChanges, pruneChanges } from '../store/pg/change-feed.js';
import { openPostgres } from '../store/pg/pool.js';
import { postgresStorePort } from '../store/pg/store-port.js';
import { type App, type AppOptions, assembleApp, dataFilesOf } from './app.js';
import { bootFollowingIndex } from './postgres-index.js';

/**
 * The app on a Postgres store other processes share. Boot reads the index whole from one
 * snapshot; from then on the index follows the change log, woken by each commit's NOTIFY and
 * asked again at every tick (catchUp), so a lost notification costs at most one tick.
 */
/** The app on Postgres, with the upkeep the shared change log needs. */
export interface PostgresApp extends App {
  /** Drops change log rows older than `before` (the poller does, once a tick). */
  pruneChanges(before: Date): Promise<number>;
}

export async function openPostgresApp(
  url: string,
  dataDir: string,
  log: Logger,
  options: AppOptions & { now?: Date; poolSize?: number } = {},
): Promise<PostgresApp> {
  const data = dataFilesOf(dataDir);
  // Unique to this run, so its follower knows its own changes (a restart boots from the store anyway).
  const writer = `claimwatch-${randomUUID().slice(0, 8)}`;
  const pool = await openPostgres(url, { max: options.poolSize, applicationName: writer });
  try {
    const port = postgresStorePort(pool);
    const lexicon = withStoredTopics(data.lexicon, await port.topics.all());
    // Another process changed a topic: file and extract by the new set, as /topics does here.
    const topicsChanged = async (index: ClaimIndex, moves: Array<{ id: number; topic: string | null }>) => {
      const next = withStoredTopics(data.lexicon, await port.topics.all());
      app.lexicon = compileLexicon(next);
      for (const _ of index.retopic(next, moves)) await new Promise<void>((resolve) => setImmediate(resolve));
    };
    const { index, follower } = await bootFollowingIndex(pool, lexicon, {
      now: options.now,
      topicsChanged,
      self: writer,
    });
    // One catch-up at a time: a notification arriving mid-read asks for one more pass, not a second reader.
    let running: Promise<number> | null = null;
    let again = false;
    const catchUp = async (now: Date): Promise<number> => {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let taken = 0;
        do {
          again = false;
          taken += await follower.catchUp(now);
        } while (again);
        return taken;
      })().finally(() => {
        running = null;
      });
      return running;
    };
    const wake = () =>
      void catchUp(new Date()).catch((error: unknown) => log.error('index follow (notified) failed', error));
    let stopListening = async () => {};
    const app: PostgresApp = {
      ...assembleApp({ port, index, lexicon, dataDir }, data, options),
      catchUp,
      pruneChanges: (before) => pruneChanges(pool, before),
      close: async () => {
        await stopListening();
        await running?.catch(() => undefined);
        await port.close();
      },
    };
    stopListening = await listenForChanges(pool, wake, (error) =>
      log.warn(`change notifications stopped (${error.message}); the index still catches up every tick`),
    );
    return app;
  } catch (error) {
    await pool.end();
    throw error;
  }
}
