import type { Hedge } from './types.js';

// Longest phrases first so "just over" wins over "over"; each binds to the number right after it.
const HEDGES: Array<[RegExp, Hedge]> = [
  [
    /\b(?:approximately|approx\.?|about|around|roughly|some|an estimated|estimated|circa|ca\.|an approximate|in the region of|in the order of|on the order of)\s*$/i,
    'approximately',
  ],
  [/~\s*$/, 'approximately'],
  [
    /\b(?:up to|as many as|as much as|at most|no more than|not more than|a maximum of|fewer than|less than|under|below|just under|just below)\s*$/i,
    'up to',
  ],
  [/\b(?:at least|no fewer than|no less than|not less than|a minimum of|a minimum)\s*$/i, 'at least'],
  [
    /\b(?:more than|over|upwards of|in excess of|above|exceeding|just over|well over|beyond|north of)\s*$/i,
    'more than',
  ],
  [/\b(?:nearly|almost|close to|just shy of|nearing)\s*$/i, 'nearly'],
  // A verb of passing a mark is a hedge too: "the toll has topped 20,000", "could exceed 50,000".
  [
    /\b(?:exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|pass(?:ed|es|ing)?|top(?:ped|s|ping)?|cross(?:ed|es|ing)?|(?:climb(?:ed|s|ing)?|r(?:ose|isen|ises?|ising)|gone|went|moved?|edged)\s+(?:past|above|beyond|over))\s*$/i,
    'more than',
  ],
  [/\bas (?:high|many|much) as\s*$/i, 'up to'],
];

/** The hedge written right before a figure, normalised as the contract lists. */
export function hedgeBefore(text: string, start: number): Hedge | null {
  // Currency signs and "between"/"from" sit between a hedge and its number: "about $2 billion".
  const before = text.slice(Math.max(0, start - 40), start).replace(/(?:[$€£¥₩]|US\$|USD ?)$/, '');
  for (const [pattern, hedge] of HEDGES) {
    if (pattern.test(before)) return hedge;
  }
  return null;
}
