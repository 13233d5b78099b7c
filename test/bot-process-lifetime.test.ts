import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_ENTRY, type BotProcess, killBots, startBotProcess, tempDbPath } from './support/bot-process.js';
import { type FakeDiscord, startFakeDiscord } from './support/fake-discord.js';
import { FAKE_TOKEN } from './support/fake-discord-client.js';
import { botStoreEnv, sqliteOnly } from './support/test-store.js';

const lockOnly = sqliteOnly(
  "bot-process-lifetime, 'a second bot on the same store'",
  'the second-bot refusal is the SQLite bot lock; bots on Postgres share the store by design',
);

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await killBots();
  await fake?.close();
  fake = undefined;
});

/** The bot on the suite's store: a copy of the SQLite sample store, or a fresh Postgres database. */
const bot = async (env: Record<string, string>) => startBotProcess({ ...env, ...(await botStoreEnv()) });

const consoleReady = (b: BotProcess) =>
  expect.poll(() => b.output(), { timeout: 60_000, interval: 100 }).toMatch(/claimwatch console:/);

// Each test starts real processes, slow to boot on a loaded machine.
describe('a fatal gateway close', { timeout: 120_000 }, () => {
  it.each([
    [4004, /refused the bot token \(gateway close 4004.*check DISCORD_TOKEN/],
    [4014, /refused the intents \(gateway close 4014, disallowed intents\).*Privileged Gateway Intents/],
  ])('close %i stops the bot with exit 1 and a line naming the cause and the fix', async (code, said) => {
    fake = await startFakeDiscord({ refuseIdentify: code });
    const started = await bot({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_BASE: fake.restBase });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(said);
    expect(started.output()).not.toMatch(/\n\s+at /); // a line for the operator, not a stack
  });
});

describe.skipIf(lockOnly)('a second bot on the same store', { timeout: 120_000 }, () => {
  it('is refused with a clear message while the first keeps running', async () => {
    const db = tempDbPath();
    const first = startBotProcess({ CLAIMWATCH_DB: db });
    await consoleReady(first);
    const second = startBotProcess({ CLAIMWATCH_DB: db });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Another claimwatch bot is already running on ${db}`);
    expect(second.output()).toContain('CLAIMWATCH_DB');
    first.child.stdin!.write('/troops\n');
    await expect.poll(() => first.output(), { timeout: 30_000 }).toMatch(/North Korean troops in Russia/);
  });

  it('starts once the first one was killed with SIGKILL: the lock dies with its process', async () => {
    const db = tempDbPath();
    const first = startBotProcess({ CLAIMWATCH_DB: db });
    await consoleReady(first);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = startBotProcess({ CLAIMWATCH_DB: db });
    await consoleReady(second);
    expect(second.output()).not.toContain('already running');
  });
});

describe('stopping the bot', { timeout: 120_000 }, () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s shuts the console bot down cleanly with exit 0', async (signal) => {
    const started = await bot({});
    await consoleReady(started);
    started.child.kill(signal);
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain(`${signal}: shutting down`);
  });

  it('SIGINT stops the Discord bot: it leaves the gateway and exits 0', async () => {
    fake = await startFakeDiscord({ token: FAKE_TOKEN });
    const started = await bot({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_BASE: fake.restBase });
    await expect.poll(() => started.output(), { timeout: 60_000, interval: 100 }).toMatch(/logged in to Discord/);
    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
    expect(fake.gateway.readySessions).toBe(0);
  });

  it('a bot started by a package manager stops when that parent is killed with SIGKILL', async () => {
    fake = await startFakeDiscord({ token: FAKE_TOKEN });
    const log = join(mkdtempSync(join(tmpdir(), 'claimwatch-orphan-')), 'bot.log');
    // The wrapper stands for npm: it starts the bot (its output to a file that outlives the wrapper),
    // prints the bot's pid, and is then killed outright.
    const wrapper = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs'); const out = fs.openSync(${JSON.stringify(log)}, 'a');
         const c = require('node:child_process').spawn(process.execPath, ${JSON.stringify(BOT_ENTRY)}, { stdio: ['ignore', out, out] });
         console.log('bot pid ' + c.pid); setInterval(() => {}, 1000);`,
      ],
      {
        env: {
          ...process.env,
          DISCORD_TOKEN: FAKE_TOKEN,
          DISCORD_API_BASE: fake.restBase,
          CLAIMWATCH_DB: tempDbPath(),
          npm_lifecycle_event: 'start',
          ...(await botStoreEnv()),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let said = '';
    wrapper.stdout.on('data', (chunk) => (said += chunk));
    const botLog = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    await expect.poll(botLog, { timeout: 60_000, interval: 100 }).toMatch(/logged in to Discord/);
    const pid = Number(/bot pid (\d+)/.exec(said)![1]);
    wrapper.kill('SIGKILL');
    await expect.poll(botLog, { timeout: 30_000, interval: 100 }).toMatch(/stopped/);
    expect(botLog()).toMatch(/the process that started the bot \(pid \d+\) is gone: shutting down/);
    await expect.poll(() => running(pid), { timeout: 5000, interval: 100 }).toBe(false);
    expect(fake.gateway.readySessions).toBe(0);
  });
});

/** Whether the process is alive (a zombie waiting for its reaper is not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
