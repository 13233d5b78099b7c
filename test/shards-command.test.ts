// `npm run shards` as an operator runs it: the built ShardingManager entry, forking the built bot
// once per shard, against the fake Discord and a Postgres database of its own.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type BotProcess, killBots, SHARDS_ENTRY, startBotProcess } from './support/bot-process.js';
import { type FakeDiscord, startFakeDiscord } from './support/fake-discord.js';
import { FAKE_TOKEN } from './support/fake-discord-client.js';
import { freshPostgresUrl } from './support/shared-stores.js';

const server = inject('postgres');
const missing = 'missing' in server ? server.missing : undefined;
if (missing) console.warn(`SKIPPED npm run shards tests: ${missing}`);

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await killBots();
  await fake?.close();
  fake = undefined;
});

const manager = (env: Record<string, string | undefined>) => startBotProcess(env, SHARDS_ENTRY);
const pidsOf = (m: BotProcess, shard: number) =>
  [...m.output().matchAll(new RegExp(`shard ${shard} of \\d+: pid (\\d+)`, 'g'))].map((found) => Number(found[1]));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm run shards', { timeout: 120_000 }, () => {
  it('refuses to start without DATABASE_URL, since the shard processes cannot share a SQLite file', async () => {
    const m = manager({ DISCORD_TOKEN: FAKE_TOKEN, CLAIMWATCH_DB: '' });
    expect(await m.exited).toBe(1);
    expect(m.output()).toMatch(/npm run shards needs DATABASE_URL: .*a SQLite file cannot be shared/);
    expect(m.output()).not.toMatch(/shard 0 of/);
  });

  it.skipIf(Boolean(missing))(
    'runs each shard in a process of its own, starts a killed one again, and stops them all on SIGTERM',
    async () => {
      if (!('url' in server)) throw new Error(server.missing);
      fake = await startFakeDiscord({ token: FAKE_TOKEN, recommendedShards: 2 });
      const m = manager({
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_API_BASE: fake.restBase,
        DATABASE_URL: await freshPostgresUrl(server.url),
        DISCORD_SHARDS: 'auto',
      });
      const ready = (count: number) =>
        expect
          .poll(() => m.output().match(/shard \d of 2: ready/g)?.length, { timeout: 60_000, interval: 100 })
          .toBe(count);
      await ready(2);
      // One shard per process: a child opening every shard would have identified four times.
      expect(fake.gateway.identifies.map((d) => d.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      const [first] = pidsOf(m, 1);
      const [other] = pidsOf(m, 0);
      expect(first).not.toBe(other);
      process.kill(first!, 'SIGKILL');
      await ready(3);
      expect(pidsOf(m, 1)).toHaveLength(2);
      expect(fake.gateway.identifies.map((d) => d.shard)).toHaveLength(3);
      expect(fake.gateway.identifies[2]?.shard).toEqual([1, 2]);
      expect(m.output()).toMatch(/shard 1 exited; starting it again/);

      m.child.kill('SIGTERM');
      expect(await m.exited).toBe(0);
      for (const pid of [...pidsOf(m, 0), ...pidsOf(m, 1)]) expect(alive(pid)).toBe(false);
    },
  );

  it.skipIf(Boolean(missing))('leaves no shard process running when the manager itself is killed', async () => {
    if (!('url' in server)) throw new Error(server.missing);
    fake = await startFakeDiscord({ token: FAKE_TOKEN, recommendedShards: 2 });
    const m = manager({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_BASE: fake.restBase,
      DATABASE_URL: await freshPostgresUrl(server.url),
      // Not started by npm (npx, running the suite, sets this): the children must watch the manager itself.
      npm_lifecycle_event: undefined,
    });
    await expect
      .poll(() => m.output().match(/shard \d of 2: ready/g)?.length, { timeout: 60_000, interval: 100 })
      .toBe(2);
    const children = [...pidsOf(m, 0), ...pidsOf(m, 1)];
    m.child.kill('SIGKILL');
    // Orphaned, each child sees its manager gone and shuts down rather than deliver beside the next one.
    await expect.poll(() => children.filter(alive), { timeout: 30_000, interval: 100 }).toEqual([]);
  });
});
