/**
 * Issue 15's figure: the time from the start of a tick to the first alert sent from a healthy feed,
 * alone and then with a hostile feed polled in the same tick (ten summary-only items whose pages
 * accept the request and never answer). Goal: with the hostile feed, under twice the time without.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, USER_AGENT } from '../../src/app/app.js';
import { DATA_DIR } from '../../src/config.js';
import type { Sender } from '../../src/delivery/deliver.js';
import { createFetcher } from '../../src/sources/fetch.js';
import { benchLookup, round, timedTick, verdict } from './polling.js';
import { startFeedHost } from './polling-host.js';

const START = Date.UTC(2025, 3, 1);
const HOUR = 3_600_000;
const GUILD = 'hostile-guild';

/** Seconds from the tick's start to the first message sent, and the whole tick's seconds. */
async function firstAlert(withHostile: boolean): Promise<{ first_alert_s: number | null; tick_s: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-hostile-'));
  const host = await startFeedHost(1, 5, START);
  const app = openApp(join(dir, 'hostile.db'), DATA_DIR, {
    fetcher: createFetcher({ allowPrivate: true, userAgent: USER_AGENT, lookup: benchLookup }),
  });
  try {
    const at = new Date(START + 5 * HOUR);
    const base = `:${host.port}`;
    app.store.sourceBook.add(
      { guildId: GUILD, name: 'healthy', kind: 'feed', location: `http://healthy.bench.test${base}/rss/0` },
      at,
    );
    if (withHostile)
      app.store.sourceBook.add(
        { guildId: GUILD, name: 'hostile', kind: 'feed', location: `http://hostile.bench.test${base}/hostile.xml` },
        at,
      );
    for (const topic of ['troops', 'casualties', 'munitions']) app.store.routes.follow(GUILD, topic, 'desk', at);
    await timedTick(app, at); // first reads, silent
    await host.publish(); // one new item in the healthy feed, ten new teasers in the hostile one
    let started = 0;
    let first: number | null = null;
    const sender: Sender = {
      send: async () => {
        first ??= performance.now() - started;
        return { status: 'sent', messageId: null };
      },
    };
    started = performance.now();
    const tick = await timedTick(app, new Date(at.getTime() + HOUR), sender);
    return { first_alert_s: first === null ? null : round(first / 1000), tick_s: tick.seconds };
  } finally {
    app.store.close();
    host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchHostilePolling() {
  const alone = await firstAlert(false);
  const beside = await firstAlert(true);
  const ratio = alone.first_alert_s && beside.first_alert_s ? beside.first_alert_s / alone.first_alert_s : null;
  const pass = ratio !== null && ratio < 2;
  console.log(
    `polling beside a hostile feed: first alert from a healthy feed ${beside.first_alert_s ?? 'never'} s into the tick ` +
      `(alone: ${alone.first_alert_s ?? 'never'} s; ${ratio === null ? 'no ratio' : `${ratio.toFixed(2)}x`}); the tick itself ` +
      `${beside.tick_s.toFixed(2)} s, held by the silent pages until their source's budget  target < 2x  ${verdict(pass)}`,
  );
  return { alone, beside, ratio: ratio === null ? null : round(ratio), pass };
}
