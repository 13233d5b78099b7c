/**
 * The bot bench's measuring half, run by bot.ts as a fresh process
 * (`node --expose-gc --import tsx scripts/bench/bot-measure.ts <config json>`) so its RSS is
 * the bot's own and not the generator's or the extraction bench's. Boots as the bot does
 * (openApp, or openPostgresApp when given a database URL), answers through the real entry points,
 * prints one JSON object on its last line.
 */
import type { AutocompleteInput } from '../../commands/types.js';
import { type App, commandContext, openApp } from '../../src/app/app.js';
import { answerAutocomplete } from '../../src/app/dispatch.js';
import { openPostgresApp } from '../../src/app/postgres-app.js';
import { DATA_DIR } from '../../src/config.js';
import { answerLine } from '../../src/console/ask.js';
import { optionReader } from '../../src/console/command-line.js';
import { silentLogger } from '../../src/log.js';

export interface MeasureConfig {
  db: string;
  /** A Postgres database holding the same store: boot and answer from it instead of the SQLite file. */
  databaseUrl?: string;
  /** The server the queries are asked in: it has its own sources, so visibility is checked. */
  guild: string;
  /** "Now" for relative dates: the end of the generated story. */
  now: string;
  runs: number;
  warmup: number;
  /** Boot, print the boot figures and stop: the first boot of a new store, timed apart. */
  bootOnly?: boolean;
}

export interface Latency {
  queries: number;
  /** The slowest first call, before any warm-up: what the first member after a boot waits. */
  first_ms: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  /** The slowest query of the kind by its median, to know where to look on a miss. */
  slowest: { query: string; p50_ms: number };
  /** Each query's median. */
  by_query: Record<string, number>;
}

export type QueryKind = 'topic' | 'chart' | 'source' | 'search' | 'autocomplete';

/** What members ask, per kind: aliases, partial names, a typo and a number among them. */
const QUERIES: Record<Exclude<QueryKind, 'autocomplete'>, string[]> = {
  // The text answer alone (chart:false), then the same commands as members get them, chart attached.
  topic: [
    '/troops chart:false',
    '/troops claimant:NIS chart:false',
    '/troops claimant:zelensky chart:false',
    '/casualties chart:false',
    '/munitions since:2025-12-01 chart:false',
    '/troops claimant:Pentagon chart:false',
  ],
  chart: ['/troops', '/casualties', '/munitions', '/troops claimant:NIS'],
  source: [
    '/source NIS',
    '/source yonhap',
    '/source Pentagon',
    '/source zelensky',
    '/source Reuters',
    '/source Kremlin',
  ],
  search: [
    '/search north korean troops kursk',
    '/search artillery shells',
    '/search 12,000',
    '/search Khabarovsk',
    '/search ballistic misiles',
    '/search zelensky casualties',
    '/search pentagn',
    '/search satellite imagery Vladivostok',
  ],
};

/** [command, focused option, typed text, other options already filled]. */
const AUTOCOMPLETE: Array<[string, string, string, Record<string, string>]> = [
  ['source', 'name', '', {}],
  ['source', 'name', 'yon', {}],
  ['source', 'name', 'nis', {}],
  ['source', 'name', 'pent', {}],
  ['source', 'name', 'zelen', {}],
  ['source', 'name', 'south kor', {}],
  ['troops', 'claimant', '', {}],
  ['troops', 'claimant', 'ukr', {}],
  ['casualties', 'claimant', 'kim', {}],
  ['topic', 'claimant', 'n', { name: 'munitions' }],
];

const round = (ms: number) => Number(ms.toFixed(3));
/** The event loop turns between queries, as in the bot: timers, I/O and finalisers get their turn. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function timed(call: () => unknown): Promise<number> {
  await turn();
  const started = performance.now();
  await call();
  return performance.now() - started;
}

/** RSS after many queries of every kind, mixed, as a day of members asking would run them. */
async function mixedQueries(calls: Array<() => unknown>, count: number): Promise<number> {
  for (let i = 0; i < count; i++) {
    await turn();
    await calls[(i * 7) % calls.length]!();
  }
  return process.memoryUsage().rss;
}

