import type { ColumnClaim } from '../store/claim-columns.js';
import type { Figure, IndexedArticle, IndexedClaim } from './records.js';

/** Reads a claim's sentence from the store, for claims the index holds without it. */
export type SentenceSource = (id: number) => string;

type Intern = <T extends string | null>(value: T) => T;

/**
 * A claim as the index holds it: one class, so every claim has one shape (spread copies of
 * store rows each got a hidden class of their own, about 400 bytes a claim), with repeated
 * values interned. Claims loaded from the saved columns come without their sentence, which is
 * read from the store when an answer shows it: a million sentences were a fifth of the memory.
 */
export class ClaimEntry implements IndexedClaim {
  readonly id: number;
  readonly articleId: number;
  readonly position: number;
  low: number | null;
  high: number | null;
  hedge: IndexedClaim['hedge'];
  unit: string | null;
  topic: string | null;
  status: IndexedClaim['status'];
  claimant: string | null;
  via: string | null;
  speaker: string | null;
  figureText: string | null;
  role: IndexedClaim['role'];
  aside: string | null;
  wrong: boolean;
  measure = '';
  figure: Figure = undefined as unknown as Figure; // filed once the claim exists
  private text: string | null;

  constructor(
    record: ColumnClaim & { sentence?: string },
    readonly article: IndexedArticle,
    intern: Intern,
    private readonly sentences: SentenceSource,
  ) {
    this.id = record.id;
    this.articleId = record.articleId;
    this.position = record.position;
    this.text = record.sentence ?? null;
    this.low = record.low;
    this.high = record.high;
    this.hedge = intern(record.hedge);
    this.unit = intern(record.unit);
    this.topic = intern(record.topic);
    this.status = intern(record.status);
    this.claimant = intern(record.claimant);
    this.via = intern(record.via);
    this.speaker = intern(record.speaker);
    this.figureText = intern(record.figureText);
    this.role = intern(record.role);
    this.aside = intern(record.aside);
    this.wrong = record.wrong;
  }

  get sentence(): string {
    return this.text ?? this.sentences(this.id);
  }

  /** Loading hands claims from one sentence the same string, rather than a copy each. */
  set sentence(text: string) {
    this.text = text;
  }

  /** The sentence if the index holds it, without reading the store. */
  heldSentence(): string | null {
    return this.text;
  }
}
