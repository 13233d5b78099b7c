// /export: a topic's or a claimant's claims as a CSV file, through the real bot on the fake
// Discord and through the console, on articles written for the test.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../src/console/console.js';
import { exportClaims } from '../src/export/claims-export.js';
import { csvField } from '../src/export/csv.js';
import { silentLogger } from '../src/log.js';
import type { DiscordPayload } from '../src/render/render.js';
import { type RunningBot, recordingLogger, startBotOnFake } from './support/bot-app.js';
import { readCsv, readCsvObjects } from './support/csv-read.js';
import { type TempApp, tempApp } from './support/store-app.js';

const EPHEMERAL = 64;
const NOW = new Date('2025-01-10T12:00:00Z');
let temp: TempApp;
let bot: RunningBot;
let guildId: string;

beforeAll(async () => {
  temp = await tempApp();
  bot = await startBotOnFake(temp.app, recordingLogger(), { now: () => NOW });
  guildId = bot.fake.guild.id;
  // Everyone's: a default source.
  await temp.ingest({
    outlet: 'Harbour Post',
    date: '2024-10-20',
    url: 'https://harbour.example/nk-troops',
    body: 'South Korea\'s National Intelligence Service said about 1,500 North Korean troops had been sent to Russia, calling the move "a grave threat, not a rumour".',
  });
  // This server's own source.
  await temp.ingest(
    {
      outlet: 'Desk Wire',
      date: '2024-11-05',
      url: 'https://deskwire.example/kursk',
      body: 'The Pentagon said roughly 10,000 North Korean troops were in Russia, and that some of them had moved toward Kursk.',
    },
    { guildId },
  );
  await temp.ingest(
    {
      outlet: 'Desk Wire',
      date: '2024-12-02',
      body: "South Korea's National Intelligence Service said some 11,000 North Korean troops were now in Russia's Kursk region.",
    },
    { guildId },
  );
  // Another server's: never in this server's export.
  await temp.ingest(
    {
      outlet: 'Elsewhere Daily',
      date: '2024-11-20',
      body: 'The Pentagon said about 12,000 North Korean troops had been deployed to Russia.',
    },
    { guildId: 'another-server' },
  );
});
afterAll(async () => {
  await bot?.stop();
  await temp?.close();
});

async function exportIn(options: Record<string, string>) {
  const record = await bot.fake.sendInteraction(bot.fake.chatInput({ name: 'export', options }));
  const payload = record.callback!.data as DiscordPayload;
  return { payload, files: record.callback!.request.files };
}

