// One variable switches the suite's store: the helpers must open their apps on the store
// CLAIMWATCH_TEST_STORE names, or a "Postgres" run would quietly test SQLite again.
import { afterEach, describe, expect, it } from 'vitest';
import { openSampleApp } from './support/bot-app.js';
import { type TempApp, tempApp } from './support/store-app.js';
import { TEST_STORE } from './support/test-store.js';

const BODY = 'South Korea’s spy agency said about 1,500 North Korean troops had already reached Russia.';
let t: TempApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe(`the test helpers on ${TEST_STORE}`, () => {
  it('open tempApp on the chosen store, and reopen it there with what was written', async () => {
    t = await tempApp();
    expect(t.app.port.backend).toBe(TEST_STORE);
    expect(t.dbPath === undefined).toBe(TEST_STORE === 'postgres');
    await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: BODY });
    const reopened = await t.reopen();
    expect(reopened.port.backend).toBe(TEST_STORE);
    expect(await reopened.port.articles.counts()).toMatchObject({ articles: 1, claims: 1 });
    expect(await t.query('SELECT count(*) AS n FROM claims')).toEqual([{ n: 1 }]);
  });

  it('open the sample app on the chosen store', async () => {
    const sample = await openSampleApp();
    try {
      expect(sample.app.port.backend).toBe(TEST_STORE);
      expect(sample.app.index.claimCount()).toBeGreaterThan(0);
    } finally {
      await sample.close();
    }
  });
});
