/**
 * The console's way into the slash commands: "/troops since:2024-11-01 NIS" read against the
 * same CommandJSON Discord gets, so one `execute` serves both. Rules, in order:
 *  - The leading "/" is optional; command, subcommand and option names are case-insensitive.
 *  - A command with subcommands takes the subcommand as its first word.
 *  - `name:value` sets an option anywhere on the line. The value may be quoted ("..." or '...').
 *    Unquoted, it runs to the next space, except that the LAST `name:` word on the line, when
 *    its option is a string, takes the rest of the line ("claimant:Korea Herald"). `name: value`
 *    (a space after the colon) reads the next word, or the rest, by the same rule. A `word:` whose
 *    word names no option and has nothing after the colon is plain text; quote anything else
 *    with a colon ("ukraine:troops") to keep it from being read as an option.
 *  - The other words fill the options not set by name, in declared order, one word each; the
 *    last of those options, when it is a string, takes all the words left ("/search artillery
 *    shells"). Words taken together are joined by single spaces.
 *  - When the command knows the values of the first option the words fill (`KnownValues`: the
 *    topics a server sees), that option takes the longest run of leading words that is one such
 *    value, so a label of several words needs no quotes: "/topic north korean troops
 *    since:2024-11-01". Words that make no known value are read one each, as above.
 * Errors are UserErrors that end with the usage and never echo the user's values.
 */
import type { OptionReader } from '../../commands/types.js';
import { UserError } from '../errors.js';
import {
  type CommandJSON,
  isSubcommandLike,
  type OptionJSON,
  SUB_COMMAND_GROUP,
  usageLine,
  usageOf,
} from '../format/usage.js';
import { closestNames, splitWords, type Word } from './command-line-words.js';
import { convert, fail, type OptionValue, STRING } from './option-values.js';

export type { OptionValue } from './option-values.js';

/**
 * For a command's option whose values are known (topics), the test of whether a text is a whole
 * one; undefined for an option that takes any text.
 */
export type KnownValues = (command: string, option: string) => ((text: string) => boolean) | undefined;

/** Known values (a topic's label) are a few words: longer runs are not tried. */
const KNOWN_VALUE_WORDS = 12;

export interface ParsedCommand {
  name: string;
  subcommand: string | null;
  options: Record<string, OptionValue>;
}

