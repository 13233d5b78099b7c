// Per-channel delivery through the real @discordjs/rest client and a fake Discord on 127.0.0.1:
// channels that refuse for good, and folded alerts going out as one digest.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodePayload } from '../src/alerting/message-payload.js';
import { deliverDue } from '../src/delivery/deliver.js';
import { discordSender } from '../src/discord/sender.js';
import type { DiscordPayload } from '../src/render/render.js';
import { type DeliveryRig, deliveryRig, later, NOW, POST_MESSAGES } from './support/delivery-rig.js';
import { assertWithinDiscordLimits } from './support/discord-limits.js';
import { inOrder } from './support/in-order.js';

let rig: DeliveryRig;
beforeEach(async () => {
  rig = await deliveryRig();
});
afterEach(async () => {
  await rig.close();
});

const deliver = (at: Date = NOW) => deliverDue(rig.port, discordSender(rig.rest), at, rig.log);
const postsTo = (name: string) => rig.fake.requestsTo(`POST /channels/${rig.channel(name)}/messages`);
const follow = (...names: string[]) =>
  inOrder(names, (name, i) => rig.port.routes.follow(rig.guildId, 'troops', rig.channel(name), later(i)));
const warnings = () => rig.log.lines.filter((l) => l.level === 'warn').map((l) => l.message);

describe('a channel that refuses for good', () => {
  it('on 403 marks the route and every pending message there broken, tells the moderators once elsewhere, and never retries', async () => {
    await follow('alerts', 'desk');
    const due = await rig.queue('alerts');
    const folded = await rig.queue('alerts', { folded: true });
    const backingOff = await rig.queue('alerts');
    await rig.port.outbox.retryLater([backingOff], 'earlier 500', later(600_000));
    const elsewhere = await rig.queue('general');
    rig.fake.revokeAccess('alerts');

    expect(await deliver()).toEqual({ sent: 1, retried: 0, broken: 3, deferred: 0 });
    expect(postsTo('alerts').map((r) => r.status)).toEqual([403]); // one try: neither the REST client nor we retried
    expect((await rig.row(elsewhere)).status).toBe('sent');
    for (const id of [due, folded, backingOff])
      expect(await rig.row(id)).toMatchObject({ status: 'broken', lastError: 'Missing Access (403)' });
    expect(await rig.port.routes.broken(rig.channel('alerts'))).toMatchObject({
      guildId: rig.guildId,
      reason: 'Missing Access (403)',
      brokenAt: NOW.toISOString(),
    });

    const notices = (await rig.rows()).filter((r) => r.kind === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channelId: rig.channel('desk'), status: 'pending' });
    const notice = decodePayload(notices[0]!.payload).answer;
    expect(notice.title).toBe('Alerts stopped in a channel');
    expect(notice.summary).toContain(`<#${rig.channel('alerts')}>: Missing Access \\(403\\)`); // Discord's words, escaped
    expect(notice.summary).toContain('3 waiting messages');
    expect(
      warnings().some(
        (w) => w.includes(rig.channel('alerts')) && w.includes('Missing Access (403)') && w.includes('moderators told'),
      ),
    ).toBe(true);

    // The next run posts the notice, and nothing goes to the broken channel again.
    await rig.queue('alerts', { at: later(1000) });
    expect(await deliver(later(60_000))).toEqual({ sent: 1, retried: 0, broken: 1, deferred: 0 });
    expect(postsTo('alerts')).toHaveLength(1);
    expect(postsTo('desk')).toHaveLength(1);
    assertWithinDiscordLimits(postsTo('desk')[0]!.body as DiscordPayload);
    expect((await rig.rows()).filter((r) => r.kind === 'notice')).toHaveLength(1);
  });

  it('on 404 Unknown Channel marks it broken and, with no other channel to tell, only logs a warning', async () => {
    await follow('alerts');
    const id = await rig.queue('alerts');
    rig.fake.removeChannel('alerts');
    expect(await deliver()).toMatchObject({ broken: 1 });
    expect(await rig.row(id)).toMatchObject({ status: 'broken', lastError: 'Unknown Channel (404)' });
    expect((await rig.port.routes.broken((await rig.row(id)).channelId))?.reason).toBe('Unknown Channel (404)');
    expect((await rig.rows()).filter((r) => r.kind === 'notice')).toEqual([]);
    expect(
      warnings().some((w) => w.includes('Unknown Channel (404)') && w.includes('no other alert channel to tell')),
    ).toBe(true);
    expect(rig.fake.requestsTo(POST_MESSAGES)).toHaveLength(1);
  });

  it('does not tell the moderators in a channel that is itself broken', async () => {
    await follow('alerts', 'desk');
    await rig.port.routes.markChannelBroken(rig.guildId, rig.channel('desk'), 'Missing Access (403)', NOW);
    await rig.queue('alerts');
    rig.fake.failNext(POST_MESSAGES, { status: 403 });
    await deliver();
    expect((await rig.rows()).filter((r) => r.kind === 'notice')).toEqual([]);
  });

  it('leaves a message Discord rejects as malformed broken without breaking the channel', async () => {
    const bad = await rig.queue('alerts');
    const good = await rig.queue('alerts');
    rig.fake.failNext(POST_MESSAGES, { status: 400 });
    expect(await deliver()).toEqual({ sent: 1, retried: 0, broken: 1, deferred: 0 });
    expect(await rig.row(bad)).toMatchObject({ status: 'broken', lastError: 'rejected: Invalid Form Body (400)' });
    expect((await rig.row(good)).status).toBe('sent');
    expect(await rig.port.routes.broken(rig.channel('alerts'))).toBeUndefined();
  });
});

