import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import { addFeedSource } from '../src/polling/add-source.js';
import { backoffMs, PAUSE_AFTER } from '../src/polling/health.js';
import { resumeSource } from '../src/polling/manage.js';
import { pollDue } from '../src/polling/poll.js';
import type { FetcherOptions, Lookup } from '../src/sources/fetch.js';
import { recordingLogger } from './support/bot-app.js';
import {
  type FeedServer,
  type Handler,
  loopbackFetcher,
  minutesAfter,
  plain,
  recordingHooks,
  rssFeed,
  startFeedServer,
  T0,
  type TestItem,
  withEtag,
} from './support/feed-server.js';
import { type TempApp, tempApp } from './support/store-app.js';

// The server stands for a public news site: it listens on 127.0.0.2 under the name news.example,
// so that a fetcher refusing private addresses can still be let through to it (allowedAddresses)
// while a redirect to 127.0.0.1 is refused.
const lookup: Lookup = async (hostname) => {
  if (hostname !== 'news.example')
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return [{ address: '127.0.0.2', family: 4 }];
};

const TROOPS: TestItem = {
  guid: 'w-1',
  title: 'Troops',
  content: "Seoul's spy agency said about 3,000 North Korean troops had reached Russia.",
};
const LOSSES: TestItem = {
  guid: 'w-2',
  title: 'Losses',
  content: "Ukraine's military intelligence said at least 200 North Korean soldiers were killed or wounded near Kursk.",
};

let server: FeedServer;
let handle: TempApp;

beforeEach(async () => {
  server = await startFeedServer('127.0.0.2');
  handle = await tempApp();
});

afterEach(async () => {
  await handle.close();
  await server.close();
});

const at = (path: string) => `http://news.example:${server.port}${path}`;

function useFetcher(options: Partial<FetcherOptions> = {}): void {
  handle.app.fetcher = loopbackFetcher({ lookup, ...options });
}

/** A source saved without the test read addFeedSource does: its feed is broken from the start. */
async function brokenSource(guildId: string, name: string, path: string) {
  const source = await handle.app.port.sourceBook.add({ guildId, name, kind: 'feed', location: at(path) }, T0);
  handle.app.index.addSource(source);
  return source;
}

/** A healthy feed alongside, added the normal way, that gains an item before the poll. */
async function healthyFeed(): Promise<TestItem[]> {
  const items = [TROOPS];
  server.route(
    '/healthy.xml',
    withEtag(() => rssFeed('Wire', items)),
  );
  await addFeedSource(handle.app, { guildId: 'g1', name: 'Wire', url: at('/healthy.xml') }, T0);
  items.unshift(LOSSES);
  return items;
}

/** 50 MB, written as fast as the client reads; stops when the client hangs up. Records what it sent. */
function fiftyMegabytes(sent: { bytes: number }): Handler {
  return (_request, response: ServerResponse) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let closed = false;
    response.on('close', () => (closed = true));
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    const pump = () => {
      while (!closed && sent.bytes < 50 * 1024 * 1024) {
        sent.bytes += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      response.end();
    };
    pump();
  };
}

const GZIP_BOMB = gzipSync(Buffer.alloc(50 * 1024 * 1024)); // 50 MB of zeros in about 50 KB

describe('a feed that fails', () => {
  it.each<[string, Handler, Partial<FetcherOptions>, string | RegExp]>([
    ['never answers', () => {}, { timeoutMs: 300 }, 'timed out after 300 ms'],
    [
      'is a web page',
      plain('<!doctype html><html><head><title>Wire home</title></head><body><p>News</p></body></html>', {
        'content-type': 'text/html',
      }),
      {},
      'this is a web page, not a feed: "Wire home" (use the address of its RSS, Atom or JSON feed instead)',
    ],
    [
      'is malformed',
      plain('<rss version="2.0"><channel><title>Wire</title><item><title>Troops</channel></rss>', {
        'content-type': 'application/rss+xml',
      }),
      {},
      /^the feed is not valid XML: /,
    ],
    ['streams 50 MB', fiftyMegabytes({ bytes: 0 }), {}, 'larger than 5 MB'],
    [
      'is a gzip bomb',
      plain(GZIP_BOMB, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }),
      {},
      'larger than 5 MB once decompressed',
    ],
    [
      'redirects to 127.0.0.1 while private addresses are refused',
      plain('', { location: 'http://127.0.0.1/latest/meta-data/' }, 302),
      { allowPrivate: false, allowedAddresses: ['127.0.0.2'] },
      'redirects to a private address (127.0.0.1), which is not allowed',
    ],
  ])(
    'that %s records a clear error, backs off and does not hold up the others',
    async (_name, handler, options, reason) => {
      useFetcher(options);
      const items = await healthyFeed();
      server.route('/broken.xml', handler);
      await brokenSource('g1', 'Broken', '/broken.xml');
      const hooks = recordingHooks();

      const now = minutesAfter(T0, 5);
      const report = await pollDue(handle.app, hooks, now, silentLogger);

      expect(report).toMatchObject({ sources: 2, fetched: 1, failed: 1, newItems: 1 });
      expect(hooks.decisions.map((d) => d.scopes)).toEqual([['g1']]);
      const feed = await handle.app.port.sourceBook.feed(at('/broken.xml'));
      expect(feed.lastError).toMatch(reason);
      expect(feed).toMatchObject({
        failures: 1,
        lastAttemptAt: now.toISOString(),
        lastSuccessAt: null,
        nextPollAt: minutesAfter(now, 5).toISOString(),
      });
      expect(items).toHaveLength(2);
    },
  );

  it('stops reading a streamed 50 MB feed at the cap, long before the server has sent it all', async () => {
    useFetcher();
    const sent = { bytes: 0 };
    server.route('/huge.xml', fiftyMegabytes(sent));
    await brokenSource('g1', 'Huge', '/huge.xml');

    await pollDue(handle.app, recordingHooks(), T0, silentLogger);

    expect((await handle.app.port.sourceBook.feed(at('/huge.xml'))).lastError).toBe('larger than 5 MB');
    expect(sent.bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(sent.bytes).toBeLessThan(20 * 1024 * 1024);
  });
});