describe('/export in Discord', () => {
  it('attaches the topic’s claims this server can see as CSV, newest first, to the member alone', async () => {
    const { payload, files } = await exportIn({ topic: 'troops' });
    expect((payload.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(files.map((f) => f.name)).toEqual(['claimwatch-troops.csv']);
    const rows = readCsvObjects(files[0]!.bytes.toString('utf8'));
    expect(rows.map((r) => [r.date, r.outlet, r.claimant, r.low])).toEqual([
      ['2024-12-02', 'Desk Wire', 'NIS', '11000'],
      ['2024-11-05', 'Desk Wire', 'Pentagon', '10000'],
      ['2024-10-20', 'Harbour Post', 'NIS', '1500'],
    ]);
    expect(payload.embeds[0]!.description).toBe('3 claims, Oct 20, 2024 to Dec 2, 2024, newest first.');
  });

  it('keeps every column a reporter needs, a sentence with commas and quotes intact', async () => {
    const { files } = await exportIn({ topic: 'North Korean troops in Russia', until: '2024-10-31' });
    const [header, ...records] = readCsv(files[0]!.bytes.toString('utf8'));
    expect(header).toEqual([
      'claim',
      'date',
      'outlet',
      'claimant',
      'relayed by',
      'low',
      'high',
      'hedge',
      'unit',
      'topic',
      'status',
      'role',
      'set aside',
      'sentence',
      'url',
    ]);
    expect(records).toHaveLength(1);
    const row = Object.fromEntries(header!.map((h, i) => [h, records[0]![i]]));
    expect(row.claim).toMatch(/^#\d+$/);
    expect(row).toMatchObject({
      hedge: 'approximately',
      unit: 'troops',
      topic: 'troops',
      status: 'reported',
      role: 'current',
      url: 'https://harbour.example/nk-troops',
    });
    expect(row.sentence).toContain('calling the move "a grave threat, not a rumour"');
    expect(files[0]!.name).toBe('claimwatch-troops-to-2024-10-31.csv');
  });

  it('exports a claimant across topics within since and until', async () => {
    const { files, payload } = await exportIn({ claimant: 'Pentagon', since: '2024-11-01', until: '2024-11-30' });
    const rows = readCsvObjects(files[0]!.bytes.toString('utf8'));
    // The other server's Pentagon figure (Nov 20) is not this server's to see.
    expect(rows.map((r) => [r.date, r.claimant, r.low])).toEqual([['2024-11-05', 'Pentagon', '10000']]);
    expect(payload.embeds[0]!.footer?.text).toContain('Filtered: since Nov 1, 2024, until Nov 30, 2024');
  });

  it('asks for a topic or a claimant, and says when there is nothing to export, with no file', async () => {
    const none = await exportIn({});
    expect(none.payload.embeds[0]!.description).toMatch(/^Name a topic or a claimant to export/);
    expect(none.files).toEqual([]);
    const empty = await exportIn({ topic: 'troops', since: '2030-01-01' });
    expect(empty.payload.embeds[0]!.description).toBe('No claims to export (since Jan 1, 2030).');
    expect(empty.files).toEqual([]);
    const backwards = await exportIn({ topic: 'troops', since: '2024-12-01', until: '2024-11-01' });
    expect(backwards.payload.embeds[0]!.description).toMatch(/^until \(Nov 1, 2024\) is before since/);
  });
});

describe('/export in the console', () => {
  it('saves the CSV beside the charts folder and prints where', async () => {
    const out: string[] = [];
    const charts = join(temp.dir, 'charts');
    await runConsole(
      temp.app,
      Readable.from(['/export troops since:2024-10-01\n']),
      { out: (l) => out.push(l), error: () => {} },
      () => NOW,
      silentLogger,
      charts,
    );
    const path = join(temp.dir, 'exports', 'claimwatch-troops-from-2024-10-01.csv');
    expect(out).toContain(`Export saved to ${path}`);
    expect(existsSync(path)).toBe(true);
    // The console sees the defaults only: the server's own Desk Wire figures are not in it.
    const rows = readCsvObjects(readFileSync(path, 'utf8'));
    expect(rows.map((r) => r.outlet)).toEqual(['Harbour Post']);
  });
});

describe('a large export', () => {
  it('keeps the newest claims that fit and says how many were left out', () => {
    const topic = temp.app.index.topics.find((t) => t.key === 'troops')!;
    const whole = exportClaims(temp.app.index, { topic, claimant: null, since: null, until: null, guildId });
    const limit = whole.file!.data.length - 1;
    const cut = exportClaims(temp.app.index, { topic, claimant: null, since: null, until: null, guildId }, limit);
    expect(cut.file!.data.length).toBeLessThanOrEqual(limit);
    const rows = readCsvObjects(new TextDecoder().decode(cut.file!.data));
    expect(rows.map((r) => r.date)).toEqual(['2024-12-02', '2024-11-05']);
    expect(cut.summary).toMatch(/^\*\*Cut short\*\*: the newest 2 claims of 3, .*1 older claim left out/);
  });
});

describe('CSV cells', () => {
  it('quote what RFC 4180 needs and defuse what a spreadsheet would run', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x.example","open")')).toBe('"\'=HYPERLINK(""http://x.example"",""open"")"');
    for (const start of ['+1', '-1', '@SUM(A1)', '\tx']) expect(csvField(start)).toBe(`'${start}`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });
});
