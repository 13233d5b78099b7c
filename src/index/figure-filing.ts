import { Figure, type IndexedClaim, standingOf } from './records.js';
import { TopicRows } from './topic-rows.js';

/** Where claims are filed by what they say: one Figure per topic, claimant, status, measure and value, in topic rows. */
export class FigureFiling {
  readonly figures = new Map<string, Figure>();
  readonly rows = new TopicRows();

  /**
   * Files the claim under `topic` and `measure` (its own, or the ones a re-filing gives it).
   * Bulk filing appends and leaves each figure to be sorted once (sortAll).
   */
  file(claim: IndexedClaim, topic: string | null, measure: string, bulk: boolean): Figure {
    const { claimant, status, low, high } = claim;
    const standing = standingOf(claim);
    const key = Figure.keyOf({ topic, claimant, status, low, high }, measure, standing);
    let figure = this.figures.get(key);
    const isNew = !figure;
    if (!figure) {
      figure = new Figure(key, topic, claimant, status, measure, low, high, standing);
      this.figures.set(key, figure);
    }
    if (bulk) figure.append(claim);
    else figure.add(claim);
    // A claim marked wrong is kept for /claim and the record, in no topic's rows. A known figure's
    // row only needs re-sorting, which bulk filing leaves until a row is first read.
    if (standing !== 'wrong' && (isNew || !bulk)) this.rows.place(figure, isNew);
    return figure;
  }

  sortAll(): void {
    for (const _ of this.sortInSlices(Number.POSITIVE_INFINITY));
  }

  /** Sorts every figure's claims, yielding after each `slice` figures. */
  *sortInSlices(slice: number): Generator<number, void> {
    let sorted = 0;
    for (const figure of this.figures.values()) {
      figure.sortClaims();
      if (++sorted % slice === 0) yield sorted;
    }
  }
}
