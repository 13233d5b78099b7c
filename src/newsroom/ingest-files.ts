import { UserError } from '../errors.js';
import { readArticleFile } from '../sources/article-file.js';
import type { SourceRecord } from '../store/records.js';
import { type Ingestion, type IngestResult, ingestArticle } from './ingest.js';

export type FileOutcome = { file: string; result: IngestResult } | { file: string; error: string };

/** Ingests files one by one; a bad file is reported and skipped, the rest still go in. */
export async function ingestFiles(
  ingestion: Ingestion,
  files: readonly string[],
  source: SourceRecord,
  now: Date,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    try {
      outcomes.push({ file, result: await ingestArticle(ingestion, readArticleFile(file), source, {}, now) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      outcomes.push({ file, error: error.message });
    }
  }
  return outcomes;
}
