import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readArticleFile } from './article-file.js';
import { UserError } from '../errors.js';
import { ingestArticle, type IngestResult, type Ingestion } from '../newsroom/ingest.js';
import type { SourceRecord } from '../store/records.js';

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

export type FileOutcome = { file: string; result: IngestResult } | { file: string; error: string };

/** Ingests files one by one; a bad file is reported and skipped, the rest still go in. */
export function ingestFiles(ingestion: Ingestion, files: readonly string[], source: SourceRecord, now: Date): FileOutcome[] {
  return files.map((file) => {
    try {
      return { file, result: ingestArticle(ingestion, readArticleFile(file), source, {}, now) };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return { file, error: error.message };
    }
  });
}
