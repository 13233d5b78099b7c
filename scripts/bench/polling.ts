/**
 * The polling part of `npm run bench`: N feeds of M items each (default 500 × 50) served on
 * 127.0.0.1 by a child process (polling-server.ts), each feed on a host name of its own as real
 * feeds are. Times whole ticks (runTick: poll, take in, decide alerts, deliver) in a fresh store:
 * a silent first read of every item (prime, not a target), a tick where every feed gained one
 * item, and a tick where every feed answers 304 Not Modified. Misses are reported, not fatal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type SqliteApp, USER_AGENT } from '../../src/app/app.js';
import { DATA_DIR } from '../../src/config.js';
import type { Sender } from '../../src/delivery/deliver.js';
import { silentLogger } from '../../src/log.js';
import { POLLED_KINDS } from '../../src/polling/poll.js';
import { flushOutbox, runTick, type TickReport } from '../../src/scheduler/tick.js';
import { createFetcher, type Lookup } from '../../src/sources/fetch.js';
import { hostOf } from './polling-feeds.js';
import { type FeedHost, startFeedHost } from './polling-host.js';

/** The targets, in seconds of one tick. */
const TARGETS = { new_items_tick_s: 60, unchanged_tick_s: 5 } as const;
const GUILD = 'bench-guild';
/** Channels following each topic, so the new items' claims raise alerts that are queued and sent. */
const FOLLOWS: Array<[topic: string, channel: string]> = [
  ['troops', 'bench-desk'],
  ['troops', 'bench-wire'],
  ['casualties', 'bench-desk'],
  ['munitions', 'bench-wire'],
];
const STORY_START = Date.UTC(2025, 3, 1);
const HOUR = 3_600_000;

/** Every bench host is this machine; anything else is refused, so no real DNS is asked. */
export const benchLookup: Lookup = async (hostname) => {
  if (hostname.endsWith('.bench.test')) return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`not a bench host: ${hostname}`), { code: 'ENOTFOUND' });
};

/** Discord stand-in: every message is sent at once. */
export const instantSender: Sender = { send: async () => ({ status: 'sent', messageId: null }) };

export interface Timed {
  seconds: number;
  cpu_seconds: number;
  report: TickReport;
}

export async function timedTick(app: SqliteApp, now: Date, sender: Sender = instantSender): Promise<Timed> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await runTick({ newsroom: app, sender, log: silentLogger }, now);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds: round(seconds), cpu_seconds: round((used.user + used.system) / 1e6), report };
}

export const round = (n: number) => Number(n.toFixed(3));
const thousands = (n: number) => n.toLocaleString('en-US');
export const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');

function addSources(app: SqliteApp, host: FeedHost, feeds: number, now: Date): void {
  for (let f = 0; f < feeds; f++) {
    app.store.sourceBook.add(
      { guildId: GUILD, name: `bench-${f}`, kind: 'feed', location: `http://${hostOf(f)}:${host.port}/rss/${f}` },
      now,
    );
  }
  for (const [topic, channel] of FOLLOWS) app.store.routes.follow(GUILD, topic, channel, now);
}

/** A tick that did not do what the bench times is no figure: say what went wrong instead. */
export function expect(
  what: string,
  report: TickReport,
  want: Partial<Record<keyof TickReport['poll'], number>>,
): void {
  const wrong = Object.entries(want).filter(([key, value]) => report.poll[key as keyof TickReport['poll']] !== value);
  if (wrong.length > 0) {
    throw new Error(
      `polling bench, ${what}: expected ${JSON.stringify(want)}, the tick reported ${JSON.stringify(report.poll)}`,
    );
  }
}

/** After a successful read a feed has no next_poll_at: it is due again at the very next tick. */
function checkAllDue(app: SqliteApp, feeds: number, now: Date): void {
  const due = app.store.sourceBook.dueSources(POLLED_KINDS, now);
  const waiting = due.filter(({ feed }) => feed.nextPollAt !== null).length;
  if (due.length !== feeds || waiting > 0)
    throw new Error(`polling bench: ${due.length} of ${feeds} feeds due, ${waiting} with a next_poll_at`);
}

/** Sends what the new items queued beyond one run's 500 rows, untimed: the 304 tick then times polling alone. */
async function drainOutbox(app: SqliteApp, now: Date): Promise<number> {
  let sent = 0;
  while (app.store.outbox.pendingCount() > 0) {
    const { sent: batch } = await flushOutbox({ newsroom: app, sender: instantSender, log: silentLogger }, now);
    if (batch === 0) throw new Error(`polling bench: ${app.store.outbox.pendingCount()} outbox rows will not send`);
    sent += batch;
  }
  return sent;
}

