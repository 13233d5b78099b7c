/**
 * The bot half of `npm run bench`: with a large generated store (bot-store.ts), how long the bot
 * takes to boot, how much memory it holds, and how fast it answers. Measured in a fresh child
 * process (bot-measure.ts) so the figures are the bot's alone. Misses are reported, not fatal:
 * the bench informs, the tests decide.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Latency, MeasureConfig, QueryKind } from './bot-measure.js';
import { benchStore, GUILDS, STORY_DAYS, STORY_START, storeCorpus } from './bot-store.js';

export const DEFAULT_CLAIMS = 1_000_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MEASURE = fileURLToPath(new URL('./bot-measure.ts', import.meta.url));

/** The issues' targets: answers feel instant in Discord, boot fits a restart, memory fits a small VM. */
const TARGETS = {
  topic: 10,
  chart: 60,
  source: 10,
  search: 25,
  autocomplete: 50,
  boot_seconds: 6,
  rss_mb: 1229,
  /** RSS after the mixed queries, as a multiple of RSS after boot. */
  rss_growth: 1.5,
} as const;

export interface Measured {
  claims: number;
  boot_seconds: number;
  boot_cpu_seconds: number;
  rss_before_boot_mb: number;
  rss_after_boot_mb: number;
  rss_after_gc_mb: number | null;
  heap_used_after_gc_mb: number | null;
  rss_after_queries_mb: number;
  mixed_queries: number;
  rss_after_mixed_mb: number;
  peak_rss_mb: number;
  latency: Record<QueryKind, Latency>;
}

const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');
const thousands = (n: number) => n.toLocaleString('en-US');

export function runMeasure<T = Measured>(config: MeasureConfig): T {
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
  return JSON.parse(last) as T;
}

export function benchBot(claims = DEFAULT_CLAIMS) {
  const store = benchStore(claims);
  console.log(
    `bot store: ${thousands(store.claims)} claims in ${thousands(store.articles)} articles, ` +
      `${store.reused ? 'reused' : `generated in ${store.seconds.toFixed(1)} s`} (${store.path})`,
  );
  const config: MeasureConfig = {
    db: store.path,
    guild: GUILDS[0]!,
    now: new Date(STORY_START + (STORY_DAYS + 1) * 86_400_000).toISOString(),
    runs: 300,
    warmup: 30,
  };
  // A new store has no saved text index yet: its first boot tokenises every claim and saves one.
  const first = store.savedSearchIndex
    ? null
    : runMeasure<{ boot_seconds: number; boot_cpu_seconds: number; rss_after_boot_mb: number }>({
        ...config,
        bootOnly: true,
      });
  if (first)
    console.log(
      `bot first boot: ${first.boot_seconds.toFixed(2)} s (${first.boot_cpu_seconds.toFixed(2)} s CPU; tokenises every claim and saves the text index; later boots read it), ` +
        `${first.rss_after_boot_mb} MB after boot  not a target`,
    );
  const corpus = storeCorpus(store.path);
  console.log(
    `bot corpus: ${thousands(store.claims)} claims, ${thousands(corpus.words)} distinct words, ${thousands(corpus.claimants)} claimants`,
  );
  const measured = runMeasure(config);

  const targets: Record<string, { target: string; pass: boolean }> = {};
  const bootPass = measured.boot_seconds < TARGETS.boot_seconds;
  targets.boot = { target: `< ${TARGETS.boot_seconds} s`, pass: bootPass };
  console.log(
    `bot boot: ${measured.boot_seconds.toFixed(2)} s to open the store and load the index (openApp, fresh process; ` +
      `${measured.boot_cpu_seconds.toFixed(2)} s CPU, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs)  ` +
      `target < ${TARGETS.boot_seconds} s  ${verdict(bootPass)}`,
  );
  // The target is judged on RSS right after boot, before any gc: what the bot holds when it starts answering.
  const rssPass = measured.rss_after_boot_mb < TARGETS.rss_mb;
  targets.rss = { target: `< ${TARGETS.rss_mb} MB after boot`, pass: rssPass };
  const growth = measured.rss_after_mixed_mb / measured.rss_after_boot_mb;
  const growthPass = growth <= TARGETS.rss_growth;
  targets.rss_growth = { target: `<= ${TARGETS.rss_growth}x RSS after boot`, pass: growthPass };
  const gcNote =
    measured.rss_after_gc_mb === null
      ? 'no forced gc (run without --expose-gc)'
      : `${measured.rss_after_gc_mb} MB after a forced gc (heap ${measured.heap_used_after_gc_mb} MB)`;
  console.log(
    `bot rss: ${measured.rss_after_boot_mb} MB after boot, ${gcNote}, ${measured.rss_after_queries_mb} MB after the queries, ` +
      `peak ${measured.peak_rss_mb} MB (${measured.rss_before_boot_mb} MB before boot)  target < 1.2 GB after boot  ${verdict(rssPass)}`,
  );
  console.log(
    `bot rss after ${measured.mixed_queries} mixed queries (event loop turning between them): ${measured.rss_after_mixed_mb} MB, ` +
      `${growth.toFixed(2)}x RSS after boot  target <= ${TARGETS.rss_growth}x  ${verdict(growthPass)}`,
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
  return {
    store: { ...store, seconds: Number(store.seconds.toFixed(3)) },
    corpus,
    first_boot_seconds: first?.boot_seconds ?? null,
    guild: GUILDS[0]!,
    ...measured,
    targets,
  };
}
