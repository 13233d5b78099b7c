import { describe, expect, it } from 'vitest';
import type { CommandJSON, OptionJSON } from '../commands/types.js';
import { optionReader, parseCommandLine } from '../src/console/command-line.js';
import { UserError } from '../src/errors.js';
import { usageOf } from '../src/format/usage.js';

// Discord's option type numbers, written out so the fixtures need no discord.js.
const SUB = 1,
  GROUP = 2,
  STRING = 3,
  INTEGER = 4,
  BOOLEAN = 5,
  USER = 6,
  CHANNEL = 7,
  ROLE = 8,
  NUMBER = 10;

// Extra keys (min_value, max_value) are what discord.js's JSON carries beyond OptionJSON.
const opt = (type: number, name: string, extra: Partial<OptionJSON> & Record<string, unknown> = {}): OptionJSON => ({
  type,
  name,
  description: `the ${name}`,
  ...extra,
});
const cmd = (name: string, options: OptionJSON[] = []): CommandJSON => ({ name, description: `/${name}`, options });

const COMMANDS: CommandJSON[] = [
  cmd('troops', [opt(STRING, 'since'), opt(STRING, 'claimant')]),
  cmd('source', [opt(STRING, 'name', { required: true })]),
  cmd('search', [opt(STRING, 'query', { required: true })]),
  cmd('top', [opt(INTEGER, 'count', { min_value: 1, max_value: 50 }), opt(BOOLEAN, 'verbose')]),
  cmd('ratio', [opt(NUMBER, 'value', { required: true })]),
  cmd('chart', [
    opt(STRING, 'topic', {
      required: true,
      choices: [
        { name: 'Troops', value: 'troops' },
        { name: 'Artillery shells', value: 'shells' },
      ],
    }),
    opt(INTEGER, 'days', {
      choices: [
        { name: 'week', value: 7 },
        { name: 'month', value: 30 },
      ],
    }),
  ]),
  cmd('alerts', [
    opt(SUB, 'add', { options: [opt(CHANNEL, 'channel', { required: true }), opt(STRING, 'topic')] }),
    opt(SUB, 'list'),
    opt(GROUP, 'admin', { options: [opt(SUB, 'reset', { options: [opt(ROLE, 'role')] })] }),
  ]),
  cmd('who', [opt(USER, 'user', { required: true })]),
  cmd('help', [opt(STRING, 'command')]),
  cmd('ping'),
  cmd('report', [opt(STRING, 'topic'), opt(STRING, 'claimant'), opt(STRING, 'note')]),
];

const parse = (line: string) => parseCommandLine(line, COMMANDS);

/** The UserError a line raises, so a test can read its whole message. */
function errorOf(line: string): UserError {
  try {
    parse(line);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`expected "${line}" to fail`);
}

describe('command names', () => {
  it('accepts a command with or without the leading slash, ignoring case and surrounding space', () => {
    const expected = { name: 'troops', subcommand: null, options: {} };
    expect(parse('/troops')).toEqual(expected);
    expect(parse('troops')).toEqual(expected);
    expect(parse('  \t/TROOPS \n')).toEqual(expected);
    expect(parse('/ troops')).toEqual(expected);
  });

  it('refuses an empty line or a lone slash, pointing at /help', () => {
    for (const line of ['', '   ', '/', ' / ']) expect(errorOf(line).message).toMatch(/\/help/);
  });

  it('suggests the closest command names for an unknown command and mentions /help', () => {
    const message = errorOf('/trops').message;
    expect(message).toContain('Unknown command /trops.');
    expect(message).toMatch(/Did you mean \/troops\b/);
    expect(message).toContain('/help');
    expect(errorOf('/sea').message).toContain('/search'); // a prefix is close enough
  });

  it('still mentions /help when no command is close, and echoes only safe characters', () => {
    const message = errorOf('/@everyone<script>').message;
    expect(message).toBe('Unknown command /everyonescript. Type /help to see every command.');
  });
});

