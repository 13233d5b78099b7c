// /alerts through the real discord.js client and the bot's Discord edge, against the fake Discord:
// the channel option arrives resolved, as Discord sends it, and the permission comes from the member.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordPayload } from '../src/render/render.js';
import {
  type BotApp,
  openSampleApp,
  type RecordingLogger,
  type RunningBot,
  recordingLogger,
  startBotOnFake,
} from './support/bot-app.js';
import { permissions } from './support/fake-discord.js';

const EPHEMERAL = 64;
/** MOD_ROLE_ID: its members may moderate without Manage Server. */
const DESK_ROLE = '333333333333333333';
let sample: BotApp;
let bot: RunningBot;
let log: RecordingLogger;

beforeAll(async () => {
  sample = await openSampleApp();
  log = recordingLogger();
  const deskEditors = {
    id: DESK_ROLE,
    name: 'Desk editors',
    color: 0,
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 1,
    permissions: '0',
    managed: false,
    mentionable: false,
    flags: 0,
  };
  bot = await startBotOnFake(
    sample.app,
    log,
    { modRoleId: DESK_ROLE },
    { roles: [deskEditors], channels: [{ name: 'general' }, { name: 'alerts' }] },
  );
});
afterAll(async () => {
  await bot?.stop();
  await sample?.close();
});
afterEach(() => {
  expect(bot.fake.unhandled).toEqual([]);
  expect(log.errors()).toEqual([]);
});

/** /alerts follow troops #alerts, with the channel resolved the way Discord resolves it. */
async function follow(memberPermissions?: string, memberRoles?: string[]): Promise<DiscordPayload> {
  const channel = (bot.fake.guild.channels as Array<{ id: string; name: string; type: number }>).find(
    (c) => c.name === 'alerts',
  )!;
  const payload = bot.fake.chatInput({
    name: 'alerts',
    subcommand: 'follow',
    memberPermissions,
    memberRoles,
    options: [
      { name: 'topic', type: 3, value: 'troops' },
      { name: 'channel', type: 7, value: channel.id },
    ],
  });
  payload.data.resolved = {
    channels: { [channel.id]: { id: channel.id, name: channel.name, type: channel.type, permissions: '0' } },
  };
  const record = await bot.fake.sendInteraction(payload);
  // A moderator's command is deferred to the asker alone at once and edited when done.
  expect(record.callback?.type, 'deferred').toBe(5);
  const edit = await record.waitForEdit();
  return { ...(edit.body as DiscordPayload), flags: record.callback?.data.flags } as DiscordPayload;
}

describe('/alerts in Discord', () => {
  it('lets a member with Manage Server follow a topic in a channel, privately', async () => {
    const reply = await follow(permissions('ViewChannel', 'SendMessages', 'UseApplicationCommands', 'ManageGuild'));
    const channel = (bot.fake.guild.channels as Array<{ id: string; name: string }>).find((c) => c.name === 'alerts')!;
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.embeds[0]!.title).toBe('Following North Korean troops in Russia');
    expect(reply.embeds[0]!.description).toContain(`<#${channel.id}> will get an alert`);
    expect(await sample.app.port.routes.channelsFor(bot.fake.guild.id, 'troops')).toEqual([channel.id]);
  });

  it('refuses a member without Manage Server, whatever the client showed them', async () => {
    const reply = await follow();
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.embeds[0]!.description).toMatch(/^\/alerts is for moderators/);
  });

  it('lets a member with the moderator role in without Manage Server', async () => {
    const reply = await follow(undefined, [DESK_ROLE]);
    expect(reply.embeds[0]!.title).toMatch(/^(Already following|Following) North Korean troops in Russia/);
    expect(reply.embeds[0]!.description).not.toMatch(/is for moderators/);
  });
});
