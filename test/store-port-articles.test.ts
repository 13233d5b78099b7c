// Sources, articles, their claims and re-filing: the same answers through the store port on
// SQLite and on Postgres. On Postgres, an article written through the port also reaches another
// process's index through the change log its triggers keep.

import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { bootFollowingIndex } from '../src/app/postgres-index.js';
import { DATA_DIR } from '../src/config.js';
import type { Claim } from '../src/extract/types.js';
import { loadLexicon } from '../src/newsroom/data-files.js';
import { openPostgres } from '../src/store/pg/pool.js';
import { postgresStorePort } from '../src/store/pg/store-port.js';
import type { NewSource } from '../src/store/records.js';
import type { NewArticle } from '../src/store/store.js';
import type { StorePort } from '../src/store/store-port.js';
import { freshPostgresUrl } from './support/shared-stores.js';
import { storePortBackends, troopsClaim } from './support/store-ports.js';

const NOW = new Date('2026-01-10T08:00:00.000Z');
const LATER = new Date('2026-01-11T09:30:00.000Z');

const wire = (name: string, more: Partial<NewSource> = {}): NewSource => ({
  guildId: 'newsroom-a',
  name,
  kind: 'folder',
  location: `/feeds/${name}`,
  ...more,
});

const claim = troopsClaim;

const story = (identity: string, more: Partial<NewArticle> = {}): NewArticle => ({
  identity,
  url: `https://news.example/${identity}`,
  title: `The ${identity} story`,
  outlet: 'Yonhap',
  date: '2026-01-09',
  contentHash: `hash-${identity}`,
  ingestedAt: NOW.toISOString(),
  ...more,
});

