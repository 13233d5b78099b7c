import { afterEach, describe, expect, it } from 'vitest';
import { answerLine } from '../src/console/ask.js';
import { silentLogger } from '../src/log.js';
import { type TempApp, tempApp } from './support/store-app.js';

let t: TempApp;
afterEach(() => t?.close());

const INTRODUCED = {
  outlet: 'Harbour Post',
  date: '2023-02-07',
  body: "Turkey's Disaster and Emergency Management Authority (AFAD) said 2,300 North Korean troops had been counted.",
};
const SPELLED_OUT = {
  outlet: 'Meridian Wire',
  date: '2023-02-08',
  body: 'The Disaster and Emergency Management Authority said 3,100 North Korean troops had been counted.',
};

describe('names the extractor learned', () => {
  it('file a later article’s spelling under the name an earlier one taught, and survive a restart', async () => {
    t = await tempApp();
    await t.ingest(INTRODUCED);
    const later = await t.ingest(SPELLED_OUT);
    expect(later.added.map((c) => c.claimant)).toEqual(['AFAD']);
    await t.reopen();
    expect(t.app.index.claimsBy('AFAD').map((c) => c.low)).toEqual([2300, 3100]);
  });

  it('let /source find a body by any spelling it was introduced with', async () => {
    t = await tempApp();
    await t.ingest(INTRODUCED);
    const answer = await answerLine(
      t.app,
      '/source Disaster and Emergency Management Authority',
      new Date(),
      silentLogger,
    );
    expect(answer.title).toMatch(/AFAD/);
  });

  it('keep a server’s learned names to that server', async () => {
    t = await tempApp();
    await t.ingest(INTRODUCED, { guildId: '100000000000000001' });
    const elsewhere = await t.ingest(SPELLED_OUT, { guildId: '100000000000000002' });
    expect(elsewhere.added.map((c) => c.claimant)).toEqual(['Disaster and Emergency Management Authority']);
  });

  it('keep the person who spoke for the claimant on the stored claim', async () => {
    t = await tempApp();
    await t.ingest({
      outlet: 'Harbour Post',
      date: '2023-02-09',
      body: "Turkey's Health Minister Fahrettin Koca said 80,000 North Korean troops were treated.",
    });
    await t.reopen();
    const [claim] = t.app.index.claimsBy('Turkish Health Ministry');
    expect(claim?.speaker).toBe('Fahrettin Koca');
  });
});
