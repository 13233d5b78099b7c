// Boot reads the claims' columns saved in the store instead of every claim's row; what any answer
// says must not depend on whether the claims came from the saved columns or from their rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerText, askApp } from './support/ask.js';
import { type TempSqliteApp, tempSqliteApp } from './support/store-app.js';
import { sqliteOnly } from './support/test-store.js';

const skipped = sqliteOnly(
  'claim-columns-saved',
  'the saved claim columns are a SQLite file the index loads at boot; Postgres reads the index from one snapshot instead',
);

let t: TempSqliteApp;
beforeEach(() => {
  t = tempSqliteApp();
});
afterEach(() => t.close());

const now = new Date('2025-01-10T12:00:00Z');
const ask = async (line: string) => answerText(await askApp(t.app, line, { guildId: null, now }));
const savedRows = () => (t.app.store.db.prepare('SELECT count(*) AS n FROM claim_columns').get() as { n: number }).n;
const noted = () => (t.app.store.db.prepare('SELECT count(*) AS n FROM claims_changed').get() as { n: number }).n;
const idOf = (sentence: string) =>
  (t.app.store.db.prepare('SELECT id FROM claims WHERE sentence = ?').get(sentence) as { id: number }).id;

const EARLY = 'South Korea’s spy agency, the NIS, said about 3,000 North Korean troops had arrived in Russia.';
const LATER = 'The Pentagon said roughly 10,000 North Korean soldiers were training in eastern Russia.';
const LATEST = 'Ukraine’s military intelligence said some 12,000 North Korean troops were near Kursk.';
const LINES = [
  '/troops',
  '/source NIS',
  '/source Pentagon',
  '/search north korean troops',
  '/search kursk',
  '/claim 1',
  '/claim 2',
  '/claim 3',
];

/** Articles out of date order, as a backfilled feed delivers them: the saved order is by day, not by id. */
async function ingestStory() {
  await t.ingest({
    outlet: 'Reuters',
    date: '2024-11-20',
    body: LATER,
    url: 'https://example.org/later',
    title: 'Training',
  });
  await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: EARLY, title: 'Arrival' });
  await t.ingest({ outlet: 'AP', date: '2024-12-05', body: LATEST, url: 'https://example.org/latest' });
}

const answers = async () => Promise.all(LINES.map(ask));

describe.skipIf(skipped)('the saved claim columns', () => {
  it('are saved at the first boot with claims, and later boots answer exactly as a boot from the rows', async () => {
    await ingestStory();
    const live = await answers();
    t.reopen();
    expect(savedRows()).toBe(1);
    const fromRows = await answers();
    t.reopen();
    expect(await answers()).toEqual(fromRows);
    expect(fromRows).toEqual(live);
    expect(t.app.index.claim(idOf(EARLY))?.sentence).toBe(EARLY);
    expect(fromRows.join('\n')).toContain('https://example.org/later');
  });

  it('hold claims added since they were saved, in their place among the saved ones', async () => {
    await t.ingest({ outlet: 'Reuters', date: '2024-11-20', body: LATER });
    t.reopen();
    await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: EARLY });
    await t.ingest({ outlet: 'AP', date: '2024-12-05', body: LATEST });
    const live = await answers();
    t.reopen();
    expect(await answers()).toEqual(live);
    expect(t.app.index.claimsBy('NIS').map((c) => c.sentence)).toEqual([EARLY]);
  });

  it('give way to the rows of claims changed or deleted since, however they were changed', async () => {
    await ingestStory();
    t.reopen();
    t.app.store.db.prepare('UPDATE claims SET low = 4000, high = 4000 WHERE id = ?').run(idOf(EARLY));
    t.app.store.db.prepare('DELETE FROM claims WHERE id = ?').run(idOf(LATEST));
    expect(noted()).toBe(2);
    t.reopen();
    const early = t.app.index.claim(idOf(EARLY))!;
    expect([early.low, early.high, early.sentence]).toEqual([4000, 4000, EARLY]);
    expect(await ask('/search kursk')).not.toContain('12,000');
    expect(await ask('/troops')).toContain('4,000');
    expect(await ask('/troops')).not.toContain('3,000');
  });

  it('are saved afresh with the changes once enough claims were read from rows, and the notes go', async () => {
    await ingestStory();
    t.reopen();
    t.app.store.db.prepare('UPDATE claims SET low = 4000, high = 4000 WHERE id = ?').run(idOf(EARLY));
    t.app.store.db.prepare('DELETE FROM claim_columns').run();
    t.reopen();
    expect([savedRows(), noted()]).toEqual([1, 0]);
    t.reopen();
    expect(t.app.index.claim(idOf(EARLY))?.low).toBe(4000);
  });

  it('are not trusted when they no longer add up to the store’s claims', async () => {
    await ingestStory();
    t.reopen();
    // A change the notes missed (made with the triggers gone), as a store copied by hand could hold.
    t.app.store.db.exec('DROP TRIGGER claims_changed_on_delete');
    t.app.store.db.prepare('DELETE FROM claims WHERE id = ?').run(idOf(LATEST));
    t.reopen();
    expect(await ask('/search kursk')).not.toContain('12,000');
    expect(t.app.index.claimCount()).toBe(2);
  });
});
