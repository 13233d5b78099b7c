import type Database from 'better-sqlite3';
import { aligned } from './claim-columns.js';
import { statementCache } from './statements.js';

/**
 * The text index saved as it stood at claim `upto`: its words, newline-separated, and its
 * postings as one block of 32-bit integers (the index's own layout, see TextSearch.snapshot).
 * `claims` is how many claims had ids up to `upto`, so a store whose claims changed since is
 * noticed; `tokenizer` is the version of the word rules the lists were made with.
 */
export interface SearchSnapshot {
  tokenizer: number;
  upto: number;
  claims: number;
  words: string;
  postings: Int32Array;
}

interface SnapshotRow {
  tokenizer: number;
  upto: number;
  claims: number;
  words: Buffer;
  postings: Buffer;
}

export class SearchBook {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  /** The saved index, if any, and only if the claims it covers are still exactly those in the store. */
  load(): SearchSnapshot | undefined {
    const row = this.sql('SELECT tokenizer, upto, claims, words, postings FROM search_index WHERE id = 1').get() as
      | SnapshotRow
      | undefined;
    if (!row) return undefined;
    const { n } = this.sql('SELECT count(*) AS n FROM claims WHERE id <= ?').get(row.upto) as { n: number };
    const postings = aligned(row.postings, Int32Array);
    if (n !== row.claims || !postings) return undefined;
    return {
      tokenizer: row.tokenizer,
      upto: row.upto,
      claims: row.claims,
      words: row.words.toString('utf8'),
      postings,
    };
  }

  save(snapshot: SearchSnapshot): void {
    this.sql(`INSERT OR REPLACE INTO search_index (id, tokenizer, upto, claims, words, postings)
      VALUES (1, ?, ?, ?, ?, ?)`).run(
      snapshot.tokenizer,
      snapshot.upto,
      snapshot.claims,
      Buffer.from(snapshot.words, 'utf8'),
      Buffer.from(snapshot.postings.buffer, snapshot.postings.byteOffset, snapshot.postings.byteLength),
    );
  }
}
