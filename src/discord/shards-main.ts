/**
 * `npm run shards`: the built bot in several processes, one per gateway shard, all on the one
 * Postgres DATABASE_URL names. discord.js's ShardingManager forks dist/src/main.js once per
 * shard with SHARDS and SHARD_COUNT set; each child opens only its own shard, names itself
 * hostname/shards-N on the shared store, and is started again if it dies.
 */
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig } from '../config.js';
import { startedByPackageManager, startLifetime } from '../lifetime.js';
import { createLogger } from '../log.js';
import { LoginFailure } from './login.js';
import { gatewayPlan, shardsNeedPostgres } from './shard-plan.js';

const BOT = fileURLToPath(new URL('../main.js', import.meta.url));

async function main(): Promise<number> {
  const env = { ...process.env };
  // The manager's own shard settings are its children's to receive, never its own to read.
  delete env.SHARDS;
  delete env.SHARD_COUNT;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
    shardsNeedPostgres(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  if (config.mode !== 'discord') throw new Error('unreachable: shardsNeedPostgres requires a token');
  const log = createLogger(config.logLevel);
  let plan: Awaited<ReturnType<typeof gatewayPlan>>;
  try {
    plan = await gatewayPlan(config.discord);
  } catch (error) {
    if (!(error instanceof LoginFailure)) throw error;
    console.error(error.message);
    return 1;
  }
  const manager = new ShardingManager(BOT, {
    totalShards: plan.count,
    token: config.discord.token,
    execArgv: ['--enable-source-maps'],
    respawn: true,
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    shard.on('spawn', (child) =>
      log.info(`shard ${shard.id} of ${plan.count}: pid ${'pid' in child ? child.pid : '-'}`),
    );
    shard.on('ready', () => log.info(`shard ${shard.id} of ${plan.count}: ready`));
    shard.on('death', () => {
      if (!stopping) log.warn(`shard ${shard.id} exited; starting it again`);
    });
  });
  // Signals, and under npm the death of npm itself, stop the manager as they stop one bot.
  const lifetime = startLifetime(log, { watchParent: startedByPackageManager(process.env) });
  log.info(`starting ${plan.count} shard processes on the shared Postgres`);
  // A child that dies before READY is started again by the manager; the first spawn only waits for each.
  void manager.spawn({ amount: plan.count, delay: plan.delayMs, timeout: 60_000 }).catch((error: unknown) => {
    if (!stopping) log.error('a shard did not become ready in time', error);
  });
  await lifetime.stopped;
  stopping = true;
  log.info(`stopping ${manager.shards.size} shard processes`);
  // Each child gets SIGTERM and finishes its tick; kill() also stops the manager starting it again.
  const exits = [...manager.shards.values()].map((shard) => {
    const child = shard.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    shard.kill();
    return exited;
  });
  await Promise.all(exits);
  lifetime.dispose();
  log.info('stopped');
  return 0;
}

process.exit(await main());
