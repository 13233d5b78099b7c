/**
 * The lexical half of the console's command line (src/command-line.ts does the meaning):
 * words, quotes and `name:value` pairs, and near-miss names, with no knowledge of any command.
 */

/** One word of a console command line, quotes resolved. */
export interface Word {
  /** The option name of a `name:value` word as typed; undefined for a plain word. */
  name: string | undefined;
  value: string;
  /** True when the value was written in quotes, so it is exactly what the user meant. */
  quoted: boolean;
  /** The word as typed, so a `note:` that names no option can fall back to plain text. */
  raw: string;
}

const SPACE = /\s/u;
// A letter first, so times ("10:30") stay plain words; a "//" after the colon keeps URLs plain.
const NAME_PREFIX = /(\p{L}[\p{L}\p{N}_-]{0,31}):(?!\/\/)/uy;
const QUOTES = new Set(['"', "'"]);

/**
 * Splits a line into words. A quote opens only at the start of a word (or of a `name:` value)
 * and closes at the next same quote followed by a space or the end, so apostrophes
 * ("Biden's", 'Biden's') survive; a quote that never closes runs to the end of the line.
 */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let at = 0;
  while (at < text.length) {
    if (SPACE.test(text[at]!)) {
      at += 1;
      continue;
    }
    NAME_PREFIX.lastIndex = at;
    const prefix = NAME_PREFIX.exec(text);
    const read = readValue(text, prefix ? at + prefix[0].length : at);
    words.push({ name: prefix?.[1], value: read.value, quoted: read.quoted, raw: text.slice(at, read.end) });
    at = read.end;
  }
  return words;
}

function readValue(text: string, start: number): { value: string; quoted: boolean; end: number } {
  const quote = text[start];
  if (quote !== undefined && QUOTES.has(quote)) {
    const close = closingQuote(text, start, quote);
    if (close === -1) return { value: text.slice(start + 1), quoted: true, end: text.length };
    return { value: text.slice(start + 1, close), quoted: true, end: close + 1 };
  }
  let end = start;
  while (end < text.length && !SPACE.test(text[end]!)) end += 1;
  return { value: text.slice(start, end), quoted: false, end };
}

function closingQuote(text: string, open: number, quote: string): number {
  let at = text.indexOf(quote, open + 1);
  while (at !== -1 && at + 1 < text.length && !SPACE.test(text[at + 1]!)) {
    at = text.indexOf(quote, at + 1);
  }
  return at;
}

/** Up to three names near what was typed (a typo, or the start of a name), nearest first. */
export function closestNames(typed: string, names: readonly string[]): string[] {
  return names
    .map((name) => ({ name, distance: editDistance(typed, name.toLowerCase()) }))
    .filter(
      ({ name, distance }) =>
        distance <= Math.max(2, Math.floor(name.length / 3)) ||
        (typed.length >= 2 && name.toLowerCase().startsWith(typed)),
    )
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({ name }) => name);
}

/** Levenshtein distance, for "did you mean"; callers keep the strings short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitute = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length]!;
}
