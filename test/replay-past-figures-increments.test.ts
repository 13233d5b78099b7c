import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecorded as run } from './support/cli.js';

const alertsOf = (out: string) =>
  out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

// Four articles written for this test: a first count, a rise "up from" it, "4,000 more", a new total.
const BACKREFS = join(import.meta.dirname, 'fixtures', 'replay-backrefs');
const FOLLOWUPS = join(import.meta.dirname, 'gold', 'nk-followups');

describe('cli replay over a story with back-references and increments', () => {
  it('fires no alert for a figure named as an earlier one, and compares totals with totals', async () => {
    const { code, out } = await run(['replay', '--json', BACKREFS]);
    expect(code).toBe(0);
    const alerts = alertsOf(out);
    expect(alerts.map((a) => [a.date, a.low, a.measure, a.delta])).toEqual([
      ['2030-02-01', 3000, 'troops', null],
      ['2030-02-10', 11000, 'troops', 8000],
      ['2030-02-20', 4000, 'troops added', null],
      ['2030-03-01', 15000, 'troops', 4000],
    ]);
    // The increment is its own measure: no range of totals, and no total compared with it.
    expect(alerts[2]).toMatchObject({ previous: null, range: null, total: { low: 11000, date: '2030-02-10' } });
    expect(alerts[3]).toMatchObject({ previous: { low: 11000 }, range: { low: 15000, high: 15000 } });
  });

  it('never alerts a past figure in the 2025 follow-ups, and gives an increment no range of totals', async () => {
    const alerts = alertsOf((await run(['replay', '--json', FOLLOWUPS])).out);
    expect(alerts.length).toBeGreaterThan(5);
    const files = readdirSync(FOLLOWUPS).filter((f) => f.endsWith('.txt'));
    const { out } = await run(['extract', '--json', ...files.map((f) => join(FOLLOWUPS, f))]);
    const past = JSON.parse(out).filter((c: { role: string }) => c.role === 'past');
    expect(past.length).toBeGreaterThan(3);
    for (const claim of past)
      expect(alerts.some((a) => a.sentence === claim.sentence && a.low === claim.low)).toBe(false);
    const increments = alerts.filter((a) => a.measure.endsWith(' added'));
    expect(increments.length).toBeGreaterThan(0);
    for (const alert of increments) expect(alert.range).toBeNull();
  });
});
