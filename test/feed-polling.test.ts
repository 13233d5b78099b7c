import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import { registerSource } from '../src/newsroom/ingest.js';
import { ingestFiles } from '../src/newsroom/ingest-files.js';
import { addFeedSource } from '../src/polling/add-source.js';
import { pauseSource, resumeSource } from '../src/polling/manage.js';
import { pollDue } from '../src/polling/poll.js';
import type { Lookup } from '../src/sources/fetch.js';
import { articleFiles } from '../src/sources/folder.js';
import { useFeedRig } from './support/feed-rig.js';
import {
  articlePage,
  atomFeed,
  jsonFeed,
  loopbackFetcher,
  minutesAfter,
  plain,
  recordingHooks,
  rssFeed,
  T0,
  type TestItem,
  withEtag,
} from './support/feed-server.js';

// Every feed and page here is served by a real HTTP server on 127.0.0.1 and stored in a real
// SQLite file; the alerting side is a recording stand-in for PollHooks.

const TROOPS: TestItem = {
  guid: 'ledger-1',
  link: 'https://ledger.example/news/troops-arrive',
  title: 'Spy agency counts troops in Russia',
  date: '2025-04-30',
  content: "Seoul's spy agency said about 3,000 North Korean troops had reached Russia.",
};
const LOSSES: TestItem = {
  guid: 'ledger-2',
  link: 'https://ledger.example/news/losses',
  title: 'Kyiv gives a casualty figure',
  date: '2025-05-01',
  content: "Ukraine's military intelligence said at least 200 North Korean soldiers were killed or wounded near Kursk.",
};
const PENTAGON: TestItem = {
  guid: 'ledger-3',
  link: 'https://ledger.example/news/pentagon',
  title: 'Pentagon update',
  date: '2025-05-01',
  content: 'The Pentagon said roughly 8,000 North Korean soldiers were now in the Kursk region.',
};

const rig = useFeedRig();

/** A feed whose items the test changes between polls; newest first, as outlets list them. */
function servedFeed(path: string, items: TestItem[], render = rssFeed, contentType?: string): TestItem[] {
  rig.server.route(
    path,
    withEtag(() => render('Eastern Ledger', items), contentType),
  );
  return items;
}

const claimsOf = async (articleId: number) =>
  (await rig.temp.app.port.sourceBook.claimIdsOf(articleId))
    .map((id) => rig.temp.app.index.claim(id)!)
    .map((c) => `${c.claimant}: ${c.low} ${c.measure}`);

