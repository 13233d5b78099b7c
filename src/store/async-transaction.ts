import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

/**
 * Transactions whose work awaits, on one SQLite connection: one at a time (a second waits for
 * the first to end, so its statements never land inside the first's), and a transaction opened
 * inside another's work is a savepoint, as better-sqlite3's own nesting is. A statement outside
 * any transaction waits its turn the same way while one is open (`atTurn`), and runs at once
 * when none is: the common case costs nothing.
 */
export class SqliteTransactions {
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private readonly inside = new AsyncLocalStorage<{ depth: number }>();

  constructor(private readonly db: Database.Database) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    const open = this.inside.getStore();
    if (open) return this.savepoint(open, work);
    return this.enqueue(() => this.inside.run({ depth: 0 }, () => this.outermost(work)));
  }

  /** Runs one statement's worth of work now, or after the open transactions when it is not inside one. */
  atTurn<T>(work: () => T): Promise<Awaited<T>> {
    if (this.queued === 0 || this.inside.getStore()) {
      try {
        return Promise.resolve(work());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.enqueue(async (): Promise<Awaited<T>> => await work());
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.queued++;
    const turn = this.tail.then(work).finally(() => this.queued--);
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
