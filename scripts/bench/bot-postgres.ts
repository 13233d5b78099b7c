/**
 * The bot bench on Postgres beside SQLite, on a private server the bench starts (the tests'
 * helper) and removes at the end. Three figures each: ingest rate through ingestArticle on a
 * sample of the store's articles (both stores empty at the start), boot (open the app and build
 * its index, fresh process, with RSS), and the answers' percentiles (bot-measure.ts, as for
 * SQLite). The Postgres store for boot and answers is the SQLite bench store bulk-copied, so both
 * answer from the same claims; the copy's time is printed as what it is, not as ingest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../src/app/app.js';
import { openPostgresApp } from '../../src/app/postgres-app.js';
import { DATA_DIR } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openPostgres } from '../../src/store/pg/pool.js';
import {
  createDatabase,
  type LocalPostgres,
  postgresBinDir,
  startLocalPostgres,
} from '../../test/support/postgres-server.js';
import { type Measured, runMeasure } from './bot.js';
import type { MeasureConfig, QueryKind } from './bot-measure.js';
import { benchStore, GUILDS, STORY_DAYS, STORY_START } from './bot-store.js';
import { type IngestRate, ingestRate, sampleArticles } from './ingest-sample.js';
import { type BulkLoad, copyStoreToPostgres } from './pg-bulk-load.js';

export const DEFAULT_INGEST_SAMPLE = 5_000;
const KINDS: QueryKind[] = ['topic', 'chart', 'source', 'search', 'autocomplete'];
const thousands = (n: number) => n.toLocaleString('en-US');

export interface PostgresBench {
  claims: number;
  ingest: { sample_articles: number; sqlite: IngestRate; postgres: IngestRate };
  bulk_load: BulkLoad;
  sqlite: Measured;
  postgres: Measured;
}

async function ingestOnBoth(server: LocalPostgres, storePath: string, sample: number, now: Date) {
  const articles = sampleArticles(storePath, sample);
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-bench-ingest-'));
  const sqliteApp = openApp(join(dir, 'claimwatch.db'), DATA_DIR);
  let sqlite: IngestRate;
  try {
    sqlite = await ingestRate(sqliteApp, articles, now);
  } finally {
    await sqliteApp.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const pgApp = await openPostgresApp(await createDatabase(server.url, 'ingest_sample'), DATA_DIR, silentLogger);
  try {
    return { sample_articles: articles.length, sqlite, postgres: await ingestRate(pgApp, articles, now) };
  } finally {
    await pgApp.close();
  }
}

function printIngest(ingest: PostgresBench['ingest']): void {
  console.log(
    `ingest: the store's first ${thousands(ingest.sample_articles)} articles rendered as text, through ingestArticle ` +
      `one at a time into an empty store (extraction included; first 20 untimed; load average ${loadavg()[0]!.toFixed(1)} ` +
      `on ${availableParallelism()} CPUs)`,
  );
  for (const [name, r] of [
    ['SQLite:  ', ingest.sqlite],
    ['Postgres:', ingest.postgres],
  ] as const)
    console.log(
      `  ${name} ${thousands(r.articles)} articles, ${thousands(r.claims)} claims in ${r.seconds.toFixed(2)} s: ` +
        `${thousands(r.articles_per_second)} articles/s, ${thousands(r.claims_per_second)} claims/s`,
    );
}

/** The figures side by side, one row each, as docs/scale.md's table has them. */
function printSideBySide(claims: number, sqlite: Measured, postgres: Measured, ingest: PostgresBench['ingest']): void {
  const rows: Array<[string, string, string]> = [
    [
      'ingest, articles/s (sample)',
      thousands(ingest.sqlite.articles_per_second),
      thousands(ingest.postgres.articles_per_second),
    ],
    [
      'ingest, claims/s (sample)',
      thousands(ingest.sqlite.claims_per_second),
      thousands(ingest.postgres.claims_per_second),
    ],
    ['boot, s (open + index)', sqlite.boot_seconds.toFixed(2), postgres.boot_seconds.toFixed(2)],
    ['boot CPU, s', sqlite.boot_cpu_seconds.toFixed(2), postgres.boot_cpu_seconds.toFixed(2)],
    ['RSS after boot, MB', String(sqlite.rss_after_boot_mb), String(postgres.rss_after_boot_mb)],
    ['peak RSS, MB', String(sqlite.peak_rss_mb), String(postgres.peak_rss_mb)],
    ...KINDS.map((kind): [string, string, string] => [
      `${kind} p99, ms`,
      sqlite.latency[kind].p99_ms.toFixed(2),
      postgres.latency[kind].p99_ms.toFixed(2),
    ]),
  ];
  console.log(`SQLite beside Postgres at ${thousands(claims)} claims:`);
  console.log('  | figure | SQLite | Postgres |');
  console.log('  |---|---:|---:|');
  for (const [name, a, b] of rows) console.log(`  | ${name} | ${a} | ${b} |`);
}

