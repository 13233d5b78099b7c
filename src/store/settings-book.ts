import type Database from 'better-sqlite3';
import type { GuildScope } from './records.js';
import { statementCache } from './statements.js';

export interface ServerSettings {
  guildId: GuildScope;
  /** An IANA zone; null: ALERT_TZ. */
  timeZone: string | null;
  /** Where moderators hear about sources; null: the server's first alert channel. */
  noticesChannel: string | null;
  changedBy: string;
  changedAt: string;
}

/** A change to a server's settings: undefined leaves a setting as it is, null puts it back to the default. */
export interface SettingsChange {
  timeZone?: string | null;
  noticesChannel?: string | null;
}

/** Aliases quoted, so Postgres keeps their case as SQLite does. */
export const SETTINGS_COLUMNS =
  'guild_id AS "guildId", time_zone AS "timeZone", notices_channel AS "noticesChannel", changed_by AS "changedBy", changed_at AS "changedAt"';

/** Each server's settings, one row a server; a server that never set one has none. */
export class SettingsBook {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  of(guildId: GuildScope): ServerSettings | undefined {
    // Read afresh each time (a primary-key read): `cli ask` may change them beside a running bot.
    return this.sql(`SELECT ${SETTINGS_COLUMNS} FROM server_settings WHERE guild_id = ?`).get(guildId) as
      | ServerSettings
      | undefined;
  }

  change(guildId: GuildScope, change: SettingsChange, by: string, now: Date): ServerSettings {
    const before = this.of(guildId);
    const timeZone = change.timeZone === undefined ? (before?.timeZone ?? null) : change.timeZone;
    const noticesChannel =
      change.noticesChannel === undefined ? (before?.noticesChannel ?? null) : change.noticesChannel;
    this.sql(`INSERT INTO server_settings (guild_id, time_zone, notices_channel, changed_by, changed_at)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET time_zone = excluded.time_zone,
      notices_channel = excluded.notices_channel, changed_by = excluded.changed_by, changed_at = excluded.changed_at`).run(
      guildId,
      timeZone,
      noticesChannel,
      by,
      now.toISOString(),
    );
    return this.of(guildId)!;
  }
}
