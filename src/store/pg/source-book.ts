import type { FeedState, GuildScope, NewSource, SourceRecord } from '../records.js';
import { type DueSource, emptyFeed, FEED_COLUMNS, type SourceBook } from '../source-book.js';
import { type SourceRow as Row, SOURCE_COLUMNS, toSource } from '../source-rows.js';
import type { AsyncBook } from '../store-port.js';
import type { Atomically } from './store-port.js';
import type { Queryable } from './transaction.js';

/**
 * SQLite's `COLLATE NOCASE` on Postgres: ASCII letters folded, everything else compared byte by
 * byte (lower() under the "C" collation folds ASCII only, and "C" orders by bytes, as SQLite does).
 */
const nocase = (sql: string) => `lower(${sql} COLLATE "C")`;

/** Servers' own sources, their polling state and the items each has taken in, on Postgres. */
export class PgSourceBook implements AsyncBook<SourceBook> {
  constructor(
    private readonly on: Queryable,
    _atomically: Atomically,
  ) {}

  private async sources(sql: string, values: unknown[]): Promise<SourceRecord[]> {
    const { rows } = await this.on.query<Row>(sql, values);
    return rows.map(toSource);
  }

  /** A server's sources (or the defaults, for ''), removed ones left out, by name whatever its case. */
  inScope(guildId: GuildScope): Promise<SourceRecord[]> {
    return this.sources(
      `SELECT ${SOURCE_COLUMNS} FROM sources WHERE guild_id = $1 AND removed_at IS NULL ORDER BY ${nocase('name')}, id`,
      [guildId],
    );
  }

  /** The live source of that name in the scope, whatever its case. */
  async find(guildId: GuildScope, name: string): Promise<SourceRecord | undefined> {
    const [found] = await this.sources(
      `SELECT ${SOURCE_COLUMNS} FROM sources
       WHERE guild_id = $1 AND ${nocase('name')} = ${nocase('$2::text')} AND removed_at IS NULL ORDER BY id LIMIT 1`,
      [guildId, name],
    );
    return found;
  }

