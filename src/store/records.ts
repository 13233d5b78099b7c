import type { Claim } from '../extract/index.js';

/** '' is the defaults every server sees; otherwise the id of the one server that added it. */
export type GuildScope = string;
export const DEFAULTS: GuildScope = '';

export interface SourceRecord {
  id: number;
  guildId: GuildScope;
  name: string;
  kind: string;
  location: string;
  topics: string[] | null;
  paused: boolean;
  createdAt: string;
}

export interface ArticleRecord {
  id: number;
  identity: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  /** The article's own date (YYYY-MM-DD), or null when it gave none. */
  date: string | null;
  contentHash: string;
  ingestedAt: string;
}

/** A claim as stored: the extractor's fields, its article, and its place in the article. */
export interface ClaimRecord
  extends Pick<Claim, 'sentence' | 'low' | 'high' | 'hedge' | 'unit' | 'topic' | 'status' | 'claimant' | 'via' | 'figureText'> {
  id: number;
  articleId: number;
  position: number;
}
