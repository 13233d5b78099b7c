/**
 * Re-filing after a topic is added, on a copy of the bot bench's generated store: how long
 * /topics add takes to re-file every stored claim and rebuild the index, and how many moved.
 * The work yields between slices, so the bot keeps answering: the longest the event loop was
 * held is how long another command could have waited.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openApp } from '../../src/app/app.js';
import { DATA_DIR } from '../../src/config.js';
import { addTopic } from '../../src/topics/topic-desk.js';
import { benchStore } from './bot-store.js';

const TARGET_SECONDS = 30;

export async function benchRefile(claims: number) {
  const source = benchStore(claims);
  const copy = join(tmpdir(), `claimwatch-bench-refile-${process.pid}.db`);
  copyFileSync(source.path, copy);
  const app = openApp(copy, DATA_DIR);
  try {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const outcome = await addTopic(
      app,
      {
        guildId: null,
        by: 'bench',
        spec: { key: 'bench-deaths', label: 'Deaths (bench)', units: 'deaths, killed, dead', subjects: 'Kursk' },
      },
      app.commands.map((c) => c.data.name),
      new Date(),
    );
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    const heldMs = Math.round(delay.max / 1e6);
    const rssMb = Math.round(process.memoryUsage().rss / 1048576);
    const pass = seconds < TARGET_SECONDS;
    console.log(
      `re-file: /topics add over ${claims.toLocaleString('en-US')} stored claims took ${seconds.toFixed(2)} s ` +
        `(${outcome.moved.toLocaleString('en-US')} moved), the event loop held at most ${heldMs} ms at a time, rss ${rssMb} MB  ` +
        `target < ${TARGET_SECONDS} s  ${pass ? 'PASS' : 'MISS'}`,
    );
    return { claims, seconds: Number(seconds.toFixed(3)), moved: outcome.moved, held_ms: heldMs, rss_mb: rssMb, pass };
  } finally {
    app.store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}
