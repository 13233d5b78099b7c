import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRecorded as run } from './support/cli.js';
import { assertWithinDiscordLimits } from './support/discord-limits.js';

const dir = mkdtempSync(join(tmpdir(), 'claimwatch-cli-ask-'));
const db = join(dir, 'store.db');
const samples = readdirSync('data/articles').filter((f) => f.endsWith('.txt'));

describe('cli ingest, as ../shared/contract.md fixes it', () => {
  it('prints one line per article file, with claims found and claims new, and skips the folder’s README', async () => {
    const { code, out } = await run(['ingest', '--db', db, 'data/articles']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(samples.length);
    expect(lines.every((l) => /^data\/articles\/.+\.txt: (\d+) claims found, \1 new$/.test(l))).toBe(true);
  });

  it('adds nothing the second time', async () => {
    const { out } = await run(['ingest', '--db', db, 'data/articles']);
    expect(out.split('\n').every((l) => /: \d+ claims found, 0 new \(already in the store\)$/.test(l))).toBe(true);
  });

  it('reports a bad file on stderr and still ingests the others, exiting 1', async () => {
    const good = join(dir, 'good.txt');
    writeFileSync(
      good,
      'outlet: Reuters\ndate: 2024-12-01\n---\nThe Pentagon said about 9,000 North Korean troops remained in Kursk.\n',
    );
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 7]));
    const { code, out, err } = await run(['ingest', '--db', db, binary, join(dir, 'missing.txt'), good]);
    expect(code).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(/binary\.txt: not a text file/),
      expect.stringMatching(/missing\.txt: cannot read \(ENOENT\)/),
    ]);
    expect(out).toMatch(/good\.txt: 1 claims found, 1 new/);
  });
});

describe('cli ask, as ../shared/contract.md fixes it', () => {
  beforeAll(async () => {
    await run(['ingest', '--db', db, 'data/articles']);
  });

  it('prints the reply as text', async () => {
    const { code, out } = await run(['ask', '--db', db, '/troops']);
    expect(code).toBe(0);
    expect(out).toMatch(/^North Korean troops in Russia\nRange across/);
    expect(out).toMatch(/Latest figure by claimant\n {2}- NIS: /);
  });

  it('with --json prints the Discord message payload: content and embeds within Discord’s limits', async () => {
    const { out } = await run(['ask', '--json', '--db', db, '/source yonhap']);
    const payload = JSON.parse(out);
    expect(Object.keys(payload)).toEqual(['content', 'embeds']);
    expect(payload.embeds[0].title).toBe('Yonhap: claims and relays');
    expect(payload.content).toBe('');
    assertWithinDiscordLimits({ embeds: payload.embeds, allowed_mentions: { parse: [] } });
  });

  it('takes options positionally, the last string option taking the rest of the line, or as name:value', async () => {
    const positional = await run(['ask', '--db', db, '/source', 'korea', 'herald']);
    expect(positional.out).toMatch(/^Korea Herald: claims and relays/);
    const named = await run(['ask', '--db', db, '/troops claimant:Pentagon since:2024-11-01']);
    expect(named.out).toMatch(/Latest figure by claimant\n {2}- Pentagon: /);
    expect(named.out).not.toMatch(/- NIS: /);
  });

  it('answers a mistyped command with what to do instead', async () => {
    const { code, out } = await run(['ask', '--db', db, '/trops']);
    expect(code).toBe(0);
    expect(out).toMatch(/Did you mean \/troops\?/);
  });

  it('runs through npm as the contract writes it', () => {
    const stdout = execFileSync('npm', ['run', '--silent', 'cli', '--', 'ask', '--db', db, '/claim 1'], {
      encoding: 'utf8',
    });
    expect(stdout).toMatch(/^Claim #1: /);
  });
});
