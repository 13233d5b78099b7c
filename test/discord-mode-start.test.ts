import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { killBots, startBotProcess } from './support/bot-process.js';
import { type FakeDiscord, startFakeDiscord } from './support/fake-discord.js';
import { FAKE_TOKEN } from './support/fake-discord-client.js';
import { botStoreEnv } from './support/test-store.js';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await killBots();
  await fake?.close();
});

const startBot = startBotProcess;

describe('the bot started with DISCORD_TOKEN', () => {
  it('logs in through DISCORD_API_BASE, answers a slash command, and stops cleanly on SIGTERM', async () => {
    fake = await startFakeDiscord({ token: FAKE_TOKEN });
    const started = startBot({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_BASE: fake.restBase, ...(await botStoreEnv()) });
    const bot = started.child;
    await expect.poll(() => started.output(), { timeout: 15_000, interval: 100 }).toMatch(/logged in to Discord/);
    const record = await fake.sendInteraction(fake.chatInput({ name: 'troops' }));
    expect(record.callback?.type).toBe(4);
    expect(record.callback?.data?.embeds?.[0]?.title).toBe('North Korean troops in Russia');
    bot.kill('SIGTERM');
    const [code] = await once(bot, 'exit');
    expect(code).toBe(0);
  });

  it('refuses to start on a bad configuration, naming every problem at once', async () => {
    const started = startBot({ DISCORD_TOKEN: 'has a space', DISCORD_GUILD_ID: 'abc', LOG_LEVEL: 'loud' });
    const [code] = await once(started.child, 'exit');
    expect(code).toBe(1);
    expect(started.output()).toMatch(/Invalid configuration \(3 problems\)/);
    expect(started.output()).not.toContain('has a space');
  });
});
