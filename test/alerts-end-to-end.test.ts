import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueBriefing } from '../src/alerting/briefing.js';
import { decideAlerts, tickBudget } from '../src/alerting/decide.js';
import type { DiscordPayload } from '../src/render/render.js';
import { type AlertRig, alertRig } from './support/alert-rig.js';
import { assertWithinDiscordLimits } from './support/discord-limits.js';
import type { TestItem } from './support/feed-server.js';

// Sentences written for these tests; the figures follow the public record of autumn 2024.
const FIRST: TestItem = {
  title: 'Spy agency counts the first arrivals',
  guid: 'wire-1',
  link: 'https://wire.example/1',
  date: '2024-10-23',
  content:
    "South Korea's National Intelligence Service said about 3,000 North Korean troops had arrived in Russia, Yonhap reported.",
};
const RAISED: TestItem = {
  title: 'Estimate rises',
  guid: 'wire-2',
  link: 'https://wire.example/2',
  date: '2024-10-30',
  content:
    'The National Intelligence Service told lawmakers on Wednesday that roughly 10,000 North Korean troops were now in Russia.',
};
const REPEATED: TestItem = {
  title: 'Harbour Times repeats the estimate',
  guid: 'harbour-7',
  link: 'https://harbour.example/7',
  date: '2024-10-31',
  content: 'Roughly 10,000 North Korean troops are now in Russia, according to the National Intelligence Service.',
};
const DENIAL: TestItem = {
  title: 'Kremlin dismisses reports',
  guid: 'wire-3',
  link: 'https://wire.example/3',
  date: '2024-11-02',
  content: 'The Kremlin dismissed the reports of North Korean troops in Russia as fake news.',
};

const at = (day: string) => new Date(`${day}T12:00:00Z`);
const text = (embed: Record<string, any>) => JSON.stringify(embed);

let rig: AlertRig;
beforeEach(async () => {
  rig = await alertRig({ perChannelPerTick: 2 });
});
afterEach(async () => {
  await rig.close();
});

describe('a new figure reaches the channels that follow its topic, once', () => {
  it('posts nothing when a source is added, then one alert for a new figure with what it changes', async () => {
    const wire = [FIRST];
    await rig.follow('troops', 'alerts');
    const added = await rig.feedSource('Desk Wire', '/wire.xml', wire);
    expect(added.items).toBe(1);
    await rig.tick(at('2024-10-23'));
    expect(rig.fake.channelMessages).toHaveLength(0);

    wire.push(RAISED);
    const report = await rig.tick(at('2024-10-30'));
    expect(report.poll.newItems).toBe(1);
    const [alert, ...more] = rig.posted('alerts');
    expect(more).toHaveLength(0);
    expect(text(alert!)).toMatch(/NIS/);
    expect(text(alert!)).toMatch(/10,000 troops/);
    expect(text(alert!)).toMatch(/up 7,000 from 3,000/);
    assertWithinDiscordLimits(rig.fake.channelMessages[0]!.body as DiscordPayload);
    expect(rig.fake.channelMessages[0]!.body.allowed_mentions).toEqual({ parse: [] });
    expect(rig.posted('general')).toHaveLength(0);
  });

  it('does not post again when a second outlet reports a figure already alerted', async () => {
    const wire = [FIRST];
    const harbour: TestItem[] = [];
    await rig.follow('troops', 'alerts');
    await rig.feedSource('Desk Wire', '/wire.xml', wire);
    await rig.feedSource('Harbour Times', '/harbour.xml', harbour);
    wire.push(RAISED);
    await rig.tick(at('2024-10-30'));
    harbour.push(REPEATED);
    const report = await rig.tick(at('2024-10-31'));
    expect(report.poll.newItems).toBe(1);
    expect(rig.posted('alerts')).toHaveLength(1);
  });

  it('does not alert an article the server already saw when a second source of its own carries it', async () => {
    const wire = [FIRST];
    const harbour: TestItem[] = [];
    await rig.feedSource('Desk Wire', '/wire.xml', wire);
    await rig.feedSource('Harbour Times', '/harbour.xml', harbour);
    wire.push(RAISED);
    await rig.tick(at('2024-10-30'));
    await rig.follow('troops', 'alerts');
    harbour.push({ ...RAISED, guid: 'harbour-copy' });
    const report = await rig.tick(at('2024-10-31'));
    expect(report.poll.newItems).toBe(1);
    expect(rig.posted('alerts')).toHaveLength(0);
  });

  it('alerts a denial with no figure once, and a reworded one not again', async () => {
    const wire = [FIRST];
    await rig.follow('troops', 'alerts');
    await rig.feedSource('Desk Wire', '/wire.xml', wire);
    wire.push(DENIAL);
    await rig.tick(at('2024-11-02'));
    wire.push({
      ...DENIAL,
      guid: 'wire-4',
      link: 'https://wire.example/4',
      content: 'The Kremlin again called the reports of North Korean troops in Russia fake news.',
    });
    await rig.tick(at('2024-11-03'));
    const posted = rig.posted('alerts');
    expect(posted).toHaveLength(1);
    expect(text(posted[0]!)).toMatch(/Kremlin/);
  });

  it('delivers exactly one message when Discord answers 500 before it answers 200', async () => {
    const wire = [FIRST];
    await rig.follow('troops', 'alerts');
    await rig.feedSource('Desk Wire', '/wire.xml', wire);
    rig.fake.failNext('POST /channels/:id/messages', { status: 500 });
    wire.push(RAISED);
    await rig.tick(at('2024-10-30'));
    await rig.tick(at('2024-10-30'));
    expect(rig.posted('alerts')).toHaveLength(1);
    expect(await rig.temp.app.port.outbox.pendingCount()).toBe(0);
  });

  it("folds the alerts past a channel's limit into one digest message", async () => {
    const wire: TestItem[] = [];
    await rig.follow('troops', 'alerts');
    await rig.feedSource('Desk Wire', '/wire.xml', wire);
    const claimants = [
      'Pentagon',
      'NATO',
      'Zelenskyy',
      'the National Intelligence Service',
      'the Ukrainian military intelligence agency',
    ];
    claimants.forEach((who, i) => {
      wire.push({
        title: `Estimate ${i}`,
        guid: `many-${i}`,
        link: `https://wire.example/many/${i}`,
        date: '2024-11-05',
        content: `${who[0]!.toUpperCase()}${who.slice(1)} said about ${((i + 2) * 1000).toLocaleString('en-US')} North Korean troops were in Russia.`,
      });
    });
    await rig.tick(at('2024-11-05'));
    const posted = rig.posted('alerts');
    expect(posted).toHaveLength(3);
    expect(posted[2]!.title).toMatch(/^3 more alerts/);
  });
});

