import type { SourceRecord } from '../store/records.js';

/**
 * What polling asks of the alerting side. Both are called inside store transactions, so what
 * they write (decisions, outbox messages) lands with the claims or the failure it is about.
 */
export interface PollHooks {
  /** A new article reached these scopes (guild ids, '' for the defaults): decide its alerts. */
  decide(articleId: number, scopes: string[], now: Date): Promise<unknown>;
  /** A source's feed keeps failing, was paused for it, or works again. `detail` is moderator-safe. */
  notice(source: SourceRecord, event: 'failing' | 'paused' | 'recovered', detail: string, now: Date): Promise<void>;
  /**
   * A location's new items are in (outside any transaction): what they queued may go out now,
   * while slower sources are still being read.
   */
  taken?(): void;
}

/** What one tick did, for the log line. */
export interface PollReport {
  /** Sources that were due. */
  sources: number;
  /** Locations read with new content (feeds fetched, folders scanned). */
  fetched: number;
  notModified: number;
  failed: number;
  /** Items taken in by at least one source. */
  newItems: number;
  /** Claims newly stored. */
  claims: number;
  /** Items left for the next tick: their source's time or page budget ran out. */
  waiting: number;
}

/** A tick's report before anything was read: `sources` were due. */
export const emptyPollReport = (sources: number): PollReport => ({
  sources,
  fetched: 0,
  notModified: 0,
  failed: 0,
  newItems: 0,
  claims: 0,
  waiting: 0,
});
