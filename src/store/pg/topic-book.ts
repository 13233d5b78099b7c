import type { TopicDef } from '../../extract/index.js';
import type { GuildScope } from '../records.js';
import type { AsyncBook } from '../store-port.js';
import {
  type StoredTopic,
  TOPIC_CHANGE_COLUMNS,
  TOPIC_COLUMNS,
  type TopicBook,
  type TopicChange,
  type TopicRow,
  toTopic,
} from '../topic-book.js';
import { sqliteLimit } from './sqlite-limit.js';
import type { Atomically } from './store-port.js';
import type { Queryable } from './transaction.js';

/** Topics newsrooms defined by command, and who changed them when, on Postgres. */
export class PgTopicBook implements AsyncBook<TopicBook> {
  constructor(
    private readonly on: Queryable,
    _atomically: Atomically,
  ) {}

  /** By when each was made, then key, compared byte by byte as SQLite does whatever the database's locale. */
  async all(): Promise<StoredTopic[]> {
    const { rows } = await this.on.query<TopicRow>(
      `SELECT ${TOPIC_COLUMNS} FROM topics ORDER BY created_at COLLATE "C", key COLLATE "C"`,
    );
    return rows.map(toTopic);
  }

  async get(scope: GuildScope, key: string): Promise<StoredTopic | undefined> {
    const { rows } = await this.on.query<TopicRow>(
      `SELECT ${TOPIC_COLUMNS} FROM topics WHERE guild_id = $1 AND key = $2`,
      [scope, key],
    );
    return rows[0] ? toTopic(rows[0]) : undefined;
  }

  /** Adds the topic, or replaces its definition keeping who made it first. */
  async put(scope: GuildScope, key: string, def: Omit<TopicDef, 'key'>, by: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.on.query(
      `INSERT INTO topics (guild_id, key, definition, created_by, created_at, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $4, $5)
       ON CONFLICT (guild_id, key) DO UPDATE SET definition = EXCLUDED.definition,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [scope, key, JSON.stringify(def), by, at],
    );
  }

  async remove(scope: GuildScope, key: string): Promise<boolean> {
    const { rowCount } = await this.on.query('DELETE FROM topics WHERE guild_id = $1 AND key = $2', [scope, key]);
    return (rowCount ?? 0) > 0;
  }

  async record(scope: GuildScope, change: TopicChange): Promise<void> {
    await this.on.query(
      'INSERT INTO topic_changes (guild_id, key, action, by, at, moved) VALUES ($1, $2, $3, $4, $5, $6)',
      [scope, change.key, change.action, change.by, change.at, change.moved],
    );
  }

  /** The scope's changes, newest first. */
  async changes(scope: GuildScope, limit = 20): Promise<TopicChange[]> {
    const { rows } = await this.on.query<TopicChange>(
      `SELECT ${TOPIC_CHANGE_COLUMNS} FROM topic_changes WHERE guild_id = $1 ORDER BY id DESC LIMIT $2`,
      [scope, sqliteLimit(limit)],
    );
    return rows;
  }
}