describe('backing off', () => {
  it('waits 5, 10, 20 … minutes between attempts, never more than 6 hours, unless Retry-After asks for longer', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map((n) => backoffMs(n) / 60_000)).toEqual([
      5, 10, 20, 40, 80, 160, 320, 360, 360,
    ]);
    expect(backoffMs(1, 2 * 3600_000)).toBe(2 * 3600_000);
    expect(backoffMs(6, 60_000)).toBe(160 * 60_000);
    expect(backoffMs(1, 90 * 24 * 3600_000)).toBe(24 * 3600_000); // a broken header cannot silence a source for months
  });

  it("honours a rate-limited server's Retry-After when it is longer than the backoff", async () => {
    useFetcher();
    server.route('/limited.xml', plain('slow down', { 'retry-after': '7200' }, 429));
    await brokenSource('g1', 'Limited', '/limited.xml');

    await pollDue(handle.app, recordingHooks(), T0, silentLogger);

    expect(await handle.app.port.sourceBook.feed(at('/limited.xml'))).toMatchObject({
      failures: 1,
      lastError: 'HTTP 429 Too Many Requests',
      nextPollAt: minutesAfter(T0, 120).toISOString(),
    });
  });

  it('does not poll a feed again before its next attempt is due', async () => {
    useFetcher();
    server.route('/down.xml', plain('down', {}, 503));
    await brokenSource('g1', 'Down', '/down.xml');

    await pollDue(handle.app, recordingHooks(), T0, silentLogger);
    const early = await pollDue(handle.app, recordingHooks(), minutesAfter(T0, 4), silentLogger);
    const due = await pollDue(handle.app, recordingHooks(), minutesAfter(T0, 5), silentLogger);

    expect(early.sources).toBe(0);
    expect(due).toMatchObject({ sources: 1, failed: 1 });
    expect(server.hits('/down.xml')).toBe(2);
  });
});

