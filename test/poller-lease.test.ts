// Processes sharing a store poll one at a time: a tick polls only while its process holds the
// poller lease, delivers either way, and takes the polling over once the holder stops renewing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePayload, noticeMessage } from '../src/alerting/message-payload.js';
import type { App } from '../src/app/app.js';
import type { Sender } from '../src/delivery/deliver.js';
import { silentLogger } from '../src/log.js';
import { runBriefing, runTick } from '../src/scheduler/tick.js';
import { useFeedRig } from './support/feed-rig.js';
import { minutesAfter, rssFeed, T0, withEtag } from './support/feed-server.js';

const TTL_MS = 10 * 60_000;
const NOTICE = encodePayload(noticeMessage('A source keeps failing', 'Wire (timed out)'));

const rig = useFeedRig();
let other: App;
beforeEach(async () => {
  rig.server.route(
    '/feed.xml',
    withEtag(() => rssFeed('Wire', [])),
  );
  await rig.temp.app.port.sourceBook.add(
    { guildId: 'g1', name: 'Wire', kind: 'feed', location: rig.server.url('/feed.xml') },
    T0,
  );
  other = await rig.temp.openAnother();
});
afterEach(() => other.close());

const sent: string[] = [];
const sender: Sender = {
  send: async (channelId) => {
    sent.push(channelId);
    return { status: 'sent', messageId: null };
  },
};
const tick = (now: Date) =>
  runTick(
    {
      newsroom: rig.temp.app,
      sender,
      log: silentLogger,
      pollerLease: { leases: rig.temp.app.port.leases, holder: 'bot-a', ttlMs: TTL_MS },
    },
    now,
  );

describe('the poller lease', () => {
  it('keeps a tick from polling while another process holds it, and still delivers', async () => {
    await other.port.leases.acquire('poller', 'bot-b', T0, TTL_MS);
    await rig.temp.app.port.outbox.enqueue({ guildId: 'g1', channelId: 'c1', kind: 'notice', payload: NOTICE }, T0);
    sent.length = 0;
    const report = await tick(minutesAfter(T0, 1));
    expect(report.poll.sources).toBe(0);
    expect(rig.server.hits('/feed.xml')).toBe(0);
    expect(report.delivery.sent).toBe(1);
    expect(sent).toEqual(['c1']);
  });

  it('passes the polling to this process once the holder has stopped renewing it', async () => {
    await other.port.leases.acquire('poller', 'bot-b', T0, TTL_MS);
    expect((await tick(minutesAfter(T0, 11))).poll.sources).toBe(1);
    expect(rig.server.hits('/feed.xml')).toBe(1);
    expect(await other.port.leases.acquire('poller', 'bot-b', minutesAfter(T0, 12), TTL_MS)).toBe(false);
  });

  it('leaves a scheduled briefing to the process that holds the lease, so it goes out once', async () => {
    const digest = await rig.temp.app.port.routes.setDigest('g1', 'c9', '0 8 * * *', T0);
    const deps = (holder: string, app: App) => ({
      newsroom: rig.temp.app,
      sender,
      log: silentLogger,
      pollerLease: { leases: app.port.leases, holder, ttlMs: TTL_MS },
    });
    await other.port.leases.acquire('poller', 'bot-b', T0, TTL_MS);
    sent.length = 0;
    await runBriefing(deps('bot-a', rig.temp.app), digest, minutesAfter(T0, 1));
    expect(sent).toEqual([]);
    await runBriefing(deps('bot-b', other), digest, minutesAfter(T0, 1));
    expect(sent).toEqual(['c9']);
  });
});
