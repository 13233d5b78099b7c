import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalUrl } from '../src/store/identity.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { type TempApp, type TempSqliteApp, tempApp, tempSqliteApp } from './support/store-app.js';
import { sqliteOnly } from './support/test-store.js';

const skipSqliteFile = sqliteOnly(
  'store-durability (migrations, WAL, the crash trigger, a second reader)',
  'they are about the SQLite file itself; the Postgres store has its own schema and transaction tests',
);
const BODY = 'South Korea’s spy agency said about 1,500 North Korean troops had already reached Russia.';
let t: TempApp | undefined;
let file: TempSqliteApp | undefined;
afterEach(async () => {
  file?.close();
  await t?.close();
  [file, t] = [undefined, undefined];
});

describe.skipIf(skipSqliteFile)('the SQLite store', () => {
  it('applies every numbered migration at first boot, in WAL mode, and none again at the next', async () => {
    const t = (file = tempSqliteApp());
    const db = t.app.store.db;
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: BODY });
    t.reopen();
    expect(t.app.store.counts()).toMatchObject({ articles: 1, claims: 1 });
  });

  it('refuses a store written by a newer build rather than guessing at its schema', () => {
    const t = (file = tempSqliteApp());
    t.app.store.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => t.reopen()).toThrow(/newer than this build/);
  });
});

describe('article identity', () => {
  it('adds nothing when the same article is ingested twice', async () => {
    t = await tempApp();
    const first = await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: BODY });
    const again = await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: BODY });
    expect(first.added).toHaveLength(1);
    expect(again).toMatchObject({ duplicate: true, found: 1, added: [] });
    expect(await t.app.port.articles.counts()).toMatchObject({ articles: 1, claims: 1 });
    expect(t.app.index.claimCount()).toBe(1);
  });

  it('knows an article by its canonical URL even when the text was edited', async () => {
    t = await tempApp();
    await t.ingest({
      outlet: 'Yonhap',
      date: '2024-10-18',
      url: 'https://News.example/a/1?utm_source=x#top',
      body: BODY,
    });
    const edited = await t.ingest({
      outlet: 'Yonhap',
      date: '2024-10-18',
      url: 'https://news.example/a/1/',
      body: `${BODY} Updated.`,
    });
    expect(edited.duplicate).toBe(true);
  });

  it('tells two articles at different URLs apart even with the same text', async () => {
    t = await tempApp();
    await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', url: 'https://news.example/a/1', body: BODY });
    expect(
      (await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', url: 'https://news.example/a/2', body: BODY })).duplicate,
    ).toBe(false);
  });

  it('without a URL, knows an article by its text, whatever its spacing', async () => {
    t = await tempApp();
    await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: BODY });
    expect(
      (await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: `  ${BODY.replace(/ /g, '  ')}\n\n` })).duplicate,
    ).toBe(true);
  });

  it('canonical URLs drop tracking parameters, fragments and case of the host, but keep real parameters', () => {
    expect(canonicalUrl('HTTPS://Example.com/story/?id=7&utm_medium=rss#x')).toBe('https://example.com/story?id=7');
    expect(canonicalUrl('ftp://example.com/x')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
  });
});

describe.skipIf(skipSqliteFile)('a crash mid-ingest', () => {
  it('leaves no half article: the article and its claims land together or not at all', async () => {
    const t = (file = tempSqliteApp());
    // A trigger stands in for the process dying between the article row and its second claim.
    t.app.store.db.exec(`CREATE TRIGGER crash BEFORE INSERT ON claims WHEN NEW.position = 1
      BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    const body = `${BODY} The agency expects the total to reach 10,000 by December.`;
    await expect(t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body })).rejects.toThrow(/simulated crash/);
    expect(t.app.store.counts()).toMatchObject({ articles: 0, claims: 0 });
    t.app.store.db.exec('DROP TRIGGER crash');
    expect((await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body })).added).toHaveLength(2);
  });

  it('another process sees only committed articles while one is being written', async () => {
    const t = (file = tempSqliteApp());
    await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: BODY });
    const reader = new Database(t.dbPath, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM claims').get()).toEqual({ n: 1 });
    } finally {
      reader.close();
    }
  });
});

describe('the index rebuilt at boot', () => {
  it('answers exactly as the index that was updated claim by claim', async () => {
    t = await tempApp();
    await t.ingest({ outlet: 'Yonhap', date: '2024-10-18', body: BODY });
    await t.ingest({
      outlet: 'Reuters',
      date: '2024-10-24',
      body: 'The Pentagon said roughly 3,000 North Korean soldiers were training in eastern Russia.',
    });
    await t.ingest({
      outlet: 'AP',
      date: '2024-10-25',
      body: 'South Korea’s spy agency said about 1,500 North Korean troops had already reached Russia, AP reported.',
    });
    const live = t.app.index;
    const rebuilt = (await t.reopen()).index;
    const shape = (index: typeof live) =>
      index.topicRows('troops').map((row) => ({
        claimant: row.claimant,
        figures: row.figures.map((f) => [f.key, f.view(null)!.outlets, f.view(null)!.first.id]),
      }));
    expect(rebuilt.claimCount()).toBe(live.claimCount());
    expect(shape(rebuilt)).toEqual(shape(live));
    expect(rebuilt.search('pentagon soldiers', 5, null).map((h) => h.id)).toEqual(
      live.search('pentagon soldiers', 5, null).map((h) => h.id),
    );
  });
});