describe('positional options', () => {
  it('fills the declared options in order', () => {
    expect(parse('/troops 2024-11-01 NIS').options).toEqual({ since: '2024-11-01', claimant: 'NIS' });
    expect(parse('/troops 2024-11-01').options).toEqual({ since: '2024-11-01' });
  });

  it('gives the rest of the line to the last positional string option', () => {
    expect(parse('/search artillery shells').options).toEqual({ query: 'artillery shells' });
    expect(parse('/source korea herald').options).toEqual({ name: 'korea herald' });
    expect(parse('/troops 2024-11-01 Korea Herald').options).toEqual({ since: '2024-11-01', claimant: 'Korea Herald' });
  });

  it('joins the words of the rest with single spaces and drops their quotes', () => {
    expect(parse('/search   artillery \t "155 mm"   shells ').options).toEqual({ query: 'artillery 155 mm shells' });
  });

  it('skips the options already set by name', () => {
    expect(parse('/top verbose:yes 5').options).toEqual({ count: 5, verbose: true });
    expect(parse('/troops claimant:"NIS" 2024-11-01').options).toEqual({ since: '2024-11-01', claimant: 'NIS' });
    expect(parse('/troops NIS since:2024-11-01').options).toEqual({ since: '2024-11-01', claimant: 'NIS' });
  });

  it('keeps quoted words together for an option that is not last', () => {
    expect(parse('/troops "early November" NIS').options).toEqual({ since: 'early November', claimant: 'NIS' });
  });

  it('refuses more positional values than a command whose last option is not a string can take', () => {
    const error = errorOf('/top 5 yes extra');
    expect(error.message).toContain('Too many values');
    expect(error.message).toContain('usage: /top [count] [verbose]');
    expect(errorOf('/ping now').message).toBe('This command takes no options.\nusage: /ping');
  });
});

describe('name:value options', () => {
  it('sets an option by name anywhere on the line, with the name in any case', () => {
    expect(parse('/troops since:2024-11-01 claimant:NIS').options).toEqual({ since: '2024-11-01', claimant: 'NIS' });
    expect(parse('/troops CLAIMANT:NIS Since:2024-11-01').options).toEqual({ since: '2024-11-01', claimant: 'NIS' });
  });

  it('reads a quoted value, in double or single quotes, with its spaces and apostrophes', () => {
    expect(parse('/troops claimant:"Korea Herald" since:2024-11-01').options.claimant).toBe('Korea Herald');
    expect(parse("/troops claimant:'Korea Herald' since:2024").options.claimant).toBe('Korea Herald');
    expect(parse("/search query:'Kim's troops'").options.query).toBe("Kim's troops");
  });

  it('ends an unquoted value at the next space when another name: word follows', () => {
    expect(parse('/report claimant:NIS troops note:seen').options).toEqual({
      claimant: 'NIS',
      topic: 'troops',
      note: 'seen',
    });
    // "Herald" is left for the positions, and with both options named it has nowhere to go.
    expect(errorOf('/troops claimant:Korea Herald since:2024').message).toContain('Too many values');
  });

  it('gives the rest of the line to the last name:value word when its option is a string', () => {
    expect(parse('/troops claimant:Korea Herald').options).toEqual({ claimant: 'Korea Herald' });
    expect(parse('/troops since:2024-11-01 claimant:Korea  Herald').options).toEqual({
      since: '2024-11-01',
      claimant: 'Korea Herald',
    });
    expect(parse('/troops since:2024-11-01 NIS').options).toEqual({ since: '2024-11-01 NIS' });
  });

  it('does not stretch the last name:value word when its option is not a string, or is quoted', () => {
    expect(parse('/top count:5 yes').options).toEqual({ count: 5, verbose: true });
    expect(parse('/troops claimant:"Korea Herald" 2024').options).toEqual({ claimant: 'Korea Herald', since: '2024' });
  });

  it('reads the value after a space when the colon ends the word', () => {
    expect(parse('/troops claimant: NIS since: 2024').options).toEqual({ claimant: 'NIS', since: '2024' });
    expect(parse('/troops since: 2024 claimant: Korea Herald').options).toEqual({
      since: '2024',
      claimant: 'Korea Herald',
    });
    expect(parse('/top count: 5').options).toEqual({ count: 5 });
  });

  it('refuses a name: with no value after it', () => {
    expect(errorOf('/top count:').message).toContain('count needs a value');
    expect(errorOf('/top count: verbose:yes').message).toContain('count needs a value');
  });

  it('refuses an unknown option, naming the valid ones and the usage', () => {
    expect(errorOf('/troops date:2024').message).toBe(
      'Unknown option date; the options are: since, claimant.\nusage: /troops [since] [claimant]',
    );
    expect(errorOf('/ping loud:yes').message).toContain('takes no options');
  });

  it('treats an unknown word: with nothing after the colon, times, URLs and quoted colons as text', () => {
    expect(parse('/search note: artillery').options.query).toBe('note: artillery');
    expect(parse('/search shelling at 10:30').options.query).toBe('shelling at 10:30');
    expect(parse('/source https://yna.co.kr/x').options.name).toBe('https://yna.co.kr/x');
    expect(parse('/search "ukraine:troops"').options.query).toBe('ukraine:troops');
  });

  it('refuses an option given twice', () => {
    expect(errorOf('/troops claimant:NIS claimant:KCNA').message).toContain('claimant is given twice');
  });
});

