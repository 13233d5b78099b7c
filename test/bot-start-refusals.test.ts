import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killBots, startBotProcess } from './support/bot-process.js';
import { FAKE_TOKEN } from './support/fake-discord-client.js';
import { sqliteOnly } from './support/test-store.js';

const skipped = sqliteOnly(
  'bot-start-refusals',
  'each refusal is about the SQLite store file CLAIMWATCH_DB names (not a database, no folder, not writable)',
);

afterEach(killBots);

const folder = () => mkdtempSync(join(tmpdir(), 'claimwatch-refusal-'));

/** Starts the bot, waits for it to exit, and returns what it said; a stack trace fails the test. */
async function refused(env: Record<string, string>): Promise<string> {
  const bot = startBotProcess(env);
  expect(await bot.exited).toBe(1);
  const said = bot.output();
  expect(said).not.toMatch(/\n\s+at /);
  return said;
}

// Each test starts the real process, slow to boot on a loaded machine.
describe.skipIf(skipped)('the bot refusing to start', { timeout: 120_000 }, () => {
  it('names a store file that is not a database, and leaves it as it was', async () => {
    const path = join(folder(), 'claimwatch.db');
    const garbage = 'not a database\n'.repeat(100);
    writeFileSync(path, garbage);
    const said = await refused({ CLAIMWATCH_DB: path });
    expect(readFileSync(path, 'utf8')).toBe(garbage);
    expect(said).toContain(`${path} is not a claimwatch store`);
    expect(said).toContain('CLAIMWATCH_DB');
  });

  it('names a store folder that does not exist, and does not create it', async () => {
    const missing = join(folder(), 'typo');
    const said = await refused({ CLAIMWATCH_DB: join(missing, 'claimwatch.db') });
    expect(said).toContain(`The folder for the store, ${missing}, does not exist`);
    expect(existsSync(missing)).toBe(false);
  });

  it('names a store it cannot write', async () => {
    const dir = folder(); // a folder where the file should be
    const said = await refused({ CLAIMWATCH_DB: dir });
    expect(said).toContain(`Cannot open ${dir} for writing`);
  });

  it('names a DISCORD_API_BASE nothing answers at', async () => {
    const said = await refused({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_BASE: 'http://127.0.0.1:1/api' });
    expect(said).toMatch(
      /Could not reach Discord at http:\/\/127\.0\.0\.1:1\/api \(ECONNREFUSED\): check DISCORD_API_BASE/,
    );
  });
});
