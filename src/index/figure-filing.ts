import { Figure, type FigureStanding, type IndexedClaim, standingOf } from './records.js';
import { TopicRows } from './topic-rows.js';

type Part = string | number | null;
/** Figures by the parts of their key, one Map per part (topic, claimant, status, measure, standing, low, high). */
type Trie = Map<Part, Trie | Figure>;

/** Where claims are filed by what they say: one Figure per topic, claimant, status, measure and value, in topic rows. */
export class FigureFiling {
  readonly figures = new Map<string, Figure>();
  readonly rows = new TopicRows();
  /**
   * While filing in bulk: a claim's figure found part by part, without writing its key. Making
   * the key string (its numbers printed) for each of a million claims was a quarter of boot.
   */
  private bulkTrie: Trie | null = new Map();
  /** While loading saved claims: figures by the number they were saved under. */
  private saved: Figure[] = [];

  /**
   * Files the claim under `topic` and `measure` (its own, or the ones a re-filing gives it).
   * Bulk filing appends and leaves each figure to be sorted once (sortAll).
   */
  file(claim: IndexedClaim, topic: string | null, measure: string, bulk: boolean): Figure {
    const { claimant, status, low, high } = claim;
    const standing = standingOf(claim);
    let figure = bulk && this.bulkTrie ? this.bulkFigure(claim, topic, measure, standing) : undefined;
    const key = figure ? figure.key : Figure.keyOf({ topic, claimant, status, low, high }, measure, standing);
    figure ??= this.figures.get(key);
    const isNew = !figure;
    if (!figure) {
      figure = new Figure(key, topic, claimant, status, measure, low, high, standing);
      this.figures.set(key, figure);
      if (bulk && this.bulkTrie) this.rememberBulk(figure);
    }
    if (bulk) figure.append(claim);
    else figure.add(claim);
    // A claim marked wrong is kept for /claim and the record, in no topic's rows. A known figure's
    // row only needs re-sorting, which bulk filing leaves until a row is first read.
    if (standing !== 'wrong' && (isNew || !bulk)) this.rows.place(figure, isNew);
    return figure;
  }

  /**
   * Loading saved claims: claims saved under one figure number share a figure, worked out from
   * the first of them (its measure too); the others take its measure and are appended.
   */
  fileSaved(claim: IndexedClaim, number: number, measureOf: (claim: IndexedClaim) => string): Figure {
    const known = this.saved[number];
    if (known) {
      claim.measure = known.measure;
      known.append(claim);
      return known;
    }
    claim.measure = measureOf(claim);
    const figure = this.file(claim, claim.topic, claim.measure, true);
    this.saved[number] = figure;
    return figure;
  }

  sortAll(): void {
    for (const _ of this.sortInSlices(Number.POSITIVE_INFINITY));
  }

  /** Sorts every figure's claims, yielding after each `slice` figures. Bulk filing ends here. */
  *sortInSlices(slice: number): Generator<number, void> {
    this.bulkTrie = null;
    this.saved = [];
    let sorted = 0;
    for (const figure of this.figures.values()) {
      figure.sortClaims();
      if (++sorted % slice === 0) yield sorted;
    }
  }

  private bulkFigure(claim: IndexedClaim, topic: string | null, measure: string, standing: FigureStanding) {
    let node: Trie | Figure | undefined = this.bulkTrie!;
    for (const part of [topic, claim.claimant, claim.status, measure, standing, claim.low, claim.high]) {
      node = (node as Trie).get(part);
      if (node === undefined) return undefined;
    }
    return node as Figure;
  }

  private rememberBulk(figure: Figure): void {
    const { topic, claimant, status, measure, standing, low, high } = figure;
    let node = this.bulkTrie!;
    for (const part of [topic, claimant, status, measure, standing, low]) {
      let next = node.get(part) as Trie | undefined;
      if (!next) node.set(part, (next = new Map()));
      node = next;
    }
    node.set(high, figure);
  }
}
