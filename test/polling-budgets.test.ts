import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sender } from '../src/delivery/deliver.js';
import { silentLogger } from '../src/log.js';
import { addFeedSource } from '../src/polling/add-source.js';
import { interleaveHosts } from '../src/polling/order.js';
import type { PollOptions } from '../src/polling/poll.js';
import { addedAnswer } from '../src/polling/source-replies.js';
import { runTick } from '../src/scheduler/tick.js';
import {
  articlePage,
  type FeedServer,
  loopbackFetcher,
  minutesAfter,
  rssFeed,
  startFeedServer,
  T0,
  type TestItem,
  withEtag,
} from './support/feed-server.js';
import { inOrder } from './support/in-order.js';
import { type TempApp, tempApp } from './support/store-app.js';

const GUILD = '500000000000000001';
const CHANNEL = '500000000000000002';

let feeds: FeedServer;
let t: TempApp;
/** Page requests the silent server holds open, never answering. */
let held: ServerResponse[];
beforeEach(async () => {
  feeds = await startFeedServer();
  held = [];
  closed = 0;
  // Budgets in these tests end fetches, not the fetcher's own timeouts: those are far longer.
  t = await tempApp({ fetcher: loopbackFetcher({ headersTimeoutMs: 60_000, timeoutMs: 60_000 }) });
});
afterEach(async () => {
  await t.close();
  await feeds.close();
});

let closed = 0;
const silent = (_request: IncomingMessage, response: ServerResponse) => {
  held.push(response);
  response.on('close', () => (closed += 1)); // the poller gave up on it
};
/** Page requests the poller is still waiting on. */
const pendingPages = () => held.length - closed;

function teasers(prefix: string, count: number, link: (n: number) => string): TestItem[] {
  return Array.from({ length: count }, (_, n) => ({
    title: `${prefix} ${n}`,
    guid: `${prefix}-${n}`,
    link: link(n),
    date: '2025-05-01',
    summary: 'A short teaser.',
  }));
}

async function source(name: string, path: string): Promise<void> {
  await t.app.port.sourceBook.add({ guildId: GUILD, name, kind: 'feed', location: feeds.url(path) }, T0);
}

/** A sender that notes, for each message, how many hostile page requests were still open. */
function recordingSender() {
  const sent: Array<{ channelId: string; pagesStillOpen: number }> = [];
  const sender: Sender = {
    send: async (channelId) => {
      sent.push({ channelId, pagesStillOpen: pendingPages() });
      return { status: 'sent', messageId: null };
    },
  };
  return { sent, sender };
}

const tick = (sender: Sender, now: Date, poll: PollOptions) =>
  runTick({ newsroom: t.app, sender, log: silentLogger, poll }, now);

describe('a feed whose pages never answer', () => {
  it("does not hold another feed's alerts: they go out while its pages are still waited on", async () => {
    const hostile: TestItem[] = [];
    const healthy: TestItem[] = [{ title: 'Old', guid: 'h-0', date: '2025-05-01', content: 'Nothing to count.' }];
    feeds.route(
      '/hostile.xml',
      withEtag(() => rssFeed('Hostile', hostile)),
    );
    feeds.route(
      '/healthy.xml',
      withEtag(() => rssFeed('Healthy', healthy)),
    );
    await source('Hostile', '/hostile.xml');
    await source('Healthy', '/healthy.xml');
    await t.app.port.routes.follow(GUILD, 'troops', CHANNEL, T0);
    const { sent, sender } = recordingSender();
    await tick(sender, T0, {}); // the first read of each is silent

    hostile.push(...teasers('hostile', 10, (n) => feeds.url(`/silent/${n}`)));
    for (let n = 0; n < 10; n++) feeds.route(`/silent/${n}`, silent);
    // The healthy feed answers once the hostile one's pages are being waited on, so the order is sure.
    const healthyFeed = withEtag(() => rssFeed('Healthy', healthy));
    feeds.route('/healthy.xml', (request, response) => {
      const answer = () => (pendingPages() > 0 ? healthyFeed(request, response) : setTimeout(answer, 10));
      answer();
    });
    healthy.push({
      title: 'Troops',
      guid: 'h-1',
      date: '2025-05-01',
      content: 'NATO said about 11,000 North Korean troops were in Russia.',
    });
    const report = await tick(sender, minutesAfter(T0, 5), { sourceBudgetMs: 3000 });

    expect(sent.length).toBe(1);
    expect(sent[0]!.pagesStillOpen).toBeGreaterThan(0);
    expect(report.delivery.sent).toBe(1);
    expect(report.poll.waiting).toBe(10);
  });

  it('leaves the items its budget ran out on for the next tick, which reads the feed in full and takes them in', async () => {
    const hostile: TestItem[] = [];
    feeds.route(
      '/hostile.xml',
      withEtag(() => rssFeed('Hostile', hostile)),
    );
    await source('Hostile', '/hostile.xml');
    const { sender } = recordingSender();
    await tick(sender, T0, {});

    hostile.push(...teasers('hostile', 3, (n) => feeds.url(`/story/${n}`)));
    for (let n = 0; n < 3; n++) feeds.route(`/story/${n}`, silent);
    const first = await tick(sender, minutesAfter(T0, 5), { sourceBudgetMs: 300 });
    expect(first.poll).toMatchObject({ fetched: 1, failed: 0, newItems: 0, waiting: 3 });

    const page = (n: number) =>
      articlePage(`Story ${n}`, [`The Pentagon said about ${n + 1},000 North Korean troops were in Russia.`]);
    for (let n = 0; n < 3; n++)
      feeds.route(`/story/${n}`, (_q, response) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end(page(n)),
      );
    const second = await tick(sender, minutesAfter(T0, 10), { sourceBudgetMs: 300 });
    expect(second.poll).toMatchObject({ fetched: 1, notModified: 0, newItems: 3, waiting: 0 });
    expect(second.poll.claims).toBeGreaterThan(0); // the teasers alone hold no figure: the pages were read
  });
});