  async byId(id: number): Promise<SourceRecord | undefined> {
    const [found] = await this.sources(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = $1`, [id]);
    return found;
  }

  /**
   * Adds a source, or brings back one of the same name (its id keeps the claims it brought
   * before). As on SQLite, a live source of exactly that name is overwritten, not refused: the
   * caller refuses a taken name first.
   */
  async add(source: NewSource, now: Date): Promise<SourceRecord> {
    const topics = source.topics?.length ? JSON.stringify(source.topics) : null;
    const [added] = await this.sources(
      `INSERT INTO sources (guild_id, name, kind, location, topics, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (guild_id, name) DO UPDATE SET kind = EXCLUDED.kind, location = EXCLUDED.location,
         topics = EXCLUDED.topics, paused = 0, paused_reason = NULL, removed_at = NULL, failure_notice = 0,
         created_at = EXCLUDED.created_at
       RETURNING ${SOURCE_COLUMNS}`,
      [source.guildId ?? '', source.name, source.kind, source.location, topics, now.toISOString()],
    );
    return added!;
  }

  async remove(id: number, now: Date): Promise<void> {
    await this.on.query('UPDATE sources SET removed_at = $1 WHERE id = $2', [now.toISOString(), id]);
  }

  async setPaused(id: number, reason: 'moderator' | 'failing' | null): Promise<void> {
    await this.on.query('UPDATE sources SET paused = $1, paused_reason = $2 WHERE id = $3', [
      reason ? 1 : 0,
      reason,
      id,
    ]);
  }

  async setFailureNotice(id: number, sent: boolean): Promise<void> {
    await this.on.query('UPDATE sources SET failure_notice = $1 WHERE id = $2', [sent ? 1 : 0, id]);
  }

  async feed(location: string): Promise<FeedState> {
    const { rows } = await this.on.query<FeedState>(`SELECT ${FEED_COLUMNS} FROM feeds WHERE location = $1`, [
      location,
    ]);
    return rows[0] ?? emptyFeed(location);
  }

  async saveFeed(feed: FeedState): Promise<void> {
    await this.on.query(
      `INSERT INTO feeds (location, etag, last_modified, last_attempt_at, last_success_at, last_error, failures, next_poll_at, items)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (location) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
         last_attempt_at = EXCLUDED.last_attempt_at, last_success_at = EXCLUDED.last_success_at,
         last_error = EXCLUDED.last_error, failures = EXCLUDED.failures, next_poll_at = EXCLUDED.next_poll_at,
         items = EXCLUDED.items`,
      [
        feed.location,
        feed.etag,
        feed.lastModified,
        feed.lastAttemptAt,
        feed.lastSuccessAt,
        feed.lastError,
        feed.failures,
        feed.nextPollAt,
        feed.items,
      ],
    );
  }

  /**
   * Live, unpaused sources of these kinds whose feed is due, oldest source first; each with its
   * feed's state read in the same statement (ISO times compared byte by byte, as SQLite does).
   */
  async dueSources(kinds: readonly string[], now: Date): Promise<DueSource[]> {
    const { rows } = await this.on.query<Row & { feed: FeedState | null }>(
      `SELECT s.*, (SELECT row_to_json(f) FROM (SELECT ${FEED_COLUMNS} FROM feeds WHERE feeds.location = s.location) f) AS feed
       FROM (SELECT ${SOURCE_COLUMNS} FROM sources
         WHERE removed_at IS NULL AND paused = 0 AND kind = ANY($1::text[])
           AND location NOT IN (SELECT location FROM feeds WHERE next_poll_at COLLATE "C" > $2)) s
       ORDER BY s.id`,
      [kinds, now.toISOString()],
    );
    return rows.map(({ feed, ...row }) => ({ source: toSource(row), feed: feed ?? emptyFeed(row.location) }));
  }

  /** The live sources polling one location, in every scope. */
  atLocation(location: string): Promise<SourceRecord[]> {
    return this.sources(
      `SELECT ${SOURCE_COLUMNS} FROM sources WHERE location = $1 AND removed_at IS NULL ORDER BY id`,
      [location],
    );
  }

  /** Which of these item keys the source has already taken in. */
  async knownItems(sourceId: number, keys: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.on.query<{ key: string }>(
      'SELECT item_key AS key FROM source_items WHERE source_id = $1 AND item_key = ANY($2::text[])',
      [sourceId, keys],
    );
    return new Set(rows.map((r) => r.key));
  }

  async recordItem(sourceId: number, key: string, articleId: number | null, now: Date): Promise<void> {
    await this.on.query(
      `INSERT INTO source_items (source_id, item_key, article_id, seen_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [sourceId, key, articleId, now.toISOString()],
    );
  }

  async itemCount(sourceId: number): Promise<number> {
    const { rows } = await this.on.query<{ n: number }>('SELECT count(*) AS n FROM source_items WHERE source_id = $1', [
      sourceId,
    ]);
    return rows[0]!.n;
  }

  /** Whether the source already carries the article (a folder loaded at boot, or a feed item that moved). */
  async carries(sourceId: number, articleId: number): Promise<boolean> {
    const { rowCount } = await this.on.query('SELECT 1 FROM article_sources WHERE source_id = $1 AND article_id = $2', [
      sourceId,
      articleId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  /**
   * Makes a feed due at the next tick. Forgetting the validators forces a full fetch: a source
   * that was paused has not taken in what the others got meanwhile, and a 304 would hide it.
   */
  async makeDue(location: string, forgetValidators: boolean): Promise<void> {
    await this.on.query(
      `UPDATE feeds SET next_poll_at = NULL,
         etag = CASE WHEN $1::boolean THEN NULL ELSE etag END,
         last_modified = CASE WHEN $1::boolean THEN NULL ELSE last_modified END
       WHERE location = $2`,
      [forgetValidators, location],
    );
  }

  /** The stored claims of one article, for a server that reaches it through a new source. */
  async claimIdsOf(articleId: number): Promise<number[]> {
    const { rows } = await this.on.query<{ id: number }>('SELECT id FROM claims WHERE article_id = $1 ORDER BY id', [
      articleId,
    ]);
    return rows.map((r) => r.id);
  }
}
