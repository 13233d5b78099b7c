import { DATA_DIR } from '../../src/config.js';
import { type Claim, compileLexicon, extractClaims, parseArticle } from '../../src/extract/index.js';
import { loadLexicon } from '../../src/newsroom/data-files.js';

export const lexicon = compileLexicon(loadLexicon(DATA_DIR));

/** Claims in a piece of article text, extracted with the shipped lexicon. */
export function claimsIn(text: string, defaults: { outlet?: string; date?: string } = {}): Claim[] {
  return extractClaims(parseArticle(text, defaults), lexicon);
}

/** Figures only, as [low, high] pairs: the shape most number tests care about. */
export const figuresIn = (text: string): Array<[number | null, number | null]> =>
  claimsIn(text)
    .filter((c) => c.low !== null)
    .map((c) => [c.low, c.high]);