describe('folded alerts', () => {
  it('go out as one digest message per channel, with the unfolded ones on their own', async () => {
    const single = await rig.queue('alerts');
    const foldedHere = await inOrder(['NIS', 'Zelenskyy', 'Kremlin'], (claimant) =>
      rig.queue('alerts', { folded: true, claimant }),
    );
    const foldedThere = await inOrder(['NIS', 'Pentagon'], (claimant) =>
      rig.queue('general', { folded: true, claimant }),
    );

    expect(await deliver()).toEqual({ sent: 6, retried: 0, broken: 0, deferred: 0 });
    const posted = rig.fake.channelMessages.map((m) => [m.channelId, m.body.embeds[0].title]);
    expect(posted).toEqual([
      [rig.channel('alerts'), 'New figure · North Korean troops in Russia'],
      [rig.channel('alerts'), '3 more alerts'],
      [rig.channel('general'), '2 more alerts'],
    ]);
    const digest = rig.fake.channelMessages[1]!;
    assertWithinDiscordLimits(digest.body as DiscordPayload);
    expect(digest.body.embeds[0].fields[0].value.split('\n')).toEqual(
      (await inOrder(foldedHere, rig.row)).map((row) => decodePayload(row.payload).line),
    );
    expect(await inOrder(foldedHere, rig.row)).toEqual(
      foldedHere.map((id) => expect.objectContaining({ id, status: 'sent', messageId: digest.message.id })),
    );
    expect((await rig.row(single)).messageId).toBe(rig.fake.channelMessages[0]?.message.id);
    expect((await inOrder(foldedThere, rig.row)).map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('resend a digest whose answer was lost as the same message, even when more folded alerts arrived meanwhile', async () => {
    const first = await inOrder(['NIS', 'Zelenskyy'], (claimant) => rig.queue('alerts', { folded: true, claimant }));
    rig.fake.failNext(POST_MESSAGES, { status: 500, times: 4, afterHandling: true });
    expect(await deliver()).toMatchObject({ retried: 2 });
    expect(rig.fake.channelMessages).toHaveLength(1);

    const arrived = await rig.queue('alerts', { folded: true, claimant: 'Kremlin', at: later(10_000) });
    expect(await deliver(later(30_000))).toMatchObject({ sent: 3 });
    // The retried pair replays its nonce (no new post); the newcomer goes out on its own.
    expect(rig.fake.channelMessages.map((m) => m.body.embeds[0].title)).toEqual([
      '2 more alerts',
      'New figure · North Korean troops in Russia',
    ]);
    expect((await inOrder(first, rig.row)).map((row) => row.messageId)).toEqual([
      rig.fake.channelMessages[0]?.message.id,
      rig.fake.channelMessages[0]?.message.id,
    ]);
    expect((await rig.row(arrived)).messageId).toBe(rig.fake.channelMessages[1]?.message.id);
  });

  it('fit in one message however many there are', async () => {
    for (let i = 0; i < 120; i++) await rig.queue('alerts', { folded: true, claimant: `Claimant ${i}` });
    expect((await deliver()).sent).toBe(120);
    expect(rig.fake.channelMessages).toHaveLength(1);
    assertWithinDiscordLimits(rig.fake.channelMessages[0]!.body as DiscordPayload);
    expect(rig.fake.channelMessages[0]?.body.embeds[0].title).toBe('120 more alerts');
  });
});
