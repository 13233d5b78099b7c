import type { GuildScope } from '../records.js';
import { SETTINGS_COLUMNS, type ServerSettings, type SettingsBook, type SettingsChange } from '../settings-book.js';
import type { AsyncBook } from '../store-port.js';
import type { Atomically } from './store-port.js';
import type { Queryable } from './transaction.js';

/** Each server's settings on Postgres, one row a server, as SQLite's SettingsBook keeps them. */
export class PgSettingsBook implements AsyncBook<SettingsBook> {
  constructor(
    private readonly on: Queryable,
    _atomically: Atomically,
  ) {}

  async of(guildId: GuildScope): Promise<ServerSettings | undefined> {
    const { rows } = await this.on.query<ServerSettings>(
      `SELECT ${SETTINGS_COLUMNS} FROM server_settings WHERE guild_id = $1`,
      [guildId],
    );
    return rows[0];
  }

  /**
   * One statement, so a setting left out (undefined) keeps the value the row holds when it is
   * written, even if another process changed it a moment before; a new row starts from defaults.
   */
  async change(guildId: GuildScope, change: SettingsChange, by: string, now: Date): Promise<ServerSettings> {
    const { rows } = await this.on.query<ServerSettings>(
      `INSERT INTO server_settings (guild_id, time_zone, notices_channel, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (guild_id) DO UPDATE SET
         time_zone = CASE WHEN $6::boolean THEN server_settings.time_zone ELSE EXCLUDED.time_zone END,
         notices_channel = CASE WHEN $7::boolean THEN server_settings.notices_channel ELSE EXCLUDED.notices_channel END,
         changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
       RETURNING ${SETTINGS_COLUMNS}`,
      [
        guildId,
        change.timeZone ?? null,
        change.noticesChannel ?? null,
        by,
        now.toISOString(),
        change.timeZone === undefined,
        change.noticesChannel === undefined,
      ],
    );
    return rows[0]!;
  }
}
