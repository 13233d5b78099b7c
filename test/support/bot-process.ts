// The bot as a process of its own, as a supervisor runs it: `node dist/src/main.js` (what `npm start`
// runs, built once by the suite's global set-up), one process with no npm or sh between, so a
// signal sent to it reaches the bot itself.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** A store of its own in a fresh folder, holding the sample articles already (a copy of the suite's). */
export function tempDbPath(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'claimwatch-bot-')), 'claimwatch.db');
  copyFileSync(inject('sampleStore'), path);
  return path;
}

/** The arguments to node that start the built bot. */
export const BOT_ENTRY = ['--enable-source-maps', 'dist/src/main.js'];
/** What `npm run shards` runs: the ShardingManager over the built bot. */
export const SHARDS_ENTRY = ['--enable-source-maps', 'dist/src/discord/shards-main.js'];

const started: BotProcess[] = [];

/** Starts the bot; `killBots` in afterEach ends whatever is still running. An undefined value unsets that variable. */
export function startBotProcess(env: Record<string, string | undefined>, entry = BOT_ENTRY): BotProcess {
  // On a shared Postgres there is no SQLite file: setting both is refused.
  const all = {
    ...process.env,
    DISCORD_TOKEN: '',
    ...(env.DATABASE_URL ? {} : { CLAIMWATCH_DB: tempDbPath() }),
    ...env,
  };
  const child = spawn(process.execPath, entry, {
    env: Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const bot = { child, output: () => output, exited };
  started.push(bot);
  return bot;
}

/** Kills what is still running, for afterEach. */
export async function killBots(): Promise<void> {
  for (const bot of started.splice(0)) {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await bot.exited;
  }
}
