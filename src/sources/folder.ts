import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';

const ARTICLE = /\.(txt|md)$/i;
// A folder's README describes the articles; it is not one of them.
const NOT_AN_ARTICLE = /^readme\b/i;

/** The article files a path names: the file itself, or a folder's .txt and .md files by name. */
export function articleFiles(path: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw new UserError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!isFolder) return [path];
  return readdirSync(path)
    .filter((name) => ARTICLE.test(name) && !NOT_AN_ARTICLE.test(name))
    .sort()
    .map((name) => join(path, name));
}
