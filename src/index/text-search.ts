import { Postings } from './postings.js';
import { bestHits, gallop, kthScore, type SearchHit } from './search-hits.js';
import { Spelling } from './spelling.js';
import { tokenize } from './tokens.js';

/** Claims of the rarest word looked at for the newest holding every word, before scoring them all. */
const NEWEST_LOOKED_AT = 2000;

export type { SearchHit } from './search-hits.js';

/** One query word as scored: the lists of the words it stands for, each with its weight. */
interface QueryWord {
  lists: Array<{ postings: Postings; weight: number }>;
  /** The query word's rarity: that of the word it most likely means. */
  idf: number;
  /** The most one claim can gain from this word. */
  most: number;
}

/**
 * Free-text search over claim sentences through an inverted index: a query touches only the
 * claims that share a word with it. Each query word counts once per claim, at the rarity of the
 * word it stands for (spelling.ts says which: itself, else its likeliest completions and
 * corrections). Words are scored rarest first, and once the top hits are out of reach for any
 * claim not yet seen, the common words only add to the claims already found (MaxScore), so
 * "north korean troops" does not walk every claim that says "troops".
 */
export class TextSearch {
  private readonly postings = new Map<string, Postings>();
  private readonly spelling = new Spelling((word) => this.postings.get(word)?.length ?? 0);
  private scores = new Float64Array(1024);
  private credited = new Int32Array(1024);
  private queries = 0;
  private documents = 0;

  add(id: number, words: readonly string[]): void {
    this.documents++;
    for (const word of new Set(words)) {
      let list = this.postings.get(word);
      if (!list) {
        this.postings.set(word, (list = new Postings()));
        this.spelling.addWord(word);
      }
      list.add(id);
    }
    if (id >= this.scores.length) this.grow(id);
  }

  /** After loading: lists stop growing in bulk, so their spare room is given back. */
  trim(): void {
    for (const list of this.postings.values()) list.trim();
  }

  /**
   * The index as data to save: its words, newline-separated (words hold only letters and
   * digits), and one block of integers: claims indexed, the highest id, the word count, each
   * word's list length, then every list in word order.
   */
  snapshot(): { words: string; postings: Int32Array } {
    const words = [...this.postings.keys()];
    let total = 3 + words.length;
    for (const list of this.postings.values()) total += list.length;
    const block = new Int32Array(total);
    block[0] = this.documents;
    block[1] = this.scores.length - 1;
    block[2] = words.length;
    let at = 3 + words.length;
    words.forEach((word, i) => {
      const ids = this.postings.get(word)!.view();
      block[3 + i] = ids.length;
      block.set(ids, at);
      at += ids.length;
    });
    return { words: words.join('\n'), postings: block };
  }

  /**
   * The index a snapshot describes, its lists views into the block (no copies); null when the
   * two halves do not fit together, and the caller rebuilds.
   */
  static restore(words: string, block: Int32Array): TextSearch | null {
    const text = new TextSearch();
    const list = words.length ? words.split('\n') : [];
    if (block.length < 3 || block[2] !== list.length) return null;
    let total = 3 + list.length;
    for (let i = 0; i < list.length; i++) total += block[3 + i]!;
    if (total !== block.length) return null;
    text.documents = block[0]!;
    text.grow(block[1]!);
    let at = 3 + list.length;
    list.forEach((word, i) => {
      const count = block[3 + i]!;
      text.postings.set(word, Postings.over(block.subarray(at, at + count)));
      text.spelling.addWord(word);
      at += count;
    });
    return text;
  }