/** First pass cold, then a warm-up, then `runs` timed calls cycling through the queries. */
async function measure(labels: string[], calls: Array<() => unknown>, config: MeasureConfig): Promise<Latency> {
  let first = 0;
  for (const call of calls) first = Math.max(first, await timed(call));
  for (let i = 0; i < config.warmup; i++) await calls[i % calls.length]!();
  const all: number[] = [];
  const byQuery = calls.map((): number[] => []);
  for (let i = 0; i < config.runs; i++) {
    const ms = await timed(calls[i % calls.length]!);
    all.push(ms);
    byQuery[i % calls.length]!.push(ms);
  }
  const at = (list: number[], q: number) =>
    [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil(q * list.length) - 1)]!;
  const medians = byQuery.map((list) => at(list, 0.5));
  const worst = medians.indexOf(Math.max(...medians));
  return {
    queries: config.runs,
    first_ms: round(first),
    p50_ms: round(at(all, 0.5)),
    p95_ms: round(at(all, 0.95)),
    p99_ms: round(at(all, 0.99)),
    max_ms: round(Math.max(...all)),
    slowest: { query: labels[worst]!, p50_ms: round(medians[worst]!) },
    by_query: Object.fromEntries(labels.map((label, i) => [label, round(medians[i]!)])),
  };
}

/** Every answer must be a real one: a failure would time the error path instead. */
async function checkedLine(app: App, line: string, now: Date, guild: string): Promise<void> {
  const answer = await answerLine(app, line, now, silentLogger, guild);
  if (answer.title === 'Sorry') throw new Error(`${line} failed: ${answer.summary}`);
}

function autocompleteCall(
  app: App,
  now: Date,
  guild: string,
  [command, focused, typed, others]: (typeof AUTOCOMPLETE)[number],
) {
  const input: AutocompleteInput = {
    commandName: command,
    guildId: guild,
    moderator: false,
    focused: { name: focused, value: typed },
    options: optionReader({ name: command, subcommand: null, options: { ...others, [focused]: typed } }),
  };
  return async () => {
    const choices = await answerAutocomplete(app.commands, input, commandContext(app, now), silentLogger);
    if (choices.length === 0) throw new Error(`autocomplete /${command} ${focused}:"${typed}" offered nothing`);
    return choices;
  };
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
const MIXED_QUERIES = 1000;

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as MeasureConfig;
  const now = new Date(config.now);
  const gc = (globalThis as { gc?: () => void }).gc;
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const app = config.databaseUrl
    ? await openPostgresApp(config.databaseUrl, DATA_DIR, silentLogger)
    : openApp(config.db, DATA_DIR);
  const bootSeconds = (performance.now() - started) / 1000;
  // CPU time too: on a shared machine the wall clock counts other processes' turns.
  const cpu = process.cpuUsage(cpuBefore);
  const bootCpuSeconds = Number(((cpu.user + cpu.system) / 1e6).toFixed(3));
  const rssAfterBoot = process.memoryUsage().rss;
  if (config.bootOnly) {
    await app.close();
    const boot = { boot_seconds: Number(bootSeconds.toFixed(3)), boot_cpu_seconds: bootCpuSeconds };
    console.log(JSON.stringify({ ...boot, rss_after_boot_mb: mb(rssAfterBoot) }));
    return;
  }
  gc?.();
  const afterGc = process.memoryUsage();

  const latency: Partial<Record<QueryKind, Latency>> = {};
  for (const [kind, lines] of Object.entries(QUERIES) as Array<[QueryKind, string[]]>) {
    latency[kind] = await measure(
      lines,
      lines.map((line) => () => checkedLine(app, line, now, config.guild)),
      config,
    );
  }
  const labels = AUTOCOMPLETE.map(([c, f, t]) => `/${c} ${f}:"${t}"`);
  const completions = AUTOCOMPLETE.map((a) => autocompleteCall(app, now, config.guild, a));
  latency.autocomplete = await measure(labels, completions, config);
  const rssAfterLatency = process.memoryUsage().rss;
  const lines = Object.values(QUERIES).flat();
  const rssAfterMixed = await mixedQueries(
    [...lines.map((line) => () => checkedLine(app, line, now, config.guild)), ...completions],
    MIXED_QUERIES,
  );

  const result = {
    claims: app.index.claimCount(),
    boot_seconds: Number(bootSeconds.toFixed(3)),
    boot_cpu_seconds: bootCpuSeconds,
    rss_before_boot_mb: mb(rssBefore),
    rss_after_boot_mb: mb(rssAfterBoot),
    rss_after_gc_mb: gc ? mb(afterGc.rss) : null,
    heap_used_after_gc_mb: gc ? mb(afterGc.heapUsed) : null,
    rss_after_queries_mb: mb(rssAfterLatency),
    mixed_queries: MIXED_QUERIES,
    rss_after_mixed_mb: mb(rssAfterMixed),
    // ru_maxrss is in kilobytes on Linux: the peak, which a container's memory limit must allow.
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    latency,
  };
  await app.close();
  console.log(JSON.stringify(result));
}

await main();
