/**
 * The claims holding one word, ascending by id, in a typed array: at a million claims the index
 * holds tens of millions of ids, and an Int32Array keeps each in 4 bytes where a JS array of
 * numbers takes 8, and is read without a type check per element.
 */
export class Postings {
  private ids: Int32Array;
  private count = 0;

  constructor(capacity = 2) {
    this.ids = new Int32Array(capacity);
  }

  /** A list over ids already in order, without a copy: restored lists are views into one block. */
  static over(ids: Int32Array): Postings {
    const list = new Postings(0);
    list.ids = ids;
    list.count = ids.length;
    return list;
  }

  get length(): number {
    return this.count;
  }

  /** Ids arrive in ascending order (SQLite rowids); one that does not is put in its place. */
  add(id: number): void {
    if (this.count === this.ids.length) this.grow();
    let i = this.count++;
    while (i > 0 && this.ids[i - 1]! > id) {
      this.ids[i] = this.ids[i - 1]!;
      i--;
    }
    this.ids[i] = id;
  }

  at(i: number): number {
    return this.ids[i]!;
  }

  /** The ids as a view (no copy), for scanning. */
  view(): Int32Array {
    return this.ids.subarray(0, this.count);
  }

  has(id: number): boolean {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.ids[mid]!;
      if (at === id) return true;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Drops the spare capacity once loading is done: half the lists hold one or two ids. */
  trim(): void {
    if (this.ids.length > this.count) this.ids = this.ids.slice(0, this.count);
  }

  private grow(): void {
    const ids = new Int32Array(Math.max(4, this.ids.length * 2));
    ids.set(this.ids);
    this.ids = ids;
  }
}
