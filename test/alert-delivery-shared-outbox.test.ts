// Two deliverers on one store, as two bot processes sharing it would run: each claims the rows
// it sends, so every alert is posted once, counted in requests on the fake Discord's side (its
// nonce check would hide a second post; the requests show it was never made).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app/app.js';
import { deliverDue } from '../src/delivery/deliver.js';
import { discordSender } from '../src/discord/sender.js';
import { type DeliveryRig, deliveryRig, later, NOW, POST_MESSAGES } from './support/delivery-rig.js';

let rig: DeliveryRig;
let secondApp: App;
let second: App['port'];
beforeEach(async () => {
  rig = await deliveryRig();
  secondApp = await rig.temp.openAnother();
  second = secondApp.port;
});
afterEach(async () => {
  await secondApp.close();
  await rig.close();
});

describe('two deliverers sharing one outbox', () => {
  it('post every alert exactly once when they run at the same moment', async () => {
    for (let n = 0; n < 12; n++) await rig.queue(n % 2 ? 'alerts' : 'desk', { claimant: `Agency ${n}` });
    const sender = discordSender(rig.rest);
    const reports = await Promise.all([
      deliverDue(rig.port, sender, NOW, rig.log, { deliverer: 'bot-a' }),
      deliverDue(second, sender, NOW, rig.log, { deliverer: 'bot-b' }),
    ]);
    // Which deliverer claims which rows is a race on Postgres; that no row goes out twice is not.
    expect(reports[0]!.sent + reports[1]!.sent).toBe(12);
    expect(rig.fake.requestsTo(POST_MESSAGES)).toHaveLength(12);
    expect((await rig.rows()).every((row) => row.status === 'sent')).toBe(true);
  });

  it("leave a deliverer's unsent rows to the other only once its lease has run out", async () => {
    await rig.queue('alerts');
    const sender = discordSender(rig.rest);
    // bot-a claims the row and dies before sending it.
    await rig.port.outbox.claimDue('bot-a', NOW, later(5 * 60_000));
    expect((await deliverDue(second, sender, later(60_000), rig.log, { deliverer: 'bot-b' })).sent).toBe(0);
    const report = await deliverDue(second, sender, later(5 * 60_000), rig.log, { deliverer: 'bot-b' });
    expect(report.sent).toBe(1);
    expect(rig.fake.requestsTo(POST_MESSAGES)).toHaveLength(1);
  });
});
