// Delivery from the outbox through the real @discordjs/rest client to a fake Discord on
// 127.0.0.1: exactly one message per row, whatever Discord answers on the way.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleSender } from '../src/console/sender.js';
import { deliverDue, retryDelay, type Sender } from '../src/delivery/deliver.js';
import { discordSender, rejectLongMessageRateLimits } from '../src/discord/sender.js';
import type { DiscordPayload } from '../src/render/render.js';
import type { OutboxMessage } from '../src/store/outbox.js';
import { recordingLogger, startBotOnFake } from './support/bot-app.js';
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

const statuses = () => rig.fake.requestsTo(POST_MESSAGES).map((r) => r.status);
const deliver = (at: Date = NOW, sender: Sender = discordSender(rig.rest)) => deliverDue(rig.port, sender, at, rig.log);

describe('delivering a queued alert', () => {
  it('posts it once with its nonce enforced, within Discord limits and pinging no one, and marks it sent', async () => {
    const id = await rig.queue('alerts');
    expect(await deliver()).toEqual({ sent: 1, retried: 0, broken: 0, deferred: 0 });
    const [posted] = rig.fake.channelMessages;
    expect(rig.fake.channelMessages).toHaveLength(1);
    expect(posted?.channelId).toBe(rig.channel('alerts'));
    expect(posted?.body).toMatchObject({
      nonce: (await rig.row(id)).nonce,
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    assertWithinDiscordLimits(posted!.body as DiscordPayload);
    expect(posted?.body.embeds[0].title).toBe('New figure · North Korean troops in Russia');
    expect(await rig.row(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      messageId: posted?.message.id,
      lastError: null,
    });

    expect(await deliver(later(60_000))).toEqual({ sent: 0, retried: 0, broken: 0, deferred: 0 });
    expect(rig.fake.channelMessages).toHaveLength(1);
  });

  it('sends the messages of a channel in the order they were queued', async () => {
    const ids = await inOrder(['NIS', 'Pentagon', 'Zelenskyy'], (claimant) => rig.queue('alerts', { claimant }));
    await deliver();
    expect(rig.fake.channelMessages.map((m) => m.body.nonce)).toEqual(
      (await inOrder(ids, rig.row)).map((row) => row.nonce),
    );
    expect(rig.fake.channelMessages.map((m) => m.body.embeds[0].description.split(':')[0])).toEqual([
      '**NIS**',
      '**Pentagon**',
      '**Zelenskyy**',
    ]);
  });

  it("goes out through the running bot's own REST client as well", async () => {
    const log = recordingLogger();
    const bot = await startBotOnFake(rig.temp.app, log);
    try {
      const channelId = bot.fake.channel('alerts').id as string;
      const id = await rig.port.outbox.enqueue(
        {
          guildId: bot.fake.guild.id,
          channelId,
          kind: 'alert',
          payload: (await rig.row(await rig.queue('alerts'))).payload,
        },
        NOW,
      );
      const report = await deliverDue(rig.port, discordSender(bot.client.rest), NOW, log);
      expect(report.sent).toBe(1);
      expect(bot.fake.channelMessages).toHaveLength(1);
      expect(await rig.row(id)).toMatchObject({ status: 'sent', messageId: bot.fake.channelMessages[0]?.message.id });
    } finally {
      await bot.stop();
    }
  });

  it('prints alerts in console mode and counts them sent', async () => {
    const printed: string[] = [];
    const id = await rig.queue('alerts');
    expect(
      (
        await deliver(
          NOW,
          consoleSender((text) => printed.push(text)),
        )
      ).sent,
    ).toBe(1);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('New figure · North Korean troops in Russia');
    expect(printed[0]).toContain('Pentagon: approximately 12,000 troops · reported');
    expect(printed[0]).toContain('up 9,000 from 3,000 on Oct 31, 2024');
    expect(printed[0]).not.toContain('**');
    expect((await rig.row(id)).status).toBe('sent');
  });

  it('delivers a malformed row as a plain notice instead of stopping', async () => {
    const id = await rig.queue('alerts', { payload: '{"broken json' });
    await deliver();
    expect(rig.fake.channelMessages[0]?.body.embeds[0]).toMatchObject({
      title: 'Notice',
      description: '{"broken json',
    });
    expect((await rig.row(id)).status).toBe('sent');
  });
});

describe('when Discord fails on the way', () => {
  it('delivers exactly one message when Discord answers 500 and then 200', async () => {
    const id = await rig.queue('alerts');
    rig.fake.failNext(POST_MESSAGES, { status: 500 });
    expect((await deliver()).sent).toBe(1);
    expect(statuses()).toEqual([500, 200]);
    expect(rig.fake.channelMessages).toHaveLength(1);
    expect((await rig.row(id)).status).toBe('sent');
  });

  it('posts nothing twice when Discord created the message but the 502 lost the answer', async () => {
    const id = await rig.queue('alerts');
    rig.fake.failNext(POST_MESSAGES, { status: 502, afterHandling: true });
    await deliver();
    // @discordjs/rest resent the same body at once; the nonce made Discord return the first message.
    expect(statuses()).toEqual([502, 200]);
    expect(rig.fake.channelMessages).toHaveLength(1);
    expect(await rig.row(id)).toMatchObject({ status: 'sent', messageId: rig.fake.channelMessages[0]?.message.id });
  });

  it('retries later with growing back-off when every resend of the REST client fails, and delivers once', async () => {
    const id = await rig.queue('alerts');
    rig.fake.failNext(POST_MESSAGES, { status: 500, times: 8 });
    expect(await deliver()).toEqual({ sent: 0, retried: 1, broken: 0, deferred: 0 });
    // One try and three immediate resends by @discordjs/rest (its `retries` default), then HTTPError.
    expect(statuses()).toEqual([500, 500, 500, 500]);
    expect(await rig.row(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: later(30_000).toISOString(),
    });
    expect((await rig.row(id)).lastError).toContain('500');

    expect((await deliver(later(29_999))).retried).toBe(0); // not due yet: nothing sent
    expect(statuses()).toHaveLength(4);
    expect(await deliver(later(30_000))).toMatchObject({ retried: 1 });
    expect(await rig.row(id)).toMatchObject({ attempts: 2, nextAttemptAt: later(90_000).toISOString() });

    expect(await deliver(later(90_000))).toMatchObject({ sent: 1 });
    expect(rig.fake.channelMessages).toHaveLength(1); // each run looked in the channel first, and found nothing
    expect(await rig.row(id)).toMatchObject({ status: 'sent', messageId: rig.fake.channelMessages[0]?.message.id });
  });

  it('waits out a 429 with retry_after and then delivers once', async () => {
    const id = await rig.queue('alerts');
    rig.fake.failNext(POST_MESSAGES, { status: 429, retryAfter: 0.3 });
    expect((await deliver()).sent).toBe(1);
    const [limited, delivered] = rig.fake.requestsTo(POST_MESSAGES);
    expect([limited?.status, delivered?.status]).toEqual([429, 200]);
    expect(delivered!.at - limited!.at).toBeGreaterThanOrEqual(300);
    expect(rig.fake.channelMessages).toHaveLength(1);
    expect((await rig.row(id)).status).toBe('sent');
  });

  it('schedules the retry no sooner than Discord asked when a long rate limit is rejected instead of waited out', async () => {
    const rest = rig.restWith({ rejectOnRateLimit: rejectLongMessageRateLimits(500) });
    const id = await rig.queue('alerts');
    rig.fake.failNext(POST_MESSAGES, { status: 429, retryAfter: 1.2 });
    const report = await deliverDue(rig.port, discordSender(rest), NOW, rig.log, { firstRetryMs: 100 });
    expect(report.retried).toBe(1);
    expect(Date.parse((await rig.row(id)).nextAttemptAt) - NOW.getTime()).toBeGreaterThanOrEqual(1200);
    expect((await rig.row(id)).lastError).toContain('rate limited');
    await new Promise((resolve) => setTimeout(resolve, 1300)); // the bucket's real reset
    expect((await deliverDue(rig.port, discordSender(rest), later(1300), rig.log)).sent).toBe(1);
    expect(statuses()).toEqual([429, 200]);
    expect(rig.fake.channelMessages).toHaveLength(1);
  });

  it('posts nothing new after a crash between Discord accepting the message and the row being marked', async () => {
    const id = await rig.queue('alerts');
    const real = discordSender(rig.rest);
    // Discord takes the message, then the process dies before markSent: the database goes with it.
    const dying: Sender = {
      async send(channelId, payload, nonce) {
        const result = await real.send(channelId, payload, nonce);
        // The app, not only its port: on Postgres the pool's end waits for the LISTEN connection.
        await rig.temp.app.close();
        return result;
      },
    };
    await expect(deliver(NOW, dying)).rejects.toThrow(/not open|after calling end/);
    expect(rig.fake.channelMessages).toHaveLength(1);

    await rig.temp.reopen();
    // The attempt was counted before the send: the row is in doubt, so the channel is read first.
    expect(await rig.row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await deliver()).sent).toBe(1);
    expect(statuses()).toEqual([200]);
    expect(rig.fake.requestsTo('GET /channels/:id/messages')).toHaveLength(1);
    expect(rig.fake.channelMessages).toHaveLength(1);
    expect(await rig.row(id)).toMatchObject({ status: 'sent', messageId: rig.fake.channelMessages[0]?.message.id });
  });

  it('treats a sender that throws after sending as a retry, and the resend posts nothing new', async () => {
    const id = await rig.queue('alerts');
    const real = discordSender(rig.rest);
    const throwing: Sender = {
      async send(channelId, payload, nonce) {
        await real.send(channelId, payload, nonce);
        throw new Error('lost the answer');
      },
    };
    expect((await deliver(NOW, throwing)).retried).toBe(1);
    expect(await rig.row(id)).toMatchObject({ status: 'pending', lastError: 'lost the answer' });
    expect((await deliver(later(30_000))).sent).toBe(1);
    expect(rig.fake.channelMessages).toHaveLength(1);
    expect((await rig.row(id)).messageId).toBe(rig.fake.channelMessages[0]?.message.id);
  });

  it("keeps delivering to other channels while one keeps failing, and holds the failing channel's queue for the next run", async () => {
    const first = await rig.queue('alerts');
    const second = await rig.queue('alerts');
    const other = await rig.queue('general');
    const alertsId = rig.channel('alerts');
    rig.fake.failNext((r) => r.method === 'POST' && r.route === `/channels/${alertsId}/messages`, {
      status: 503,
      times: 4,
    });
    expect(await deliver()).toEqual({ sent: 1, retried: 1, broken: 0, deferred: 1 });
    expect((await rig.row(other)).status).toBe('sent');
    expect(await rig.row(first)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await rig.row(second)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(rig.fake.requestsTo(`POST /channels/${alertsId}/messages`)).toHaveLength(4); // the first message only
    expect(await deliver(later(30_000))).toMatchObject({ sent: 2 });
    expect(rig.fake.channelMessages.map((m) => m.body.nonce)).toEqual(
      (await inOrder([other, first, second], rig.row)).map((row) => row.nonce),
    );
  });
});

describe('the retry back-off', () => {
  const rows = (attempts: number) => [{ attempts } as OutboxMessage];
  it('doubles from 30 seconds, stops at 30 minutes and never comes sooner than Discord asked', () => {
    expect([0, 1, 2, 5, 6, 40].map((n) => retryDelay(rows(n), undefined))).toEqual([
      30_000, 60_000, 120_000, 960_000, 1_800_000, 1_800_000,
    ]);
    expect(retryDelay(rows(0), 45_000)).toBe(45_000);
    expect(retryDelay(rows(9), 3_600_000)).toBe(3_600_000);
  });
});
