/** Text matched literally inside a RegExp built from lexicon words. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "(?:a|b|c)": any one of the alternatives, each itself a RegExp source. */
export const anyOf = (alternatives: readonly string[]): string => `(?:${alternatives.join('|')})`;

/** Any of the alternatives as a whole word, case-insensitive unless told otherwise. */
export const anyWord = (alternatives: readonly string[], flags = 'i'): RegExp =>
  new RegExp(`\\b${anyOf(alternatives)}\\b`, flags);
