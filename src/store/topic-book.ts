import type Database from 'better-sqlite3';
import type { TopicDef } from '../extract/index.js';
import { DEFAULTS, type GuildScope } from './records.js';
import { statementCache } from './statements.js';

/** A topic a newsroom defined by command. Its `def.key` is the id claims are filed under. */
export interface StoredTopic {
  scope: GuildScope;
  /** What moderators type: unique within the scope. */
  key: string;
  def: TopicDef & { scope: GuildScope; name: string };
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface TopicChange {
  key: string;
  action: string;
  by: string;
  at: string;
  moved: number;
}

/**
 * The id a scope's topic files claims under. Two servers may both call a topic "flood-deaths";
 * the console's (the defaults') keep their key as it is.
 */
export const topicId = (scope: GuildScope, key: string): string => (scope === DEFAULTS ? key : `${key}@${scope}`);

export interface TopicRow {
  guildId: string;
  key: string;
  definition: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** A topic's row as toTopic reads it (aliases quoted: Postgres folds them to lower case otherwise). */
export const TOPIC_COLUMNS = `guild_id AS "guildId", key, definition, created_by AS "createdBy", created_at AS "createdAt",
  updated_by AS "updatedBy", updated_at AS "updatedAt"`;

/** The columns of a topic change, in the order TopicChange lists them. */
export const TOPIC_CHANGE_COLUMNS = 'key, action, by, at, moved';

export function toTopic(row: TopicRow): StoredTopic {
  const def = JSON.parse(row.definition) as Omit<TopicDef, 'key'>;
  return {
    scope: row.guildId,
    key: row.key,
    def: {
      ...def,
      key: topicId(row.guildId, row.key),
      scope: row.guildId,
      name: row.key,
      changed: { by: row.updatedBy, at: row.updatedAt },
    },
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

/** Topics newsrooms added with /topics, kept beside the files' defaults, and who changed them when. */
export class TopicBook {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  all(): StoredTopic[] {
    return (this.sql(`SELECT ${TOPIC_COLUMNS} FROM topics ORDER BY created_at, key`).all() as TopicRow[]).map(toTopic);
  }

  get(scope: GuildScope, key: string): StoredTopic | undefined {
    const row = this.sql(`SELECT ${TOPIC_COLUMNS} FROM topics WHERE guild_id = ? AND key = ?`).get(scope, key) as
      | TopicRow
      | undefined;
    return row ? toTopic(row) : undefined;
  }

  /** Adds the topic, or replaces its definition keeping who made it first. */
  put(scope: GuildScope, key: string, def: Omit<TopicDef, 'key'>, by: string, now: Date): void {
    const at = now.toISOString();
    this.sql(
      `INSERT INTO topics (guild_id, key, definition, created_by, created_at, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (guild_id, key) DO UPDATE SET definition = excluded.definition,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run(scope, key, JSON.stringify(def), by, at, by, at);
  }

  remove(scope: GuildScope, key: string): boolean {
    return this.sql('DELETE FROM topics WHERE guild_id = ? AND key = ?').run(scope, key).changes > 0;
  }

  record(scope: GuildScope, change: TopicChange): void {
    this.sql('INSERT INTO topic_changes (guild_id, key, action, by, at, moved) VALUES (?, ?, ?, ?, ?, ?)').run(
      scope,
      change.key,
      change.action,
      change.by,
      change.at,
      change.moved,
    );
  }

  /** The scope's changes, newest first. */
  changes(scope: GuildScope, limit = 20): TopicChange[] {
    return this.sql(
      `SELECT ${TOPIC_CHANGE_COLUMNS} FROM topic_changes WHERE guild_id = ? ORDER BY id DESC LIMIT ?`,
    ).all(scope, limit) as TopicChange[];
  }
}
