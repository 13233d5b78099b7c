import type { LearnedName } from '../../extract/index.js';
import { NAME_COLUMNS, type NameBook, nameKey } from '../name-book.js';
import type { GuildScope } from '../records.js';
import type { AsyncBook } from '../store-port.js';
import type { Atomically } from './store-port.js';
import type { Queryable } from './transaction.js';

/**
 * Learned names on Postgres, as SQLite's NameBook keeps them. Every write lands in the change
 * log by the `names` trigger (migration 2), so other processes' indexes learn the alias too.
 */
export class PgNameBook implements AsyncBook<NameBook> {
  constructor(
    private readonly on: Queryable,
    _atomically: Atomically,
  ) {}

  /** The name an alias stands for in this scope or the defaults; the scope's own wins. */
  async nameFor(scope: GuildScope, alias: string): Promise<string | undefined> {
    const { rows } = await this.on.query<{ name: string }>(
      `SELECT name FROM names WHERE alias = $1 AND guild_id IN ($2, '') ORDER BY guild_id = '' LIMIT 1`,
      [nameKey(alias), scope],
    );
    return rows[0]?.name;
  }

  /**
   * Keeps each learned name's spellings; a spelling already taken keeps its first name. One
   * statement for them all: a spelling met twice in `names` keeps the first, as SQLite's
   * insert-or-ignore one at a time does.
   */
  async learn(scope: GuildScope, names: readonly LearnedName[]): Promise<void> {
    const first = new Map<string, string>();
    for (const { name, aliases } of names)
      for (const alias of aliases) {
        const key = nameKey(alias);
        if (!first.has(key)) first.set(key, name);
      }
    if (first.size === 0) return;
    await this.on.query(
      `INSERT INTO names (guild_id, alias, name) SELECT $1, alias, name FROM unnest($2::text[], $3::text[]) AS n(alias, name)
       ON CONFLICT (guild_id, alias) DO NOTHING`,
      [scope, [...first.keys()], [...first.values()]],
    );
  }

  /** A moderator's merge: this scope's later articles file `alias` under `name`. */
  async set(scope: GuildScope, alias: string, name: string): Promise<void> {
    await this.on.query(
      `INSERT INTO names (guild_id, alias, name) VALUES ($1, $2, $3)
       ON CONFLICT (guild_id, alias) DO UPDATE SET name = EXCLUDED.name`,
      [scope, nameKey(alias), name],
    );
  }

  async forget(scope: GuildScope, alias: string): Promise<void> {
    await this.on.query('DELETE FROM names WHERE guild_id = $1 AND alias = $2', [scope, nameKey(alias)]);
  }

  /** In SQLite's order: its table is kept by (guild_id, alias), compared byte by byte. */
  async all(): Promise<Array<{ guildId: GuildScope; alias: string; name: string }>> {
    const { rows } = await this.on.query<{ guildId: GuildScope; alias: string; name: string }>(
      `SELECT ${NAME_COLUMNS} FROM names ORDER BY guild_id COLLATE "C", alias COLLATE "C"`,
    );
    return rows;
  }
}
