/**
 * Why the store could not be opened, said so the operator can fix it: a file that is not a
 * database, a folder that is missing or not writable. Raw SQLite errors come with a stack that
 * names neither the file nor the setting to change.
 */
import { dirname } from 'node:path';

export class StoreError extends Error {
  override readonly name = 'StoreError';
}

const UNWRITABLE = /^(SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_IOERR|SQLITE_PERM|EACCES|EPERM|EROFS|ENOTDIR|EISDIR)/;

export const missingFolder = (path: string): StoreError =>
  new StoreError(
    `The folder for the store, ${dirname(path)}, does not exist (CLAIMWATCH_DB is ${path}): create it, or point CLAIMWATCH_DB at a file in an existing folder.`,
  );

/** The error as a StoreError naming the file and the fix, or null for one that is no operator's doing. */
export function explainStoreError(path: string, error: unknown): StoreError | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new StoreError(
      `${path} is not a claimwatch store (SQLite: ${(error as Error).message}). Point CLAIMWATCH_DB at another file, or move this one aside to start afresh.`,
    );
  if (UNWRITABLE.test(code))
    return new StoreError(
      `Cannot open ${path} for writing (${code}): check that it is a file in a folder the bot may write to, or set CLAIMWATCH_DB.`,
    );
  return null;
}
