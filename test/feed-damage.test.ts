import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import { addFeedSource } from '../src/polling/add-source.js';
import { pollDue } from '../src/polling/poll.js';
import { addedAnswer } from '../src/polling/source-replies.js';
import { parseFeed } from '../src/sources/feed-parse.js';
import { useFeedRig } from './support/feed-rig.js';
import { atomFeed, minutesAfter, plain, recordingHooks, rssFeed, T0, type TestItem } from './support/feed-server.js';

const items = (n: number): TestItem[] =>
  Array.from({ length: n }, (_, i) => ({
    title: `Estimate ${i}`,
    guid: `wire-${i}`,
    date: '2025-05-01',
    content: `NATO said about ${i + 1},000 North Korean troops were in Russia.`,
  }));

/** The feed with its closing tags replaced by half an item, as a cut-off download or a bad byte leaves it. */
const brokenTail = (feed: string, closing: string) =>
  `${feed.slice(0, feed.lastIndexOf(closing))}<item><title>Half an item & no end`;

describe('a feed with a malformed tail', () => {
  it('keeps the RSS items before the damage and says what was cut', () => {
    const parsed = parseFeed(brokenTail(rssFeed('Wire', items(3)), '</channel>'));
    expect(parsed.items.map((i) => i.guid)).toEqual(['wire-0', 'wire-1', 'wire-2']);
    expect(parsed.problems).toEqual([
      expect.stringMatching(/^the feed's end is not valid XML .*the 3 items before it were read$/),
    ]);
  });

  it('keeps the Atom entries before the damage', () => {
    const parsed = parseFeed(brokenTail(atomFeed('Wire', items(2)), '</feed>').replace('<item>', '<entry>'));
    expect(parsed.items).toHaveLength(2);
  });

  it('is still refused when nothing whole comes before the damage', () => {
    expect(() =>
      parseFeed('<rss version="2.0"><channel><title>Wire</title><item><title>Troops</channel></rss>'),
    ).toThrow(/^the feed is not valid XML: /);
  });
});

describe('polling and adding a damaged feed', () => {
  const rig = useFeedRig();

  it('takes in the valid items and keeps the damage as the feed’s last error for /sources status', async () => {
    rig.server.route('/wire.xml', plain(brokenTail(rssFeed('Wire', items(3)), '</channel>')));
    await rig.temp.app.port.sourceBook.add(
      { guildId: 'g1', name: 'Wire', kind: 'feed', location: rig.server.url('/wire.xml') },
      T0,
    );
    const report = await pollDue(rig.temp.app, recordingHooks(), minutesAfter(T0, 5), silentLogger);
    expect(report).toMatchObject({ fetched: 1, failed: 0, newItems: 3 });
    const feed = await rig.temp.app.port.sourceBook.feed(rig.server.url('/wire.xml'));
    expect(feed).toMatchObject({
      failures: 0,
      lastError: expect.stringMatching(/^read, but the feed's end is not valid XML/),
    });
  });

  it('says how many items sharing one GUID were dropped as duplicates', async () => {
    const same = items(5).map((item) => ({ ...item, guid: 'wire-same' }));
    rig.server.route('/dup.xml', plain(rssFeed('Dup', same)));
    const added = await addFeedSource(
      rig.temp.app,
      { guildId: 'g1', name: 'Dup', url: rig.server.url('/dup.xml') },
      T0,
    );
    expect(added.items).toBe(1);
    expect(addedAnswer(added).summary).toContain(
      '4 items shared a GUID or link with another and were dropped as duplicates',
    );
  });
});
