// One process holding several gateway shards, as Discord requires past 2,500 servers: the real
// client against the fake Discord, which tells each shard only of its own servers and sends a
// server's interactions on that server's shard.
import type { Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordBot } from '../src/discord/bot.js';
import { type BotApp, openSampleApp, recordingLogger, SAMPLE_NOW } from './support/bot-app.js';
import { type FakeDiscord, startFakeDiscord } from './support/fake-discord.js';
import { FAKE_TOKEN } from './support/fake-discord-client.js';
import { onShard } from './support/fake-discord-gateway.js';

let sample: BotApp | undefined;
let fake: FakeDiscord | undefined;
let client: Client<true> | undefined;
afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  await sample?.close();
  [client, fake, sample] = [undefined, undefined, undefined];
});

async function start(shards: 'auto' | number, recommendedShards: number): Promise<FakeDiscord> {
  sample = await openSampleApp();
  fake = await startFakeDiscord({ token: FAKE_TOKEN, recommendedShards });
  const discord = { token: FAKE_TOKEN, apiBase: fake.restBase, applicationId: undefined, guildId: undefined, shards };
  client = await startDiscordBot(sample.app, discord, recordingLogger(), { now: () => SAMPLE_NOW });
  return fake;
}

const shardsIdentified = (f: FakeDiscord) => f.gateway.identifies.map((d) => d.shard).sort();

describe('the bot on several shards', () => {
  it('opens the shards Discord recommends and answers a server on the shard it is on', async () => {
    const f = await start('auto', 2);
    expect(shardsIdentified(f)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const guildId = f.guild.id as string;
    const home = [0, 1].find((id) => onShard(guildId, [id, 2]));
    expect(client!.guilds.cache.get(guildId)?.shardId).toBe(home);
    const record = await f.sendInteraction(f.chatInput({ name: 'troops', options: [] }));
    expect(record.callback?.type).toBe(4);
    expect(record.callback?.data.embeds[0].title).toBe('North Korean troops in Russia');
  });

  it('holds as many shards as DISCORD_SHARDS pins, whatever Discord recommends', async () => {
    const f = await start(3, 1);
    expect(shardsIdentified(f)).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(f.gateway.liveShards).toHaveLength(3);
  });
});
