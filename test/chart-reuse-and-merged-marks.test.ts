// A topic's chart is drawn once per topic, server and state of the index, and denials made on
// one day share one mark, so the chart does not grow with every repeat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedTopicChart, chartData, chartSvg } from '../src/charts/index.js';
import { type TempApp, tempApp } from './support/store-app.js';

let t: TempApp;
beforeEach(async () => {
  t = await tempApp();
  await t.ingest({
    outlet: 'Yonhap',
    date: '2024-10-18',
    body: 'The NIS said about 1,500 North Korean troops were in Russia.',
  });
});
afterEach(() => t.close());

const claimantsOf = (chart: ReturnType<typeof cachedTopicChart>) =>
  chart.png ? chart.data.series.map((s) => s.claimant) : [];

describe('the chart attached to topic answers', () => {
  it('is drawn once while nothing changes, and again once a claim arrives', async () => {
    const first = cachedTopicChart(t.app.index, 'troops', null);
    expect(cachedTopicChart(t.app.index, 'troops', null)).toBe(first);
    await t.ingest({
      outlet: 'Reuters',
      date: '2024-10-24',
      body: 'The Pentagon said roughly 3,000 North Korean soldiers were training in eastern Russia.',
    });
    const after = cachedTopicChart(t.app.index, 'troops', null);
    expect(after).not.toBe(first);
    expect(claimantsOf(after)).toEqual(['Pentagon', 'NIS']);
  });

  it('is kept per server, so one server never gets the chart drawn for another', async () => {
    await t.ingest(
      {
        outlet: 'Reuters',
        date: '2024-10-24',
        body: 'The Pentagon said roughly 3,000 North Korean soldiers were in Russia.',
      },
      { guildId: 'desk-a' },
    );
    expect(claimantsOf(cachedTopicChart(t.app.index, 'troops', 'desk-a'))).toEqual(['Pentagon', 'NIS']);
    expect(claimantsOf(cachedTopicChart(t.app.index, 'troops', 'desk-b'))).toEqual(['NIS']);
    expect(claimantsOf(cachedTopicChart(t.app.index, 'troops', null))).toEqual(['NIS']);
  });
});

describe('denial marks', () => {
  it('merge when made on the same day, naming each claimant, and stay apart across days', async () => {
    await t.ingest({
      outlet: 'TASS',
      date: '2024-10-25',
      body: 'The Kremlin denied that North Korean troops were in Russia.',
    });
    await t.ingest({
      outlet: 'KCNA',
      date: '2024-10-25',
      body: 'North Korea denied that its troops had been deployed to Russia.',
    });
    await t.ingest({
      outlet: 'TASS',
      date: '2024-11-02',
      body: 'The Kremlin denied that North Korean troops were in Kursk.',
    });
    const data = chartData(t.app.index, 'troops', null);
    expect(data.statements.map((s) => s.claimant).sort()).toEqual(['Kremlin', 'Kremlin', 'North Korea']);
    const svg = chartSvg(data)!;
    const marks = [
      ...svg.matchAll(/<g class="statement" data-kind="denied" data-claimant="([^"]*)" data-day="([^"]*)"/g),
    ];
    expect(marks.map((m) => [m[1], m[2]])).toEqual([
      ['Kremlin, North Korea', '2024-10-25'],
      ['Kremlin', '2024-11-02'],
    ]);
  });
});
