// An App on the suite's store (test-store.ts) in a fresh temp dir, loaded with the sample articles in data/articles,
// a Logger that records its lines, and the real bot (startDiscordBot) logged in to a fake Discord.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'discord.js';
import type { Command } from '../../commands/types.js';
import type { Answer } from '../../src/answers/answer.js';
import { type App, loadDefaultFolders } from '../../src/app/app.js';
import { DATA_DIR } from '../../src/config.js';
import { type BotOptions, startDiscordBot } from '../../src/discord/bot.js';
import type { Logger } from '../../src/log.js';
import { type FakeDiscord, startFakeDiscord } from './fake-discord.js';
import type { FakeGuildOptions } from './fake-discord-builders.js';
import { FAKE_TOKEN } from './fake-discord-client.js';
import { openTestApp, type TestStoreApp } from './test-store.js';

/** A fixed "now" after the last sample article, so relative dates ("yesterday") cannot drift. */
export const SAMPLE_NOW = new Date('2025-06-01T12:00:00Z');

export interface BotApp {
  app: App;
  /** Closes the store and removes the temp dir. */
  close(): Promise<void>;
}

export async function openSampleApp(now: Date = SAMPLE_NOW): Promise<BotApp> {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-bot-'));
  let opened: TestStoreApp | undefined;
  try {
    opened = await openTestApp(dir);
    const outcomes = await loadDefaultFolders(opened.app, 'console', now);
    if (outcomes.length === 0) throw new Error(`no sample articles loaded from ${DATA_DIR}`);
  } catch (error) {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const store = opened;
  return {
    app: store.app,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  error: unknown;
}

export interface RecordingLogger extends Logger {
  lines: LogLine[];
  errors(): LogLine[];
}

export function recordingLogger(): RecordingLogger {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (message: string, error?: unknown) =>
    void lines.push({ level, message, error });
  return {
    lines,
    errors: () => lines.filter((l) => l.level === 'error'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}

/** The real bot (startDiscordBot) logged in to a fresh fake Discord. */
export interface RunningBot {
  fake: FakeDiscord;
  client: Client<true>;
  /** client.destroy() before fake.close(), so discord.js never sees a dropped gateway. */
  stop(): Promise<void>;
}

export async function startBotOnFake(
  app: App,
  log: Logger,
  options: BotOptions = {},
  guild?: FakeGuildOptions,
): Promise<RunningBot> {
  const fake = await startFakeDiscord({ token: FAKE_TOKEN, guild });
  let client: Client<true>;
  try {
    client = await startDiscordBot(
      app,
      { token: FAKE_TOKEN, apiBase: fake.restBase, applicationId: undefined, guildId: undefined },
      log,
      { now: () => SAMPLE_NOW, ...options },
    );
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    client,
    async stop() {
      await client.destroy();
      await fake.close();
    },
  };
}

/** A test-only command: `{ ...app, commands: [...app.commands, testCommand('boom', () => { throw … })] }`. */
export function testCommand(name: string, execute: Command['execute']): Command {
  const description = 'test only';
  return { data: { name, description, toJSON: () => ({ name, description }) }, execute };
}

/**
 * A command that answers only when the test calls `release()`: the answer is certainly late,
 * without the test timing anything. `finish` may throw (a UserError, say) to fail late.
 */
export function gatedCommand(name: string, finish: () => Answer): { command: Command; release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    command: testCommand(name, async () => {
      await gate;
      return finish();
    }),
    release,
  };
}
