import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertMessage } from '../src/alerting/alert-message.js';
import { alertsFor } from '../src/alerting/alert-rule.js';
import { answerTopic } from '../src/answers/topic-summary.js';
import { renderText } from '../src/render/render.js';
import { type TempApp, type TestArticle, tempApp } from './support/store-app.js';

// Articles written for these tests.
const article = (date: string, body: string, outlet = 'Harbour Wire'): TestArticle => ({ outlet, date, body });

let temp: TempApp;
beforeEach(async () => {
  temp = await tempApp();
});
afterEach(() => temp.close());

const alertsOf = async (a: TestArticle) => alertsFor(temp.app.index, (await temp.ingest(a)).added, null);
const troops = () => temp.app.index.topics.find((t) => t.key === 'troops')!;
const summary = () =>
  renderText(
    answerTopic(
      temp.app.index,
      troops(),
      { since: null, claimant: null, chart: false },
      { guildId: null, now: new Date(), timeZone: 'UTC' },
    ),
  );

describe('a number far below the running range is flagged, not headlined', () => {
  it('sets aside a tiny figure against thousands, and the next total still compares with the last real one', async () => {
    await alertsOf(
      article('2030-04-01', 'The National Intelligence Service said about 12,000 North Korean troops were in Russia.'),
    );
    await alertsOf(
      article('2030-04-02', 'President Zelenskyy said about 11,000 North Korean troops were fighting in Kursk.'),
    );
    const junk = await alertsOf(
      article('2030-04-03', 'President Zelenskyy said 2 North Korean troops had been seen near Sudzha.'),
    );
    expect(junk).toEqual([]);
    const [low] = await temp.query<{ id: number }>('SELECT id FROM claims WHERE low = 2');
    const stored = temp.app.index.claim(low!.id)!;
    expect(stored.aside).toMatch(/far below the running range \(11,000.12,000 troops\)/);
    const [next] = await alertsOf(
      article('2030-04-04', 'President Zelenskyy said about 14,000 North Korean troops were now in Kursk.'),
    );
    expect(next).toMatchObject({ low: 14000, previous: { low: 11000 }, delta: 3000 });
    expect(summary()).not.toMatch(/\b2 troops/);
  });

  it('never makes an age or a group size a claimant’s latest', async () => {
    await alertsOf(article('2030-04-01', 'HUR said about 11,000 North Korean troops were in Kursk.'));
    expect(
      await alertsOf(article('2030-04-02', 'HUR said the North Korean troops attacked in groups of 15 to 20 men.')),
    ).toEqual([]);
    const [next] = await alertsOf(article('2030-04-03', 'HUR said about 12,000 North Korean troops were in Kursk.'));
    expect(renderText(alertMessage(next!, 'Troops').answer)).toMatch(/up 1,000 from 11,000/);
    expect(summary()).toMatch(/HUR: approximately 12,000 troops/);
  });
});

describe('a past figure is history', () => {
  it('fires one alert for "up from", and the earlier figure is never the claimant’s latest', async () => {
    const alerts = await alertsOf(
      article(
        '2030-06-01',
        'The Pentagon said 9,400 North Korean troops were in Russia, up from 8,800 a week earlier.',
      ),
    );
    expect(alerts.map((a) => a.low)).toEqual([9400]);
    expect(summary()).toMatch(/Pentagon: 9,400 troops/);
    expect(summary()).not.toMatch(/8,800/);
    const later = await alertsOf(
      article('2030-06-05', 'The Pentagon said its previous estimate of 8,800 troops had been too low.'),
    );
    expect(later).toEqual([]);
    expect(summary()).toMatch(/Pentagon: 9,400 troops/);
  });
});

describe('an increment beside a total', () => {
  it('says it is an addition and names the claimant’s total on record, without subtracting', async () => {
    await alertsOf(article('2030-06-01', 'The Pentagon said 9,400 North Korean troops were in Russia.'));
    const [alert] = await alertsOf(
      article('2030-06-08', 'The Pentagon said Pyongyang had sent 2,000 more troops to Russia.'),
    );
    const text = renderText(alertMessage(alert!, 'Troops').answer);
    expect(text).toMatch(/An addition, not a new total; Pentagon’s total on record: 9,400 on Jun 1, 2030/);
    expect(text).not.toMatch(/down 7,400|up /);
    expect(alert).toMatchObject({ delta: null, range: null });
  });
});

describe('a delta is never lost', () => {
  it('compares with the claimant’s figure on record even when another outlet repeated it later', async () => {
    await alertsOf(
      article('2030-05-01', 'The National Intelligence Service said about 15,000 North Korean troops were in Russia.'),
    );
    // A second outlet repeats 15,000 days later; the 18,000 report, dated between, arrives after it.
    await alertsOf(
      article(
        '2030-05-09',
        'About 15,000 North Korean troops are in Russia, the National Intelligence Service said.',
        'Lantern Post',
      ),
    );
    const [alert] = await alertsOf(
      article('2030-05-05', 'The National Intelligence Service said about 18,000 North Korean troops were in Russia.'),
    );
    const text = renderText(alertMessage(alert!, 'Troops').answer);
    expect(text).not.toMatch(/First figure/);
    expect(text).toMatch(/up 3,000 from 15,000/);
  });

  it('names a projection on record instead of calling a report the first figure', async () => {
    await alertsOf(
      article('2030-05-01', 'The National Intelligence Service said Pyongyang could send 15,000 troops to Russia.'),
    );
    const [alert] = await alertsOf(
      article('2030-05-06', 'The National Intelligence Service said 18,000 North Korean troops were in Russia.'),
    );
    const text = renderText(alertMessage(alert!, 'Troops').answer);
    expect(text).toMatch(/was 15,000 \(projected\)/);
    expect(alert!.delta).toBeNull();
  });
});
