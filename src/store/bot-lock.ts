/**
 * One bot per store. Two processes polling and delivering from one outbox post alerts twice (the
 * nonce catches some, not all), so the bot holds a lock the store owns: an exclusive SQLite
 * transaction on a small file beside the database, never committed. The operating system drops
 * it when the process dies, even by kill -9, so a crash never leaves a stale lock behind, and
 * no PID file can point at a process that is long gone. `npm run cli` does not take it: it
 * ingests and answers, it never delivers.
 */
import Database from 'better-sqlite3';

export class StoreInUse extends Error {
  override readonly name = 'StoreInUse';
}

export interface BotLock {
  release(): void;
}

export const lockPathFor = (dbPath: string): string => `${dbPath}.lock`;

/** Takes the store's bot lock, or throws StoreInUse naming the store and what to do. */
export function lockStoreForBot(dbPath: string): BotLock {
  if (dbPath === ':memory:') return { release() {} };
  const path = lockPathFor(dbPath);
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE'); // WAL would let a second writer's BEGIN wait rather than fail
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new StoreInUse(
      `Another claimwatch bot is already running on ${dbPath} (it holds ${path}). ` +
        'Stop it first, or give this one its own store with CLAIMWATCH_DB.',
    );
  }
  return {
    release() {
      if (db.open) db.close(); // closing rolls the empty transaction back and frees the lock
    },
  };
}
