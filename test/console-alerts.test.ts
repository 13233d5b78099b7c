import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_ENTRY } from './support/bot-process.js';
import { botStoreEnv } from './support/test-store.js';

// The console bot as a user runs it, with ALERT_CRON ticking every second: the test waits for
// what the process prints, not for a length of time.

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the console bot', () => {
  it('prints an alert when a new figure lands in a folder it polls, then exits at end of input', async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimwatch-console-alerts-'));
    const folder = join(dir, 'desk');
    mkdirSync(folder);
    const child = spawn(process.execPath, BOT_ENTRY, {
      env: {
        ...process.env,
        DISCORD_TOKEN: '',
        CLAIMWATCH_DB: join(dir, 'claimwatch.db'),
        ALERT_CRON: '* * * * * *',
        ALERT_CRON_ALLOW_FAST: 'true',
        LOG_LEVEL: 'warn',
        ...(await botStoreEnv()),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const printed = async (pattern: RegExp) => {
      while (!pattern.test(out)) {
        if (child.exitCode !== null) throw new Error(`exited early:\n${out}\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    await printed(/^claimwatch console: /);
    child.stdin.write(`/sources add desk ${folder}\n`);
    await printed(/Added \*\*desk\*\*|Added desk/);
    writeFileSync(
      join(folder, 'estimate.txt'),
      'outlet: Desk Wire\ndate: 2024-11-05\n---\nNATO said about 10,000 North Korean troops were in Russia.\n',
    );
    await printed(/New figure/);
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(out).toMatch(/NATO.*10,000 troops/);
    expect(out.match(/New figure/g)).toHaveLength(1);
  }, 30_000);
});
