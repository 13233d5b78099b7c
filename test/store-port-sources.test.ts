// Sources, their feeds' polling state, the items each has taken in, and servers' settings: the
// same answers through the store port on SQLite and on Postgres.
import { afterEach, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import type { Claim } from '../src/extract/types.js';
import type { FeedState, NewSource } from '../src/store/records.js';
import type { StorePort } from '../src/store/store-port.js';
import { storePortBackends, troopsClaim } from './support/store-ports.js';

const NOW = new Date('2026-01-10T08:00:00.000Z');
const LATER = new Date('2026-01-11T09:30:00.000Z');
const FEED = 'https://news.example/rss';

const feedSource = (name: string, more: Partial<NewSource> = {}): NewSource => ({
  guildId: 'newsroom-a',
  name,
  kind: 'feed',
  location: FEED,
  ...more,
});

const claim = troopsClaim;

for (const backend of storePortBackends()) {
  if (backend.missing) console.warn(`SKIPPED ${backend.name} store-port tests: ${backend.missing}`);
  describe.skipIf(Boolean(backend.missing))(`sources and settings through the store port on ${backend.name}`, () => {
    let port: StorePort;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ port, close } = await backend.open());
    });
    afterEach(() => close());

    /** An article carried by the source, with these claims; skips the case where articles are not on this backend yet. */
    async function article(ctx: TestContext, sourceId: number, identity: string, claims: Claim[]): Promise<number> {
      const result = await port.articles
        .addArticle(
          {
            identity,
            url: null,
            title: identity,
            outlet: 'Yonhap',
            date: '2026-01-09',
            contentHash: `h-${identity}`,
            ingestedAt: NOW.toISOString(),
          },
          claims,
          sourceId,
        )
        .catch((error: Error) => {
          if (/is not on Postgres yet/.test(error.message)) ctx.skip(`articles: ${error.message}`);
          throw error;
        });
      return result.added ? result.article.id : result.articleId;
    }

    it('adds a source and reads it back by id and by name, typed as SQLite gives it', async () => {
      const added = await port.sourceBook.add(feedSource('Yonhap', { topics: ['troops', 'casualties'] }), NOW);
      expect(added).toEqual({
        id: expect.any(Number),
        guildId: 'newsroom-a',
        name: 'Yonhap',
        kind: 'feed',
        location: FEED,
        topics: ['troops', 'casualties'],
        paused: false,
        pausedReason: null,
        removedAt: null,
        failureNotice: false,
        createdAt: NOW.toISOString(),
      });
      expect(await port.sourceBook.byId(added.id)).toEqual(added);
      expect(await port.sourceBook.find('newsroom-a', 'Yonhap')).toEqual(added);
    });

    it('puts a source given no scope in the defaults, and no topics as null', async () => {
      const added = await port.sourceBook.add({ name: 'Wire', kind: 'feed', location: FEED, topics: [] }, NOW);
      expect(added).toMatchObject({ guildId: '', topics: null });
      expect((await port.sourceBook.inScope('')).map((s) => s.id)).toEqual([added.id]);
    });

    it('finds a source whatever the case of its name, only in its own scope and only while live', async () => {
      const added = await port.sourceBook.add(feedSource('Yonhap'), NOW);
      expect((await port.sourceBook.find('newsroom-a', 'YONHAP'))?.id).toBe(added.id);
      expect(await port.sourceBook.find('newsroom-b', 'Yonhap')).toBeUndefined();
      expect(await port.sourceBook.find('newsroom-a', 'Yonhap News')).toBeUndefined();
      await port.sourceBook.remove(added.id, LATER);
      expect(await port.sourceBook.find('newsroom-a', 'Yonhap')).toBeUndefined();
      expect(await port.sourceBook.byId(added.id)).toMatchObject({ removedAt: LATER.toISOString() });
      expect(await port.sourceBook.byId(added.id + 1000)).toBeUndefined();
    });

    it("lists a scope's live sources by name with ASCII case folded and other characters by their bytes", async () => {
      for (const name of ['Zeit', 'Écho', 'bbc', '_wire', 'Agence', 'Gone'])
        await port.sourceBook.add(feedSource(name), NOW);
      await port.sourceBook.add(feedSource('Other', { guildId: 'newsroom-b' }), NOW);
      await port.sourceBook.remove((await port.sourceBook.find('newsroom-a', 'gone'))!.id, NOW);
      expect((await port.sourceBook.inScope('newsroom-a')).map((s) => s.name)).toEqual([
        '_wire',
        'Agence',
        'bbc',
        'Zeit',
        'Écho',
      ]);
      expect(await port.sourceBook.inScope('newsroom-c')).toEqual([]);
    });

    it('brings back a removed source of the same name under its old id, unpaused and with the new settings', async () => {
      const first = await port.sourceBook.add(feedSource('Yonhap', { topics: ['troops'] }), NOW);
      await port.sourceBook.setPaused(first.id, 'failing');
      await port.sourceBook.setFailureNotice(first.id, true);
      await port.sourceBook.remove(first.id, NOW);
      const back = await port.sourceBook.add(
        feedSource('Yonhap', { kind: 'folder', location: '/srv/yonhap', topics: null }),
        LATER,
      );
      expect(back).toEqual({
        ...first,
        kind: 'folder',
        location: '/srv/yonhap',
        topics: null,
        createdAt: LATER.toISOString(),
      });
      expect(await port.sourceBook.inScope('newsroom-a')).toEqual([back]);
    });

    it('overwrites a live source of exactly that name instead of failing, and keeps a name of other case apart', async () => {
      const first = await port.sourceBook.add(feedSource('Yonhap'), NOW);
      const again = await port.sourceBook.add(feedSource('Yonhap', { location: 'https://other.example/rss' }), LATER);
      expect(again).toMatchObject({
        id: first.id,
        location: 'https://other.example/rss',
        createdAt: LATER.toISOString(),
      });
      const shouted = await port.sourceBook.add(feedSource('YONHAP'), LATER);
      expect(shouted.id).not.toBe(first.id);
      expect((await port.sourceBook.inScope('newsroom-a')).map((s) => s.id).sort()).toEqual(
        [first.id, shouted.id].sort(),
      );
    });

    it('pauses for a reason, resumes, and marks the failure notice sent and unsent', async () => {
      const { id } = await port.sourceBook.add(feedSource('Yonhap'), NOW);
      await port.sourceBook.setPaused(id, 'moderator');
      expect(await port.sourceBook.byId(id)).toMatchObject({ paused: true, pausedReason: 'moderator' });
      await port.sourceBook.setPaused(id, null);
      expect(await port.sourceBook.byId(id)).toMatchObject({ paused: false, pausedReason: null });
      await port.sourceBook.setFailureNotice(id, true);
      expect((await port.sourceBook.byId(id))?.failureNotice).toBe(true);
      await port.sourceBook.setFailureNotice(id, false);
      expect((await port.sourceBook.byId(id))?.failureNotice).toBe(false);
    });

    it('answers an empty state for a feed never saved, and reads a saved one back whole', async () => {
      expect(await port.sourceBook.feed(FEED)).toEqual({
        location: FEED,
        etag: null,
        lastModified: null,
        lastAttemptAt: null,
        lastSuccessAt: null,
        lastError: null,
        failures: 0,
        nextPollAt: null,
        items: null,
      });
      const failing: FeedState = {
        location: FEED,
        etag: '"v1"',
        lastModified: 'Fri, 09 Jan 2026 10:00:00 GMT',
        lastAttemptAt: LATER.toISOString(),
        lastSuccessAt: NOW.toISOString(),
        lastError: 'HTTP 503',
        failures: 3,
        nextPollAt: '2026-01-11T10:30:00.000Z',
        items: 40,
      };
      await port.sourceBook.saveFeed(failing);
      expect(await port.sourceBook.feed(FEED)).toEqual(failing);
      const recovered = { ...failing, etag: null, lastError: null, failures: 0, nextPollAt: null, items: 0 };
      await port.sourceBook.saveFeed(recovered);
      expect(await port.sourceBook.feed(FEED)).toEqual(recovered);
    });

    it('makes one feed due now, forgetting its validators only when asked, and leaves the others alone', async () => {
      const saved: FeedState = {
        location: FEED,
        etag: '"v1"',
        lastModified: 'Fri, 09 Jan 2026 10:00:00 GMT',
        lastAttemptAt: NOW.toISOString(),
        lastSuccessAt: NOW.toISOString(),
        lastError: 'timeout',
        failures: 2,
        nextPollAt: LATER.toISOString(),
        items: 12,
      };
      const other = { ...saved, location: 'https://other.example/rss' };
      await port.sourceBook.saveFeed(saved);
      await port.sourceBook.saveFeed(other);
      await port.sourceBook.makeDue(FEED, false);
      expect(await port.sourceBook.feed(FEED)).toEqual({ ...saved, nextPollAt: null });
      await port.sourceBook.saveFeed(saved);
      await port.sourceBook.makeDue(FEED, true);
      expect(await port.sourceBook.feed(FEED)).toEqual({ ...saved, nextPollAt: null, etag: null, lastModified: null });
      expect(await port.sourceBook.feed(other.location)).toEqual(other);
      await port.sourceBook.makeDue('https://never.example/rss', true);
      expect(await port.sourceBook.feed('https://never.example/rss')).toMatchObject({ etag: null, nextPollAt: null });
    });

    it('gives the live, unpaused sources of the kinds asked whose feed is due, oldest first, each with its feed', async () => {
      const later = 'https://later.example/rss';
      const exactly = 'https://exactly.example/rss';
      const a = await port.sourceBook.add(feedSource('Never polled'), NOW);
      const b = await port.sourceBook.add(feedSource('Backing off', { location: later }), NOW);
      const c = await port.sourceBook.add(feedSource('Due this minute', { location: exactly }), NOW);
      const d = await port.sourceBook.add(feedSource('Same feed elsewhere', { guildId: 'newsroom-b' }), NOW);
      const paused = await port.sourceBook.add(feedSource('Paused'), NOW);
      await port.sourceBook.setPaused(paused.id, 'moderator');
      const removed = await port.sourceBook.add(feedSource('Removed'), NOW);
      await port.sourceBook.remove(removed.id, NOW);
      const folder = await port.sourceBook.add(feedSource('Folder', { kind: 'folder', location: '/srv/f' }), NOW);
      const backoff = { ...(await port.sourceBook.feed(later)), failures: 4, nextPollAt: LATER.toISOString() };
      await port.sourceBook.saveFeed(backoff);
      const onTime = { ...(await port.sourceBook.feed(exactly)), etag: '"e"', items: 3, nextPollAt: NOW.toISOString() };
      await port.sourceBook.saveFeed(onTime);

      const due = await port.sourceBook.dueSources(['feed'], NOW);
      expect(due.map((s) => s.source.id)).toEqual([a.id, c.id, d.id]);
      expect(due[0]).toEqual({ source: a, feed: await port.sourceBook.feed(FEED) });
      expect(due[1]!.feed).toEqual(onTime);
      expect((await port.sourceBook.dueSources(['feed', 'folder'], NOW)).map((s) => s.source.id)).toEqual([
        a.id,
        c.id,
        d.id,
        folder.id,
      ]);
      expect((await port.sourceBook.dueSources(['feed'], LATER)).map((s) => s.source.id)).toEqual([
        a.id,
        b.id,
        c.id,
        d.id,
      ]);
      expect(await port.sourceBook.dueSources([], NOW)).toEqual([]);
    });

    it('lists the live sources polling one location in every scope, oldest first', async () => {
      const a = await port.sourceBook.add(feedSource('Yonhap'), NOW);
      const b = await port.sourceBook.add(feedSource('Yonhap', { guildId: 'newsroom-b' }), NOW);
      const gone = await port.sourceBook.add(feedSource('Yonhap', { guildId: 'newsroom-c' }), NOW);
      await port.sourceBook.add(feedSource('Elsewhere', { location: 'https://other.example/rss' }), NOW);
      await port.sourceBook.remove(gone.id, NOW);
      await port.sourceBook.setPaused(b.id, 'moderator');
      expect((await port.sourceBook.atLocation(FEED)).map((s) => [s.id, s.paused])).toEqual([
        [a.id, false],
        [b.id, true],
      ]);
      expect(await port.sourceBook.atLocation('https://nobody.example/rss')).toEqual([]);
    });

    it('remembers the items each source took in once, and says which of a batch it already has', async () => {
      const a = await port.sourceBook.add(feedSource('Yonhap'), NOW);
      const b = await port.sourceBook.add(feedSource('Yonhap', { guildId: 'newsroom-b' }), NOW);
      await port.sourceBook.recordItem(a.id, 'item-1', null, NOW);
      await port.sourceBook.recordItem(a.id, 'item-2', null, NOW);
      await port.sourceBook.recordItem(a.id, 'item-1', null, LATER);
      await port.sourceBook.recordItem(b.id, 'item-3', null, NOW);
      expect(await port.sourceBook.itemCount(a.id)).toBe(2);
      expect(await port.sourceBook.itemCount(b.id)).toBe(1);
      expect(await port.sourceBook.itemCount(a.id + 1000)).toBe(0);
      expect(await port.sourceBook.knownItems(a.id, ['item-2', 'item-3', 'item-1', 'item-9'])).toEqual(
        new Set(['item-1', 'item-2']),
      );
      expect(await port.sourceBook.knownItems(a.id, [])).toEqual(new Set());
    });

    it("says whether a source carries an article and lists that article's claims in order", async (ctx) => {
      const a = await port.sourceBook.add(feedSource('Yonhap'), NOW);
      const b = await port.sourceBook.add(feedSource('Yonhap', { guildId: 'newsroom-b' }), NOW);
      const articleId = await article(ctx, a.id, 'kherson', [claim('1500 crossed.', 1500), claim('300 left.', 300)]);
      const bare = await article(ctx, b.id, 'kursk', []);
      await port.sourceBook.recordItem(a.id, 'kherson-item', articleId, NOW);
      expect(await port.sourceBook.carries(a.id, articleId)).toBe(true);
      expect(await port.sourceBook.carries(b.id, articleId)).toBe(false);
      expect(await port.sourceBook.carries(a.id, bare)).toBe(false);
      const ids = await port.sourceBook.claimIdsOf(articleId);
      expect(ids).toHaveLength(2);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(await port.sourceBook.claimIdsOf(bare)).toEqual([]);
      expect(await port.sourceBook.knownItems(a.id, ['kherson-item'])).toEqual(new Set(['kherson-item']));
    });

    it('takes back the sources, items and settings written in a transaction that fails', async () => {
      const kept = await port.sourceBook.add(feedSource('Kept'), NOW);
      const failing = port.transaction(async (tx) => {
        const added = await tx.sourceBook.add(feedSource('Yonhap'), NOW);
        await tx.sourceBook.recordItem(kept.id, 'item-1', null, NOW);
        await tx.sourceBook.setPaused(kept.id, 'moderator');
        await tx.settings.change('newsroom-a', { timeZone: 'Asia/Seoul' }, 'mod-1', NOW);
        expect((await tx.sourceBook.find('newsroom-a', 'yonhap'))?.id).toBe(added.id);
        throw new Error('crash mid-add');
      });
      await expect(failing).rejects.toThrow('crash mid-add');
      expect(await port.sourceBook.inScope('newsroom-a')).toEqual([kept]);
      expect(await port.sourceBook.itemCount(kept.id)).toBe(0);
      expect(await port.settings.of('newsroom-a')).toBeUndefined();
    });

    it('has no settings for a server that never set one, and starts one from the defaults', async () => {
      expect(await port.settings.of('newsroom-a')).toBeUndefined();
      const set = await port.settings.change('newsroom-a', { timeZone: 'Asia/Seoul' }, 'mod-1', NOW);
      expect(set).toEqual({
        guildId: 'newsroom-a',
        timeZone: 'Asia/Seoul',
        noticesChannel: null,
        changedBy: 'mod-1',
        changedAt: NOW.toISOString(),
      });
      expect(await port.settings.of('newsroom-a')).toEqual(set);
      expect(await port.settings.of('newsroom-b')).toBeUndefined();
    });

    it('keeps a setting left out of a change, and puts one given as null back to its default', async () => {
      await port.settings.change('newsroom-a', { timeZone: 'Asia/Seoul', noticesChannel: 'chan-1' }, 'mod-1', NOW);
      const kept = await port.settings.change('newsroom-a', { noticesChannel: 'chan-2' }, 'mod-2', LATER);
      expect(kept).toEqual({
        guildId: 'newsroom-a',
        timeZone: 'Asia/Seoul',
        noticesChannel: 'chan-2',
        changedBy: 'mod-2',
        changedAt: LATER.toISOString(),
      });
      const reset = await port.settings.change('newsroom-a', { timeZone: null }, 'mod-3', LATER);
      expect(reset).toMatchObject({ timeZone: null, noticesChannel: 'chan-2', changedBy: 'mod-3' });
      expect(await port.settings.of('newsroom-a')).toEqual(reset);
    });
  });
}
