/**
 * The search quality bench's query set, drawn from the corpus itself so every query has an
 * answer key: a claim is relevant when its sentence holds every word the member meant (the
 * typed word for a typo's intended one). The key is worked out here by intersecting word lists,
 * independently of either engine under test.
 */
import { editDistance } from '../../src/index/spelling.js';
import { pick, type Rng } from './bot-words.js';

export type QueryKind = 'two words' | 'three words' | 'typo' | 'rare word' | 'common words' | 'name' | 'no hit';

export interface QualityQuery {
  kind: QueryKind;
  text: string;
  /** Claim ids whose sentence holds every meant word; empty for a no-hit query. */
  relevant: Set<number>;
}

/** How many of each kind: 240 in all. */
export const QUERY_MIX: Record<QueryKind, number> = {
  'two words': 60,
  'three words': 40,
  typo: 50,
  'rare word': 25,
  'common words': 20,
  name: 25,
  'no hit': 20,
};

export interface WordLists {
  /** Claim ids per word, ascending. */
  byWord: Map<string, number[]>;
  /** Each claim's words, by claim id. */
  words: string[][];
  claims: number;
}

const isWord = (w: string) => !/\d/.test(w) && w.length > 2;

function holdingAll(lists: WordLists, words: string[]): Set<number> {
  const sorted = words.map((w) => lists.byWord.get(w) ?? []).sort((a, b) => a.length - b.length);
  const others = sorted.slice(1).map((l) => new Set(l));
  return new Set(sorted[0]!.filter((id) => others.every((s) => s.has(id))));
}

/** A typo past the first letter: a swap, a dropped letter, a doubled one or a wrong one. */
function misspell(rng: Rng, word: string): string {
  const at = 1 + Math.floor(rng() * (word.length - 2));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rng() * 26)]!;
  switch (Math.floor(rng() * 4)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + letter + word.slice(at + 1);
  }
}

export function qualityQueries(rng: Rng, lists: WordLists, claimantNames: string[]): QualityQuery[] {
  const df = (w: string) => lists.byWord.get(w)?.length ?? 0;
  const claimWords = () => [...new Set(lists.words[1 + Math.floor(rng() * lists.claims)]!)].filter(isWord);
  const draw = (n: number, fits: (w: string) => boolean = () => true): string[] | null => {
    const words = claimWords().filter(fits);
    if (words.length < n) return null;
    const out: string[] = [];
    while (out.length < n) {
      const w = pick(rng, words);
      if (!out.includes(w)) out.push(w);
    }
    return out;
  };
  const common = Math.max(2, lists.claims / 100);
  const makers: Record<QueryKind, () => QualityQuery | null> = {
    'two words': () => keyed('two words', draw(2)),
    'three words': () => keyed('three words', draw(3)),
    'rare word': () => {
      const words = claimWords();
      const rare = words.find((w) => df(w) <= 3);
      const other = words.find((w) => w !== rare && df(w) > 3);
      return rare && other ? keyed('rare word', [rare, other]) : null;
    },
    'common words': () =>
      keyed(
        'common words',
        draw(2, (w) => df(w) >= common),
      ),
    name: () => {
      const words = pick(rng, claimantNames)
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter(isWord);
      return words.length ? keyed('name', words) : null;
    },
    typo: () => {
      const words = draw(2, (w) => w.length >= 5);
      if (!words) return null;
      const typed = misspell(rng, words[0]!);
      if (lists.byWord.has(typed)) return null;
      return { ...keyed('typo', words)!, text: `${typed} ${words[1]}` };
    },
    'no hit': () => {
      const letters = 'bcdfghjklmnpqrstvwxz';
      const word = () => Array.from({ length: 8 + Math.floor(rng() * 3) }, () => pick(rng, [...letters])).join('');
      const text = `${word()} ${word()}`;
      const near = text
        .split(' ')
        .some((t) =>
          [...lists.byWord.keys()].some((w) => Math.abs(w.length - t.length) <= 2 && editDistance(t, w, 2) <= 2),
        );
      return near ? null : { kind: 'no hit', text, relevant: new Set() };
    },
  };
  function keyed(kind: QueryKind, words: string[] | null): QualityQuery | null {
    if (!words) return null;
    const relevant = holdingAll(lists, words);
    return relevant.size ? { kind, text: words.join(' '), relevant } : null;
  }
  const queries: QualityQuery[] = [];
  for (const [kind, count] of Object.entries(QUERY_MIX) as Array<[QueryKind, number]>) {
    for (let made = 0, tries = 0; made < count && tries < count * 50; tries++) {
      const query = makers[kind]();
      if (query && !queries.some((q) => q.text === query.text)) {
        queries.push(query);
        made++;
      }
    }
  }
  return queries;
}