for (const backend of storePortBackends()) {
  if (backend.missing) console.warn(`SKIPPED ${backend.name} store-port tests: ${backend.missing}`);
  describe.skipIf(Boolean(backend.missing))(`articles and re-filing through the store port on ${backend.name}`, () => {
    let port: StorePort;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ port, close } = await backend.open());
    });
    afterEach(() => close());

    /** A new article from this source; fails the case when the store says it already held it. */
    async function added(sourceId: number, identity: string, claims: Claim[], more: Partial<NewArticle> = {}) {
      const result = await port.articles.addArticle(story(identity, more), claims, sourceId);
      if (!result.added) throw new Error(`${identity} was already stored`);
      return result;
    }

    it('creates a source on first use and hands back the stored one after, keeping what it was made with', async () => {
      const first = await port.articles.ensureSource(wire('wire', { topics: ['troops', 'casualties'] }), NOW);
      expect(first).toEqual({
        id: first.id,
        guildId: 'newsroom-a',
        name: 'wire',
        kind: 'folder',
        location: '/feeds/wire',
        topics: ['troops', 'casualties'],
        paused: false,
        pausedReason: null,
        removedAt: null,
        failureNotice: false,
        createdAt: NOW.toISOString(),
      });
      const again = await port.articles.ensureSource(wire('wire', { location: '/elsewhere', topics: null }), LATER);
      expect(again).toEqual(first);
      expect(await port.articles.sources()).toEqual([first]);
    });

    it('keeps sources of one name apart per server, with no server meaning the defaults, in the order made', async () => {
      const a = await port.articles.ensureSource(wire('wire'), NOW);
      const defaults = await port.articles.ensureSource(wire('wire', { guildId: undefined }), NOW);
      const b = await port.articles.ensureSource(wire('wire', { guildId: 'newsroom-b' }), NOW);
      expect(defaults).toMatchObject({ guildId: '', topics: null });
      expect(new Set([a.id, defaults.id, b.id]).size).toBe(3);
      expect((await port.articles.sources()).map((s) => [s.id, s.guildId])).toEqual([
        [a.id, 'newsroom-a'],
        [defaults.id, ''],
        [b.id, 'newsroom-b'],
      ]);
    });

    it('stores an article with its claims in order and its source link, and reads each back as it was returned', async () => {
      const source = await port.articles.ensureSource(wire('wire'), NOW);
      const claims = [
        claim('NIS said 1,500 soldiers had crossed.', 1500, { hedge: 'approximately', via: 'Yonhap', speaker: 'Kim' }),
        claim('Officials said the talks had stalled.', null, { unit: null, topic: null, status: 'unverified' }),
        claim('The 19-year-old was among them.', 19, { role: 'past', aside: 'an age' }),
      ];
      const result = await added(source.id, 'kursk', claims);
      expect(result.article).toEqual({ id: result.article.id, ...story('kursk') });
      expect(result.claims.map((c) => c.position)).toEqual([0, 1, 2]);
      expect(result.claims.map((c) => c.id)).toEqual([...result.claims.map((c) => c.id)].sort((x, y) => x - y));
      expect(result.claims[0]).toEqual({
        id: result.claims[0]!.id,
        articleId: result.article.id,
        position: 0,
        sentence: 'NIS said 1,500 soldiers had crossed.',
        low: 1500,
        high: 1500,
        hedge: 'approximately',
        unit: 'troops',
        topic: 'troops',
        status: 'reported',
        claimant: 'NIS',
        via: 'Yonhap',
        figureText: '1500',
        speaker: 'Kim',
        role: 'current',
        aside: null,
        wrong: false,
      });
      expect(await port.articles.claimsWithIds(result.claims.map((c) => c.id))).toEqual(result.claims);
      expect(await port.articles.knownArticle('kursk')).toEqual({ id: result.article.id, claims: 3 });
      expect(await port.articles.articleDetails(result.article.id)).toEqual({
        identity: 'kursk',
        url: 'https://news.example/kursk',
        title: 'The kursk story',
        contentHash: 'hash-kursk',
        ingestedAt: NOW.toISOString(),
      });
      expect(await port.articles.sentence(result.claims[1]!.id)).toBe('Officials said the talks had stalled.');
      expect(await port.articles.counts()).toEqual({ sources: 1, articles: 1, claims: 3 });
    });

    it('keeps fractional figures and an article without claims', async () => {
      const source = await port.articles.ensureSource(wire('wire'), NOW);
      const { claims } = await added(source.id, 'rates', [claim('Inflation reached 3.75 percent.', 3.75)]);
      expect((await port.articles.claimsWithIds([claims[0]!.id]))[0]).toMatchObject({ low: 3.75, high: 3.75 });
      const empty = await added(source.id, 'quiet', [], { url: null, title: null, outlet: null, date: null });
      expect(empty.claims).toEqual([]);
      expect(await port.articles.knownArticle('quiet')).toEqual({ id: empty.article.id, claims: 0 });
      expect(await port.articles.articleDetails(empty.article.id)).toMatchObject({ url: null, title: null });
    });

    it('only links another source to an article it already holds, adding no claims', async () => {
      const a = await port.articles.ensureSource(wire('wire'), NOW);
      const b = await port.articles.ensureSource(wire('wire', { guildId: 'newsroom-b' }), NOW);
      const first = await added(a.id, 'kursk', [claim('NIS said 1,500 soldiers had crossed.', 1500)]);
      const again = await port.articles.addArticle(story('kursk'), [claim('Another sentence.', 3)], b.id);
      expect(again).toEqual({ added: false, articleId: first.article.id });
      expect(await port.articles.counts()).toEqual({ sources: 2, articles: 1, claims: 1 });
      const [row] = await port.filing.claimsForFiling(0, 10);
      expect(row!.scopes!.split(',').sort()).toEqual(['newsroom-a', 'newsroom-b']);
    });

    it('links a source once however often it is linked, and refuses a link to an article not stored', async () => {
      const a = await port.articles.ensureSource(wire('wire'), NOW);
      const b = await port.articles.ensureSource(wire('wire', { guildId: '' }), NOW);
      const { article } = await added(a.id, 'kursk', [claim('NIS said 1,500 soldiers had crossed.', 1500)]);
      await port.articles.linkSource(article.id, b.id);
      await port.articles.linkSource(article.id, b.id);
      await port.articles.linkSource(article.id, a.id);
      const [row] = await port.filing.claimsForFiling(0, 10);
      expect(row!.scopes!.split(',').sort()).toEqual(['', 'newsroom-a']);
      await expect(port.articles.linkSource(article.id + 100, a.id)).rejects.toThrow();
    });

    it('leaves no half article when one of its claims cannot be stored', async () => {
      const source = await port.articles.ensureSource(wire('wire'), NOW);
      const broken = claim('A claim with no status.', 7, { status: null as unknown as Claim['status'] });
      await expect(
        port.articles.addArticle(story('kursk'), [claim('A good claim.', 5), broken], source.id),
      ).rejects.toThrow();
      expect(await port.articles.knownArticle('kursk')).toBeUndefined();
      expect(await port.articles.counts()).toEqual({ sources: 1, articles: 0, claims: 0 });
      expect(await port.filing.lastArticleId()).toBe(0);
      const later = await added(source.id, 'kursk', [claim('A good claim.', 5)]);
      expect(await port.articles.knownArticle('kursk')).toEqual({ id: later.article.id, claims: 1 });
    });

    it('takes back an article added inside a transaction that fails, keeping one added before it', async () => {
      const source = await port.articles.ensureSource(wire('wire'), NOW);
      const kept = await added(source.id, 'kept', [claim('Kept.', 1)]);
      const failing = port.transaction(async (tx) => {
        await tx.articles.addArticle(story('undone'), [claim('Undone.', 2)], source.id);
        expect(await tx.articles.knownArticle('undone')).toMatchObject({ claims: 1 });
        throw new Error('crash mid-ingest');
      });
      await expect(failing).rejects.toThrow('crash mid-ingest');
      expect(await port.articles.knownArticle('undone')).toBeUndefined();
      expect(await port.articles.counts()).toEqual({ sources: 1, articles: 1, claims: 1 });
      expect(await port.filing.lastArticleId()).toBe(kept.article.id);
    });

    it('reads the claims asked for that exist, in id order, whatever order they were asked in', async () => {
      const source = await port.articles.ensureSource(wire('wire'), NOW);
      const { claims } = await added(source.id, 'kursk', [claim('One.', 1), claim('Two.', 2), claim('Three.', 3)]);
      const [one, two, three] = claims.map((c) => c.id) as [number, number, number];
      expect((await port.articles.claimsWithIds([three, 999_999, one])).map((c) => c.id)).toEqual([one, three]);
      expect(await port.articles.claimsWithIds([])).toEqual([]);
      expect((await port.articles.claimsWithIds([two, two])).map((c) => c.sentence)).toEqual(['Two.']);
    });

    it('says which article or claim is not in the store', async () => {
      await expect(port.articles.articleDetails(41)).rejects.toThrow('article 41 is not in the store');
      await expect(port.articles.sentence(42)).rejects.toThrow('claim 42 is not in the store');
      expect(await port.articles.knownArticle('nowhere')).toBeUndefined();
    });

    it('gives the first and last article dates, passing over articles without one, and null when none has one', async () => {
      expect(await port.articles.dateRange()).toBeNull();
      const source = await port.articles.ensureSource(wire('wire'), NOW);
      await added(source.id, 'undated', [], { date: null });
      expect(await port.articles.dateRange()).toBeNull();
      await added(source.id, 'middle', [], { date: '2026-01-09' });
      await added(source.id, 'late', [], { date: '2026-02-01' });
      await added(source.id, 'early', [], { date: '2025-12-31' });
      expect(await port.articles.dateRange()).toEqual({ first: '2025-12-31', last: '2026-02-01' });
      expect(await port.articles.counts()).toEqual({ sources: 1, articles: 4, claims: 0 });
    });

    it('reads claims for filing a window of articles at a time, by article then claim, with titles and scopes', async () => {
      expect(await port.filing.lastArticleId()).toBe(0);
      expect(await port.filing.claimsForFiling(0, 10)).toEqual([]);
      const source = await port.articles.ensureSource(wire('wire'), NOW);
      const first = await added(source.id, 'first', [claim('First one.', 1), claim('First two.', null)]);
      const second = await added(source.id, 'second', [claim('Second one.', 3)], { title: null });
      const third = await added(source.id, 'third', [claim('Third one.', 4)]);
      expect(await port.filing.lastArticleId()).toBe(third.article.id);
      expect(await port.filing.claimsForFiling(0, first.article.id)).toEqual([
        {
          id: first.claims[0]!.id,
          articleId: first.article.id,
          sentence: 'First one.',
          unit: 'troops',
          low: 1,
          figureText: '1',
          topic: 'troops',
          title: 'The first story',
          scopes: 'newsroom-a',
        },
        {
          id: first.claims[1]!.id,
          articleId: first.article.id,
          sentence: 'First two.',
          unit: 'troops',
          low: null,
          figureText: null,
          topic: 'troops',
          title: 'The first story',
          scopes: 'newsroom-a',
        },
      ]);
      const window = await port.filing.claimsForFiling(first.article.id, third.article.id - first.article.id);
      expect(window.map((r) => [r.articleId, r.sentence, r.title])).toEqual([
        [second.article.id, 'Second one.', null],
        [third.article.id, 'Third one.', 'The third story'],
      ]);
      expect(await port.filing.claimsForFiling(third.article.id, 10)).toEqual([]);
    });

    it("names the defaults' scope as an empty name among an article's scopes", async () => {
      const source = await port.articles.ensureSource(wire('wire', { guildId: '' }), NOW);
      await added(source.id, 'kursk', [claim('One.', 1)]);
      expect((await port.filing.claimsForFiling(0, 10))[0]!.scopes).toBe('');
    });

    it('files claims under new topics, a claim named twice under the last, and leaves the others', async () => {
      const source = await port.articles.ensureSource(wire('wire'), NOW);
      const { claims } = await added(source.id, 'kursk', [claim('One.', 1), claim('Two.', 2), claim('Three.', 3)]);
      const [one, two, three] = claims.map((c) => c.id) as [number, number, number];
      await port.filing.setClaimTopics([]);
      await port.filing.setClaimTopics([
        { id: one, topic: 'casualties' },
        { id: two, topic: 'casualties' },
        { id: two, topic: null },
        { id: 999_999, topic: 'nowhere' },
      ]);
      expect((await port.articles.claimsWithIds([one, two, three])).map((c) => c.topic)).toEqual([
        'casualties',
        null,
        'troops',
      ]);
      expect((await port.filing.claimsForFiling(0, 10)).map((r) => r.topic)).toEqual(['casualties', null, 'troops']);
    });

    it('takes back new topics set inside a transaction that fails', async () => {
      const source = await port.articles.ensureSource(wire('wire'), NOW);
      const { claims } = await added(source.id, 'kursk', [claim('One.', 1)]);
      const failing = port.transaction(async (tx) => {
        await tx.filing.setClaimTopics([{ id: claims[0]!.id, topic: 'casualties' }]);
        throw new Error('crash mid-refile');
      });
      await expect(failing).rejects.toThrow('crash mid-refile');
      expect((await port.articles.claimsWithIds([claims[0]!.id]))[0]!.topic).toBe('troops');
    });
  });
}

