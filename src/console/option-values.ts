// An option's typed text as the value Discord would send: numbers in range, booleans in the
// words people type, a choice by its name or value. Failures end with the command's usage.
import { UserError } from '../errors.js';
import type { OptionJSON } from '../format/usage.js';

export type OptionValue = string | number | boolean;

/** Discord's ApplicationCommandOptionType numbers, without importing discord.js. */
export const STRING = 3,
  INTEGER = 4,
  BOOLEAN = 5,
  NUMBER = 10;
const BOOLEANS = new Map([
  ['true', true],
  ['yes', true],
  ['on', true],
  ['false', false],
  ['no', false],
  ['off', false],
]);

/** A UserError ending with the usage; it never echoes what the user typed. */
export function fail(message: string, usage: string): never {
  throw new UserError(`${message}\nusage: ${usage}`);
}

export function convert(option: OptionJSON, text: string, usage: string): OptionValue {
  if (option.choices) return choose(option, text, usage);
  if (option.type === INTEGER || option.type === NUMBER) return inRange(option, toNumber(option, text, usage), usage);
  if (option.type !== BOOLEAN) return text; // strings, and channels, users and roles as typed
  const flag = BOOLEANS.get(text.toLowerCase());
  if (flag === undefined) fail(`${option.name} must be true or false (or yes/no, on/off).`, usage);
  return flag;
}

function toNumber(option: OptionJSON, text: string, usage: string): number {
  const integer = option.type === INTEGER;
  const pattern = integer ? /^[+-]?\d+$/u : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/iu;
  const value = Number(text);
  if (!pattern.test(text) || (integer ? !Number.isSafeInteger(value) : !Number.isFinite(value))) {
    fail(`${option.name} must be ${integer ? 'a whole number' : 'a number'}.`, usage);
  }
  return value;
}

function inRange(option: OptionJSON, value: number, usage: string): number {
  // Read loosely: OptionJSON need not declare them, but discord.js's JSON carries them.
  const { min_value: min, max_value: max } = option as { min_value?: unknown; max_value?: unknown };
  if (typeof min === 'number' && value < min) fail(`${option.name} must be at least ${min}.`, usage);
  if (typeof max === 'number' && value > max) fail(`${option.name} must be at most ${max}.`, usage);
  return value;
}

/** A choice matches by its name or its value, ignoring case; the value is what Discord sends. */
function choose(option: OptionJSON, text: string, usage: string): string | number {
  const wanted = text.toLowerCase();
  const found = option.choices!.find(
    (c) => c.name.toLowerCase() === wanted || String(c.value).toLowerCase() === wanted,
  );
  if (!found) fail(`${option.name} must be one of: ${option.choices!.map((c) => c.name).join(', ')}.`, usage);
  return found.value;
}