describe('alerts sent while the poll goes on', () => {
  it("still fold a channel's alerts past its limit into one digest for the tick, however the sources land", async () => {
    await t.close();
    t = await tempApp({ fetcher: loopbackFetcher(), alertSettings: { timeZone: 'UTC', perChannelPerTick: 1 } });
    const feedsItems = await inOrder(['NATO', 'The Pentagon', 'Zelenskyy'], async (who, f) => {
      const list: TestItem[] = [];
      feeds.route(
        `/f${f}.xml`,
        withEtag(() => rssFeed(`Feed ${f}`, list)),
      );
      await source(`Feed ${f}`, `/f${f}.xml`);
      return { who, list, f };
    });
    await t.app.port.routes.follow(GUILD, 'troops', CHANNEL, T0);
    const footers: string[] = [];
    const sender: Sender = {
      send: async (_channel, payload) => {
        footers.push(payload.embeds[0]?.footer?.text ?? '');
        return { status: 'sent', messageId: null };
      },
    };
    await tick(sender, T0, {});
    for (const { who, list, f } of feedsItems)
      list.push({
        title: `New ${f}`,
        guid: `n-${f}`,
        date: '2025-05-01',
        content: `${who} said about ${f + 2},000 North Korean troops were in Russia.`,
      });
    await tick(sender, minutesAfter(T0, 5), {});
    expect(footers).toHaveLength(2);
    expect(footers.filter((f) => f.startsWith('Folded into one message'))).toHaveLength(1);
  });
});

describe('the page budget of one source', () => {
  it('fetches at most that many pages a tick, the newest first, and the rest on later ticks', async () => {
    const items: TestItem[] = [];
    feeds.route(
      '/many.xml',
      withEtag(() => rssFeed('Many', items)),
    );
    await source('Many', '/many.xml');
    const { sender } = recordingSender();
    await tick(sender, T0, {});
    // Listed newest first, as feeds are.
    items.push(...teasers('many', 25, (n) => feeds.url(`/page/${n}`)).reverse());
    for (let n = 0; n < 25; n++)
      feeds.route(`/page/${n}`, (_q, response) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(`Page ${n}`, ['Nothing.'])),
      );
    const pageHits = () => feeds.requests.filter((r) => r.url?.startsWith('/page/')).length;

    const reports = [];
    for (let i = 1; i <= 3; i++)
      reports.push((await tick(sender, minutesAfter(T0, 5 * i), { pagesPerSource: 10 })).poll);
    expect(reports.map((r) => [r.newItems, r.waiting])).toEqual([
      [10, 15],
      [10, 5],
      [5, 0],
    ]);
    expect(pageHits()).toBe(25);
    expect(feeds.hits('/page/24')).toBe(1);
  });
});

describe('adding a feed whose pages never answer', () => {
  it('answers within its budget, indexing what it could not read from the summaries, and says so', async () => {
    const items = teasers('slow', 30, (n) => feeds.url(`/slow/${n}`));
    items[0]!.summary = 'NATO said about 11,000 North Korean troops were in Russia.';
    feeds.route(
      '/slow.xml',
      withEtag(() => rssFeed('Slow', items)),
    );
    for (let n = 0; n < 30; n++) feeds.route(`/slow/${n}`, silent);
    const added = await addFeedSource(t.app, { guildId: GUILD, name: 'Slow', url: feeds.url('/slow.xml') }, T0, {
      budgetMs: 300,
      maxPages: 5,
    });
    expect(added).toMatchObject({ items: 30, summariesOnly: 30 });
    expect(held.length).toBeLessThanOrEqual(5); // the per-host limit keeps it lower still
    expect((await t.app.port.sourceBook.knownItems(added.source.id, ['guid:slow-0'])).size).toBe(1);
    expect(addedAnswer(added).summary).toContain('30 items from their summaries only');
  });
});

describe('the order a tick reads its locations in', () => {
  it("visits every host before any host's second feed, failing feeds first, so no outlet fills the workers", () => {
    const at = (host: string, n: number, failures = 0) => ({ location: `https://${host}/feed/${n}`, failures });
    const order = interleaveHosts([
      at('a.example', 1),
      at('a.example', 2),
      at('a.example', 3),
      at('b.example', 1),
      at('c.example', 1, 2),
    ]);
    expect(order.map((l) => l.location.replace('https://', ''))).toEqual([
      'c.example/feed/1',
      'a.example/feed/1',
      'b.example/feed/1',
      'a.example/feed/2',
      'a.example/feed/3',
    ]);
  });
});