const server = inject('postgres');
const missing = 'missing' in server ? server.missing : undefined;
if (missing) console.warn(`SKIPPED Postgres change-log tests: ${missing}`);

describe.skipIf(Boolean(missing))("another process's index following articles written through the port", () => {
  const lexicon = loadLexicon(DATA_DIR);
  let url: string;
  let pool: pg.Pool;
  let port: StorePort;
  beforeEach(async () => {
    if (!('url' in server)) return;
    url = await freshPostgresUrl(server.url);
    pool = await openPostgres(url, { max: 4 });
    port = postgresStorePort(pool);
  });
  afterEach(() => port.close());

  const boot = () => bootFollowingIndex(pool, lexicon, { now: NOW });

  it('takes in an article, a second link and new topics at its next catch-ups', async () => {
    const a = await port.articles.ensureSource(wire('wire'), NOW);
    const { index, follower } = await boot();
    const result = await port.articles.addArticle(
      story('kherson'),
      [claim('NIS said 1500 soldiers from kherson had crossed the border.', 1500)],
      a.id,
    );
    if (!result.added) throw new Error('kherson was already stored');
    const claimId = result.claims[0]!.id;
    expect(index.claim(claimId)).toBeUndefined();
    expect(await follower.catchUp(new Date(NOW.getTime() + 1000))).toBeGreaterThan(0);
    expect(index.search('kherson', 5, 'newsroom-a').map((h) => h.claim.id)).toEqual([claimId]);
    expect(index.canSee(result.article.id, 'newsroom-a')).toBe(true);
    expect(index.canSee(result.article.id, 'newsroom-b')).toBe(false);

    const b = await port.articles.ensureSource(wire('wire', { guildId: 'newsroom-b' }), NOW);
    await port.articles.addArticle(story('kherson'), [], b.id);
    await port.filing.setClaimTopics([{ id: claimId, topic: 'casualties' }]);
    await follower.catchUp(new Date(NOW.getTime() + 2000));
    expect(index.canSee(result.article.id, 'newsroom-b')).toBe(true);
    expect(index.claim(claimId)?.topic).toBe('casualties');
  });

  it('notes nothing of an article whose claims could not be stored', async () => {
    const a = await port.articles.ensureSource(wire('wire'), NOW);
    const { index, follower } = await boot();
    const broken = claim('A claim with no status.', 7, { status: null as unknown as Claim['status'] });
    await expect(port.articles.addArticle(story('kursk'), [broken], a.id)).rejects.toThrow();
    expect(await follower.catchUp(new Date(NOW.getTime() + 1000))).toBe(0);
    expect(index.claimCount()).toBe(0);
  });

  it('links an article another process stored while this one was adding it, instead of failing on its identity', async () => {
    const other = postgresStorePort(await openPostgres(url, { max: 2 }));
    try {
      const a = await port.articles.ensureSource(wire('wire'), NOW);
      const b = await port.articles.ensureSource(wire('wire', { guildId: 'newsroom-b' }), NOW);
      let commit!: () => void;
      const held = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let firstId = 0;
      let stored!: () => void;
      const inserted = new Promise<void>((resolve) => {
        stored = resolve;
      });
      const first = port.transaction(async (tx) => {
        const result = await tx.articles.addArticle(story('kursk'), [claim('One.', 1)], a.id);
        if (result.added) firstId = result.article.id;
        stored();
        await held;
      });
      await inserted;
      const second = other.articles.addArticle(story('kursk'), [claim('One again.', 1)], b.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
      commit();
      await first;
      expect(await second).toEqual({ added: false, articleId: firstId });
      expect(await port.articles.counts()).toEqual({ sources: 2, articles: 1, claims: 1 });
      const [row] = await port.filing.claimsForFiling(0, 10);
      expect(row!.scopes).toBe('newsroom-a,newsroom-b');
    } finally {
      await other.close();
    }
  });
});