/**
 * Postgres beside SQLite at `claims`; `sqlite` is the SQLite bot bench's own measurement when it
 * ran in this bench (measured again here otherwise). A string says why Postgres was skipped.
 */
export async function benchBotPostgres(
  claims: number,
  sqlite?: Measured,
  sample = DEFAULT_INGEST_SAMPLE,
): Promise<PostgresBench | string> {
  const binDir = postgresBinDir();
  if (!binDir) return skipped('no PostgreSQL server binaries (install Debian package postgresql, or set PG_BINDIR)');
  let server: LocalPostgres;
  try {
    server = await startLocalPostgres(binDir);
  } catch (error) {
    return skipped((error as Error).message);
  }
  try {
    const store = benchStore(claims);
    const now = new Date(STORY_START + (STORY_DAYS + 1) * 86_400_000);
    const ingest = await ingestOnBoth(server, store.path, sample, now);
    printIngest(ingest);

    const databaseUrl = await createDatabase(server.url, 'bench_store');
    const pool = await openPostgres(databaseUrl, { max: 2 });
    const bulk = await copyStoreToPostgres(store.path, pool).finally(() => pool.end());
    console.log(
      `postgres bulk load: ${thousands(bulk.claims)} claims in ${thousands(bulk.articles)} articles copied from the SQLite ` +
        `bench store in ${bulk.seconds.toFixed(1)} s (batched inserts, not ingest: the store for boot and answers)`,
    );
    const config: MeasureConfig = { db: store.path, guild: GUILDS[0]!, now: now.toISOString(), runs: 300, warmup: 30 };
    // A store never booted has no saved text index: its first boot builds one, timed apart as bot.ts does.
    if (!sqlite && !store.savedSearchIndex) runMeasure({ ...config, bootOnly: true });
    const onSqlite = sqlite ?? runMeasure<Measured>(config);
    const onPostgres = runMeasure({ ...config, databaseUrl });
    console.log(
      `postgres boot: ${onPostgres.boot_seconds.toFixed(2)} s to open the app and build the index (openPostgresApp, fresh process; ` +
        `${onPostgres.boot_cpu_seconds.toFixed(2)} s CPU), ${onPostgres.rss_after_boot_mb} MB RSS after boot, peak ${onPostgres.peak_rss_mb} MB; ` +
        `SQLite (openApp) ${onSqlite.boot_seconds.toFixed(2)} s, ${onSqlite.rss_after_boot_mb} MB`,
    );
    for (const kind of KINDS) {
      const [a, b] = [onSqlite.latency[kind], onPostgres.latency[kind]];
      console.log(
        `postgres ${kind}: p50 ${b.p50_ms.toFixed(2)} ms, p99 ${b.p99_ms.toFixed(2)} ms over ${b.queries} queries ` +
          `(slowest ${b.slowest.query} at p50 ${b.slowest.p50_ms.toFixed(2)} ms); SQLite p50 ${a.p50_ms.toFixed(2)} ms, p99 ${a.p99_ms.toFixed(2)} ms`,
      );
    }
    printSideBySide(claims, onSqlite, onPostgres, ingest);
    return { claims, ingest, bulk_load: bulk, sqlite: onSqlite, postgres: onPostgres };
  } finally {
    server.stop();
  }
}

function skipped(why: string): string {
  const line = `postgres figures skipped: ${why}`;
  console.log(line);
  return line;
}
