// /settings: a server's time zone and notices channel, set by its moderators through the real
// bot on the fake Discord; notices from a failing feed on 127.0.0.1 go to that channel, and
// briefings and times in answers follow the zone, after a restart too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueBriefing } from '../src/alerting/briefing.js';
import { decodePayload } from '../src/alerting/message-payload.js';
import { startDiscordBot } from '../src/discord/bot.js';
import { silentLogger } from '../src/log.js';
import type { DiscordPayload } from '../src/render/render.js';
import { startScheduler } from '../src/scheduler/scheduler.js';
import { type AlertRig, alertRig } from './support/alert-rig.js';
import { answerText, askApp } from './support/ask.js';
import { recordingLogger } from './support/bot-app.js';
import { permissions } from './support/fake-discord.js';
import { FAKE_TOKEN } from './support/fake-discord-client.js';
import { plain, rssFeed, withEtag } from './support/feed-server.js';

const EPHEMERAL = 64;
const MODERATOR = permissions('ViewChannel', 'SendMessages', 'UseApplicationCommands', 'ManageGuild');
const NOW = new Date('2024-11-04T12:00:00Z');
let rig: AlertRig;
let client: Awaited<ReturnType<typeof startDiscordBot>>;

beforeAll(async () => {
  rig = await alertRig();
  client = await startDiscordBot(
    rig.temp.app,
    { token: FAKE_TOKEN, apiBase: rig.fake.restBase, applicationId: undefined, guildId: undefined },
    recordingLogger(),
    { now: () => NOW },
  );
});
afterAll(async () => {
  await client?.destroy();
  await rig?.close();
});

/** /settings SUB as Discord sends it, a channel option resolved; the deferred reply's edit. */
async function settings(
  subcommand: string,
  options: { timezone?: string; notices?: string; what?: string },
  memberPermissions = MODERATOR,
): Promise<DiscordPayload & { flags?: number }> {
  const raw: Array<Record<string, unknown>> = [];
  if (options.timezone) raw.push({ name: 'timezone', type: 3, value: options.timezone });
  if (options.what) raw.push({ name: 'what', type: 3, value: options.what });
  if (options.notices) raw.push({ name: 'notices', type: 7, value: rig.channel(options.notices) });
  const payload = rig.fake.chatInput({ name: 'settings', subcommand, memberPermissions, options: raw });
  if (options.notices) {
    const id = rig.channel(options.notices);
    payload.data.resolved = { channels: { [id]: { id, name: options.notices, type: 0, permissions: '0' } } };
  }
  const record = await rig.fake.sendInteraction(payload);
  expect(record.callback?.type, 'deferred').toBe(5);
  const edit = await record.waitForEdit();
  return { ...(edit.body as DiscordPayload), flags: record.callback?.data.flags };
}

const ask = (line: string) => askApp(rig.temp.app, line, { guildId: rig.guildId, moderator: true, now: NOW });

describe('/settings in Discord', () => {
  it('is for moderators only', async () => {
    const reply = await settings('set', { timezone: 'Asia/Seoul' }, permissions('ViewChannel', 'SendMessages'));
    expect(reply.embeds[0]!.description).toMatch(/^\/settings is for moderators/);
    expect(await rig.temp.app.port.settings.of(rig.guildId)).toBeUndefined();
  });

  it('refuses a time zone it does not know, naming one it does', async () => {
    const reply = await settings('set', { timezone: 'Mars/Olympus_Mons' });
    expect(reply.embeds[0]!.description).toBe(
      '"Mars/Olympus\\_Mons" is not a time zone I know: give an IANA name such as Asia/Seoul, Europe/Kyiv or America/New_York.',
    );
    expect(await rig.temp.app.port.settings.of(rig.guildId)).toBeUndefined();
  });

  it('sets the time zone by its proper name and the notices channel, privately, and shows them', async () => {
    const reply = await settings('set', { timezone: 'asia/seoul', notices: 'desk' });
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.embeds[0]!.title).toBe('Settings saved');
    const lines = reply.embeds[0]!.fields![0]!.value;
    expect(lines).toContain('**Time zone:** Asia/Seoul (now Nov 4, 2024, 21:00 GMT+9)');
    expect(lines).toContain(`**Notices:** <#${rig.channel('desk')}>`);
    expect(await rig.temp.app.port.settings.of(rig.guildId)).toMatchObject({
      timeZone: 'Asia/Seoul',
      noticesChannel: rig.channel('desk'),
    });
    const shown = await settings('show', {});
    expect(shown.embeds[0]!.footer?.text).toMatch(/^Last changed by \S+ \\\(\d+\\\), Nov 4, 2024, 21:00 GMT\+9/);
  });
});