describe('alerts stay within the newsroom whose source carried the figure', () => {
  it("queues a server's own source's figure for that server only, and a default source's for every follower", async () => {
    const { app } = rig.temp;
    const other = '222222222222222222';
    await rig.follow('troops', 'alerts');
    await rig.follow('troops', 'alerts', other);
    const own = await rig.temp.ingest(
      { outlet: 'Desk Wire', date: '2024-10-30', body: RAISED.content! },
      { guildId: rig.guildId },
    );
    await decideAlerts(app, own.articleId, [rig.guildId], tickBudget(5), at('2024-10-30'));
    const shared = await rig.temp.ingest({ outlet: 'Desk Wire', date: '2024-10-23', body: FIRST.content! });
    await decideAlerts(app, shared.articleId, [''], tickBudget(5), at('2024-10-30'));
    const rows = await rig.temp.query<{ guildId: string }>(
      'SELECT guild_id AS "guildId", decision_id AS decision FROM outbox ORDER BY id',
    );
    expect(rows.map((r) => r.guildId)).toEqual([rig.guildId, rig.guildId, other]);
  });

  it('never decides the same alert twice for a server, whatever calls it again', async () => {
    const { app } = rig.temp;
    await rig.follow('troops', 'alerts');
    const own = await rig.temp.ingest(
      { outlet: 'Desk Wire', date: '2024-10-30', body: RAISED.content! },
      { guildId: rig.guildId },
    );
    expect(await decideAlerts(app, own.articleId, [rig.guildId], tickBudget(5), at('2024-10-30'))).toBe(1);
    expect(await decideAlerts(app, own.articleId, [rig.guildId], tickBudget(5), at('2024-10-30'))).toBe(0);
  });
});

describe('scheduled briefings', () => {
  it('lists what is new since the last briefing, then says nothing changed', async () => {
    const { app } = rig.temp;
    await rig.follow('troops', 'desk');
    const digest = await app.port.routes.setDigest(rig.guildId, rig.channel('desk'), '0 8 * * 1-5', at('2024-10-01'));
    await rig.temp.ingest(
      { outlet: 'Desk Wire', date: '2024-10-30', body: RAISED.content! },
      { guildId: rig.guildId, now: at('2024-10-30') },
    );
    await queueBriefing(app, digest, at('2024-10-31'));
    await queueBriefing(app, (await app.port.routes.digest(digest.id))!, at('2024-11-01'));
    await rig.tick(at('2024-11-01'));
    const [first, second] = rig.posted('desk');
    expect(text(first!)).toMatch(/NIS.*10,000 troops/);
    expect(first!.description).toMatch(/^1 figure new or changed since Oct 1, 2024/);
    expect(second!.description).toMatch(/^Nothing new or changed since Oct 31, 2024/);
  });
});
