import type Database from 'better-sqlite3';
import type { ClaimRecord } from './records.js';
import { statementCache } from './statements.js';

/** Bump when the layout below changes: a block saved in another layout is then ignored and saved anew. */
export const CLAIM_COLUMNS_FORMAT = 1;

/**
 * Integers saved per claim, in this order; a string field is its index in `strings`, -1 for
 * null. `figure` numbers the claim's figure (0, 1, ... as first met in this order), so loading
 * files claims without working out each one's figure, while `measures` still describes the topics.
 */
/** The claim's text fields, saved as numbers into the block's strings. */
export const CLAIM_STRINGS = [
  'hedge',
  'unit',
  'topic',
  'status',
  'claimant',
  'via',
  'speaker',
  'figureText',
  'role',
  'aside',
] as const;

export const CLAIM_INTS = ['id', 'articleId', 'position', ...CLAIM_STRINGS, 'wrong', 'figure'] as const;

/**
 * Every claim up to `upto` but its sentence (read when shown, see Store.sentence), in the order
 * the index keeps claims (by day, then id), so loading them appends to every list in order:
 * `fields` holds CLAIM_INTS per claim, `figures` low and high (NaN for null).
 */
export interface ClaimColumns {
  upto: number;
  claims: number;
  /** The topics' measures the figures were numbered under (what a claim's figure depends on beyond its fields). */
  measures: string;
  strings: string[];
  fields: Int32Array;
  figures: Float64Array;
}

interface ColumnsRow {
  format: number;
  upto: number;
  claims: number;
  measures: string;
  strings: Buffer;
  fields: Buffer;
  figures: Buffer;
}

/** The saved claim columns, and the claims changed or deleted since they were saved. */
export class ClaimColumnsBook {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  /**
   * The saved columns, with the ids of claims changed since (their rows are read afresh);
   * undefined when there are none, or they no longer add up to the
   * claims in the store (then the caller reads every row).
   */
  load(): { columns: ClaimColumns; changed: Set<number> } | undefined {
    const row = this.sql(
      'SELECT format, upto, claims, measures, strings, fields, figures FROM claim_columns WHERE id = 1',
    ).get() as ColumnsRow | undefined;
    if (!row || row.format !== CLAIM_COLUMNS_FORMAT) return undefined;
    const changed = new Set(this.sql('SELECT claim_id FROM claims_changed').pluck().all() as number[]);
    const fields = aligned(row.fields, Int32Array);
    const figures = aligned(row.figures, Float64Array);
    if (!fields || !figures || fields.length !== row.claims * CLAIM_INTS.length || figures.length !== row.claims * 2)
      return undefined;
    return {
      columns: {
        upto: row.upto,
        claims: row.claims,
        measures: row.measures,
        strings: JSON.parse(row.strings.toString('utf8')),
        fields,
        figures,
      },
      changed,
    };
  }

  /** The last change noted: the columns saved next hold every change up to it. */
  lastChange(): number {
    return (this.sql('SELECT coalesce(max(seq), 0) AS n FROM claims_changed').get() as { n: number }).n;
  }

  /** How many claims with ids up to `upto` the store holds now. */
  countUpTo(upto: number): number {
    return (this.sql('SELECT count(*) AS n FROM claims WHERE id <= ?').get(upto) as { n: number }).n;
  }

  /** Saves the columns; the changes up to `seenChange` are in them, so their notes go. */
  save(columns: ClaimColumns, seenChange: number): void {
    const bytes = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    this.sql(`INSERT OR REPLACE INTO claim_columns (id, format, upto, claims, measures, strings, fields, figures)
      VALUES (1, ?, ?, ?, ?, ?, ?, ?)`).run(
      CLAIM_COLUMNS_FORMAT,
      columns.upto,
      columns.claims,
      columns.measures,
      Buffer.from(JSON.stringify(columns.strings), 'utf8'),
      bytes(columns.fields),
      bytes(columns.figures),
    );
    this.sql('DELETE FROM claims_changed WHERE seq <= ?').run(seenChange);
  }
}

/**
 * The bytes as 4- or 8-byte numbers: a view when they start on such a boundary (a big blob gets
 * a buffer of its own), else a copy, since SQLite's bytes need not be aligned.
 */
export function aligned<T extends Int32Array | Float64Array>(
  bytes: Buffer,
  Kind: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T | null {
  const size = Kind.BYTES_PER_ELEMENT;
  if (bytes.byteLength % size !== 0) return null;
  const length = bytes.byteLength / size;
  if (bytes.byteOffset % size === 0) return new Kind(bytes.buffer, bytes.byteOffset, length);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Kind(copy.buffer, 0, length);
}

/** The claim fields the columns hold: all but the sentence, which is read from the store when shown. */
export type ColumnClaim = Omit<ClaimRecord, 'sentence'>;
