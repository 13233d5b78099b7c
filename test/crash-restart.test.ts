import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AlertRig, alertRig } from './support/alert-rig.js';
import { FAKE_TOKEN } from './support/fake-discord-client.js';
import { articlePage, type TestItem } from './support/feed-server.js';
import { sqliteOnly } from './support/test-store.js';

// The tick runs in a child process that the test kills with SIGKILL: once while it waits for an
// article page mid-poll, once after Discord took a message but before the answer came back (and
// then stays down until Discord has forgotten the nonce).

interface Child {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>;
  kill(): void;
}

function tickProcess(dbPath: string, apiBase: string, now: string): Child {
  const child = spawn(process.execPath, ['test/support/tick-child.mjs', dbPath, apiBase, now, FAKE_TOKEN], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return {
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out }))),
    kill: () => void child.kill('SIGKILL'),
  };
}

/** Resolves once the condition holds, checked as the other process makes progress. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const item = (n: number, who: string, figure: string, extra: Partial<TestItem> = {}): TestItem => ({
  title: `Estimate ${n}`,
  guid: `wire-${n}`,
  link: `https://wire.example/${n}`,
  date: '2024-11-05',
  content: `${who} said about ${figure} North Korean troops were in Russia.`,
  ...extra,
});

const skipped = sqliteOnly(
  'crash-restart',
  'the killed ticks are child processes (test/support/tick-child.mjs) that open the SQLite file by path',
);
let rig: AlertRig;
beforeEach(async () => {
  rig = await alertRig();
});
afterEach(async () => {
  await rig.close();
});

describe.skipIf(skipped)('a tick killed part-way and run again', () => {
  it('loses nothing and posts each alert exactly once', async () => {
    const wire: TestItem[] = [item(1, 'NATO', '3,000')];
    await rig.follow('troops', 'alerts');
    await rig.feedSource('Desk Wire', '/wire.xml', wire);
    const dbPath = rig.temp.dbPath!;
    await rig.temp.app.port.close();

    // Kill 1: waiting for the page of a summary-only item.
    const pageLink = rig.feeds.url('/story/4');
    let servePage = false;
    rig.feeds.route('/story/4', (_request, response) => {
      if (servePage)
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end(articlePage('Fourth estimate', ['Zelenskyy said about 11,000 North Korean troops were in Russia.']));
    });
    wire.push(item(2, 'The Pentagon', '8,000'), item(3, 'The National Intelligence Service', '10,000'), {
      title: 'Fourth estimate',
      guid: 'wire-4',
      link: pageLink,
      date: '2024-11-05',
      summary: 'A new estimate.',
    });
    const first = tickProcess(dbPath, rig.fake.restBase, '2024-11-05T12:00:00Z');
    await until(() => rig.feeds.hits('/story/4') > 0);
    first.kill();
    expect((await first.exited).signal).toBe('SIGKILL');

    // Kill 2: Discord created the first alert's message, and the answer never came.
    servePage = true;
    rig.fake.failNext('POST /channels/:id/messages', { status: 500, afterHandling: true, hang: true });
    const second = tickProcess(dbPath, rig.fake.restBase, '2024-11-05T12:05:00Z');
    await until(() => rig.fake.channelMessages.length > 0);
    second.kill();
    expect((await second.exited).signal).toBe('SIGKILL');
    // Down longer than Discord remembers a nonce: only the message's own reference can tell it was posted.
    rig.fake.forgetNonces();

    const third = tickProcess(dbPath, rig.fake.restBase, '2024-11-05T12:10:00Z');
    const done = await third.exited;
    expect(done.code, done.out).toBe(0);

    await rig.temp.reopen();
    const count = async (sql: string) => (await rig.temp.query<{ n: number }>(sql))[0]!.n;
    expect(await count('SELECT count(*) AS n FROM articles')).toBe(4);
    expect(await count('SELECT count(*) AS n FROM claims WHERE low IS NOT NULL')).toBe(4);
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE status != 'sent'`)).toBe(0);
    const headlines = rig.posted('alerts').map((embed) => String(embed.description).split('\n')[0]!);
    expect(headlines).toHaveLength(3);
    for (const figure of ['8,000', '10,000', '11,000'])
      expect(
        headlines.filter((h) => h.includes(`${figure} troops`)),
        headlines.join('\n'),
      ).toHaveLength(1);
  }, 60_000);
});
