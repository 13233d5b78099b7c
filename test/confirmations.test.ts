import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertMessage } from '../src/alerting/alert-message.js';
import { alertsFor } from '../src/alerting/alert-rule.js';
import { answerTopic } from '../src/answers/topic-summary.js';
import { renderText } from '../src/render/render.js';
import { claimsIn } from './support/extract.js';
import { type TempApp, tempApp } from './support/store-app.js';

// Sentences written for these tests.
const statuses = (text: string) => claimsIn(text).map((c) => [c.low, c.status, c.claimant]);

describe('a body confirming or acknowledging the deployment is a confirmed statement', () => {
  it('reads "confirmed that ..." and "acknowledged the deployment" with no figure as confirmed', () => {
    expect(statuses('NATO confirmed on Monday that North Korean troops had been sent to the Kursk region.')).toEqual([
      [null, 'confirmed', 'NATO'],
    ]);
    expect(statuses('North Korea acknowledged the deployment of its troops to Russia for the first time.')).toEqual([
      [null, 'confirmed', 'North Korea'],
    ]);
  });

  it('reads a confirmation of what another body denied as the confirmation, and "did not deny" as no denial', () => {
    expect(
      statuses(
        'NATO confirmed on Monday that North Korean troops were fighting in Kursk, which the Kremlin had denied.',
      ),
    ).toEqual([[null, 'confirmed', 'NATO']]);
    expect(statuses('The Kremlin did not deny the reports of North Korean troops in Kursk.')).toEqual([]);
    expect(statuses('The Kremlin denied the reports of North Korean troops in Kursk.')).toEqual([
      [null, 'denied', 'Kremlin'],
    ]);
  });

  it('does not take "without confirming" for a confirmation', () => {
    const claims = claimsIn('The Kremlin spokesman spoke of the troops without confirming their deployment.');
    expect(claims.filter((c) => c.status === 'confirmed')).toEqual([]);
  });

  it('still lets "confirmed this" confirm the figures just before, and a new clause not', () => {
    const back = claimsIn(
      'The NIS said about 11,000 North Korean troops were in Russia. The Pentagon confirmed this on Tuesday.',
    );
    expect(back.map((c) => [c.low, c.status])).toEqual([[11000, 'confirmed']]);
    const fresh = claimsIn(
      'The NIS said about 11,000 North Korean troops were in Russia. NATO confirmed that North Korean troops were in Kursk.',
    );
    expect(fresh.map((c) => [c.low, c.status])).toEqual([
      [11000, 'reported'],
      [null, 'confirmed'],
    ]);
  });
});

describe('a confirmation in answers and alerts', () => {
  let temp: TempApp;
  beforeEach(async () => {
    temp = await tempApp();
  });
  afterEach(() => temp.close());

  it('alerts once per claimant as a confirmation, and the topic answer lists it apart from the figures', async () => {
    const ingest = async (date: string, body: string) =>
      alertsFor(temp.app.index, (await temp.ingest({ outlet: 'Harbour Wire', date, body })).added, null);
    await ingest('2030-07-01', 'NATO said about 10,000 North Korean troops were in Russia.');
    const [alert] = await ingest(
      '2030-07-02',
      'NATO confirmed that North Korean troops had been deployed to the Kursk region.',
    );
    expect(alert).toMatchObject({ kind: 'statement', status: 'confirmed', claimant: 'NATO' });
    expect(renderText(alertMessage(alert!, 'Troops').answer)).toMatch(/New confirmation[\s\S]*NATO confirms it/);
    expect(await ingest('2030-07-03', 'NATO again confirmed that North Korean troops were fighting in Kursk.')).toEqual(
      [],
    );
    const troops = temp.app.index.topics.find((t) => t.key === 'troops')!;
    const text = renderText(
      answerTopic(
        temp.app.index,
        troops,
        { since: null, claimant: null, chart: false },
        { guildId: null, now: new Date(), timeZone: 'UTC' },
      ),
    );
    expect(text).toMatch(/NATO: approximately 10,000 troops/);
    expect(text).toMatch(/Confirmations[\s\S]*NATO confirms it/);
  });
});
