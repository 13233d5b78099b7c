/**
 * Issue 12's polling goal: N feeds (default 500) that each take 1 s to answer, 5% of them never
 * answering, five feeds to a host name as outlets publish several, so the fetcher's per-host limit
 * (2 at a time) is what paces each host. Timed: a tick where every answering feed has a new item,
 * and a tick where all answer 304. The silent feeds are made due again before each timed tick,
 * so every tick waits on them as it would on a day they first went silent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type SqliteApp, USER_AGENT } from '../../src/app/app.js';
import { DATA_DIR } from '../../src/config.js';
import { createFetcher } from '../../src/sources/fetch.js';
import { benchLookup, expect, timedTick, verdict } from './polling.js';
import { type FeedHost, startFeedHost } from './polling-host.js';

const TARGETS = { new_items_tick_s: 60, unchanged_tick_s: 10 } as const;
const DELAY_MS = 1000;
const SILENT_EVERY = 20; // 5%
const FEEDS_PER_HOST = 5;
const ITEMS = 5;
const START = Date.UTC(2025, 3, 1);
const HOUR = 3_600_000;

// Consecutive feeds share a host, so the silent 5% fall on different hosts (see the README for a host wholly down).
const hostName = (feed: number) => `outlet-${Math.floor(feed / FEEDS_PER_HOST)}.bench.test`;

/** Every source due now, as if none had failed before: the silent ones are tried again. */
function allDue(app: SqliteApp): void {
  app.store.db.prepare('UPDATE feeds SET next_poll_at = NULL').run();
}

export async function benchSlowPolling(feeds = 500) {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-slow-poll-'));
  let host: FeedHost | undefined;
  let app: SqliteApp | undefined;
  try {
    host = await startFeedHost(feeds, ITEMS, START, { delayMs: DELAY_MS, silentEvery: SILENT_EVERY });
    const fetcher = createFetcher({ allowPrivate: true, userAgent: USER_AGENT, lookup: benchLookup });
    app = openApp(join(dir, 'slow.db'), DATA_DIR, { fetcher });
    const at = new Date(START + ITEMS * HOUR);
    for (let f = 0; f < feeds; f++) {
      const location = `http://${hostName(f)}:${host.port}/rss/${f}`;
      app.store.sourceBook.add({ guildId: 'slow-guild', name: `slow-${f}`, kind: 'feed', location }, at);
    }
    const silent = Math.floor(feeds / SILENT_EVERY);
    await timedTick(app, at); // the silent first read of every item: not timed
    await host.publish();
    allDue(app);
    const fresh = await timedTick(app, new Date(at.getTime() + HOUR));
    expect('slow feeds, new items', fresh.report, { failed: silent, newItems: feeds - silent });
    allDue(app);
    const unchanged = await timedTick(app, new Date(at.getTime() + 2 * HOUR));
    expect('slow feeds, unchanged', unchanged.report, { failed: silent, notModified: feeds - silent });
    const server = await host.stats();
    const freshPass = fresh.seconds < TARGETS.new_items_tick_s;
    const unchangedPass = unchanged.seconds < TARGETS.unchanged_tick_s;
    const limitKept = server.maxPerHost <= 2;
    const shape = `${feeds} feeds answering in ${DELAY_MS / 1000} s, ${silent} never answering, ${FEEDS_PER_HOST} a host`;
    console.log(
      `polling slow feeds, new items: ${shape}: ${fresh.seconds.toFixed(2)} s (${fresh.report.poll.newItems} items, ` +
        `${fresh.report.poll.failed} failed)  target < ${TARGETS.new_items_tick_s} s  ${verdict(freshPass)}`,
    );
    console.log(
      `polling slow feeds, unchanged: ${unchanged.seconds.toFixed(2)} s (${unchanged.report.poll.notModified} 304s, ` +
        `${unchanged.report.poll.failed} failed)  target < ${TARGETS.unchanged_tick_s} s  ${verdict(unchangedPass)}; ` +
        `most requests one host had at once: ${server.maxPerHost} (limit 2)  ${verdict(limitKept)}`,
    );
    return {
      feeds,
      silent,
      delay_ms: DELAY_MS,
      new_items_tick_s: fresh.seconds,
      unchanged_tick_s: unchanged.seconds,
      max_requests_per_host: server.maxPerHost,
      pass: freshPass && unchangedPass && limitKept,
    };
  } finally {
    app?.store.close();
    host?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
