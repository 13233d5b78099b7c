// Many newsrooms on the fake Discord, each a server of its own with its own feed, set up in a
// shared Postgres as their moderators would have: the feed added and 'troops' followed in #alerts.

import { openPostgresApp } from '../../src/app/postgres-app.js';
import { DATA_DIR } from '../../src/config.js';
import { addFeedSource } from '../../src/polling/add-source.js';
import { recordingLogger } from './bot-app.js';
import type { FakeGuildOptions } from './fake-discord.js';
import { type FeedServer, loopbackFetcher, rssFeed, type TestItem, withEtag } from './feed-server.js';

const DISCORD_EPOCH = 1_420_070_400_000n;
const SETUP_DAY = new Date('2024-10-01T00:00:00Z');
const CLAIMANTS = ['NATO', 'The Pentagon', 'Zelenskyy', 'The National Intelligence Service'];

/** Server ids one millisecond apart, so (id >> 22) % 2 alternates: even servers on shard 0, odd on 1. */
export function serverOptions(count: number): FakeGuildOptions[] {
  const base = BigInt(Date.UTC(2025, 0, 1)) - DISCORD_EPOCH;
  return Array.from({ length: count }, (_, n) => ({
    id: ((base + BigInt(n)) << 22n).toString(),
    name: `Newsroom ${n}`,
    channels: [{ name: 'general' }, { name: 'alerts' }],
  }));
}

/** The figure the k-th new item of server n reports: distinct across every server and item. */
export const figureOf = (n: number, k: number) => (10_000 + k * 1_000 + n * 50).toLocaleString('en-US');

export function burstItems(n: number, perServer: number): TestItem[] {
  return Array.from({ length: perServer }, (_, k) => ({
    title: `Estimate ${n}-${k}`,
    guid: `server-${n}-item-${k}`,
    link: `https://wire${n}.example/${k}`,
    date: '2024-11-05',
    content: `${CLAIMANTS[k % CLAIMANTS.length]} said about ${figureOf(n, k)} North Korean troops were in Russia.`,
  }));
}

/**
 * Each server's feed, served empty while it is added (so nothing old is news), then holding
 * `items(n)`; each server follows 'troops' in its #alerts. Returns when the store has it all.
 */
export async function setUpNewsrooms(
  url: string,
  feeds: FeedServer,
  guilds: Array<Record<string, any>>,
  items: (n: number) => TestItem[],
): Promise<void> {
  const app = await openPostgresApp(url, DATA_DIR, recordingLogger(), { fetcher: loopbackFetcher(), poolSize: 4 });
  try {
    for (const [n, guild] of guilds.entries()) {
      const shown: TestItem[] = [];
      const path = `/server-${n}.xml`;
      feeds.route(
        path,
        withEtag(() => rssFeed(`Wire ${n}`, shown)),
      );
      await addFeedSource(app, { guildId: guild.id, name: `Wire ${n}`, url: feeds.url(path) }, SETUP_DAY);
      const alerts = (guild.channels as Array<Record<string, any>>).find((c) => c.name === 'alerts')!;
      await app.port.routes.follow(guild.id, 'troops', alerts.id, SETUP_DAY);
      shown.push(...items(n));
    }
  } finally {
    await app.close();
  }
}
