import { hostname } from 'node:os';

/**
 * DATABASE_URL (a shared Postgres) and CLAIMWATCH_INSTANCE (this process's name among those
 * sharing it). The URL holds a password, so problems describe it and never quote it.
 */
export function checkDatabaseUrl(
  value: string | undefined,
  sqliteSet: boolean,
  problems: string[],
): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(
      'DATABASE_URL must be a postgres:// URL, e.g. postgres://claimwatch:secret@db.example:5432/claimwatch',
    );
    return undefined;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    problems.push(`DATABASE_URL must use postgres:// or postgresql://, not ${url.protocol.replace(/:$/, '')}://`);
    return undefined;
  }
  if (sqliteSet) {
    problems.push(
      'CLAIMWATCH_DB and DATABASE_URL are both set: choose SQLite (CLAIMWATCH_DB) or Postgres (DATABASE_URL)',
    );
    return undefined;
  }
  return value;
}

/**
 * Who this process is to the others on a shared store: the poller lease and the outbox rows it
 * claims are held under this name. Under discord.js's ShardingManager each process is told its
 * shards (SHARDS), which stay the same across a restart, so a restarted process takes back its
 * own rows at once rather than waiting out their lease. Every shard process inherits one
 * CLAIMWATCH_INSTANCE, so its shards are added to it: two processes under one name would take
 * each other's rows in flight as their own.
 */
export function instanceName(value: string | undefined, shards: string | undefined, problems: string[]): string {
  // SHARDS is `3` from the manager, or a JSON list such as `[2,3]` when set by hand.
  const suffix = shards ? `/shards-${shards.replace(/[^\d,]/g, '').replace(/,/g, '-')}` : '';
  if (value !== undefined) {
    if (/^[\w.:/-]{1,100}$/.test(value)) return `${value}${suffix}`;
    problems.push(
      `CLAIMWATCH_INSTANCE must be 1 to 100 letters, digits or . _ : / -; got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
  return `${hostname()}${suffix}`;
}
