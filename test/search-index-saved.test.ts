// Boot reads the text index saved in the store instead of tokenising every claim again; what
// search finds must not depend on whether the index was read or rebuilt.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempSqliteApp, tempSqliteApp } from './support/store-app.js';
import { sqliteOnly } from './support/test-store.js';

const skipped = sqliteOnly(
  'search-index-saved',
  'the saved search index is a SQLite table the index loads at boot; Postgres rebuilds it from one snapshot instead',
);

let t: TempSqliteApp;
beforeEach(() => {
  t = tempSqliteApp();
});
afterEach(() => t.close());

const found = (query: string) => t.app.index.search(query, 10, null).map((h) => h.claim.sentence);
const savedRows = () => (t.app.store.db.prepare('SELECT count(*) AS n FROM search_index').get() as { n: number }).n;

const KURSK = 'The NIS said about 1,100 North Korean soldiers had been killed near Kursk.';
const SHELLS = 'The Pentagon said Pyongyang had shipped 2 million artillery shells to Russia.';

describe.skipIf(skipped)('the saved text index', () => {
  it('is saved at the first boot with claims, and search after later boots finds old and new claims alike', async () => {
    await t.ingest({ outlet: 'Reuters', date: '2024-12-01', body: KURSK });
    t.reopen();
    expect(savedRows()).toBe(1);
    await t.ingest({ outlet: 'AP', date: '2024-12-02', body: SHELLS });
    t.reopen();
    expect(found('kursk')).toEqual([KURSK]);
    expect(found('artilery shels')).toEqual([SHELLS]);
    expect(found('soldiers shells')).toEqual(expect.arrayContaining([KURSK, SHELLS]));
  });

  it('is ignored when the claims it covered changed, so no answer points at a claim that is gone', async () => {
    await t.ingest({ outlet: 'Reuters', date: '2024-12-01', body: KURSK });
    await t.ingest({ outlet: 'AP', date: '2024-12-02', body: SHELLS });
    t.reopen();
    t.app.store.db.prepare('DELETE FROM claims WHERE sentence = ?').run(KURSK);
    t.reopen();
    expect(found('kursk')).toEqual([]);
    expect(found('shells')).toEqual([SHELLS]);
  });

  it.each([
    ['it was made with other word rules', 'tokenizer = tokenizer + 1'],
    ['its words and lists do not fit together', "words = CAST('x' AS BLOB)"],
  ])('is rebuilt and saved afresh when %s', async (_, change) => {
    await t.ingest({ outlet: 'Reuters', date: '2024-12-01', body: KURSK });
    t.reopen();
    const saved = () =>
      t.app.store.db.prepare('SELECT tokenizer, CAST(words AS TEXT) AS words FROM search_index').get() as {
        tokenizer: number;
        words: string;
      };
    const before = saved();
    t.app.store.db.prepare(`UPDATE search_index SET ${change}`).run();
    t.reopen();
    expect(found('kursk')).toEqual([KURSK]);
    expect(saved()).toEqual(before);
  });
});