  search(query: string, limit: number, accept: (id: number) => boolean): SearchHit[] {
    const words = [...new Set(tokenize(query))]
      .map((term) => this.queryWord(term))
      .filter((w): w is QueryWord => w !== null)
      .sort((a, b) => b.most - a.most);
    if (words.length === 0) return [];
    // reachable[i]: the most a claim first seen at word i could still score.
    const reachable = words.map((_, i) => words.slice(i).reduce((sum, w) => sum + w.most, 0));
    const newest = this.newestHoldingAll(words, reachable[0]!, limit, accept);
    if (newest) return newest;
    const touched: number[] = [];
    let found: Int32Array | null = null;
    words.forEach((word, i) => {
      if (!found && i > 0 && kthScore(this.scores, touched, limit, accept) > reachable[i]!)
        found = Int32Array.from(touched).sort();
      if (found) this.creditFound(word, found);
      else this.credit(word, touched);
    });
    const hits = bestHits(this.scores, touched, limit, accept);
    for (const id of touched) this.scores[id] = 0;
    return hits;
  }

  /**
   * The common case of a query whose words many claims share: no claim can beat one holding
   * every word, and ties go to the newer claim, so the newest claims holding all of them are the
   * answer. Walks the rarest word's claims from the newest, a bounded number, and gives up (null)
   * when too few hold every word. A corrected word counts as held through its likeliest spelling
   * alone ("misiles" as "missiles"), the only one that earns its full weight.
   */
  private newestHoldingAll(
    words: QueryWord[],
    perfect: number,
    limit: number,
    accept: (id: number) => boolean,
  ): SearchHit[] | null {
    // A claim scores `perfect` only by holding each word's best spelling: one list per word, unless two tie.
    const best = words.map((w) => {
      const lists = w.lists.filter((l) => l.weight * w.idf === w.most);
      return lists.length === 1 ? lists[0]!.postings : null;
    });
    if (best.includes(null)) return null;
    const [rarest, ...others] = best as Postings[];
    const hits: SearchHit[] = [];
    const stop = Math.max(0, rarest!.length - NEWEST_LOOKED_AT);
    for (let k = rarest!.length - 1; k >= stop && hits.length < limit; k--) {
      const id = rarest!.at(k);
      if (others.every((list) => list.has(id)) && accept(id)) hits.push({ id, score: perfect });
    }
    return hits.length === limit ? hits : null;
  }

  private queryWord(term: string): QueryWord | null {
    const expansions = this.spelling.expand(term);
    if (expansions.length === 0) return null;
    const idf = Math.log(1 + this.documents / this.postings.get(expansions[0]!.term)!.length);
    const lists = expansions.map(({ term: t, weight }) => ({ postings: this.postings.get(t)!, weight }));
    return { lists, idf, most: idf * Math.max(...lists.map((l) => l.weight)) };
  }

  /** Credits each claim once per query word, at the best weight any of its spellings earns. */
  private credit(word: QueryWord, touched: number[]): void {
    const stamp = ++this.queries;
    for (const { postings, weight } of [...word.lists].sort((a, b) => b.weight - a.weight)) {
      const ids = postings.view();
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (this.credited[id] === stamp) continue;
        this.credited[id] = stamp;
        if (this.scores[id] === 0) touched.push(id);
        this.scores[id] = this.scores[id]! + weight * word.idf;
      }
    }
  }

  /**
   * As credit, but only for the claims already found (ascending): each list is walked by
   * galloping from one found id to the next, so a word in half the claims costs a few steps per
   * found claim rather than a step per claim that holds it.
   */
  private creditFound(word: QueryWord, found: Int32Array): void {
    const stamp = ++this.queries;
    for (const { postings, weight } of [...word.lists].sort((a, b) => b.weight - a.weight)) {
      const gain = weight * word.idf;
      const ids = postings.view();
      let at = 0;
      for (let k = 0; k < found.length && at < ids.length; k++) {
        const id = found[k]!;
        at = gallop(ids, id, at);
        if (ids[at] === id && this.credited[id] !== stamp) this.creditOnce(id, gain, stamp);
      }
    }
  }

  private creditOnce(id: number, gain: number, stamp: number): void {
    this.credited[id] = stamp;
    this.scores[id] = this.scores[id]! + gain;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.scores.length * 2);
    const scores = new Float64Array(size);
    scores.set(this.scores);
    const credited = new Int32Array(size);
    credited.set(this.credited);
    this.scores = scores;
    this.credited = credited;
  }
}
