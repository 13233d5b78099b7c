import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePayload, noticeMessage } from '../src/alerting/message-payload.js';
import type { Sender } from '../src/delivery/deliver.js';
import type { DiscordPayload } from '../src/render/render.js';
import { type Scheduler, startScheduler } from '../src/scheduler/scheduler.js';
import { type RecordingLogger, recordingLogger } from './support/bot-app.js';
import { type TempApp, tempApp } from './support/store-app.js';

// node-cron drives these schedulers, but no test waits on the clock except the one briefing set to
// fire every second; ticks are asked for directly, and stop() waits for the queue to drain.

const NEVER = '0 0 1 1 *'; // New Year's midnight: the cron itself never fires during a test
const NOW = new Date('2025-05-01T12:00:00Z');
const GUILD = '111111111111111111';

interface RecordingSender extends Sender {
  sent: Array<{ channelId: string; payload: DiscordPayload }>;
  /** Holds every send until released. */
  hold(): () => void;
}

function recordingSender(): RecordingSender {
  let gate: Promise<void> | undefined;
  const sender: RecordingSender = {
    sent: [],
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
    async send(channelId, payload) {
      await gate;
      sender.sent.push({ channelId, payload });
      return { status: 'sent', messageId: String(sender.sent.length) };
    },
  };
  return sender;
}

let temp: TempApp;
let log: RecordingLogger;
let sender: RecordingSender;
let scheduler: Scheduler | undefined;

beforeEach(async () => {
  temp = await tempApp();
  log = recordingLogger();
  sender = recordingSender();
});
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  await temp.close();
});

const start = async (cron = NEVER) =>
  (scheduler = await startScheduler({ newsroom: temp.app, sender, log }, { cron, timeZone: 'UTC' }, () => NOW));
const queueNotice = (channelId: string) =>
  temp.app.port.outbox.enqueue(
    { guildId: GUILD, channelId, kind: 'notice', payload: encodePayload(noticeMessage('Left over', 'from before')) },
    NOW,
  );

describe('the scheduler', () => {
  it('delivers what an earlier run left pending as soon as it starts', async () => {
    await queueNotice('900000000000000001');
    await (await start()).stop();
    expect(sender.sent.map((s) => s.channelId)).toEqual(['900000000000000001']);
    expect(await temp.app.port.outbox.pendingCount()).toBe(0);
  });

  it('skips a tick asked for while one is still waiting to run, and logs that it did', async () => {
    await queueNotice('900000000000000001');
    const release = sender.hold();
    const running = await start();
    void running.tick();
    expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toContain(
      'poll tick skipped: the previous one is still running',
    );
    release();
    await running.stop();
    expect(sender.sent).toHaveLength(1);
  });

  it('catches a failing tick, logs it by name, and still runs the next one', async () => {
    // A store whose polling query fails, as a full disk or a locked file would make it.
    const port = Object.create(temp.app.port, {
      sourceBook: {
        value: {
          dueSources: () => Promise.reject(new Error('disk I/O error')),
        },
      },
    });
    const failing = (scheduler = await startScheduler(
      { newsroom: { ...temp.app, port }, sender, log },
      { cron: NEVER, timeZone: 'UTC' },
      () => NOW,
    ));
    await failing.tick();
    await failing.tick();
    const failures = log.errors().filter((l) => l.message === 'poll tick failed');
    expect(failures).toHaveLength(2);
    expect(String(failures[0]!.error)).toMatch(/disk I\/O error/);
  });

  it('skips a briefing whose schedule is not valid cron, saying which', async () => {
    await temp.query(
      `INSERT INTO digests (guild_id, channel_id, schedule, last_run_at, created_at)
       VALUES ($1, $2, 'at eight', $3, $4) RETURNING id`,
      [GUILD, '900000000000000002', NOW.toISOString(), NOW.toISOString()],
    );
    await (await start()).stop();
    expect(log.lines.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^briefing \d+: schedule "at eight" is not valid cron; skipped$/),
    );
  });

  it('posts a briefing on its own schedule once it is set', async () => {
    const running = await start();
    await temp.app.port.routes.setDigest(GUILD, '900000000000000003', '* * * * * *', NOW);
    await running.reloadDigests();
    while (sender.sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sender.sent[0]!.channelId).toBe('900000000000000003');
    expect(JSON.stringify(sender.sent[0]!.payload)).toMatch(/Briefing/);
  }, 10_000);

  it('takes up at its next tick a briefing schedule another process set on a shared store', async () => {
    const leases = temp.app.port.leases;
    const running = (scheduler = await startScheduler(
      { newsroom: temp.app, sender, log, pollerLease: { leases, holder: 'bot-a', ttlMs: 600_000 } },
      { cron: NEVER, timeZone: 'UTC' },
      () => NOW,
    ));
    // Written by another process on the store, with no signal to this one.
    const other = await temp.openAnother();
    const digest = await other.port.routes.setDigest(GUILD, '900000000000000004', '0 8 * * *', NOW);
    await other.close();
    expect(running.nextBriefing(digest.id)).toBeNull();
    await running.tick();
    expect(running.nextBriefing(digest.id)?.getUTCHours()).toBe(8);
  });
});
