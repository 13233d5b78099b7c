/**
 * The shards this one process holds. Alone it holds every shard: Discord's recommended count, or
 * the count DISCORD_SHARDS pins. Under discord.js's ShardingManager (`npm run shards`) each
 * process is told its own shard in SHARDS and the total in SHARD_COUNT, and must open only that.
 */
export type ShardPlan = 'auto' | number | { ids: number[]; count: number };

export function checkShards(value: string | undefined, problems: string[]): 'auto' | number {
  if (value === undefined || value.toLowerCase() === 'auto') return 'auto';
  const count = Number(value);
  if (Number.isInteger(count) && count >= 1 && count <= 1024) return count;
  problems.push(`DISCORD_SHARDS must be auto or a whole number of shards from 1 to 1024; got ${JSON.stringify(value)}`);
  return 'auto';
}

/** SHARDS is what ShardingManager writes: one id (`3`) or a JSON list (`[2,3]`). */
function parseIds(value: string): number[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    const ids = Array.isArray(parsed) ? parsed : [parsed];
    return ids.length > 0 && ids.every((id) => Number.isInteger(id) && id >= 0) ? (ids as number[]) : null;
  } catch {
    return null;
  }
}

/**
 * SHARDS and SHARD_COUNT when set, else DISCORD_SHARDS. A process holding only some shards runs
 * beside others holding the rest, and they must share one store: SQLite cannot be shared.
 */
export function checkShardPlan(
  env: { shards?: string; managedShards?: string; managedCount?: string; databaseUrl?: string },
  problems: string[],
): ShardPlan {
  const own = checkShards(env.shards, problems);
  if (env.managedShards === undefined) return own;
  const ids = parseIds(env.managedShards);
  const count = Number(env.managedCount);
  if (!ids || !Number.isInteger(count) || count < 1 || ids.some((id) => id >= count)) {
    problems.push(
      `SHARDS (${JSON.stringify(env.managedShards)}) and SHARD_COUNT (${JSON.stringify(env.managedCount)}) must name shard ids below the count, as ShardingManager sets them; unset both to hold every shard in this process`,
    );
    return own;
  }
  if (new Set(ids).size < count && env.databaseUrl === undefined)
    problems.push(
      `this process holds shard ${ids.join(', ')} of ${count}; the processes holding the others need the same store, so set DATABASE_URL (a Postgres they share: SQLite cannot be shared)`,
    );
  return { ids, count };
}
