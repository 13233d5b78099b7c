import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DATA_DIR, DEFAULT_API_BASE, DEFAULT_DB_PATH, loadConfig } from '../src/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secret-part_of-the-token';
const APP = '123456789012345678';
const GUILD = '987654321098765432';

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs in console mode with defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      mode: 'console',
      discord: null,
      dbPath: join(DATA_DIR, 'claimwatch.db'),
      databaseUrl: undefined,
      instance: hostname(),
      dataDir: DATA_DIR,
      logLevel: 'info',
      alerts: {
        cron: '*/5 * * * *',
        timeZone: 'UTC',
        allowPrivateSources: false,
        perChannelPerTick: 5,
        modRoleId: undefined,
      },
    });
    expect(DEFAULT_DB_PATH).toBe(join(DATA_DIR, 'claimwatch.db'));
  });

  it('runs in discord mode with every Discord setting when a token is set', () => {
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP,
      DISCORD_GUILD_ID: GUILD,
      DISCORD_API_BASE: 'http://127.0.0.1:3000/api/',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      mode: 'discord',
      logLevel: 'debug',
      discord: { token: TOKEN, applicationId: APP, guildId: GUILD, apiBase: 'http://127.0.0.1:3000/api' },
    });
  });

  it("leaves the ids unset, the API base at discord.js default and the shards at Discord's count when only a token is set", () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(config.discord).toEqual({
      token: TOKEN,
      applicationId: undefined,
      guildId: undefined,
      apiBase: DEFAULT_API_BASE,
      shards: 'auto',
    });
    expect(DEFAULT_API_BASE).toBe('https://discord.com/api');
  });

  it('takes DISCORD_SHARDS as auto or a whole count, and says what it takes otherwise', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: 'AUTO' }).discord?.shards).toBe('auto');
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: '4' }).discord?.shards).toBe(4);
    for (const bad of ['0', '2.5', 'many', '5000'])
      expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: bad })).toThrow(
        /DISCORD_SHARDS must be auto or a whole number of shards from 1 to 1024/,
      );
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({
      DISCORD_TOKEN: '',
      DISCORD_APPLICATION_ID: '',
      DISCORD_GUILD_ID: '',
      DISCORD_API_BASE: '',
      CLAIMWATCH_DB: '',
      LOG_LEVEL: '',
    });
    expect(config).toEqual(loadConfig({}));
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/home/x', DISCORD_SOMETHING: 'whatever' })).toEqual(loadConfig({}));
  });

  it('reports every problem at once in one error, one per line', () => {
    const env = {
      DISCORD_TOKEN: 'has a space',
      DISCORD_APPLICATION_ID: 'abc',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_BASE: 'ftp://proxy.example/api',
      LOG_LEVEL: 'verbose',
    };
    const error = (() => {
      try {
        return loadConfig(env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(5);
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'DISCORD_TOKEN',
      'DISCORD_APPLICATION_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_BASE',
      'LOG_LEVEL',
    ]);
    expect(message.split('\n')).toEqual(['Invalid configuration (5 problems):', ...problems.map((p) => `- ${p}`)]);
    expect(message).toContain('"verbose"');
  });

  it('rejects an API base that is not a URL or already carries the API version', () => {
    expect(problemsOf({ DISCORD_API_BASE: 'not a url' })).toEqual([
      expect.stringMatching(/^DISCORD_API_BASE must be an http or https URL/),
    ]);
    expect(problemsOf({ DISCORD_API_BASE: 'https://proxy.example/api/v10' })).toEqual([
      expect.stringMatching(/discord\.js appends it/),
    ]);
  });

  it('accepts ids of 17 to 20 digits and rejects 16 or 21', () => {
    expect(loadConfig({ DISCORD_GUILD_ID: '1'.repeat(17) }).mode).toBe('console');
    expect(loadConfig({ DISCORD_GUILD_ID: '1'.repeat(20) }).mode).toBe('console');
    expect(problemsOf({ DISCORD_GUILD_ID: '1'.repeat(16) })).toHaveLength(1);
    expect(problemsOf({ DISCORD_GUILD_ID: '1'.repeat(21) })).toHaveLength(1);
  });

  it('never puts a token in its messages, even one pasted into the wrong variable', () => {
    const secret = 'Bot MTIzNDU2.secret';
    const problems = problemsOf({ DISCORD_TOKEN: secret, DISCORD_APPLICATION_ID: TOKEN, DISCORD_GUILD_ID: TOKEN });
    expect(problems).toHaveLength(3);
    for (const text of problems) {
      expect(text).not.toContain('MTIzNDU2');
      expect(text).not.toContain('secret');
    }
  });

  it('resolves a relative database path against the given cwd and keeps an absolute one', () => {
    expect(loadConfig({ CLAIMWATCH_DB: 'db/news.db' }, { cwd: '/srv/claimwatch' }).dbPath).toBe(
      '/srv/claimwatch/db/news.db',
    );
    expect(loadConfig({ CLAIMWATCH_DB: '/var/lib/cw.db' }, { cwd: '/srv/claimwatch' }).dbPath).toBe('/var/lib/cw.db');
    expect(loadConfig({ CLAIMWATCH_DB: 'x.db' }).dbPath).toBe(join(process.cwd(), 'x.db'));
  });

  it("reads the story's data files from CLAIMWATCH_DATA, resolved against the cwd, else the repository's data/", () => {
    expect(loadConfig({ CLAIMWATCH_DATA: 'story' }, { cwd: '/srv/claimwatch' }).dataDir).toBe('/srv/claimwatch/story');
    expect(loadConfig({ CLAIMWATCH_DATA: '' }).dataDir).toBe(DATA_DIR);
  });

  it('keeps :memory: as an in-memory database rather than a file name', () => {
    expect(loadConfig({ CLAIMWATCH_DB: ':memory:' }, { cwd: '/srv' }).dbPath).toBe(':memory:');
  });

  it('accepts a log level in any case', () => {
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
  });

  it('reads the polling and alert settings', () => {
    const config = loadConfig({
      ALERT_CRON: '0 8 * * 1-5',
      ALERT_TZ: 'Asia/Seoul',
      ALLOW_PRIVATE_SOURCES: 'true',
      ALERTS_PER_TICK: '3',
      MOD_ROLE_ID: GUILD,
    });
    expect(config.alerts).toEqual({
      cron: '0 8 * * 1-5',
      timeZone: 'Asia/Seoul',
      allowPrivateSources: true,
      perChannelPerTick: 3,
      modRoleId: GUILD,
    });
  });

  it.each(['* * * * * *', '*/10 * * * * *', '0,15 * * * * *', '5-9 * * * * *'])(
    'refuses ALERT_CRON %s, which polls more often than every 30 s',
    (cron) => {
      const [problem] = problemsOf({ ALERT_CRON: cron });
      expect(problem).toMatch(/^ALERT_CRON ".*" polls every \d+ s; 30 s is the shortest allowed/);
    },
  );

  it.each(['*/30 * * * * *', '0,30 * * * * *', '15 */2 * * * *', '* * * * *'])('accepts ALERT_CRON %s', (cron) => {
    expect(loadConfig({ ALERT_CRON: cron }).alerts.cron).toBe(cron);
  });

  it('accepts a fast ALERT_CRON when ALERT_CRON_ALLOW_FAST says so, as the tests do', () => {
    expect(loadConfig({ ALERT_CRON: '* * * * * *', ALERT_CRON_ALLOW_FAST: 'true' }).alerts.cron).toBe('* * * * * *');
  });

  it('reports a bad cron, time zone, flag, limit and role all at once', () => {
    const problems = problemsOf({
      ALERT_CRON: 'every five minutes',
      ALERT_TZ: 'Mars/Olympus',
      ALLOW_PRIVATE_SOURCES: 'perhaps',
      ALERTS_PER_TICK: '0',
      MOD_ROLE_ID: 'mods',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'ALERT_CRON',
      'ALERT_TZ',
      'ALLOW_PRIVATE_SOURCES',
      'ALERTS_PER_TICK',
      'MOD_ROLE_ID',
    ]);
  });

  it('takes DATABASE_URL as the shared Postgres, never repeating its password in a problem', () => {
    const url = 'postgres://claimwatch:hunter2@db.example:5432/claimwatch';
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.example/cw' }).databaseUrl).toBe('postgresql://db.example/cw');
    const problems = [
      ...problemsOf({ DATABASE_URL: 'mysql://claimwatch:hunter2@db.example/cw' }),
      ...problemsOf({ DATABASE_URL: 'claimwatch:hunter2 at db.example' }),
      ...problemsOf({ DATABASE_URL: url, CLAIMWATCH_DB: 'news.db' }),
    ];
    expect(problems).toHaveLength(3);
    expect(problems[2]).toMatch(/CLAIMWATCH_DB and DATABASE_URL are both set/);
    for (const text of problems) expect(text).not.toContain('hunter2');
  });

  it('names this process by CLAIMWATCH_INSTANCE, else by its host, with the shards ShardingManager gave it', () => {
    const shared = { DATABASE_URL: 'postgres://claimwatch@db.example/claimwatch' };
    expect(loadConfig({ CLAIMWATCH_INSTANCE: 'bot-a' }).instance).toBe('bot-a');
    expect(loadConfig({ ...shared, SHARDS: '1', SHARD_COUNT: '2' }).instance).toBe(`${hostname()}/shards-1`);
    expect(loadConfig({ ...shared, SHARDS: '[2,3]', SHARD_COUNT: '4' }).instance).toBe(`${hostname()}/shards-2-3`);
    // Every child of the manager inherits one CLAIMWATCH_INSTANCE: the shard keeps their names apart.
    expect(loadConfig({ ...shared, CLAIMWATCH_INSTANCE: 'desk', SHARDS: '0', SHARD_COUNT: '2' }).instance).toBe(
      'desk/shards-0',
    );
    expect(loadConfig({}).instance).toBe(hostname());
    expect(problemsOf({ CLAIMWATCH_INSTANCE: 'bot a; drop' })[0]).toMatch(/^CLAIMWATCH_INSTANCE must be/);
  });

  it('opens only the shards ShardingManager gave this process, whatever DISCORD_SHARDS says', () => {
    const shared = { DISCORD_TOKEN: TOKEN, DATABASE_URL: 'postgres://claimwatch@db.example/claimwatch' };
    const managed = { ...shared, DISCORD_SHARDS: '2', SHARDS: '1', SHARD_COUNT: '2' };
    expect(loadConfig(managed).discord?.shards).toEqual({ ids: [1], count: 2 });
    expect(loadConfig({ ...shared, SHARDS: '[0,2]', SHARD_COUNT: '3' }).discord?.shards).toEqual({
      ids: [0, 2],
      count: 3,
    });
    for (const [shards, count] of [
      ['2', '2'],
      ['x', '2'],
      ['0', 'auto'],
      ['[]', '1'],
    ])
      expect(problemsOf({ ...shared, SHARDS: shards, SHARD_COUNT: count })[0]).toMatch(
        /^SHARDS .* and SHARD_COUNT .* must name shard ids below the count/,
      );
  });

  it('refuses to hold some shards on SQLite, which the processes holding the others cannot share', () => {
    expect(problemsOf({ DISCORD_TOKEN: TOKEN, SHARDS: '0', SHARD_COUNT: '2' })[0]).toMatch(
      /holds shard 0 of 2; .* set DATABASE_URL/,
    );
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, SHARDS: '[0,1]', SHARD_COUNT: '2' }).discord?.shards).toEqual({
      ids: [0, 1],
      count: 2,
    });
  });
});
