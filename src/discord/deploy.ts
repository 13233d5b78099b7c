import { DiscordAPIError, HTTPError, REST, type RESTGetCurrentApplicationResult, Routes } from 'discord.js';
import { BUILT_IN_NAMES, commandRegistry } from '../../commands/index.js';
import type { CommandJSON } from '../../commands/types.js';
import { ConfigError, loadConfig } from '../config.js';
import { DataError, loadLexicon } from '../newsroom/data-files.js';

export interface DeployOptions {
  token: string;
  /** Asked of Discord (GET /applications/@me) when absent. */
  applicationId?: string | undefined;
  /** Registers to this server only (instant, for testing); absent registers globally. */
  guildId?: string | undefined;
  apiBase?: string | undefined;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  count: number;
  applicationId: string;
}

/** A deploy Discord refused or could not be reached for; the message is safe to print (no token). */
export class DeployError extends Error {
  override readonly name = 'DeployError';

  constructor(
    message: string,
    readonly status: number | undefined,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** Turns discord.js's errors into one line saying what was being done and what to check. */
function explain(error: unknown, doing: string): DeployError {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const hint =
      error.status === 401
        ? '; check DISCORD_TOKEN'
        : error.status === 403
          ? '; is the bot in that server, invited with the applications.commands scope?'
          : '';
    return new DeployError(`Discord answered ${error.status} (${error.message}) while ${doing}${hint}`, error.status, {
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DeployError(`Could not reach Discord while ${doing}: ${reason}`, undefined, { cause: error });
}

async function attempt<T>(doing: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw explain(error, doing);
  }
}

/** Replaces the application's slash commands (in one server, or globally) with `bodies`. */
export async function deployCommands(options: DeployOptions, bodies: CommandJSON[]): Promise<DeployResult> {
  // One-shot client: no sweeper timers to outlive the deploy.
  const rest = new REST({
    hashSweepInterval: 0,
    handlerSweepInterval: 0,
    ...(options.apiBase ? { api: options.apiBase } : {}),
  });
  rest.setToken(options.token);
  const applicationId =
    options.applicationId ??
    (await attempt(
      'fetching the application id',
      async () => ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id,
    ));
  const { guildId } = options;
  const where = guildId ? `to guild ${guildId}` : 'globally';
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const saved = await attempt(`registering ${bodies.length} commands ${where}`, () =>
    rest.put(route, { body: bodies }),
  );
  const count = Array.isArray(saved) ? saved.length : bodies.length;
  return { scope: guildId ? 'guild' : 'global', count, applicationId };
}

export function describeDeploy(result: DeployResult, guildId: string | undefined): string {
  const commands = `${result.count} ${result.count === 1 ? 'command' : 'commands'}`;
  return `Registered ${commands} ${result.scope === 'guild' ? `to guild ${guildId}` : 'globally'}`;
}

export interface DeployIO {
  log(line: string): void;
  error(line: string): void;
}

/** `npm run deploy`: registers the registry's commands; returns the exit code. */
export async function runDeploy(env: NodeJS.ProcessEnv, io: DeployIO = console): Promise<number> {
  try {
    const config = loadConfig(env);
    if (config.mode !== 'discord') {
      io.error('DISCORD_TOKEN is not set: put the bot token in .env (see .env.example) to register slash commands.');
      return 1;
    }
    const bodies = commandRegistry(loadLexicon(config.dataDir, { reservedCommands: BUILT_IN_NAMES }).topics).map((c) =>
      c.data.toJSON(),
    );
    // An empty PUT would delete every registered command: never what `deploy` is run for.
    if (bodies.length === 0) {
      io.error(
        'The command registry is empty; nothing was registered (an empty deploy would remove existing commands).',
      );
      return 1;
    }
    const result = await deployCommands(config.discord, bodies);
    io.log(describeDeploy(result, config.discord.guildId));
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof DataError || error instanceof DeployError)) throw error;
    io.error(error.message);
    return 1;
  }
}
