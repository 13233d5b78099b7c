import type { Claim } from '../extract/index.js';

/** '' is the defaults every server sees; otherwise the id of the one server that added it. */
export type GuildScope = string;
export const DEFAULTS: GuildScope = '';

/** The scope a command acts on: its server, or the defaults for the console (no server). */
export const scopeOf = (guildId: string | null): GuildScope => guildId ?? DEFAULTS;

/** Who reads as a scope: the server, or null (the defaults' audience) for the defaults. */
export const viewerOf = (scope: GuildScope): string | null => (scope === DEFAULTS ? null : scope);

export interface SourceRecord {
  id: number;
  guildId: GuildScope;
  name: string;
  kind: string;
  location: string;
  topics: string[] | null;
  paused: boolean;
  /** Why it is paused: a moderator's pause, or the poller's after repeated failures. */
  pausedReason: 'moderator' | 'failing' | null;
  /** Removed sources stop polling; the claims they brought stay, so they keep their audience. */
  removedAt: string | null;
  /** A notice about the current failure streak has been queued; recovery sends one more. */
  failureNotice: boolean;
  createdAt: string;
}

/** What polling knows about one feed URL, shared by every server that added it. */
export interface FeedState {
  location: string;
  etag: string | null;
  lastModified: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  /** ISO time of the next poll; null means due now. */
  nextPollAt: string | null;
  /** Items in the feed at its last successful fetch. */
  items: number | null;
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
  extends Pick<
    Claim,
    | 'sentence'
    | 'low'
    | 'high'
    | 'hedge'
    | 'unit'
    | 'topic'
    | 'status'
    | 'claimant'
    | 'via'
    | 'speaker'
    | 'figureText'
    | 'role'
    | 'aside'
  > {
  id: number;
  articleId: number;
  position: number;
  /** A moderator marked it wrong: hidden from answers and alerts, kept for the record. */
  wrong: boolean;
}

/** A source as a caller names it; the store gives it an id and a server scope (the defaults when none). */
export interface NewSource {
  guildId?: GuildScope;
  name: string;
  kind: string;
  location: string;
  topics?: string[] | null;
}
