import type Database from 'better-sqlite3';
import type { Leases } from './leases-port.js';
import { statementCache } from './statements.js';

/** Leases in SQLite: one process holds the store (bot-lock.ts), but the contract is Postgres's. */
export class SqliteLeases implements Leases {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database.Database) {
    this.sql = statementCache(db);
  }

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const { changes } = this.sql(`INSERT INTO leases (name, holder, until) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
      WHERE leases.holder = excluded.holder OR leases.until <= ?`).run(
      name,
      holder,
      new Date(now.getTime() + ttlMs).toISOString(),
      now.toISOString(),
    );
    return changes === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    this.sql('DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder);
  }

  async holder(name: string, now: Date): Promise<string | null> {
    const row = this.sql('SELECT holder FROM leases WHERE name = ? AND until > ?').get(name, now.toISOString()) as
      | { holder: string }
      | undefined;
    return row?.holder ?? null;
  }
}
