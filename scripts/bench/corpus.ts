/**
 * The vocabulary that makes the bench's claims read like a year of coverage rather than a few
 * templates: clauses walked from a word-pair chain over the hand-written gold articles (real
 * phrasing), some of their words swapped for English words drawn Zipf-like from 275,000
 * (a long tail of rare words, as reporting has), places from 80,000 town names, and hundreds
 * of claimants beyond the lexicon (regional bodies and officials nobody configured).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { EntityDef } from '../../src/extract/index.js';
import { pick, type Rng, shuffled, zipf } from './bot-words.js';

const require = createRequire(import.meta.url);
const GOLD = fileURLToPath(new URL('../../test/gold/', import.meta.url));
/** Words the chain keeps as written: swapping them would make the clause unreadable. */
const KEEP = new Set(
  (
    'a an and are as at be been but by for from had has have he her his if in into is it its not of on or our ' +
    'she so than that the their them then there they this to was were which who will with would said says'
  ).split(' '),
);
const BODIES = [
  'regional administration',
  'military administration',
  'city council',
  'border service',
  'police',
  'emergency service',
  'health department',
  "governor's office",
];

/** Which word follows which in the gold articles' bodies, as often as it does there. */
function wordChain(): Map<string, string[]> {
  const chain = new Map<string, string[]>();
  for (const file of readdirSync(GOLD).filter((f) => f.endsWith('.txt'))) {
    const body = readFileSync(GOLD + file, 'utf8')
      .split('\n---\n')
      .slice(1)
      .join('\n');
    for (const sentence of body.split(/[.!?\n]+/)) {
      const words = sentence.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
      for (let i = 0; i + 1 < words.length; i++) {
        const next = chain.get(words[i]!);
        if (next) next.push(words[i + 1]!);
        else chain.set(words[i]!, [words[i + 1]!]);
      }
    }
  }
  return chain;
}

export class Corpus {
  private readonly chain = wordChain();
  private readonly starts: string[];
  private readonly word: (rng: Rng) => string;
  private readonly town: (rng: Rng) => string;
  /** Claimants no lexicon lists, for the long tail of who claims figures. */
  readonly claimants: EntityDef[];

  constructor(rng: Rng) {
    this.starts = [...this.chain.keys()].filter((w) => KEEP.has(w.toLowerCase()) || /^[a-z]/.test(w));
    const english = require('an-array-of-english-words') as string[];
    this.word = zipf(shuffled(rng, english), 1);
    const towns = shuffled(rng, Object.keys(require('cities-list') as Record<string, number>));
    this.town = zipf(towns, 0.9);
    this.claimants = towns.slice(0, 400).map((town, i) => {
      const name = `${town} ${BODIES[i % BODIES.length]!}`;
      return { name, kind: 'agency', aliases: [name] };
    });
  }

  /** A town, rare ones far more often than a few templates' places would allow. */
  place(rng: Rng): string {
    return this.town(rng);
  }

  /** A clause of 4 to 14 words in the gold articles' phrasing, about a third of its words swapped. */
  clause(rng: Rng): string {
    let at = pick(rng, this.starts);
    const out: string[] = [];
    const length = 4 + Math.floor(rng() * 11);
    for (let i = 0; i < length; i++) {
      const swap = !KEEP.has(at.toLowerCase()) && at.length > 3 && rng() < 0.35;
      out.push(swap ? this.word(rng) : at);
      const next = this.chain.get(at);
      if (!next) break;
      at = pick(rng, next);
    }
    return out.join(' ');
  }
}
