// The real discord.js client, started by startDiscordBot over the sample articles in a real SQLite
// file, answering slash commands and autocomplete from a fake Discord on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app/app.js';
import type { DiscordPayload, EmbedJSON } from '../src/render/render.js';
import {
  type BotApp,
  openSampleApp,
  type RecordingLogger,
  type RunningBot,
  recordingLogger,
  startBotOnFake,
} from './support/bot-app.js';
import { assertWithinDiscordLimits } from './support/discord-limits.js';
import type { InteractionOptions, InteractionRecord } from './support/fake-discord.js';

const EPHEMERAL = 64;

let sample: BotApp;
let app: App;
let bot: RunningBot;
let log: RecordingLogger;

beforeAll(async () => {
  sample = await openSampleApp();
  app = sample.app;
  log = recordingLogger();
  bot = await startBotOnFake(app, log);
});

afterAll(async () => {
  await bot?.stop();
  await sample?.close();
});

afterEach(() => {
  expect(bot.fake.unhandled, 'requests the fake has no route for').toEqual([]);
  expect(log.errors(), 'errors logged').toEqual([]);
});

async function ask(
  opts: InteractionOptions,
): Promise<{ record: InteractionRecord; payload: DiscordPayload; embed: EmbedJSON }> {
  const record = await bot.fake.sendInteraction(bot.fake.chatInput(opts));
  expect(record.callback?.type, 'an immediate reply').toBe(4);
  const payload = record.callback?.data as DiscordPayload;
  assertWithinDiscordLimits(payload);
  const embed = payload.embeds[0];
  if (!embed) throw new Error('reply without an embed');
  return { record, payload, embed };
}

const isEphemeral = (payload: DiscordPayload) => ((payload.flags ?? 0) & EPHEMERAL) !== 0;
const field = (embed: EmbedJSON, heading: RegExp) =>
  embed.fields?.find((f) => heading.test(f.name))?.value.split('\n') ?? [];

async function choices(name: string, focused: string, typed: string): Promise<Array<{ name: string; value: string }>> {
  const record = await bot.fake.sendInteraction(
    bot.fake.autocomplete({ name, options: { [focused]: typed }, focused }),
  );
  expect(record.callback?.type, 'an autocomplete result').toBe(8);
  const list = record.callback?.data.choices as Array<{ name: string; value: string }>;
  expect(list.length).toBeLessThanOrEqual(25);
  return list;
}

describe('slash commands answered by the real bot', () => {
  it("answers /troops at once with a public embed naming the topic and each claimant's latest figure with its claim number", async () => {
    const { payload, embed } = await ask({ name: 'troops' });
    expect(isEphemeral(payload)).toBe(false);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(embed.title).toBe('North Korean troops in Russia');
    const lines = field(embed, /^Latest figure by claimant/);
    expect(lines.length).toBeGreaterThan(0);
    expect(
      lines.some((line) => /^\*\*NIS\*\*: .*\(#\d+\)/.test(line)),
      lines.join('\n'),
    ).toBe(true);
    expect(embed.footer?.text).toMatch(/\/claim <number>/);
  });

  it('answers /source yonhap with the claims Yonhap relayed, each with its claim number', async () => {
    const { payload, embed } = await ask({ name: 'source', options: { name: 'yonhap' } });
    expect(isEphemeral(payload)).toBe(false);
    expect(embed.title).toBe('Yonhap: claims and relays');
    const relayed = field(embed, /^Relayed \(\d+ claims?\)$/);
    expect(relayed.length).toBeGreaterThan(0);
    expect(relayed[0]).toMatch(/^\[\w[\w ]*\] .*\(#\d+\)/);
  });

  it('resolves a misspelt claimant on /troops ("zelensky") to Zelenskyy and shows only his figures', async () => {
    const { payload, embed } = await ask({ name: 'troops', options: { claimant: 'zelensky' } });
    expect(isEphemeral(payload)).toBe(false);
    expect(embed.footer?.text).toMatch(/claimant Zelenskyy/);
    const lines = embed.fields?.flatMap((f) => f.value.split('\n')) ?? [];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\*\*Zelenskyy\*\*/);
  });

  it('tells only the asker, and points at where claim numbers come from, when /claim names no claim', async () => {
    const { payload, embed } = await ask({ name: 'claim', options: { id: '#999999' } });
    expect(isEphemeral(payload)).toBe(true);
    expect(embed.description).toMatch(/no claim #999999/);
  });

  it('tells only the asker that /troops since "not a date" is not a date it can read, with examples', async () => {
    const { payload, embed } = await ask({ name: 'troops', options: { since: 'not a date' } });
    expect(isEphemeral(payload)).toBe(true);
    expect(embed.description).toMatch(/"not a date" is not a date I can read.*2024-11-01/);
  });
});

describe('autocomplete answered by the real bot', () => {
  it('offers Yonhap among at most 25 sources as "yon" is typed into /source', async () => {
    expect(await choices('source', 'name', 'yon')).toContainEqual({ name: 'Yonhap', value: 'Yonhap' });
  });

  it('offers Zelenskyy when /source is typed as "zelensky"', async () => {
    expect(await choices('source', 'name', 'zelensky')).toContainEqual({ name: 'Zelenskyy', value: 'Zelenskyy' });
  });

  it('offers the busiest sources first when nothing has been typed into /source', async () => {
    const list = await choices('source', 'name', '');
    expect(list.length).toBeGreaterThan(0);
    const activity = list.map((c) => app.index.claimsBy(c.value).length + app.index.relayedBy(c.value).length);
    expect(activity.every((n) => n > 0)).toBe(true);
    expect(activity).toEqual([...activity].sort((a, b) => b - a));
  });

  it('offers Zelenskyy as a /troops claimant when "zelensky" is typed', async () => {
    const list = await choices('troops', 'claimant', 'zelensky');
    expect(list).toContainEqual({ name: 'Zelenskyy', value: 'Zelenskyy' });
  });
});
