import Fuse from 'fuse.js';
import { tokenize } from './tokens.js';

export interface SearchHit {
  id: number;
  score: number;
}

interface Expansion {
  term: string;
  weight: number;
}

/**
 * Free-text search over claim sentences through an inverted index: a query touches only the
 * claims that share a word with it. Words not in the vocabulary are corrected with fuse.js over
 * the vocabulary (thousands of words), never over the claims (a million).
 */
export class TextSearch {
  private readonly postings = new Map<string, number[]>();
  private vocabulary: string[] | null = null;
  private readonly fuzzyByInitial = new Map<string, Fuse<string>>();
  private scores = new Float64Array(1024);
  private credited = new Int32Array(1024);
  private queries = 0;
  private documents = 0;

  add(id: number, words: readonly string[]): void {
    this.documents++;
    for (const word of new Set(words)) {
      const list = this.postings.get(word);
      if (list) list.push(id);
      else {
        this.postings.set(word, [id]);
        this.vocabulary = null;
        this.fuzzyByInitial.delete(word[0]!);
      }
    }
    if (id >= this.scores.length) this.grow(id);
  }

  search(query: string, limit: number, accept: (id: number) => boolean): SearchHit[] {
    const terms = [...new Set(tokenize(query))];
    if (terms.length === 0) return [];
    const touched: number[] = [];
    for (const term of terms) this.credit(this.expand(term), touched);
    const hits = this.best(touched, limit, accept);
    for (const id of touched) this.scores[id] = 0;
    return hits;
  }

  /** Credits each claim once per query word, at the best weight any spelling of it earns. */
  private credit(expansions: Expansion[], touched: number[]): void {
    const stamp = ++this.queries;
    for (const { term, weight } of expansions) {
      const ids = this.postings.get(term)!;
      const idf = Math.log(1 + this.documents / ids.length);
      for (const id of ids) {
        if (this.credited[id] === stamp) continue;
        this.credited[id] = stamp;
        if (this.scores[id] === 0) touched.push(id);
        this.scores[id] = this.scores[id]! + weight * idf;
      }
    }
  }

  private expand(term: string): Expansion[] {
    const found: Expansion[] = this.postings.has(term) ? [{ term, weight: 1 }] : [];
    if (term.length >= 3) found.push(...this.withPrefix(term).map((t) => ({ term: t, weight: 0.8 })));
    if (found.length === 0) found.push(...this.similar(term).map((t) => ({ term: t, weight: 0.6 })));
    return found;
  }

  private withPrefix(prefix: string): string[] {
    const vocabulary = (this.vocabulary ??= [...this.postings.keys()].sort());
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < vocabulary.length && out.length < 20 && vocabulary[i]!.startsWith(prefix); i++) {
      if (vocabulary[i] !== prefix) out.push(vocabulary[i]!);
    }
    return out;
  }

  /** Typos rarely touch the first letter, so only words sharing it are compared. */
  private similar(term: string): string[] {
    const initial = term[0]!;
    let fuse = this.fuzzyByInitial.get(initial);
    if (!fuse) {
      const words = [...this.postings.keys()].filter((w) => w[0] === initial);
      fuse = new Fuse(words, { threshold: 0.34, ignoreLocation: true, includeScore: true });
      this.fuzzyByInitial.set(initial, fuse);
    }
    return fuse.search(term, { limit: 3 }).map((r) => r.item);
  }

  /** The top hits, best first; ties go to the newer claim. */
  private best(touched: number[], limit: number, accept: (id: number) => boolean): SearchHit[] {
    const hits: SearchHit[] = [];
    const worse = (a: SearchHit, b: SearchHit) => a.score < b.score || (a.score === b.score && a.id < b.id);
    // Newest first: ties go to the newer claim, so in ascending order every tied claim would win
    // a place for a moment. The order of visits does not change the result, only its cost.
    for (let k = touched.length - 1; k >= 0; k--) {
      const id = touched[k]!;
      const score = this.scores[id]!;
      // Compared before a hit is made: a broad query touches half the claims, and most lose here.
      const last = hits.length === limit ? hits[limit - 1]! : undefined;
      if (last && !(last.score < score || (last.score === score && last.id < id))) continue;
      if (!accept(id)) continue;
      const hit = { id, score };
      let i = hits.length;
      while (i > 0 && worse(hits[i - 1]!, hit)) i--;
      hits.splice(i, 0, hit);
      if (hits.length > limit) hits.pop();
    }
    return hits;
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