describe('polling feeds', () => {
  it('takes in an item that appears on a later poll and decides its alerts once, for the server that follows the feed', async () => {
    const items = servedFeed('/ledger.xml', [TROOPS]);
    const added = await addFeedSource(
      rig.temp.app,
      { guildId: 'g1', name: 'Ledger', url: rig.server.url('/ledger.xml') },
      T0,
    );
    expect(added).toMatchObject({ items: 1, claims: 1 });
    const hooks = recordingHooks();

    items.unshift(LOSSES);
    const report = await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);

    expect(report).toEqual({ sources: 1, fetched: 1, notModified: 0, failed: 0, newItems: 1, claims: 1, waiting: 0 });
    expect(hooks.decisions).toHaveLength(1);
    expect(hooks.decisions[0]!.scopes).toEqual(['g1']);
    expect(await claimsOf(hooks.decisions[0]!.articleId)).toEqual(['HUR: 200 casualties']);
    expect(rig.temp.app.index.search('Kursk', 5, 'g1')).toHaveLength(1);

    await pollDue(rig.temp.app, hooks, minutesAfter(T0, 10), silentLogger);
    expect(hooks.decisions).toHaveLength(1);
  });

  it('indexes the current items of a newly added feed without deciding any alert, for that server only', async () => {
    servedFeed('/ledger.xml', [LOSSES, TROOPS]);
    const hooks = recordingHooks();
    const added = await addFeedSource(
      rig.temp.app,
      { guildId: 'g1', name: 'Ledger', url: rig.server.url('/ledger.xml') },
      T0,
    );
    await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);

    expect(added).toMatchObject({ items: 2, claims: 2, source: { guildId: 'g1', name: 'Ledger', kind: 'feed' } });
    expect(hooks.decisions).toEqual([]);
    expect(await rig.temp.app.port.sourceBook.itemCount(added.source.id)).toBe(2);
    expect(rig.temp.app.index.search('North Korean', 5, 'g1')).toHaveLength(2);
    expect(rig.temp.app.index.search('North Korean', 5, 'g2')).toHaveLength(0);
  });

  it('fetches a feed that two servers added once per poll, and both servers get its new item', async () => {
    const items = servedFeed('/ledger.xml', [TROOPS]);
    await addFeedSource(rig.temp.app, { guildId: 'g1', name: 'Ledger', url: rig.server.url('/ledger.xml') }, T0);
    await addFeedSource(
      rig.temp.app,
      { guildId: 'g2', name: 'Eastern Ledger', url: rig.server.url('/ledger.xml') },
      T0,
    );
    const hooks = recordingHooks();
    const before = rig.server.hits('/ledger.xml');

    items.unshift(LOSSES);
    const report = await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);

    expect(rig.server.hits('/ledger.xml') - before).toBe(1);
    expect(report).toMatchObject({ sources: 2, fetched: 1, newItems: 1, claims: 1 });
    expect(hooks.decisions).toEqual([
      { articleId: expect.any(Number), scopes: ['g1', 'g2'], at: minutesAfter(T0, 5).toISOString() },
    ]);
    expect(rig.temp.app.index.search('Kursk', 5, 'g1')).toHaveLength(1);
    expect(rig.temp.app.index.search('Kursk', 5, 'g2')).toHaveLength(1);
  });

  it('sends the stored ETag and does nothing more on a 304 than record the attempt', async () => {
    servedFeed('/ledger.xml', [TROOPS]);
    await addFeedSource(rig.temp.app, { guildId: 'g1', name: 'Ledger', url: rig.server.url('/ledger.xml') }, T0);
    const stored = await rig.temp.app.port.sourceBook.feed(rig.server.url('/ledger.xml'));
    const hooks = recordingHooks();

    const at = minutesAfter(T0, 5);
    const report = await pollDue(rig.temp.app, hooks, at, silentLogger);

    expect(rig.server.requests.at(-1)!.headers['if-none-match']).toBe(stored.etag);
    expect(report).toEqual({ sources: 1, fetched: 0, notModified: 1, failed: 0, newItems: 0, claims: 0, waiting: 0 });
    expect(hooks.decisions).toEqual([]);
    expect(await rig.temp.app.port.sourceBook.feed(rig.server.url('/ledger.xml'))).toMatchObject({
      etag: stored.etag,
      items: 1,
      failures: 0,
      lastAttemptAt: at.toISOString(),
      lastSuccessAt: at.toISOString(),
      nextPollAt: null,
    });
  });

  it("fetches the page of an item that only teases its story, once for every server, and takes the page's claims", async () => {
    const items = servedFeed('/ledger.xml', [TROOPS]);
    await addFeedSource(rig.temp.app, { guildId: 'g1', name: 'Ledger', url: rig.server.url('/ledger.xml') }, T0);
    await addFeedSource(rig.temp.app, { guildId: 'g2', name: 'Ledger', url: rig.server.url('/ledger.xml') }, T0);
    rig.server.route(
      '/story/pentagon',
      plain(
        articlePage('Pentagon raises its count', [
          'The Pentagon said roughly 8,000 North Korean soldiers were now in the Kursk region.',
          'Officials in Kyiv said 1,200 North Korean troops had been killed or wounded in December.',
        ]),
        { 'content-type': 'text/html; charset=utf-8' },
      ),
    );
    const hooks = recordingHooks();

    items.unshift({
      guid: 'teaser-1',
      link: rig.server.url('/story/pentagon'),
      title: 'Pentagon raises its count',
      summary: 'Washington gives a new estimate.',
    });
    await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);

    expect(rig.server.hits('/story/pentagon')).toBe(1);
    expect(hooks.decisions).toHaveLength(1);
    expect(await claimsOf(hooks.decisions[0]!.articleId)).toEqual([
      'Pentagon: 8000 troops',
      'Ukraine: 1200 casualties',
    ]);
  });

  it('falls back to the summary when the page of a teaser cannot be fetched', async () => {
    const items = servedFeed('/ledger.xml', []);
    await addFeedSource(rig.temp.app, { guildId: 'g1', name: 'Ledger', url: rig.server.url('/ledger.xml') }, T0);
    const hooks = recordingHooks();

    items.unshift({ guid: 'teaser-2', link: rig.server.url('/story/gone'), title: 'Losses', summary: LOSSES.content });
    await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);

    expect(rig.server.hits('/story/gone')).toBe(1);
    expect(await claimsOf(hooks.decisions[0]!.articleId)).toEqual(['HUR: 200 casualties']);
  });

  it.each([
    ['an Atom feed', atomFeed, 'application/atom+xml'],
    ['a JSON Feed', jsonFeed, 'application/feed+json'],
  ])('polls %s the same way', async (_name, render, contentType) => {
    const items = servedFeed('/feed', [TROOPS], render, contentType);
    await addFeedSource(rig.temp.app, { guildId: 'g1', name: 'Ledger', url: rig.server.url('/feed') }, T0);
    const hooks = recordingHooks();

    items.unshift(PENTAGON);
    const report = await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);

    expect(report).toMatchObject({ fetched: 1, newItems: 1 });
    expect(await claimsOf(hooks.decisions[0]!.articleId)).toEqual(['Pentagon: 8000 troops']);
  });

  it('never takes an item in twice, however the feed re-lists or reorders it', async () => {
    const items = servedFeed('/ledger.xml', [TROOPS, LOSSES]);
    await addFeedSource(rig.temp.app, { guildId: 'g1', name: 'Ledger', url: rig.server.url('/ledger.xml') }, T0);
    const hooks = recordingHooks();

    items.reverse();
    items.push({ ...TROOPS, title: 'Spy agency counts troops in Russia (updated)' });
    const report = await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);

    expect(report).toMatchObject({ fetched: 1, newItems: 0 });
    expect(hooks.decisions).toEqual([]);
  });

  it('does not alert again when an item comes back under a new GUID, since its link names the same article', async () => {
    const items = servedFeed('/ledger.xml', [TROOPS]);
    await addFeedSource(rig.temp.app, { guildId: 'g1', name: 'Ledger', url: rig.server.url('/ledger.xml') }, T0);
    const hooks = recordingHooks();

    items[0] = { ...TROOPS, guid: 'ledger-1-revised' };
    const report = await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);

    expect(report).toMatchObject({ fetched: 1, newItems: 0 });
    expect(hooks.decisions).toEqual([]);
    expect((await rig.temp.app.port.articles.counts()).articles).toBe(1);
  });

  it('reads a feed saved without a first read (as from data/sources.json) silently the first time, and alerts after', async () => {
    const items = servedFeed('/ledger.xml', [LOSSES, TROOPS]);
    const source = await rig.temp.app.port.sourceBook.add(
      { guildId: '', name: 'Ledger', kind: 'feed', location: rig.server.url('/ledger.xml') },
      T0,
    );
    rig.temp.app.index.addSource(source);
    const hooks = recordingHooks();

    const first = await pollDue(rig.temp.app, hooks, T0, silentLogger);
    items.unshift(PENTAGON);
    await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);

    expect(first).toMatchObject({ fetched: 1, newItems: 2, claims: 2 });
    expect(hooks.decisions.map((d) => d.scopes)).toEqual([['']]);
    expect(await claimsOf(hooks.decisions[0]!.articleId)).toEqual(['Pentagon: 8000 troops']);
  });

  it('gives a resumed source what it missed while paused, though the feed has not changed since the others read it', async () => {
    const items = servedFeed('/ledger.xml', [TROOPS]);
    await addFeedSource(rig.temp.app, { guildId: 'g1', name: 'Ledger', url: rig.server.url('/ledger.xml') }, T0);
    await addFeedSource(rig.temp.app, { guildId: 'g2', name: 'Ledger', url: rig.server.url('/ledger.xml') }, T0);
    await pauseSource(rig.temp.app, 'g2', 'ledger');
    const hooks = recordingHooks();

    items.unshift(LOSSES);
    await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);
    await resumeSource(rig.temp.app, 'g2', 'Ledger');
    await pollDue(rig.temp.app, hooks, minutesAfter(T0, 10), silentLogger);

    expect(hooks.decisions.map((d) => d.scopes)).toEqual([['g1'], ['g2']]);
    expect(hooks.decisions[0]!.articleId).toBe(hooks.decisions[1]!.articleId);
  });

  it('reads at most the given number of feeds at once', async () => {
    let inFlight = 0;
    let most = 0;
    rig.server.route('/feed.xml', (_request, response) => {
      most = Math.max(most, ++inFlight);
      setTimeout(() => {
        inFlight -= 1;
        response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Wire', []));
      }, 30);
    });
    // Twelve host names for one server, so the fetcher's per-host cap is not what limits.
    const lookup: Lookup = async () => [{ address: '127.0.0.1', family: 4 }];
    rig.temp.app.fetcher = loopbackFetcher({ lookup });
    for (let i = 0; i < 12; i += 1) {
      await rig.temp.app.port.sourceBook.add(
        {
          guildId: 'g1',
          name: `Wire ${i}`,
          kind: 'feed',
          location: `http://wire${i}.example:${rig.server.port}/feed.xml`,
        },
        T0,
      );
    }

    const report = await pollDue(rig.temp.app, recordingHooks(), T0, silentLogger, { concurrency: 3 });

    expect(report).toMatchObject({ sources: 12, fetched: 12, failed: 0 });
    expect(most).toBe(3);
  });
});

