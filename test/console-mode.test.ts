import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDefaultFolders } from '../src/app/app.js';
import { runConsole } from '../src/console/console.js';
import { silentLogger } from '../src/log.js';
import { type TempApp, tempApp } from './support/store-app.js';
import { botStoreEnv, onPostgres } from './support/test-store.js';

let t: TempApp;
afterEach(() => t?.close());

async function session(lines: string[]) {
  t = await tempApp();
  await loadDefaultFolders(t.app, 'console', new Date());
  const out: string[] = [];
  await runConsole(
    t.app,
    Readable.from(lines.map((l) => `${l}\n`)),
    { out: (l) => out.push(l), error: (l) => out.push(l) },
    () => new Date(),
    silentLogger,
  );
  return out.join('\n');
}

describe('console mode', () => {
  it('opens with a banner that says what is loaded and what to type', async () => {
    const out = await session([]);
    expect(out).toMatch(
      /^claimwatch console: \d+ claims from 21 articles, Oct 18, 2024 to Apr 30, 2025\.\nTry \/troops, \/casualties, \/munitions, \/source yonhap/,
    );
  });

  it('answers slash commands typed one per line with the same replies as text, until input ends', async () => {
    const out = await session(['/troops', '', '# a comment', '/source yonhap', '/help']);
    expect(out).toMatch(/North Korean troops in Russia\nRange across \d+ claimants/);
    expect(out).toMatch(/Yonhap: claims and relays/);
    expect(out).toMatch(/`\/troops \[since\] \[claimant\] \[chart\]`/);
  });

  it('says what went wrong with a bad line and carries on', async () => {
    const out = await session(['/nonsense', 'troops since:2024-12-01']);
    expect(out).toMatch(/I don't know|Unknown command/);
    expect(out).toMatch(/Filtered: since Dec 1, 2024/);
  });

  it('stops at quit without reading further', async () => {
    const out = await session(['/quit', '/troops']);
    expect(out).not.toMatch(/North Korean troops in Russia/);
  });
});

describe('npm start without DISCORD_TOKEN', () => {
  it('builds, loads the sample articles, answers /troops from standard input and exits cleanly at end of input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimwatch-start-'));
    const result = spawnSync('npm', ['start', '--silent'], {
      input: '/troops\n',
      encoding: 'utf8',
      env: { ...process.env, DISCORD_TOKEN: '', CLAIMWATCH_DB: join(dir, 'claimwatch.db'), ...(await botStoreEnv()) },
    });
    expect(result.status).toBe(0);
    // The bot says which store it opened: the one the suite runs on.
    expect(`${result.stdout}${result.stderr}`).toMatch(onPostgres ? /store: Postgres/ : /^(?![\s\S]*store: Postgres)/);
    expect(result.stdout).toMatch(/claimwatch console: \d+ claims from 21 articles/);
    expect(result.stdout).toMatch(/Latest figure by claimant\n {2}- NIS: /);
  }, 180_000); // npm start compiles to dist/ first (its prestart)
});
