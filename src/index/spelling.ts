/** A word the query may have meant, and how much a claim holding it counts for the query word. */
export interface Expansion {
  term: string;
  /** 1 for the word itself; less for a completion or a correction, and less again the rarer it is. */
  weight: number;
}

/** How much a completion or a correction is trusted before its frequency is weighed. */
const PREFIX_TRUST = 0.8;
const EDIT_TRUST = [1, 0.6, 0.25];
const CANDIDATES = 5;
const COMPLETIONS_LOOKED_AT = 200;

/**
 * Typos rarely touch the first letter, so the vocabulary is kept in sorted buckets by initial:
 * completions are a range of one bucket, corrections are compared within one bucket, and a new
 * word re-sorts only its own bucket.
 */
export class Spelling {
  private readonly buckets = new Map<string, string[]>();
  private readonly unsorted = new Set<string>();
  /** Each sorted bucket's letter sets (see letterSet), made when a correction first needs them. */
  private readonly letterSets = new Map<string, Int32Array>();

  /** `frequency` is how many claims hold a word (0 when none). */
  constructor(private readonly frequency: (word: string) => number) {}

  addWord(word: string): void {
    const initial = word[0]!;
    const bucket = this.buckets.get(initial);
    if (bucket) bucket.push(word);
    else this.buckets.set(initial, [word]);
    this.unsorted.add(initial);
  }

  /**
   * What a query word stands for. A word the claims hold is itself and nothing else (the exact
   * "service" is never diluted by "servicemen"). Otherwise completions and corrections compete:
   * each is trusted by kind and edit distance times how many claims hold it, the best sets the
   * rarity the query word is scored at (the caller's), and the others count in proportion. So a
   * rare village one letter from "shels" cannot outweigh "shells", which thousands of claims hold.
   */
  expand(term: string): Expansion[] {
    if (this.frequency(term) > 0) return [{ term, weight: 1 }];
    if (term.length < 3 || /\d/.test(term)) return [];
    const trusted = new Map<string, number>();
    for (const { term: word, weight } of [...this.completions(term), ...this.corrections(term)])
      if (weight > (trusted.get(word) ?? 0)) trusted.set(word, weight);
    const ranked = [...trusted]
      .map(([word, trust]) => ({ word, trust, prior: trust * this.frequency(word) }))
      .sort((a, b) => b.prior - a.prior || (a.word < b.word ? -1 : 1))
      .slice(0, CANDIDATES);
    const top = ranked[0];
    if (!top) return [];
    return ranked.map(({ word, prior }) => ({ term: word, weight: (top.trust * prior) / top.prior }));
  }

  /** Words the query word begins ("kurs" for "kursk"), from three letters on. */
  private completions(prefix: string): Expansion[] {
    const words = this.bucket(prefix[0]!);
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: Expansion[] = [];
    for (let i = lo; i < words.length && out.length < COMPLETIONS_LOOKED_AT && words[i]!.startsWith(prefix); i++)
      out.push({ term: words[i]!, weight: PREFIX_TRUST });
    return out;
  }

  /** Words one edit away (two for words of seven letters or more), sharing the first letter. */
  private corrections(term: string): Expansion[] {
    const most = term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0;
    if (most === 0) return [];
    const out: Expansion[] = [];
    const words = this.bucket(term[0]!);
    const sets = this.letterSetsOf(term[0]!, words);
    const letters = letterSet(term);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (Math.abs(word.length - term.length) > most) continue;
      // An edit takes at most one letter from either side's set: a cheap test that rejects most words.
      if (!lettersWithin(letters, sets[i]!, most)) continue;
      const distance = editDistance(term, word, most);
      if (distance <= most) out.push({ term: word, weight: EDIT_TRUST[distance]! });
    }
    return out;
  }

  private bucket(initial: string): string[] {
    const words = this.buckets.get(initial) ?? [];
    if (this.unsorted.delete(initial)) {
      words.sort();
      this.letterSets.delete(initial);
    }
    return words;
  }

  private letterSetsOf(initial: string, words: readonly string[]): Int32Array {
    let sets = this.letterSets.get(initial);
    if (!sets) this.letterSets.set(initial, (sets = Int32Array.from(words, letterSet)));
    return sets;
  }
}

/**
 * The letters a word holds, one bit each (folded into 32): a word within `most` edits of
 * another lacks at most `most` of its letters and adds at most `most`, so comparing two sets
 * rules most candidates out before their edit distance is worked out.
 */
export function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) set |= 1 << (word.charCodeAt(i) % 32);
  return set;
}

/** Whether two words' letter sets (letterSet) allow them to be within `most` edits of each other. */
export const lettersWithin = (a: number, b: number, most: number): boolean =>
  bitCount(a & ~b) <= most && bitCount(b & ~a) <= most;

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) from a to b, or most + 1 as soon as
 * it is sure to exceed most: most words are rejected after a letter or two.
 */
export function editDistance(a: string, b: string, most: number): number {
  const width = b.length + 1;
  if (rows[0]!.length < width) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(width * 2);
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowBest) rowBest = d;
    }
    if (rowBest > most) return most + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, most + 1);
}

/** Three rows reused by every comparison: a correction compares thousands of words per query. */
const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