export function parseCommandLine(
  line: string,
  commands: readonly CommandJSON[],
  known: KnownValues = () => undefined,
): ParsedCommand {
  const text = line.trim().replace(/^\//u, '').trimStart();
  const typed = /^\S*/u.exec(text)![0];
  if (typed === '') throw new UserError('Type a command after the slash, for example /help.');
  const command = findCommand(typed, commands);
  const words = splitWords(text.slice(typed.length));
  const declared = command.options ?? [];
  if (!declared.some(isSubcommandLike)) {
    const knows = (option: string) => known(command.name, option);
    return { name: command.name, subcommand: null, options: readOptions(words, declared, usageOf(command), knows) };
  }
  const sub = findSubcommand(command, words[0]);
  const usage = usageLine(`/${command.name} ${sub.name}`, sub.options ?? []);
  const knows = (option: string) => known(command.name, option);
  return {
    name: command.name,
    subcommand: sub.name,
    options: readOptions(words.slice(1), sub.options ?? [], usage, knows),
  };
}

/** The OptionReader over a parsed line, with discord.js's semantics for absent and required. */
export function optionReader(parsed: ParsedCommand): OptionReader {
  return {
    getString: (name, required = false) => read(parsed, name, required, 'string'),
    getInteger: (name, required = false) => {
      const value = read(parsed, name, required, 'number');
      if (value !== null && !Number.isInteger(value)) throw new TypeError(`Option "${name}" is not an integer.`);
      return value;
    },
    getBoolean: (name, required = false) => read(parsed, name, required, 'boolean'),
    getChannel: (name, required = false) => {
      const typed = read(parsed, name, required, 'string');
      // The console has no channels to resolve: "#alerts", "<#123>" and "123" name one as typed.
      return typed === null ? null : { id: typed.replace(/^<#(\d+)>$/u, '$1').replace(/^#/u, '') };
    },
    getSubcommand: (required = true) => {
      if (parsed.subcommand === null && required) throw new UserError(`/${parsed.name} has no subcommand.`);
      return parsed.subcommand;
    },
  };
}

interface Kinds {
  string: string;
  number: number;
  boolean: boolean;
}

function read<K extends keyof Kinds>(parsed: ParsedCommand, name: string, required: boolean, kind: K): Kinds[K] | null {
  const value = Object.hasOwn(parsed.options, name) ? parsed.options[name] : undefined;
  if (value === undefined) {
    if (required) throw new UserError(`Missing required option: ${name}.`);
    return null;
  }
  // Like discord.js, asking for the wrong type is the command's bug, not the user's.
  if (typeof value !== kind) throw new TypeError(`Option "${name}" is a ${typeof value}, not a ${kind}.`);
  return value as Kinds[K];
}

function findCommand(typed: string, commands: readonly CommandJSON[]): CommandJSON {
  const wanted = typed.toLowerCase();
  const found = commands.find((c) => c.name.toLowerCase() === wanted);
  if (found) return found;
  // Only letters and digits are echoed, and only a few of them: the message is shown as typed.
  const shown = wanted.replace(/[^\p{L}\p{N}_-]/gu, '').slice(0, 32);
  const close = closestNames(
    wanted.slice(0, 64),
    commands.map((c) => c.name),
  );
  const hint = close.length > 0 ? ` Did you mean ${close.map((n) => `/${n}`).join(', ')}?` : '';
  throw new UserError(`Unknown command${shown ? ` /${shown}` : ''}.${hint} Type /help to see every command.`);
}

function findSubcommand(command: CommandJSON, word: Word | undefined): OptionJSON {
  const subs = (command.options ?? []).filter(isSubcommandLike);
  const list = subs.map((s) => s.name).join(', ');
  const usage = usageOf(command).replaceAll('\n', ' | ');
  if (!word || word.name !== undefined) fail(`/${command.name} needs a subcommand first: ${list}.`, usage);
  const sub = subs.find((s) => s.name.toLowerCase() === word.value.toLowerCase());
  if (!sub) fail(`/${command.name} has no such subcommand; choose one of: ${list}.`, usage);
  if (sub.type === SUB_COMMAND_GROUP) fail(`Subcommand groups like ${sub.name} only work in Discord.`, usage);
  return sub;
}

function readOptions(
  words: readonly Word[],
  declared: readonly OptionJSON[],
  usage: string,
  knows: (option: string) => ((text: string) => boolean) | undefined,
): Record<string, OptionValue> {
  const byName = new Map(declared.map((o) => [o.name.toLowerCase(), o]));
  const resolved = words.map((w) => resolveName(w, byName, usage));
  const values: Record<string, OptionValue> = {};
  const positional = readNamed(resolved, byName, values, usage);
  readPositional(positional, declared, values, usage, knows);
  const missing = declared.filter((o) => o.required && !Object.hasOwn(values, o.name)).map((o) => o.name);
  if (missing.length > 0)
    fail(`Missing required option${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`, usage);
  return values;
}

/** An unknown `word:` with nothing after it is prose ("note: ..."); with a value it is a typo. */
function resolveName(word: Word, byName: ReadonlyMap<string, OptionJSON>, usage: string): Word {
  if (word.name === undefined || byName.has(word.name.toLowerCase())) return word;
  if (word.value === '' && !word.quoted) return { name: undefined, value: word.raw, quoted: false, raw: word.raw };
  const valid = [...byName.values()].map((o) => o.name).join(', ');
  fail(valid ? `Unknown option ${word.name}; the options are: ${valid}.` : `This command takes no options.`, usage);
}

/** Sets the `name:value` options and returns the plain words, in order, for the positions. */
function readNamed(
  words: readonly Word[],
  byName: ReadonlyMap<string, OptionJSON>,
  values: Record<string, OptionValue>,
  usage: string,
): string[] {
  const plain: string[] = [];
  const lastNamed = words.findLastIndex((w) => w.name !== undefined);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (word.name === undefined) {
      plain.push(word.value);
      continue;
    }
    const option = byName.get(word.name.toLowerCase())!;
    if (Object.hasOwn(values, option.name)) fail(`The option ${option.name} is given twice.`, usage);
    let text: string | undefined = word.quoted || word.value !== '' ? word.value : undefined;
    if (i === lastNamed && option.type === STRING && !word.quoted) {
      text = [word.value, ...words.slice(i + 1).map((w) => w.value)].filter((v) => v !== '').join(' ') || undefined;
      i = words.length;
    } else if (text === undefined && words[i + 1]?.name === undefined && i + 1 < words.length) {
      i += 1;
      text = words[i]!.value;
    }
    if (text === undefined) fail(`The option ${option.name} needs a value after the colon.`, usage);
    values[option.name] = convert(option, text, usage);
  }
  return plain;
}

function readPositional(
  words: readonly string[],
  declared: readonly OptionJSON[],
  values: Record<string, OptionValue>,
  usage: string,
  knows: (option: string) => ((text: string) => boolean) | undefined,
): void {
  const open = declared.filter((o) => !Object.hasOwn(values, o.name));
  let next = 0;
  const first = open[0];
  const isKnown = first?.type === STRING && !first.choices ? knows(first.name) : undefined;
  if (first && isKnown) {
    for (let end = Math.min(words.length, KNOWN_VALUE_WORDS); end > 1; end -= 1) {
      const text = words.slice(0, end).join(' ');
      if (!isKnown(text)) continue;
      values[first.name] = text;
      open.shift();
      next = end;
      break;
    }
  }
  open.forEach((option, k) => {
    if (next >= words.length) return;
    const rest = k === open.length - 1 && option.type === STRING;
    values[option.name] = convert(option, rest ? words.slice(next).join(' ') : words[next]!, usage);
    next = rest ? words.length : next + 1;
  });
  if (next < words.length) {
    fail(
      open.length === 0 && declared.length === 0
        ? 'This command takes no options.'
        : 'Too many values; put quotes around a value with spaces.',
      usage,
    );
  }
}
