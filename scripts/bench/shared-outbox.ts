/**
 * The shared outbox on both stores: N alerts queued, then four deliverers claiming and marking
 * them sent at once, as four processes would (SQLite: four connections to one file; Postgres:
 * four pools on a private server started for the bench). Prints the rate and that every alert
 * went to exactly one deliverer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '../../src/store/pg/pool.js';
import { postgresStorePort } from '../../src/store/pg/store-port.js';
import { sqliteStorePort } from '../../src/store/sqlite-store-port.js';
import { Store } from '../../src/store/store.js';
import type { StorePort } from '../../src/store/store-port.js';
import { postgresBinDir, startLocalPostgres } from '../../test/support/postgres-server.js';

const DELIVERERS = 4;
const BATCH = 50;
const NOW = new Date('2026-01-10T08:00:00Z');

interface Run {
  enqueue_per_second: number;
  claimed_per_second: number;
  exactly_once: boolean;
}

async function run(queues: Array<StorePort['outbox']>, alerts: number): Promise<Run> {
  const started = performance.now();
  for (let n = 0; n < alerts; n++)
    await queues[0]!.enqueue({ guildId: 'g', channelId: `c${n % 20}`, kind: 'alert', payload: `{"n":${n}}` }, NOW);
  const enqueued = performance.now();
  const claimed = await Promise.all(
    queues.map(async (queue, i) => {
      const mine: number[] = [];
      for (;;) {
        const ids = (await queue.claimDue(`d${i}`, NOW, new Date(NOW.getTime() + 60_000), BATCH)).map((m) => m.id);
        if (ids.length === 0) return mine;
        await queue.beginAttempt(ids);
        await queue.markSent(ids, null, NOW);
        mine.push(...ids);
      }
    }),
  );
  const done = performance.now();
  const all = claimed.flat();
  return {
    enqueue_per_second: Math.round(alerts / ((enqueued - started) / 1000)),
    claimed_per_second: Math.round(alerts / ((done - enqueued) / 1000)),
    exactly_once: all.length === alerts && new Set(all).size === alerts,
  };
}

async function onSqlite(alerts: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-bench-outbox-'));
  const stores = Array.from({ length: DELIVERERS }, () => Store.open(join(dir, 'claimwatch.db')));
  try {
    return await run(
      stores.map((s) => sqliteStorePort(s).outbox),
      alerts,
    );
  } finally {
    for (const store of stores) store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(alerts: number): Promise<Run | string> {
  const binDir = postgresBinDir();
  if (!binDir) return 'skipped: no PostgreSQL server binaries (Debian package postgresql, or PG_BINDIR)';
  const server = await startLocalPostgres(binDir);
  const pools = await Promise.all(Array.from({ length: DELIVERERS }, () => openPostgres(server.url, { max: 2 })));
  try {
    return await run(
      pools.map((p) => postgresStorePort(p).outbox),
      alerts,
    );
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    server.stop();
  }
}

const line = (name: string, r: Run | string) =>
  typeof r === 'string'
    ? `${name} ${r}`
    : `${name} queued ${r.enqueue_per_second}/s one at a time, claimed and sent ${r.claimed_per_second}/s, each once: ${r.exactly_once ? 'yes' : 'NO'}`;

export async function benchSharedOutbox(alerts = 10_000): Promise<{ sqlite: Run; postgres: Run | string }> {
  const sqlite = await onSqlite(alerts);
  const postgres = await onPostgres(alerts);
  console.log(
    `shared outbox: ${alerts.toLocaleString('en-US')} alerts, ${DELIVERERS} deliverers claiming ${BATCH} at a time`,
  );
  console.log(`  ${line('SQLite:  ', sqlite)}`);
  console.log(`  ${line('Postgres:', postgres)}`);
  return { sqlite, postgres };
}
