import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../errors.js';

/** No news article is this long; a larger file is a mistake, refused before it is read. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Text that is mostly control characters or invalid UTF-8 is not an article. */
export function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  const text = sample.toString('utf8');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what mark a binary file
  const bad = (text.match(/[\uFFFD\u0001-\u0008\u000E-\u001A]/g) ?? []).length;
  return bad > Math.max(8, text.length * 0.05);
}

/** Reads an article file as text, or throws a UserError that names the problem. */
export function readArticleFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UserError(`${path}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (size > MAX_ARTICLE_BYTES) {
    throw new UserError(
      `${path}: too large for an article (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`,
    );
  }
  const bytes = readFileSync(path);
  if (looksBinary(bytes)) throw new UserError(`${path}: not a text file`);
  return bytes.toString('utf8');
}