describe('option types', () => {
  it('converts integers and refuses fractions, words, exponents and out-of-range values', () => {
    expect(parse('/top 12').options).toEqual({ count: 12 });
    expect(parse('/top count:+3').options).toEqual({ count: 3 });
    for (const bad of ['1.5', 'ten', '1e3', '99999999999999999999']) {
      expect(errorOf(`/top ${bad}`).message).toContain('count must be a whole number');
    }
    expect(errorOf('/top 0').message).toContain('count must be at least 1');
    expect(errorOf('/top 51').message).toContain('count must be at most 50');
  });

  it('converts numbers, with decimals and exponents', () => {
    expect(parse('/ratio 0.25').options).toEqual({ value: 0.25 });
    expect(parse('/ratio -.5').options).toEqual({ value: -0.5 });
    expect(parse('/ratio 2e3').options).toEqual({ value: 2000 });
    expect(errorOf('/ratio NaN').message).toContain('value must be a number');
    expect(errorOf('/ratio 0x10').message).toContain('value must be a number');
  });

  it('reads true/false, yes/no and on/off as booleans in any case', () => {
    const flags = { true: true, YES: true, On: true, false: false, no: false, OFF: false };
    for (const [word, flag] of Object.entries(flags)) expect(parse(`/top verbose:${word}`).options.verbose).toBe(flag);
    expect(errorOf('/top 5 maybe').message).toContain('verbose must be true or false');
  });

  it('matches a choice by name or value in any case and returns its value', () => {
    expect(parse('/chart troops').options.topic).toBe('troops');
    expect(parse('/chart topic:"artillery SHELLS"').options.topic).toBe('shells');
    expect(parse('/chart Shells month').options).toEqual({ topic: 'shells', days: 30 });
    expect(parse('/chart troops days:7').options.days).toBe(7);
  });

  it('refuses a value that is not a choice, listing the choices', () => {
    expect(errorOf('/chart tanks').message).toContain('topic must be one of: Troops, Artillery shells.');
    expect(errorOf('/chart troops 14').message).toContain('days must be one of: week, month.');
  });

  it('keeps channel, user and role values as typed', () => {
    expect(parse('/alerts add <#123>').options).toEqual({ channel: '<#123>' });
    expect(parse('/alerts add channel:123 topic:troops').options).toEqual({ channel: '123', topic: 'troops' });
    expect(parse('/who <@42>').options).toEqual({ user: '<@42>' });
  });
});

describe('required options', () => {
  it('refuses a line that misses a required option, showing the usage', () => {
    expect(errorOf('/source').message).toBe('Missing required option: name.\nusage: /source <name>');
    expect(errorOf('/chart days:7').message).toContain('Missing required option: topic.');
  });
});

describe('subcommands', () => {
  it('reads the first word as the subcommand, in any case, then its options', () => {
    expect(parse('/alerts ADD <#5> artillery shells')).toEqual({
      name: 'alerts',
      subcommand: 'add',
      options: { channel: '<#5>', topic: 'artillery shells' },
    });
    expect(parse('/alerts list')).toEqual({ name: 'alerts', subcommand: 'list', options: {} });
  });

  it('refuses a missing or unknown subcommand, listing the subcommands', () => {
    expect(errorOf('/alerts').message).toContain('/alerts needs a subcommand first: add, list, admin.');
    expect(errorOf('/alerts channel:5 add').message).toContain('needs a subcommand first');
    expect(errorOf('/alerts drop').message).toContain('choose one of: add, list, admin.');
  });

  it('refuses subcommand groups, which only Discord offers', () => {
    expect(errorOf('/alerts admin reset').message).toContain('only work in Discord');
  });

  it('shows the subcommand usage in its errors', () => {
    expect(errorOf('/alerts add').message).toBe(
      'Missing required option: channel.\nusage: /alerts add <channel> [topic]',
    );
  });
});

describe('option values the command knows', () => {
  // As /topic knows topics: the labels a server sees, whole.
  const LABELS = new Set(['north korean troops', 'north korean troops in russia', 'casualties']);
  const known = (command: string, option: string) =>
    command === 'report' && option === 'topic' ? (text: string) => LABELS.has(text.toLowerCase()) : undefined;
  const read = (line: string) => parseCommandLine(line, COMMANDS, known).options;

  it('gives the first option the longest run of leading words that is one known value, unquoted', () => {
    expect(read('/report North Korean troops claimant:NIS')).toEqual({ topic: 'North Korean troops', claimant: 'NIS' });
    expect(read('/report north korean troops in russia')).toEqual({ topic: 'north korean troops in russia' });
    expect(read('/report north korean troops Pentagon seen')).toEqual({
      topic: 'north korean troops',
      claimant: 'Pentagon',
      note: 'seen',
    });
  });

  it('reads words one each, as before, when they make no known value', () => {
    expect(read('/report casualties NIS revised')).toEqual({ topic: 'casualties', claimant: 'NIS', note: 'revised' });
    expect(read('/report weather NIS')).toEqual({ topic: 'weather', claimant: 'NIS' });
    expect(parse('/report north korean troops')).toEqual({
      name: 'report',
      subcommand: null,
      options: { topic: 'north', claimant: 'korean', note: 'troops' },
    });
  });
});

