import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './support/fake-discord.js';
import { FAKE_TOKEN } from './support/fake-discord-client.js';

let fake: FakeDiscord | undefined;
let bot: ChildProcess | undefined;
afterEach(async () => {
  if (bot && bot.exitCode === null) {
    bot.kill('SIGKILL');
    await once(bot, 'exit');
  }
  await fake?.close();
});

function startBot(env: Record<string, string>) {
  // What `npm start` runs, as one process, so a signal reaches the bot itself and not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      CLAIMWATCH_DB: join(mkdtempSync(join(tmpdir(), 'claimwatch-discord-')), 'claimwatch.db'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

describe('the bot started with DISCORD_TOKEN', () => {
  it('logs in through DISCORD_API_BASE, answers a slash command, and stops cleanly on SIGTERM', async () => {
    fake = await startFakeDiscord({ token: FAKE_TOKEN });
    const started = startBot({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_BASE: fake.restBase });
    bot = started.child;
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
    bot = started.child;
    const [code] = await once(bot, 'exit');
    expect(code).toBe(1);
    expect(started.output()).toMatch(/Invalid configuration \(3 problems\)/);
    expect(started.output()).not.toContain('has a space');
  });
});
