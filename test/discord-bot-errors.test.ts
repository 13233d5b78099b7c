// The real bot's error boundary and its deferral ("thinking…") path, driven end to end through the
// discord.js client against a fake Discord, over the sample articles in a real SQLite file.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../commands/types.js';
import type { App } from '../src/app/app.js';
import type { BotOptions } from '../src/discord/bot.js';
import { UserError } from '../src/errors.js';
import type { DiscordPayload } from '../src/render/render.js';
import {
  type BotApp,
  gatedCommand,
  openSampleApp,
  type RecordingLogger,
  type RunningBot,
  recordingLogger,
  startBotOnFake,
  testCommand,
} from './support/bot-app.js';
import { assertWithinDiscordLimits } from './support/discord-limits.js';
import { permissions } from './support/fake-discord-builders.js';

const EPHEMERAL = 64;
const SECRET = 'sqlite said: no such column claims.secret_detail';

let sample: BotApp;
let bot: RunningBot | undefined;
let log: RecordingLogger;

beforeAll(async () => {
  sample = await openSampleApp();
});

afterAll(() => sample?.close());

afterEach(async () => {
  const fake = bot?.fake;
  await bot?.stop();
  bot = undefined;
  expect(fake?.unhandled ?? [], 'requests the fake has no route for').toEqual([]);
});

/** The sample app plus test-only commands, behind the real bot. */
async function start(extra: Command[] = [], options: BotOptions = {}): Promise<RunningBot> {
  const app: App = { ...sample.app, commands: [...sample.app.commands, ...extra] };
  log = recordingLogger();
  bot = await startBotOnFake(app, log, options);
  return bot;
}

function ephemeralReply(data: unknown): { description: string } {
  const payload = data as DiscordPayload;
  assertWithinDiscordLimits(payload);
  expect(payload.flags, 'flags').toBe(EPHEMERAL);
  return { description: payload.embeds[0]?.description ?? '' };
}

const found = { title: 'Found it', summary: 'Three claims, one denial', sections: [] };

describe('the error boundary, end to end', () => {
  it('answers a command it does not know only to the asker, pointing at /help', async () => {
    const { fake } = await start();
    const record = await fake.sendInteraction(fake.chatInput({ name: 'casualtiez' }));
    expect(record.callback?.type).toBe(4);
    const { description } = ephemeralReply(record.callback?.data);
    expect(description).toMatch(/\/casualtiez/);
    expect(description).toMatch(/\/help/);
    expect(log.errors()).toEqual([]);
  });

  it('apologises only to the asker when a command throws, without the error text, and logs the error by command name', async () => {
    const error = new Error(SECRET);
    const { fake } = await start([
      testCommand('boom', () => {
        throw error;
      }),
    ]);
    const record = await fake.sendInteraction(fake.chatInput({ name: 'boom' }));
    expect(record.callback?.type).toBe(4);
    const { description } = ephemeralReply(record.callback?.data);
    expect(description).toMatch(/went wrong/);
    const sent = JSON.stringify(record.callback?.data);
    expect(sent).not.toContain('secret_detail');
    expect(sent).not.toMatch(/\bat .*\.ts:\d+/);
    expect(log.errors()).toEqual([expect.objectContaining({ message: expect.stringContaining('/boom'), error })]);
  });

  it("shows a UserError's own message only to the asker and logs nothing", async () => {
    const { fake } = await start([
      testCommand('picky', () => {
        throw new UserError('Pick a topic first: /help lists them.');
      }),
    ]);
    const record = await fake.sendInteraction(fake.chatInput({ name: 'picky' }));
    expect(ephemeralReply(record.callback?.data).description).toBe('Pick a topic first: /help lists them.');
    expect(log.errors()).toEqual([]);
  });
});