describe('telling servers about a failing feed', () => {
  /** Polls whenever the feed is next due, `times` times; returns when the last poll ran. */
  async function pollRepeatedly(
    hooks: ReturnType<typeof recordingHooks>,
    location: string,
    times: number,
    start: Date,
  ): Promise<Date> {
    let now = start;
    for (let i = 0; i < times; i += 1) {
      const next = (await handle.app.port.sourceBook.feed(location)).nextPollAt;
      now = next ? new Date(next) : now;
      await pollDue(handle.app, hooks, now, silentLogger);
    }
    return now;
  }

  it('tells each server once at the third failure, pauses its source at the eighth, and says when the feed works again', async () => {
    useFetcher();
    let healthy = false;
    server.route('/flaky.xml', (request, response) =>
      healthy
        ? withEtag(() => rssFeed('Wire', [TROOPS]))(request, response)
        : plain('oops', {}, 500)(request, response),
    );
    await brokenSource('g1', 'Wire', '/flaky.xml');
    await brokenSource('g2', 'Wire (shared)', '/flaky.xml');
    const hooks = recordingHooks();

    await pollRepeatedly(hooks, at('/flaky.xml'), 3, T0);
    expect(hooks.notices.map((n) => `${n.guildId} ${n.event}`)).toEqual(['g1 failing', 'g2 failing']);
    expect(hooks.notices[0]!.detail).toMatch(
      /^failed 3 times in a row, the last: HTTP 500 Internal Server Error; next try in 20 min, at 2025-05-01 12:35 UTC$/,
    );

    const last = await pollRepeatedly(hooks, at('/flaky.xml'), PAUSE_AFTER - 3, T0);
    expect(hooks.notices.map((n) => `${n.guildId} ${n.event}`)).toEqual([
      'g1 failing',
      'g2 failing',
      'g1 paused',
      'g2 paused',
    ]);
    expect((await handle.app.port.sourceBook.inScope('g1'))[0]).toMatchObject({
      paused: true,
      pausedReason: 'failing',
    });
    expect(server.hits('/flaky.xml')).toBe(PAUSE_AFTER);

    const muchLater = minutesAfter(last, 7 * 24 * 60);
    expect((await pollDue(handle.app, hooks, muchLater, silentLogger)).sources).toBe(0);

    healthy = true;
    await resumeSource(handle.app, 'g1', 'wire');
    await pollDue(handle.app, hooks, muchLater, silentLogger);
    await pollDue(handle.app, hooks, minutesAfter(muchLater, 5), silentLogger);
    expect(hooks.notices.slice(4)).toEqual([
      { name: 'Wire', guildId: 'g1', event: 'recovered', detail: 'read again after 8 failed attempts' },
    ]);
    expect((await handle.app.port.sourceBook.inScope('g2'))[0]).toMatchObject({
      paused: true,
      pausedReason: 'failing',
    });
  });

  it('says once that a feed works again after a streak that did not reach a pause', async () => {
    useFetcher();
    let healthy = false;
    server.route('/flaky.xml', (request, response) =>
      healthy ? withEtag(() => rssFeed('Wire', [TROOPS]))(request, response) : plain('', {}, 404)(request, response),
    );
    await brokenSource('g1', 'Wire', '/flaky.xml');
    const hooks = recordingHooks();

    const last = await pollRepeatedly(hooks, at('/flaky.xml'), 4, T0);
    healthy = true;
    await pollRepeatedly(hooks, at('/flaky.xml'), 3, minutesAfter(last, 60));

    expect(hooks.notices.map((n) => n.event)).toEqual(['failing', 'recovered']);
    expect(await handle.app.port.sourceBook.feed(at('/flaky.xml'))).toMatchObject({
      failures: 0,
      lastError: null,
      nextPollAt: null,
    });
    expect((await handle.app.port.sourceBook.inScope('g1'))[0]!.failureNotice).toBe(false);
  });
});

describe('trouble of our own', () => {
  it('still records a failure and backs off when telling a server about it throws', async () => {
    useFetcher();
    server.route('/down.xml', plain('down', {}, 503));
    await brokenSource('g1', 'Down', '/down.xml');
    const hooks = recordingHooks();
    hooks.notice = () => {
      throw new Error('outbox unavailable');
    };
    const log = recordingLogger();
    await handle.app.port.sourceBook.saveFeed({
      ...(await handle.app.port.sourceBook.feed(at('/down.xml'))),
      failures: 2,
    });

    const report = await pollDue(handle.app, hooks, T0, log);

    expect(report.failed).toBe(1);
    expect(await handle.app.port.sourceBook.feed(at('/down.xml'))).toMatchObject({
      failures: 3,
      nextPollAt: minutesAfter(T0, 20).toISOString(),
    });
    expect(log.errors().map((l) => l.message)).toEqual(["poll Down: could not queue the 'failing' notice"]);
  });

  it('logs an unexpected error by the source name, counts it as a failure and goes on with the others', async () => {
    useFetcher();
    const real = handle.app.fetcher;
    handle.app.fetcher = {
      fetch: (url, previous) =>
        url.includes('/boom.xml') ? Promise.reject(new Error('kaboom')) : real.fetch(url, previous),
    };
    await healthyFeed();
    await brokenSource('g1', 'Boom', '/boom.xml');
    const log = recordingLogger();

    const report = await pollDue(handle.app, recordingHooks(), minutesAfter(T0, 5), log);

    expect(report).toMatchObject({ fetched: 1, failed: 1, newItems: 1 });
    expect(log.errors().map((l) => l.message)).toEqual([`poll Boom: unexpected error reading ${at('/boom.xml')}`]);
    expect(await handle.app.port.sourceBook.feed(at('/boom.xml'))).toMatchObject({
      failures: 1,
      lastError: expect.stringMatching(/internal error/),
    });
  });

  it('keeps the claims of an item whose alert decision throws, and does not take the item in again', async () => {
    useFetcher();
    const items = await healthyFeed();
    const log = recordingLogger();
    const failing = recordingHooks(() => {
      throw new Error('outbox full');
    });

    const first = await pollDue(handle.app, failing, minutesAfter(T0, 5), log);
    items.unshift({ guid: 'w-3', title: 'Nothing new', content: 'No figures today.' });
    const calm = recordingHooks();
    await pollDue(handle.app, calm, minutesAfter(T0, 10), log);

    expect(first).toMatchObject({ newItems: 1, claims: 1, failed: 0 });
    expect(log.errors()).toHaveLength(1);
    expect(log.errors()[0]!.message).toMatch(/deciding alerts for article \d+ failed/);
    expect(handle.app.index.search('Kursk', 5, 'g1')).toHaveLength(1);
    expect((await handle.app.port.articles.counts()).claims).toBe(2);
    expect(calm.decisions).toHaveLength(1); // only the new item, not LOSSES again
  });
});