describe('time zone names', () => {
  it('keeps the spelling a moderator typed, with its proper case, not ICU’s older name', async () => {
    const operator = (line: string) => askApp(rig.temp.app, line, { guildId: null, now: NOW });
    for (const [typed, kept] of [
      ['europe/kyiv', 'Europe/Kyiv'],
      ['asia/kolkata', 'Asia/Kolkata'],
      ['AMERICA/NEW_YORK', 'America/New_York'],
      ['utc', 'UTC'],
    ]) {
      await operator(`/settings set timezone:${typed}`);
      expect((await rig.temp.app.port.settings.of(''))?.timeZone).toBe(kept);
    }
  });
});

describe('a server’s notices channel', () => {
  it('hears that a feed keeps failing, while alerts stay in the alert channel', async () => {
    let healthy = true;
    const items = [
      {
        guid: 'w-1',
        title: 'Troops at the border',
        date: '2024-10-30',
        content: "South Korea's spy agency said about 3,000 North Korean troops had reached Russia.",
      },
    ];
    rig.feeds.route('/wire.xml', (request, response) =>
      healthy ? withEtag(() => rssFeed('Wire', items))(request, response) : plain('down', {}, 503)(request, response),
    );
    await rig.addSource('Wire', '/wire.xml');
    await rig.follow('troops', 'alerts');
    healthy = false;
    let now = NOW;
    for (let i = 0; i < 3; i++) {
      const next = (await rig.temp.app.port.sourceBook.feed(rig.feeds.url('/wire.xml'))).nextPollAt;
      now = next && new Date(next) > now ? new Date(next) : now;
      await rig.tick(now);
    }
    expect(rig.posted('desk').map((e) => e.title)).toEqual(['A source keeps failing']);
    expect(rig.posted('alerts')).toEqual([]);
  });
});

describe('a server’s time zone', () => {
  it('shows the times in its answers in the zone', async () => {
    const digest = await ask('/alerts digest #desk weekdays 08:00');
    expect(answerText(digest)).toContain('Asia/Seoul time');
    expect(answerText(await ask('/alerts list'))).toContain('Schedules are read in Asia/Seoul time.');
    const [claim] = rig.temp.app.index.claimsBy('NIS');
    await ask(`/correction fix ${claim!.id} figure:3,100 note:revised`);
    expect(answerText(await ask(`/claim ${claim!.id}`))).toContain(
      'Nov 4, 2024, 21:00 GMT+9 · editor: figure 3,000 → 3,100 (revised)',
    );
  });

  it("dates a topic's last change by the server's day, not UTC's", async () => {
    await rig.temp.ingest(
      {
        outlet: 'Harbour Wire',
        date: '2024-11-04',
        title: 'Drone strikes on the port',
        body: 'Port officials said 40 drones struck the harbour overnight.',
      },
      { guildId: rig.guildId },
    );
    const evening = new Date('2024-11-04T20:00:00Z'); // already Nov 5 in Seoul
    const at = { guildId: rig.guildId, moderator: true, now: evening };
    await askApp(
      rig.temp.app,
      '/topics add key:port-drones label:"Drones on the port" units:"drones" subjects:"harbour"',
      at,
    );
    const answer = answerText(await askApp(rig.temp.app, '/topic port-drones chart:false', at));
    expect(answer).toContain('Topic set by editor, Nov 5, 2024');
  });

  it('runs briefings at the hour in the zone, and says the time there, after a restart', async () => {
    const app = await rig.temp.reopen();
    expect(answerText(await askApp(app, '/settings show', { guildId: rig.guildId, now: NOW }))).toContain(
      'Time zone: Asia/Seoul',
    );
    const [digest] = await app.port.routes.digests(rig.guildId);
    const scheduler = await startScheduler(
      {
        newsroom: app,
        // Nothing fires while it runs (New Year's midnight and briefings hours away): it only schedules.
        sender: { send: async () => ({ status: 'sent', messageId: 'never' }) },
        log: silentLogger,
      },
      { cron: '0 0 1 1 *', timeZone: 'UTC' },
      () => NOW,
    );
    try {
      // 08:00 in Seoul is 23:00 UTC the day before.
      const next = scheduler.nextBriefing(digest!.id)!;
      expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([23, 0]);
      // Back to the default zone, the same schedule is 08:00 UTC.
      await askApp(app, '/settings reset timezone', { guildId: rig.guildId, now: NOW });
      await scheduler.reloadDigests();
      expect(scheduler.nextBriefing(digest!.id)!.getUTCHours()).toBe(8);
      await askApp(app, '/settings set timezone:Asia/Seoul', { guildId: rig.guildId, now: NOW });
    } finally {
      await scheduler.stop();
    }
    const id = await queueBriefing(app, digest!, new Date('2024-11-04T23:00:00Z'));
    const [row] = await rig.temp.query<{ payload: string }>('SELECT payload FROM outbox WHERE id = $1', [id]);
    expect(decodePayload(row!.payload).answer.title).toBe('Briefing · Nov 5, 2024, 08:00 GMT+9');
  });
});
