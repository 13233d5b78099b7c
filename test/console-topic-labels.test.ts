// The console reads a topic's label without quotes, as a member would type it: the parser asks
// the command which labels this server's topics have, and takes the longest that fits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../src/console/console.js';
import { silentLogger } from '../src/log.js';
import { type BotApp, openSampleApp, SAMPLE_NOW } from './support/bot-app.js';

let sample: BotApp;
let dir: string;

beforeAll(async () => {
  sample = await openSampleApp();
  dir = mkdtempSync(join(tmpdir(), 'claimwatch-console-labels-'));
});
afterAll(async () => {
  await sample?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each line's reply, as the console prints it. */
async function consoleReplies(...lines: string[]): Promise<string[]> {
  const replies: string[] = [];
  for (const line of lines) replies.push(await consoleReply(line));
  return replies;
}

async function consoleReply(line: string): Promise<string> {
  const out: string[] = [];
  await runConsole(
    sample.app,
    Readable.from([`${line}\n`]),
    { out: (l) => out.push(l), error: () => {} },
    () => SAMPLE_NOW,
    silentLogger,
    join(dir, 'charts'),
  );
  return out.slice(1).join('\n'); // after the banner
}

describe('a topic label typed without quotes', () => {
  it('answers the topic whose label it starts, with the filters that follow it', async () => {
    const [filtered, whole, positional] = await consoleReplies(
      '/topic north korean troops since:2024-11-01 chart:false',
      '/topic North Korean troops in Russia chart:false',
      '/topic troops 2024-11-01 chart:false',
    );
    expect(filtered).toMatch(/^North Korean troops in Russia\n/);
    expect(filtered).toContain('Filtered: since Nov 1, 2024');
    expect(whole).toMatch(/^North Korean troops in Russia\n/);
    expect(whole).not.toContain('Filtered:');
    // One word each, in declared order, as the command-line contract has it.
    expect(positional).toContain('Filtered: since Nov 1, 2024');
  });

  it('reads words that start more than one label one each, and lists the topics', async () => {
    const reply = await consoleReply('/topic north korean chart:false');
    expect(reply).toMatch(/^Sorry\nThere is no topic "north"\. Topics: .*`troops` \(North Korean troops in Russia\)/);
  });

  it('exports a topic named by its label', async () => {
    expect(await consoleReply('/export north korean troops since:2024-11-01')).toContain(
      `Export saved to ${join(dir, 'exports', 'claimwatch-troops-from-2024-11-01.csv')}`,
    );
  });
});