describe('answers that come late', () => {
  it.each([
    ['a moderator', permissions('ViewChannel', 'SendMessages', 'UseApplicationCommands', 'ManageGuild'), /Found it/],
    ['a member', undefined, /is for moderators/],
  ])(
    'defers a moderator command to the asker alone from the start, then edits in the answer for %s',
    async (_who, memberPermissions, answer) => {
      const slow = gatedCommand('slowmod', () => found);
      const { fake } = await start([{ ...slow.command, moderator: true }], { deferAfterMs: 60_000 });
      const record = await fake.sendInteraction(fake.chatInput({ name: 'slowmod', memberPermissions }));
      expect(record.callback?.type, 'deferred').toBe(5);
      expect(record.callback?.data.flags).toBe(EPHEMERAL);
      slow.release();
      const edit = await record.waitForEdit();
      expect(edit.route).toMatch(/\/messages\/@original$/);
      expect(JSON.stringify(edit.body)).toMatch(answer);
      expect(record.followUps).toEqual([]);
    },
  );

  it('defers publicly and then edits @original with the answer when the command is still running', async () => {
    const slow = gatedCommand('slow', () => found);
    const { fake } = await start([slow.command], { deferAfterMs: 0 });
    const record = await fake.sendInteraction(fake.chatInput({ name: 'slow' }));
    expect(record.callback?.type, 'deferred').toBe(5);
    expect(record.callback?.data.flags ?? 0).toBe(0);
    slow.release();
    const edit = await record.waitForEdit();
    expect(edit.method).toBe('PATCH');
    expect(edit.route).toMatch(/\/messages\/@original$/);
    assertWithinDiscordLimits(edit.body as DiscordPayload);
    expect(record.original).toMatchObject({
      flags: 0,
      embeds: [{ title: 'Found it', description: 'Three claims, one denial' }],
    });
    expect(record.followUps).toEqual([]);
    expect(record.deletes).toEqual([]);
    expect(log.errors()).toEqual([]);
  });

  it('replaces a public deferral with an ephemeral follow-up when the late answer is for the asker only', async () => {
    const slow = gatedCommand('slowpicky', () => {
      throw new UserError('Nothing on that yet.');
    });
    const { fake } = await start([slow.command], { deferAfterMs: 0 });
    const record = await fake.sendInteraction(fake.chatInput({ name: 'slowpicky' }));
    expect(record.callback?.type, 'deferred').toBe(5);
    slow.release();
    const followUp = await record.waitForFollowUp();
    expect(ephemeralReply(followUp.body).description).toBe('Nothing on that yet.');
    expect(record.deletes.map((d) => `${d.method} ${d.route}`)).toEqual([
      expect.stringMatching(/^DELETE .*\/messages\/@original$/),
    ]);
    const deleted = fake.requests.indexOf(record.deletes[0]!);
    expect(deleted, 'the public "thinking…" is deleted before the follow-up').toBeLessThan(
      fake.requests.indexOf(followUp),
    );
    expect(record.edits, 'the ephemeral text never lands in the public message').toEqual([]);
    expect(log.errors()).toEqual([]);
  });

  it('logs a deferral Discord refuses while the command is still running, and keeps answering', async () => {
    const slow = gatedCommand('stale', () => found);
    const { fake } = await start([slow.command], { deferAfterMs: 0 });
    // Dispatched but never registered with the fake: its callback is "Unknown interaction" (10062),
    // as for an interaction Discord has already expired.
    fake.dispatch('INTERACTION_CREATE', fake.chatInput({ name: 'stale' }));
    const callback = await fake.waitForRequest('POST /interactions/:id/:token/callback');
    expect(callback.status).toBe(404);
    await expect
      .poll(() => log.errors(), { timeout: 5000 })
      .toEqual([
        expect.objectContaining({
          message: expect.stringContaining('/stale'),
          error: expect.objectContaining({ code: 10062 }),
        }),
      ]);
    slow.release();
    const next = await fake.sendInteraction(fake.chatInput({ name: 'help' }));
    expect(next.callback?.type).toBe(4);
    expect(fake.requestsTo('/webhooks/*'), 'no edit or follow-up of a reply that never was').toEqual([]);
  });
});
