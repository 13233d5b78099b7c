import type Database from 'better-sqlite3';
import type { LearnedName } from '../extract/index.js';
import type { GuildScope } from './records.js';
import { statementCache } from './statements.js';

/** How a name is looked up: case, a leading "the" and curly apostrophes do not matter. */
export const nameKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A learned name's row as the books hand it out (aliases quoted: Postgres folds them to lower case otherwise). */
export const NAME_COLUMNS = 'guild_id AS "guildId", alias, name';

/**
 * The names the extractor learned, per scope: "Disaster and Emergency Management Authority" is
 * AFAD for whoever read the article that said so, so a later article's spelling files under AFAD.
 */
export class NameBook {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  /** The name an alias stands for in this scope or the defaults; the scope's own wins. */
  nameFor(scope: GuildScope, alias: string): string | undefined {
    const row = this.sql(
      `SELECT name FROM names WHERE alias = ? AND guild_id IN (?, '') ORDER BY guild_id = '' LIMIT 1`,
    ).get(nameKey(alias), scope) as { name: string } | undefined;
    return row?.name;
  }

  /** Keeps each learned name's spellings; a spelling already taken keeps its first name. */
  learn(scope: GuildScope, names: readonly LearnedName[]): void {
    const insert = this.sql('INSERT OR IGNORE INTO names (guild_id, alias, name) VALUES (?, ?, ?)');
    for (const { name, aliases } of names) for (const alias of aliases) insert.run(scope, nameKey(alias), name);
  }

  /** A moderator's merge: this scope's later articles file `alias` under `name`. */
  set(scope: GuildScope, alias: string, name: string): void {
    this.sql('INSERT OR REPLACE INTO names (guild_id, alias, name) VALUES (?, ?, ?)').run(scope, nameKey(alias), name);
  }

  forget(scope: GuildScope, alias: string): void {
    this.sql('DELETE FROM names WHERE guild_id = ? AND alias = ?').run(scope, nameKey(alias));
  }

  all(): IterableIterator<{ guildId: GuildScope; alias: string; name: string }> {
    return this.sql(`SELECT ${NAME_COLUMNS} FROM names`).iterate() as IterableIterator<{
      guildId: GuildScope;
      alias: string;
      name: string;
    }>;
  }
}
