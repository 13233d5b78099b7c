import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cron from 'node-cron';
import { FASTEST_TICK_SECONDS, shortestGapSeconds } from './cron-gap.js';
import { checkDatabaseUrl, instanceName } from './database-config.js';
import { checkShardPlan, type ShardPlan } from './shard-config.js';

// This file runs from src/ under tsx and from dist/src/ once built (npm start): the package root is one or two up.
const PACKAGE_ROOT = new URL(/\/dist\/src\/[^/]+$/.test(import.meta.url) ? '../../' : '../', import.meta.url);

/** The repository's data folder: the story lexicon, default sources and sample articles. */
export const DATA_DIR = fileURLToPath(new URL('data', PACKAGE_ROOT));

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** discord.js's own default (`rest.api`); it appends `/v10` itself. */
export const DEFAULT_API_BASE = 'https://discord.com/api';
export const DEFAULT_DB_PATH = join(DATA_DIR, 'claimwatch.db');

export interface DiscordConfig {
  token: string;
  /** Needed by deploy only, which can also ask Discord for it. */
  applicationId: string | undefined;
  /** Deploy registers to this server when set (instant), else globally. */
  guildId: string | undefined;
  /** Without a trailing slash, so discord.js's `${api}/v10` stays a clean path. */
  apiBase: string;
  /**
   * DISCORD_SHARDS: gateway connections this one process holds. 'auto' (the default) takes the
   * count Discord recommends, one until the bot is in about 1,000 servers; a number pins it.
   * Under ShardingManager, the shard ids and total it sets in SHARDS and SHARD_COUNT.
   */
  shards?: ShardPlan;
}

/** Polling and alert delivery, the same in both modes. */
export interface AlertConfig {
  /** ALERT_CRON: when sources are polled and alerts decided; default every 5 minutes. */
  cron: string;
  /** ALERT_TZ: the IANA time zone ALERT_CRON and briefing schedules are read in. */
  timeZone: string;
  /** ALLOW_PRIVATE_SOURCES: feeds on private, loopback and link-local addresses may be read. */
  allowPrivateSources: boolean;
  /** ALERTS_PER_TICK: at most this many alerts per channel per tick; the rest fold into one digest. */
  perChannelPerTick: number;
  /** MOD_ROLE_ID: members with this role may use moderator commands, besides Manage Server. */
  modRoleId: string | undefined;
}

interface CommonConfig {
  /** Absolute, or `:memory:` for a throwaway database. Unused when databaseUrl is set. */
  dbPath: string;
  /** DATABASE_URL: a Postgres several processes share, instead of the SQLite file. */
  databaseUrl: string | undefined;
  /** CLAIMWATCH_INSTANCE: this process's name among those sharing the store. */
  instance: string;
  /** CLAIMWATCH_DATA: the folder of topics.json, entities.json and sources.json; absolute. */
  dataDir: string;
  logLevel: LogLevel;
  alerts: AlertConfig;
}

/** Without a token the bot runs in the terminal; narrow on `mode` to reach the Discord settings. */
export type Config =
  | (CommonConfig & { mode: 'console'; discord: null })
  | (CommonConfig & { mode: 'discord'; discord: DiscordConfig });

type Env = NodeJS.ProcessEnv | Record<string, string | undefined>;

/** Every configuration problem at once, so a newsroom fixes .env in one pass rather than one error per start. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
}

const SNOWFLAKE = /^\d{17,20}$/;

/** `.env` lines like `DISCORD_GUILD_ID=` are the usual way of leaving a variable out. */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

// The token is a secret: problems describe it, never quote it.
function checkToken(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (/\s/.test(value)) {
    problems.push(
      'DISCORD_TOKEN contains whitespace; paste the bare bot token (no "Bot " prefix, no spaces or line breaks)',
    );
    return undefined;
  }
  return value;
}

// Ids are not secret, but a token pasted into the wrong variable would be, so values are not echoed.
function checkSnowflake(name: string, value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined || SNOWFLAKE.test(value)) return value;
  problems.push(`${name} must be a Discord id (17 to 20 digits); copy it with Developer Mode on`);
  return undefined;
}

function checkApiBase(value: string | undefined, problems: string[]): string {
  if (value === undefined) return DEFAULT_API_BASE;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push('DISCORD_API_BASE must be an http or https URL, e.g. https://discord.com/api');
    return DEFAULT_API_BASE;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`DISCORD_API_BASE must use http or https, not ${url.protocol.replace(/:$/, '')}`);
  } else if (/\/v\d+\/?$/.test(url.pathname)) {
    problems.push('DISCORD_API_BASE must not end in an API version such as /v10: discord.js appends it');
  }
  return value.replace(/\/+$/, '');
}