async function runScenario(app: SqliteApp, host: FeedHost, feeds: number, items: number) {
  const primeAt = new Date(STORY_START + items * HOUR);
  addSources(app, host, feeds, primeAt);
  const prime = await timedTick(app, primeAt);
  expect('prime', prime.report, { sources: feeds, fetched: feeds, failed: 0, newItems: feeds * items });
  checkAllDue(app, feeds, new Date(primeAt.getTime() + HOUR));

  await host.publish();
  const fresh = await timedTick(app, new Date(primeAt.getTime() + HOUR));
  expect('new items', fresh.report, { sources: feeds, fetched: feeds, failed: 0, newItems: feeds });
  checkAllDue(app, feeds, new Date(primeAt.getTime() + 2 * HOUR));
  const drained = await drainOutbox(app, new Date(primeAt.getTime() + HOUR));

  const unchanged = await timedTick(app, new Date(primeAt.getTime() + 2 * HOUR));
  expect('unchanged', unchanged.report, { sources: feeds, notModified: feeds, failed: 0, newItems: 0 });
  return { prime, fresh, unchanged, drained, server: await host.stats() };
}

function describe(feeds: number, items: number, run: Awaited<ReturnType<typeof runScenario>>) {
  const { prime, fresh, unchanged } = run;
  console.log(
    `polling prime: ${thousands(prime.report.poll.newItems)} items (${thousands(prime.report.poll.claims)} claims) from ${feeds} feeds ` +
      `of ${items} read silently in one tick: ${prime.seconds.toFixed(2)} s (cpu ${prime.cpu_seconds.toFixed(2)} s; not a target)`,
  );
  const freshPass = fresh.seconds < TARGETS.new_items_tick_s;
  console.log(
    `polling new items: one tick, ${feeds} feeds re-read with 1 new item each: ${fresh.seconds.toFixed(2)} s ` +
      `(cpu ${fresh.cpu_seconds.toFixed(2)} s; ${fresh.report.poll.newItems} items, ${fresh.report.poll.claims} claims, ` +
      `${fresh.report.delivery.sent} alert rows sent in the tick, ${run.drained} more after it)  target < ${TARGETS.new_items_tick_s} s  ${verdict(freshPass)}`,
  );
  const unchangedPass = unchanged.seconds < TARGETS.unchanged_tick_s;
  console.log(
    `polling unchanged: one tick, ${unchanged.report.poll.notModified} feeds all 304 Not Modified: ${unchanged.seconds.toFixed(2)} s ` +
      `(cpu ${unchanged.cpu_seconds.toFixed(2)} s)  target < ${TARGETS.unchanged_tick_s} s  ${verdict(unchangedPass)}`,
  );
  return { freshPass, unchangedPass };
}

export async function benchPolling(feeds = 500, items = 50) {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-poll-bench-'));
  let host: FeedHost | undefined;
  let app: SqliteApp | undefined;
  try {
    host = await startFeedHost(feeds, items, STORY_START);
    const fetcher = createFetcher({ allowPrivate: true, userAgent: USER_AGENT, lookup: benchLookup });
    app = openApp(join(dir, 'bench.db'), DATA_DIR, { fetcher });
    const run = await runScenario(app, host, feeds, items);
    const { freshPass, unchangedPass } = describe(feeds, items, run);
    const { prime, fresh, unchanged } = run;
    return {
      feeds,
      items_per_feed: items,
      prime_s: prime.seconds,
      prime_cpu_s: prime.cpu_seconds,
      prime_items: prime.report.poll.newItems,
      prime_claims: prime.report.poll.claims,
      new_items_tick_s: fresh.seconds,
      new_items_cpu_s: fresh.cpu_seconds,
      new_items: fresh.report.poll.newItems,
      new_claims: fresh.report.poll.claims,
      alerts_sent: fresh.report.delivery.sent,
      alerts_after_tick: run.drained,
      unchanged_tick_s: unchanged.seconds,
      unchanged_cpu_s: unchanged.cpu_seconds,
      not_modified: unchanged.report.poll.notModified,
      server_responses: run.server,
      targets: {
        new_items_tick: { target: `< ${TARGETS.new_items_tick_s} s`, pass: freshPass },
        unchanged_tick: { target: `< ${TARGETS.unchanged_tick_s} s`, pass: unchangedPass },
      },
      pass: freshPass && unchangedPass,
    };
  } finally {
    app?.store.close();
    host?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
