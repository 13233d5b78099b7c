// A send in doubt (Discord created the message, the bot never heard) checked against the channel
// before it is sent again, once Discord has forgotten the nonce: the real @discordjs/rest client
// against the fake Discord, whose nonce memory is made to expire.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/delivery/deliver.js';
import { referenceOf, withReference } from '../src/delivery/reference.js';
import { discordSender } from '../src/discord/sender.js';
import { type DeliveryRig, deliveryRig, later, NOW, POST_MESSAGES } from './support/delivery-rig.js';

let rig: DeliveryRig;
beforeEach(async () => {
  rig = await deliveryRig();
});
afterEach(async () => {
  await rig.close();
});

// No resends inside @discordjs/rest: each outbox run makes one try, as after a restart.
const deliver = (at: Date) => deliverDue(rig.port, discordSender(rig.restWith({ retries: 0 })), at, rig.log);
const LIST_MESSAGES = 'GET /channels/:id/messages';

describe('an alert whose send is in doubt', () => {
  it('is found in the channel after Discord forgot its nonce, marked sent, and not posted again', async () => {
    const id = await rig.queue('alerts');
    // Discord creates the message; the answer is lost on the way back.
    rig.fake.failNext(POST_MESSAGES, { status: 500, afterHandling: true });
    expect(await deliver(NOW)).toMatchObject({ sent: 0, retried: 1 });
    expect(rig.fake.channelMessages).toHaveLength(1);

    rig.fake.forgetNonces(); // down for longer than Discord remembers a nonce
    expect(await deliver(later(30 * 60_000))).toMatchObject({ sent: 1, retried: 0 });
    expect(rig.fake.channelMessages).toHaveLength(1);
    expect(rig.fake.requestsTo(POST_MESSAGES)).toHaveLength(1);
    expect(rig.fake.requestsTo(LIST_MESSAGES)).toHaveLength(1);
    expect(await rig.row(id)).toMatchObject({ status: 'sent', messageId: rig.fake.channelMessages[0]!.message.id });
  });

  it('is sent again when the channel does not hold it: the first try never reached Discord', async () => {
    const id = await rig.queue('alerts');
    rig.fake.failNext(POST_MESSAGES, { status: 500 });
    expect(await deliver(NOW)).toMatchObject({ retried: 1 });
    expect(rig.fake.channelMessages).toHaveLength(0);

    rig.fake.forgetNonces();
    expect(await deliver(later(30 * 60_000))).toMatchObject({ sent: 1 });
    expect(rig.fake.channelMessages).toHaveLength(1);
    expect(referenceOf(rig.fake.channelMessages[0]!.message)).toBe((await rig.row(id)).nonce);
  });

  it('goes out with its nonce when the channel cannot be read, and says so in the log', async () => {
    await rig.queue('alerts');
    rig.fake.failNext(POST_MESSAGES, { status: 500, afterHandling: true });
    await deliver(NOW);
    rig.fake.failNext(LIST_MESSAGES, { status: 403 });
    // Discord still remembers the nonce: the resend returns the first message.
    expect(await deliver(later(30_000))).toMatchObject({ sent: 1 });
    expect(rig.fake.channelMessages).toHaveLength(1);
    expect(rig.log.lines.map((l) => l.message).join('\n')).toMatch(
      /could not check for an earlier try .*resending with its nonce/,
    );
  });

  it('is not looked for on a first try: a new message costs one request', async () => {
    await rig.queue('alerts');
    await deliver(NOW);
    expect(rig.fake.requestsTo(LIST_MESSAGES)).toHaveLength(0);
    expect(rig.fake.requestsTo(POST_MESSAGES)).toHaveLength(1);
  });
});

describe('the reference a posted message carries', () => {
  it("ends the first embed's footer, survives a footer at Discord's limit, and is read back", () => {
    const nonce = '0123456789abcdef';
    const long = withReference(
      { embeds: [{ footer: { text: 'x'.repeat(2048) } }], allowed_mentions: { parse: [] } },
      nonce,
    );
    expect(long.embeds[0]!.footer!.text.length).toBeLessThanOrEqual(2048);
    expect(referenceOf(long)).toBe(nonce);
    const plain = withReference({ embeds: [{ title: 'New figure' }], allowed_mentions: { parse: [] } }, nonce);
    expect(plain.embeds[0]!.footer!.text).toBe(`ref ${nonce}`);
    expect(referenceOf({ embeds: [{ footer: { text: 'Claim #4 · /claim 4 shows it in full' } }] })).toBeNull();
  });
});
