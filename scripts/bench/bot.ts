/**
 * The bot half of `npm run bench`: with a large generated store (bot-store.ts), how long the bot
 * takes to boot, how much memory it holds, and how fast it answers. Measured in a fresh child
 * process (bot-measure.ts) so the figures are the bot's alone. Misses are reported, not fatal:
 * the bench informs, the tests decide.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Latency, MeasureConfig, QueryKind } from './bot-measure.js';
import { benchStore, GUILDS, STORY_DAYS, STORY_START } from './bot-store.js';

export const DEFAULT_CLAIMS = 1_000_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MEASURE = fileURLToPath(new URL('./bot-measure.ts', import.meta.url));

/** The issue's targets: answers feel instant in Discord, boot fits a restart, memory fits a small VM. */
const TARGETS = {
  topic: 10,
  chart: 150,
  source: 10,
  search: 50,
  autocomplete: 50,
  boot_seconds: 15,
  rss_mb: 1536,
} as const;

interface Measured {
  claims: number;
  boot_seconds: number;
  rss_before_boot_mb: number;
  rss_after_boot_mb: number;
  rss_after_gc_mb: number | null;
  heap_used_after_gc_mb: number | null;
  rss_after_queries_mb: number;
  peak_rss_mb: number;
  latency: Record<QueryKind, Latency>;
}

const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');
const thousands = (n: number) => n.toLocaleString('en-US');

function runMeasure(config: MeasureConfig): Measured {
  // `--import tsx` is how `npm run bench` itself runs TypeScript; --expose-gc allows the forced gc.
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', MEASURE, JSON.stringify(config)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1048576,
  });
  const last = child.stdout?.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !last.startsWith('{')) {
    throw new Error(
      `bot bench child failed (${child.error?.message ?? `exit ${child.status ?? child.signal}`}):\n${child.stdout ?? ''}`,
    );
  }
  return JSON.parse(last) as Measured;
}

export function benchBot(claims = DEFAULT_CLAIMS) {
  const store = benchStore(claims);
  console.log(
    `bot store: ${thousands(store.claims)} claims in ${thousands(store.articles)} articles, ` +
      `${store.reused ? 'reused' : `generated in ${store.seconds.toFixed(1)} s`} (${store.path})`,
  );
  const measured = runMeasure({
    db: store.path,
    guild: GUILDS[0]!,
    now: new Date(STORY_START + (STORY_DAYS + 1) * 86_400_000).toISOString(),
    runs: 300,
    warmup: 30,
  });

  const targets: Record<string, { target: string; pass: boolean }> = {};
  const bootPass = measured.boot_seconds < TARGETS.boot_seconds;
  targets.boot = { target: `< ${TARGETS.boot_seconds} s`, pass: bootPass };
  console.log(
    `bot boot: ${measured.boot_seconds.toFixed(2)} s to open the store and load the index (openApp, fresh process)  ` +
      `target < ${TARGETS.boot_seconds} s  ${verdict(bootPass)}`,
  );
  // The target is judged on RSS right after boot, before any gc: what the bot holds when it starts answering.
  const rssPass = measured.rss_after_boot_mb < TARGETS.rss_mb;
  targets.rss = { target: `< ${TARGETS.rss_mb} MB after boot`, pass: rssPass };
  const gcNote =
    measured.rss_after_gc_mb === null
      ? 'no forced gc (run without --expose-gc)'
      : `${measured.rss_after_gc_mb} MB after a forced gc (heap ${measured.heap_used_after_gc_mb} MB)`;
  console.log(
    `bot rss: ${measured.rss_after_boot_mb} MB after boot, ${gcNote}, ${measured.rss_after_queries_mb} MB after the queries, ` +
      `peak ${measured.peak_rss_mb} MB (${measured.rss_before_boot_mb} MB before boot)  target < 1.5 GB after boot  ${verdict(rssPass)}`,
  );

  const names: Record<QueryKind, string> = {
    topic: 'topic answers, text only (/troops, with claimant, /casualties, /munitions)',
    chart: 'topic answers with the chart attached (/troops, /casualties, /munitions)',
    source: '/source (NIS, yonhap, ...)',
    search: '/search (words, a number, typos)',
    autocomplete: 'autocomplete (sources, claimants)',
  };
  for (const kind of Object.keys(names) as QueryKind[]) {
    const l = measured.latency[kind];
    const pass = l.p99_ms < TARGETS[kind];
    targets[kind] = { target: `p99 < ${TARGETS[kind]} ms`, pass };
    console.log(
      `bot ${names[kind]}: p50 ${l.p50_ms.toFixed(2)} ms, p95 ${l.p95_ms.toFixed(2)} ms, p99 ${l.p99_ms.toFixed(2)} ms ` +
        `over ${l.queries} queries (first call ${l.first_ms.toFixed(1)} ms; slowest ${l.slowest.query} at p50 ${l.slowest.p50_ms.toFixed(2)} ms)  ` +
        `target p99 < ${TARGETS[kind]} ms  ${verdict(pass)}`,
    );
  }
  return { store: { ...store, seconds: Number(store.seconds.toFixed(3)) }, guild: GUILDS[0]!, ...measured, targets };
}
