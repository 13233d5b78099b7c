import { type Config, ConfigError, type DiscordConfig } from '../config.js';
import { explainLoginError, LoginFailure } from './login.js';

/** Several processes need one store they can all write: DATABASE_URL, and a token to shard. */
export function shardsNeedPostgres(config: Config): void {
  const problems: string[] = [];
  if (config.mode !== 'discord') problems.push('npm run shards runs the Discord bot: set DISCORD_TOKEN');
  if (!config.databaseUrl)
    problems.push(
      'npm run shards needs DATABASE_URL: every shard process writes the same store, and a SQLite file cannot be shared (npm start runs every shard in one process on SQLite)',
    );
  if (problems.length > 0) throw new ConfigError(problems);
}

export interface GatewayPlan {
  count: number;
  /** Between starting one shard process and the next: none when Discord lets them all identify at once. */
  delayMs: number;
}

/**
 * How many shard processes, and how far apart to start them. discord.js's own 'auto' asks
 * discord.com whatever DISCORD_API_BASE says, so the manager asks GET /gateway/bot itself; the
 * answer also tells whether the token is good before any child is forked.
 */
export async function gatewayPlan(discord: DiscordConfig): Promise<GatewayPlan> {
  let response: Response;
  try {
    response = await fetch(`${discord.apiBase}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${discord.token}` },
    });
  } catch (error) {
    throw explainLoginError(error, discord.apiBase) ?? error;
  }
  if (response.status === 401)
    throw explainLoginError({ code: 'TokenInvalid' }) ?? new LoginFailure(null, 'Discord refused the bot token');
  if (!response.ok) throw new LoginFailure(null, `Discord answered GET /gateway/bot with HTTP ${response.status}`);
  const body = (await response.json()) as { shards: number; session_start_limit?: { max_concurrency?: number } };
  const pinned = discord.shards;
  const count = typeof pinned === 'number' ? pinned : body.shards;
  const together = body.session_start_limit?.max_concurrency ?? 1;
  // Discord allows max_concurrency identifies each 5 s; 5.5 s is discord.js's own spacing.
  return { count, delayMs: count <= together ? 0 : 5_500 };
}
