// The timeline chart where members meet it: attached to /troops by the real bot, saved by the
// console, written by `cli chart`; and left out when asked.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../src/console/console.js';
import { silentLogger } from '../src/log.js';
import type { DiscordPayload } from '../src/render/render.js';
import {
  type BotApp,
  openSampleApp,
  type RunningBot,
  recordingLogger,
  SAMPLE_NOW,
  startBotOnFake,
} from './support/bot-app.js';
import { runRecorded } from './support/cli.js';
import { tempSqliteApp } from './support/store-app.js';

let sample: BotApp;
let bot: RunningBot;
let dir: string;

beforeAll(async () => {
  sample = await openSampleApp();
  bot = await startBotOnFake(sample.app, recordingLogger());
  dir = mkdtempSync(join(tmpdir(), 'claimwatch-chart-replies-'));
});
afterAll(async () => {
  await bot?.stop();
  await sample?.close();
  rmSync(dir, { recursive: true, force: true });
});

const isPng = (bytes: Uint8Array) =>
  Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe('the chart in Discord', () => {
  it('attaches a PNG to /troops and shows it in the embed', async () => {
    const record = await bot.fake.sendInteraction(bot.fake.chatInput({ name: 'troops' }));
    const payload = record.callback?.data as DiscordPayload;
    expect(payload.embeds[0]!.image).toEqual({ url: 'attachment://troops-chart.png' });
    const files = record.callback!.request.files;
    expect(files.map((f) => f.name)).toEqual(['troops-chart.png']);
    expect(files[0]!.size).toBeGreaterThan(10_000);
  });

  it('draws only what a filtered answer shows: a claimant’s chart differs from the whole topic’s', async () => {
    const ask = async (options: Record<string, string>) => {
      const record = await bot.fake.sendInteraction(bot.fake.chatInput({ name: 'troops', options }));
      const data = record.callback!.data as { attachments?: Array<{ description?: string }> };
      return { files: record.callback!.request.files, attachments: data.attachments ?? [] };
    };
    const whole = await ask({});
    const pentagon = await ask({ claimant: 'Pentagon' });
    expect(pentagon.files).toHaveLength(1);
    expect(pentagon.files[0]!.sha256).not.toBe(whole.files[0]!.sha256);
    expect(pentagon.attachments[0]?.description).toBe('Timeline of North Korean troops in Russia: Pentagon');
    const recent = await ask({ since: '2024-12-01' });
    expect(recent.files[0]!.sha256).not.toBe(whole.files[0]!.sha256);
  });

  it('attaches no chart to a "No claims" reply', async () => {
    const record = await bot.fake.sendInteraction(
      bot.fake.chatInput({ name: 'troops', options: { since: '2030-01-01' } }),
    );
    const payload = record.callback?.data as DiscordPayload;
    expect(payload.embeds[0]!.description).toMatch(/No claims/);
    expect(payload.embeds[0]!.image).toBeUndefined();
    expect(record.callback!.request.files).toEqual([]);
  });

  it('leaves the chart out of /topic when chart is false', async () => {
    const record = await bot.fake.sendInteraction(
      bot.fake.chatInput({ name: 'topic', options: { name: 'troops', chart: false } }),
    );
    const payload = record.callback?.data as DiscordPayload;
    expect(payload.embeds[0]!.image).toBeUndefined();
    expect(record.callback!.request.files).toEqual([]);
  });
});

describe('the chart outside Discord', () => {
  it('is saved by the console, which prints where', async () => {
    const out: string[] = [];
    await runConsole(
      sample.app,
      Readable.from(['/troops\n', '/casualties chart:false\n']),
      { out: (l) => out.push(l), error: () => {} },
      () => SAMPLE_NOW,
      silentLogger,
      dir,
    );
    const saved = out.filter((l) => l.startsWith('Chart saved to '));
    expect(saved).toEqual([`Chart saved to ${join(dir, 'troops-chart.png')}`]);
    const png = PNG.sync.read(readFileSync(join(dir, 'troops-chart.png')));
    expect([png.width, png.height]).toEqual([1000, 560]);
  });

  it('is written by cli chart, and a topic with no figures says why and exits 1', async () => {
    // The CLI reads a SQLite file by path, whichever store the suite runs on.
    const t = tempSqliteApp();
    try {
      await t.ingest({
        outlet: 'Desk Wire',
        date: '2024-10-23',
        body: "South Korea's National Intelligence Service said about 3,000 North Korean troops had arrived in Russia.",
      });
      t.app.store.close();
      const out = join(dir, 'cli-troops.png');
      const drawn = await runRecorded(['chart', '--db', t.dbPath, 'troops', '--out', out]);
      expect(drawn.code).toBe(0);
      expect(drawn.out).toBe(`${out}: North Korean troops in Russia, 1 claimant drawn`);
      expect(isPng(readFileSync(out))).toBe(true);
      const none = await runRecorded(['chart', '--db', t.dbPath, 'casualties', '--out', join(dir, 'none.png')]);
      expect(none.code).toBe(1);
      expect(none.err).toEqual([
        'no chart for Casualties among North Korean troops: No figures yet on Casualties among North Korean troops: nothing to plot.',
      ]);
    } finally {
      t.close();
    }
  });
});
