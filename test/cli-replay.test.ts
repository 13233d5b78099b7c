import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecorded as run } from './support/cli.js';
import { articleText } from './support/store-app.js';
import { STORY } from './support/story.js';

/** The story written as files whose names run against their dates, to prove replay sorts by date. */
function storyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-replay-test-'));
  STORY.forEach((article, i) => {
    writeFileSync(join(dir, `${String(STORY.length - i).padStart(2, '0')}.txt`), articleText(article));
  });
  return dir;
}

const alertsOf = (out: string) =>
  out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

describe('cli replay, as ../shared/contract.md fixes it', () => {
  it('prints one JSON alert per new figure, in date order, with the contract’s fields', async () => {
    const { code, out } = await run(['replay', '--json', storyFolder()]);
    expect(code).toBe(0);
    const alerts = alertsOf(out);
    expect(alerts.map((a) => [a.date, a.claimant, a.low, a.status])).toEqual([
      ['2024-10-18', 'NIS', 1500, 'reported'],
      ['2024-10-23', 'NIS', 3000, 'reported'],
      ['2024-10-24', 'Pentagon', 3000, 'reported'],
      ['2024-10-25', 'Kremlin', null, 'denied'],
      ['2024-11-05', 'Zelenskyy', 11000, 'reported'],
    ]);
    for (const alert of alerts) {
      for (const field of ['topic', 'low', 'high', 'hedge', 'status', 'claimant', 'via', 'outlet', 'date', 'sentence'])
        expect(alert).toHaveProperty(field);
    }
  });

  it('does not alert when a second outlet repeats a known figure', async () => {
    const alerts = alertsOf((await run(['replay', '--json', storyFolder()])).out);
    expect(alerts.filter((a) => a.claimant === 'NIS' && a.low === 3000)).toHaveLength(1);
    expect(alerts.some((a) => a.outlet === 'AP')).toBe(false);
  });

  it('says how a figure differs from the claimant’s previous one and where the claimants stand', async () => {
    const alerts = alertsOf((await run(['replay', '--json', storyFolder()])).out);
    expect(alerts[1]).toMatchObject({ previous: { low: 1500, high: 1500, date: '2024-10-18' }, delta: 1500 });
    expect(alerts[4]).toMatchObject({ hedge: 'up to', range: { low: 3000, high: 11000, claimants: 3 } });
  });

  it('prints no alert when the same folder is replayed into the same store again', async () => {
    const folder = storyFolder();
    const db = join(mkdtempSync(join(tmpdir(), 'claimwatch-replay-db-')), 'store.db');
    expect(alertsOf((await run(['replay', '--json', '--db', db, folder])).out)).toHaveLength(5);
    expect((await run(['replay', '--json', '--db', db, folder])).out).toBe('');
  });
});