function checkLogLevel(value: string | undefined, problems: string[]): LogLevel {
  if (value === undefined) return 'info';
  const level = LOG_LEVELS.find((l) => l === value.toLowerCase());
  if (!level) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(value)}`);
  return level ?? 'info';
}

export const DEFAULT_ALERT_CRON = '*/5 * * * *';

function checkCron(value: string | undefined, allowFast: boolean, problems: string[]): string {
  if (value === undefined) return DEFAULT_ALERT_CRON;
  if (!cron.validate(value)) {
    problems.push(
      `ALERT_CRON must be a cron expression such as "*/5 * * * *" (every 5 minutes); got ${JSON.stringify(value)}`,
    );
    return value;
  }
  const gap = shortestGapSeconds(value);
  if (gap !== null && gap < FASTEST_TICK_SECONDS && !allowFast)
    problems.push(
      `ALERT_CRON ${JSON.stringify(value)} polls every ${gap} s; ${FASTEST_TICK_SECONDS} s is the shortest allowed, ` +
        'since every tick reads every due feed (ALERT_CRON_ALLOW_FAST=true lifts this, for tests)',
    );
  return value;
}

function checkTimeZone(value: string | undefined, problems: string[]): string {
  const zone = value ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    problems.push(
      `ALERT_TZ must be an IANA time zone such as Europe/London or Asia/Seoul; got ${JSON.stringify(value)}`,
    );
    return 'UTC';
  }
  return zone;
}

function checkBoolean(name: string, value: string | undefined, problems: string[]): boolean {
  if (value === undefined) return false;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (!/^(false|0|no)$/i.test(value)) problems.push(`${name} must be true or false; got ${JSON.stringify(value)}`);
  return false;
}

function checkPositive(name: string, value: string | undefined, fallback: number, problems: string[]): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 100) {
    problems.push(`${name} must be a whole number from 1 to 100; got ${JSON.stringify(value)}`);
    return fallback;
  }
  return number;
}

function resolveDbPath(value: string | undefined, cwd: string): string {
  if (value === undefined) return DEFAULT_DB_PATH;
  if (value === ':memory:' || isAbsolute(value)) return value;
  return resolve(cwd, value);
}

/** Reads and validates the whole environment; throws one ConfigError naming every problem. */
export function loadConfig(env: Env, options: { cwd?: string } = {}): Config {
  const problems: string[] = [];
  const token = checkToken(read(env, 'DISCORD_TOKEN'), problems);
  const applicationId = checkSnowflake('DISCORD_APPLICATION_ID', read(env, 'DISCORD_APPLICATION_ID'), problems);
  const guildId = checkSnowflake('DISCORD_GUILD_ID', read(env, 'DISCORD_GUILD_ID'), problems);
  const apiBase = checkApiBase(read(env, 'DISCORD_API_BASE'), problems);
  const logLevel = checkLogLevel(read(env, 'LOG_LEVEL'), problems);
  const cwd = options.cwd ?? process.cwd();
  const dbPath = resolveDbPath(read(env, 'CLAIMWATCH_DB'), cwd);
  const databaseUrl = checkDatabaseUrl(read(env, 'DATABASE_URL'), read(env, 'CLAIMWATCH_DB') !== undefined, problems);
  const shards = checkShardPlan(
    {
      shards: read(env, 'DISCORD_SHARDS'),
      managedShards: read(env, 'SHARDS'),
      managedCount: read(env, 'SHARD_COUNT'),
      databaseUrl: read(env, 'DATABASE_URL'),
    },
    problems,
  );
  const instance = instanceName(read(env, 'CLAIMWATCH_INSTANCE'), read(env, 'SHARDS'), problems);
  const dataDir = resolve(cwd, read(env, 'CLAIMWATCH_DATA') ?? DATA_DIR);
  const alerts: AlertConfig = {
    cron: checkCron(
      read(env, 'ALERT_CRON'),
      checkBoolean('ALERT_CRON_ALLOW_FAST', read(env, 'ALERT_CRON_ALLOW_FAST'), problems),
      problems,
    ),
    timeZone: checkTimeZone(read(env, 'ALERT_TZ'), problems),
    allowPrivateSources: checkBoolean('ALLOW_PRIVATE_SOURCES', read(env, 'ALLOW_PRIVATE_SOURCES'), problems),
    perChannelPerTick: checkPositive('ALERTS_PER_TICK', read(env, 'ALERTS_PER_TICK'), 5, problems),
    modRoleId: checkSnowflake('MOD_ROLE_ID', read(env, 'MOD_ROLE_ID'), problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);

  const common = { dbPath, databaseUrl, instance, dataDir, logLevel, alerts };
  if (token === undefined) return { ...common, mode: 'console', discord: null };
  return { ...common, mode: 'discord', discord: { token, applicationId, guildId, apiBase, shards } };
}
