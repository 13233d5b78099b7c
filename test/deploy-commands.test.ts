import { afterEach, describe, expect, it } from 'vitest';
import type { CommandJSON } from '../commands/types.js';
import { DeployError, deployCommands, describeDeploy, runDeploy } from '../src/discord/deploy.js';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from './support/fake-discord.js';

const TOKEN = 'fake-bot-token';

// Hand-made: the registry is filled elsewhere, and deploy only passes bodies through.
const bodies: CommandJSON[] = [
  {
    name: 'claims',
    description: 'Latest figures on a story',
    options: [{ type: 3, name: 'story', description: 'Which story', required: true }],
  },
  { name: 'help', description: 'What claimwatch can do' },
];

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  fake = await startFakeDiscord({ token: TOKEN, ...options });
  return fake;
}

async function deployError(promise: Promise<unknown>): Promise<DeployError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeployError);
  return error as DeployError;
}

describe('deployCommands against the fake Discord', () => {
  it('registers the commands to the guild when a guild id is given', async () => {
    const f = await start();
    const result = await deployCommands(
      { token: TOKEN, applicationId: f.application.id, guildId: f.guild.id, apiBase: f.restBase },
      bodies,
    );
    expect(result).toEqual({ scope: 'guild', count: 2, applicationId: f.application.id });
    expect(f.commandDeploys.map((d) => [d.scope, d.guildId, d.body])).toEqual([['guild', f.guild.id, bodies]]);
    expect(f.requestsTo('GET /applications/@me')).toEqual([]);
    expect(f.unhandled).toEqual([]);
  });

  it('registers the commands globally when no guild id is given', async () => {
    const f = await start();
    const result = await deployCommands({ token: TOKEN, applicationId: f.application.id, apiBase: f.restBase }, bodies);
    expect(result).toEqual({ scope: 'global', count: 2, applicationId: f.application.id });
    expect(f.commandDeploys.map((d) => [d.scope, d.guildId, d.body])).toEqual([['global', undefined, bodies]]);
  });

  it('asks Discord for the application id when none is given', async () => {
    const f = await start({ applicationId: '111122223333444455' });
    const result = await deployCommands({ token: TOKEN, guildId: f.guild.id, apiBase: f.restBase }, bodies);
    expect(result.applicationId).toBe('111122223333444455');
    expect(f.requests.map((r) => `${r.method} ${r.route}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/111122223333444455/guilds/${f.guild.id}/commands`,
    ]);
  });

  it('sends the bot token as a Bot authorization header', async () => {
    const f = await start();
    await deployCommands({ token: TOKEN, applicationId: f.application.id, apiBase: f.restBase }, bodies);
    expect(f.requests[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
  });

  it('explains a rejected token as a 401 without repeating the token', async () => {
    const f = await start();
    const error = await deployError(deployCommands({ token: 'wrong-secret-token', apiBase: f.restBase }, bodies));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/^Discord answered 401 .* while fetching the application id; check DISCORD_TOKEN$/);
    expect(error.message).not.toContain('wrong-secret-token');
    expect(f.commandDeploys).toEqual([]);
  });

  it('explains a 500 that outlasts the retries, naming what was being registered', async () => {
    const f = await start();
    f.failNext('PUT /applications/:app/guilds/:guild/commands', { status: 500, times: 10 });
    const error = await deployError(
      deployCommands(
        { token: TOKEN, applicationId: f.application.id, guildId: f.guild.id, apiBase: f.restBase },
        bodies,
      ),
    );
    expect(error.status).toBe(500);
    expect(error.message).toBe(
      `Discord answered 500 (Internal Server Error) while registering 2 commands to guild ${f.guild.id}`,
    );
    expect(f.commandDeploys).toEqual([]);
  });

  it('retries a single 500 and then registers the commands', async () => {
    const f = await start();
    f.failNext('PUT /applications/:app/commands', { status: 500 });
    const result = await deployCommands({ token: TOKEN, applicationId: f.application.id, apiBase: f.restBase }, bodies);
    expect(result.count).toBe(2);
    expect(f.requestsTo('PUT /applications/:app/commands').map((r) => r.status)).toEqual([500, 200]);
  });

  it('hints at the invite scope when Discord refuses access to the guild', async () => {
    const f = await start();
    const error = await deployError(
      deployCommands(
        { token: TOKEN, applicationId: f.application.id, guildId: '999999999999999999', apiBase: f.restBase },
        bodies,
      ),
    );
    expect(error.status).toBe(403);
    expect(error.message).toMatch(
      /while registering 2 commands to guild 999999999999999999; is the bot in that server/,
    );
  });

  it('says Discord could not be reached when nothing listens at the API base', async () => {
    const f = await start();
    const apiBase = f.restBase;
    await f.close();
    const error = await deployError(
      deployCommands({ token: TOKEN, applicationId: '111122223333444455', apiBase }, bodies),
    );
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/^Could not reach Discord while registering 2 commands globally: /);
  });
});

describe('the deploy entry', () => {
  const io = () => {
    const lines: { log: string[]; error: string[] } = { log: [], error: [] };
    return { lines, io: { log: (l: string) => lines.log.push(l), error: (l: string) => lines.error.push(l) } };
  };

  it('prints one line saying how many commands went where', () => {
    const result = { count: 3, applicationId: '1', scope: 'guild' } as const;
    expect(describeDeploy(result, '42')).toBe('Registered 3 commands to guild 42');
    expect(describeDeploy({ ...result, scope: 'global', count: 1 }, undefined)).toBe('Registered 1 command globally');
  });

  it('refuses to deploy without DISCORD_TOKEN and exits 1', async () => {
    const { lines, io: out } = io();
    expect(await runDeploy({}, out)).toBe(1);
    expect(lines.error).toEqual([expect.stringMatching(/^DISCORD_TOKEN is not set/)]);
  });

  it('prints every configuration problem and exits 1', async () => {
    const { lines, io: out } = io();
    expect(await runDeploy({ DISCORD_TOKEN: 'a b', LOG_LEVEL: 'loud' }, out)).toBe(1);
    expect(lines.error[0]?.split('\n')).toHaveLength(3);
  });
});