describe('polling folders', () => {
  it('reads a folder without the fetcher, and alerts on new files but not on those loaded at boot', async () => {
    rig.temp.app.fetcher = { fetch: () => Promise.reject(new Error('a folder must never be fetched')) };
    const folder = join(rig.temp.dir, 'articles');
    mkdirSync(folder);
    writeFileSync(join(folder, '01.txt'), `title: Troops\noutlet: Wire\ndate: 2025-04-30\n---\n${TROOPS.content}\n`);
    // As loadDefaultFolders does at boot: the files go in without items being recorded.
    const source = await registerSource(
      rig.temp.app,
      { name: 'Sample articles', kind: 'folder', location: folder },
      T0,
    );
    await ingestFiles(rig.temp.app, articleFiles(folder), source, T0);
    const hooks = recordingHooks();

    const first = await pollDue(rig.temp.app, hooks, minutesAfter(T0, 5), silentLogger);
    writeFileSync(join(folder, '02.txt'), `title: Losses\noutlet: Wire\ndate: 2025-05-01\n---\n${LOSSES.content}\n`);
    const second = await pollDue(rig.temp.app, hooks, minutesAfter(T0, 10), silentLogger);

    expect(first).toMatchObject({ fetched: 1, newItems: 0, failed: 0 });
    expect(second).toMatchObject({ fetched: 1, newItems: 1, claims: 1 });
    expect(hooks.decisions.map((d) => d.scopes)).toEqual([['']]);
    expect(await claimsOf(hooks.decisions[0]!.articleId)).toEqual(['HUR: 200 casualties']);
  });
});
