import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecorded } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'claimwatch-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const run = runRecorded;

const withHeader = file(
  'header.txt',
  'title: Troops\noutlet: Yonhap\ndate: 2024-10-23\nurl: https://example.test/a\n---\nThe NIS said about 3,000 troops had arrived.\n',
);
const bare = file('bare.txt', 'Seoul\nOct 21, 2024\n\nThe Pentagon said 10,000 troops were training.\n');

describe('cli extract, as ../shared/contract.md fixes it', () => {
  it('prints one JSON array with every contract field in its order, then the extras speaker, role and aside, the header giving outlet and date', async () => {
    const { code, out } = await run(['extract', '--json', withHeader]);
    expect(code).toBe(0);
    const claims = JSON.parse(out);
    expect(claims).toHaveLength(1);
    expect(Object.keys(claims[0])).toEqual([
      'sentence',
      'low',
      'high',
      'hedge',
      'unit',
      'topic',
      'status',
      'claimant',
      'via',
      'outlet',
      'date',
      'speaker',
      'role',
      'aside',
    ]);
    expect(claims[0]).toMatchObject({
      low: 3000,
      high: 3000,
      outlet: 'Yonhap',
      date: '2024-10-23',
      claimant: 'NIS',
      role: 'current',
      aside: null,
    });
  });

  it('takes outlet and date from the flags for a file without a header, else from its byline', async () => {
    const flagged = JSON.parse((await run(['extract', '--json', '--outlet', 'AP', '--date', '2024-10-30', bare])).out);
    expect(flagged[0]).toMatchObject({ outlet: 'AP', date: '2024-10-30' });
    const byline = JSON.parse((await run(['extract', '--json', bare])).out);
    expect(byline[0]).toMatchObject({ outlet: null, date: '2024-10-21' });
  });

  it('names an unreadable or binary file on stderr, still processes the others, and exits 1', async () => {
    const binary = file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    const { code, out, err } = await run(['extract', '--json', join(dir, 'missing.txt'), binary, withHeader]);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toHaveLength(1);
    expect(err).toHaveLength(2);
    expect(err[0]).toContain('missing.txt');
    expect(err[1]).toContain('image.png');
  });

  it('rejects a malformed --date with a clear message', async () => {
    const { code, err } = await run(['extract', '--json', '--date', 'yesterday', bare]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/--date must be YYYY-MM-DD/);
  });

  it('runs as the npm script outside checks use, printing only JSON on stdout', () => {
    const stdout = execFileSync('npm', ['run', '--silent', 'cli', '--', 'extract', '--json', withHeader], {
      encoding: 'utf8',
    });
    expect(JSON.parse(stdout)[0].claimant).toBe('NIS');
    const failed = spawnSync('npm', ['run', '--silent', 'cli', '--', 'extract', '--json', join(dir, 'nope.txt')], {
      encoding: 'utf8',
    });
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout)).toEqual([]);
    expect(failed.stderr).toContain('nope.txt');
  });
});
