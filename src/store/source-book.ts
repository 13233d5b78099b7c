import type Database from 'better-sqlite3';
import type { FeedState, GuildScope, NewSource, SourceRecord } from './records.js';
import { type SourceRow as Row, SOURCE_COLUMNS, toSource } from './source-rows.js';
import { statementCache } from './statements.js';

/** Aliases quoted, so Postgres keeps their case as SQLite does. */
export const FEED_COLUMNS = `location, etag, last_modified AS "lastModified", last_attempt_at AS "lastAttemptAt",
  last_success_at AS "lastSuccessAt", last_error AS "lastError", failures, next_poll_at AS "nextPollAt", items`;

/** A source and the shared state of the feed URL it polls. */
export interface DueSource {
  source: SourceRecord;
  feed: FeedState;
}

export const emptyFeed = (location: string): FeedState => ({
  location,
  etag: null,
  lastModified: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  failures: 0,
  nextPollAt: null,
  items: null,
});

/** Servers' own sources, their polling state and the items each has taken in. */
export class SourceBook {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  /** A server's sources (or the defaults, for ''), removed ones left out, by name. */
  inScope(guildId: GuildScope): SourceRecord[] {
    return (
      this.sql(
        `SELECT ${SOURCE_COLUMNS} FROM sources WHERE guild_id = ? AND removed_at IS NULL ORDER BY name COLLATE NOCASE`,
      ).all(guildId) as Row[]
    ).map(toSource);
  }

  /** The live source of that name in the scope, whatever its case. */
  find(guildId: GuildScope, name: string): SourceRecord | undefined {
    const row = this.sql(
      `SELECT ${SOURCE_COLUMNS} FROM sources WHERE guild_id = ? AND name = ? COLLATE NOCASE AND removed_at IS NULL`,
    ).get(guildId, name) as Row | undefined;
    return row && toSource(row);
  }

  byId(id: number): SourceRecord | undefined {
    const row = this.sql(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`).get(id) as Row | undefined;
    return row && toSource(row);
  }

  /**
   * Adds a source, or brings back a removed one of the same name (its id keeps the claims it
   * brought before). A live source of that name is the caller's to refuse first.
   */
  add(source: NewSource, now: Date): SourceRecord {
    const guildId = source.guildId ?? '';
    const topics = source.topics?.length ? JSON.stringify(source.topics) : null;
    this.sql(`INSERT INTO sources (guild_id, name, kind, location, topics, created_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (guild_id, name) DO UPDATE SET kind = excluded.kind, location = excluded.location, topics = excluded.topics,
        paused = 0, paused_reason = NULL, removed_at = NULL, failure_notice = 0, created_at = excluded.created_at`).run(
      guildId,
      source.name,
      source.kind,
      source.location,
      topics,
      now.toISOString(),
    );
    return toSource(
      this.sql(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE guild_id = ? AND name = ?`).get(
        guildId,
        source.name,
      ) as Row,
    );
  }

  remove(id: number, now: Date): void {
    this.sql('UPDATE sources SET removed_at = ? WHERE id = ?').run(now.toISOString(), id);
  }

  setPaused(id: number, reason: 'moderator' | 'failing' | null): void {
    this.sql('UPDATE sources SET paused = ?, paused_reason = ? WHERE id = ?').run(reason ? 1 : 0, reason, id);
  }

  setFailureNotice(id: number, sent: boolean): void {
    this.sql('UPDATE sources SET failure_notice = ? WHERE id = ?').run(sent ? 1 : 0, id);
  }

  feed(location: string): FeedState {
    return (
      (this.sql(`SELECT ${FEED_COLUMNS} FROM feeds WHERE location = ?`).get(location) as FeedState | undefined) ??
      emptyFeed(location)
    );
  }

  saveFeed(feed: FeedState): void {
    this.sql(`INSERT INTO feeds (location, etag, last_modified, last_attempt_at, last_success_at, last_error, failures, next_poll_at, items)
      VALUES (@location, @etag, @lastModified, @lastAttemptAt, @lastSuccessAt, @lastError, @failures, @nextPollAt, @items)
      ON CONFLICT (location) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
        last_attempt_at = excluded.last_attempt_at, last_success_at = excluded.last_success_at, last_error = excluded.last_error,
        failures = excluded.failures, next_poll_at = excluded.next_poll_at, items = excluded.items`).run(feed);
  }

  /** Live, unpaused sources of these kinds whose feed is due, oldest source first. */
  dueSources(kinds: readonly string[], now: Date): DueSource[] {
    const rows = this.sql(`SELECT ${SOURCE_COLUMNS} FROM sources
      WHERE removed_at IS NULL AND paused = 0 AND kind IN (SELECT value FROM json_each(?))
        AND location NOT IN (SELECT location FROM feeds WHERE next_poll_at > ?) ORDER BY id`).all(
      JSON.stringify(kinds),
      now.toISOString(),
    ) as Row[];
    return rows.map(toSource).map((source) => ({ source, feed: this.feed(source.location) }));
  }

  /** The live sources polling one location, in every scope. */
  atLocation(location: string): SourceRecord[] {
    return (
      this.sql(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE location = ? AND removed_at IS NULL ORDER BY id`).all(
        location,
      ) as Row[]
    ).map(toSource);
  }

  /** Which of these item keys the source has already taken in. */
  knownItems(sourceId: number, keys: readonly string[]): Set<string> {
    const rows = this.sql(
      `SELECT item_key AS key FROM source_items WHERE source_id = ? AND item_key IN (SELECT value FROM json_each(?))`,
    ).all(sourceId, JSON.stringify(keys)) as Array<{ key: string }>;
    return new Set(rows.map((r) => r.key));
  }

  recordItem(sourceId: number, key: string, articleId: number | null, now: Date): void {
    this.sql('INSERT OR IGNORE INTO source_items (source_id, item_key, article_id, seen_at) VALUES (?, ?, ?, ?)').run(
      sourceId,
      key,
      articleId,
      now.toISOString(),
    );
  }

  itemCount(sourceId: number): number {
    return (this.sql('SELECT count(*) AS n FROM source_items WHERE source_id = ?').get(sourceId) as { n: number }).n;
  }

  /** Whether the source already carries the article (a folder loaded at boot, or a feed item that moved). */
  carries(sourceId: number, articleId: number): boolean {
    return (
      this.sql('SELECT 1 FROM article_sources WHERE source_id = ? AND article_id = ?').get(sourceId, articleId) !==
      undefined
    );
  }

  /**
   * Makes a feed due at the next tick. Forgetting the validators forces a full fetch: a source
   * that was paused has not taken in what the others got meanwhile, and a 304 would hide it.
   */
  makeDue(location: string, forgetValidators: boolean): void {
    this.sql(`UPDATE feeds SET next_poll_at = NULL,
      etag = CASE WHEN ? THEN NULL ELSE etag END, last_modified = CASE WHEN ? THEN NULL ELSE last_modified END
      WHERE location = ?`).run(forgetValidators ? 1 : 0, forgetValidators ? 1 : 0, location);
  }

  /** The stored claims of one article, for a server that reaches it through a new source. */
  claimIdsOf(articleId: number): number[] {
    return (
      this.sql('SELECT id FROM claims WHERE article_id = ? ORDER BY id').all(articleId) as Array<{ id: number }>
    ).map((r) => r.id);
  }
}
