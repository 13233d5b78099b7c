import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

/**
 * Transactions whose work awaits, on one SQLite connection: one at a time (a second waits for
 * the first to end, so its statements never land inside the first's), and a transaction opened
 * inside another's work is a savepoint, as better-sqlite3's own nesting is. Writers still using
 * the synchronous `Store.transaction` must not run while one is open; docs/scale.md says why they
 * move behind the ports together.
 */
export class SqliteTransactions {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<{ depth: number }>();

  constructor(private readonly db: Database.Database) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    const open = this.inside.getStore();
    if (open) return this.savepoint(open, work);
    const turn = this.tail.then(() => this.inside.run({ depth: 0 }, () => this.outermost(work)));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async outermost<T>(work: () => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private async savepoint<T>(open: { depth: number }, work: () => Promise<T>): Promise<T> {
    const name = `nested_${++open.depth}`;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.db.exec(`ROLLBACK TO ${name}`);
      this.db.exec(`RELEASE ${name}`);
      throw error;
    } finally {
      open.depth--;
    }
  }
}
