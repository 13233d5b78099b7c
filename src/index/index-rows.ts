import type { ArticleRecord, ClaimRecord, SourceRecord } from '../store/records.js';

/**
 * Everything the index holds, read whole from a store that keeps no saved columns (Postgres):
 * claims with their sentences and articles with their details, since the index cannot stop to
 * read one from such a store while it answers.
 */
export interface IndexRows {
  sources: readonly SourceRecord[];
  names: ReadonlyArray<{ alias: string; name: string }>;
  links: ReadonlyArray<readonly [articleId: number, sourceId: number]>;
  /** In id order. */
  articles: readonly ArticleRecord[];
  /** In id order. */
  claims: readonly ClaimRecord[];
}