describe('odd input', () => {
  it('lets a quote that never closes run to the end of the line', () => {
    expect(parse('/search "artillery shells').options.query).toBe('artillery shells');
    expect(parse('/troops claimant:"Korea Herald since:2024').options).toEqual({ claimant: 'Korea Herald since:2024' });
  });

  it('keeps quotes inside a word as written', () => {
    expect(parse(`/search Kim's 5'11" soldiers`).options.query).toBe(`Kim's 5'11" soldiers`);
  });

  it('reads unicode words and option values', () => {
    expect(parse('/search 북한군 파병 🇰🇷').options.query).toBe('북한군 파병 🇰🇷');
    expect(parse('/troops claimant:국정원').options.claimant).toBe('국정원');
    expect(parse('/source Ménétrier\u00a0Presse').options.name).toBe('Ménétrier Presse');
  });

  it('handles a very long line quickly', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `w${i}`);
    const started = performance.now();
    expect(parse(`/search ${words.join(' ')}`).options.query).toBe(words.join(' '));
    expect(errorOf(`/${'x'.repeat(100_000)}`).message).toContain('/help');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('usageOf', () => {
  it('writes required options in angle brackets and optional ones in square brackets', () => {
    expect(usageOf(COMMANDS[0]!)).toBe('/troops [since] [claimant]');
    expect(usageOf(COMMANDS[5]!)).toBe('/chart <topic> [days]');
    expect(usageOf(cmd('ping'))).toBe('/ping');
    expect(usageOf({ name: 'bare', description: 'no options key' })).toBe('/bare');
  });

  it('writes one line per subcommand, groups included', () => {
    expect(usageOf(COMMANDS[6]!)).toBe('/alerts add <channel> [topic]\n/alerts list\n/alerts admin reset [role]');
  });
});

describe('optionReader', () => {
  const reader = optionReader(parse('/top 5 yes'));

  it('returns the parsed values by type', () => {
    expect(reader.getInteger('count')).toBe(5);
    expect(reader.getBoolean('verbose', true)).toBe(true);
    expect(optionReader(parse('/search shells')).getString('query', true)).toBe('shells');
  });

  it('returns null for an absent option and throws a UserError when it is required', () => {
    const empty = optionReader(parse('/top'));
    expect(empty.getInteger('count')).toBeNull();
    expect(empty.getBoolean('verbose', false)).toBeNull();
    expect(() => empty.getString('nothing', true)).toThrow(UserError);
    expect(() => empty.getInteger('count', true)).toThrow('Missing required option: count.');
  });

  it('throws a TypeError, like discord.js, when a command asks for the wrong type', () => {
    expect(() => reader.getString('count')).toThrow(TypeError);
    expect(() => optionReader(parse('/ratio 0.5')).getInteger('value')).toThrow(TypeError);
  });

  it('returns the subcommand, and like discord.js requires one unless told otherwise', () => {
    expect(optionReader(parse('/alerts list')).getSubcommand()).toBe('list');
    expect(reader.getSubcommand(false)).toBeNull();
    expect(() => reader.getSubcommand()).toThrow(UserError);
  });

  it('does not mistake inherited object keys for options', () => {
    expect(reader.getString('constructor')).toBeNull();
    expect(reader.getString('toString')).toBeNull();
  });
});

describe('compatibility with discord.js', () => {
  it('parses against the JSON a SlashCommandBuilder produces', async () => {
    const { SlashCommandBuilder } = await import('discord.js');
    const data = new SlashCommandBuilder()
      .setName('troops')
      .setDescription('Troop figures')
      .addStringOption((o) => o.setName('since').setDescription('From this date'))
      .addIntegerOption((o) => o.setName('limit').setDescription('How many').setMinValue(1).setMaxValue(10))
      .addStringOption((o) =>
        o
          .setName('claimant')
          .setDescription('Who claims it')
          .addChoices({ name: 'NIS', value: 'nis' }, { name: 'Korea Herald', value: 'korea-herald' }),
      );
    const json: CommandJSON = data.toJSON();
    expect(parseCommandLine('/troops 2024-11-01 3 korea herald', [json]).options).toEqual({
      since: '2024-11-01',
      limit: 3,
      claimant: 'korea-herald',
    });
    expect(() => parseCommandLine('/troops limit:11', [json])).toThrow('limit must be at most 10');
    expect(usageOf(json)).toBe('/troops [since] [limit] [claimant]');
  });
});
