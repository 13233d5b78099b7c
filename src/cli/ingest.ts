import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIO } from '../console/io.js';
import { UserError } from '../errors.js';
import { registerSource } from '../newsroom/ingest.js';
import { ingestFiles } from '../newsroom/ingest-files.js';
import { articleFiles } from '../sources/folder.js';
import { openCliApp } from './store-options.js';

/** `cli ingest [--db PATH] FILE_OR_DIR...`: one line per file, claims found and claims new. */
export async function runIngest(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  if (positionals.length === 0) throw new UserError('usage: cli ingest [--db PATH] FILE_OR_DIR...');
  const now = new Date();
  const app = await openCliApp(values.db, now);
  let failed = false;
  try {
    for (const path of positionals) {
      let files: string[];
      try {
        files = articleFiles(path);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        io.error(error.message);
        failed = true;
        continue;
      }
      // Files ingested from the command line are a default source: every server may see them.
      const source = await registerSource(
        app,
        { name: `cli: ${resolve(path)}`, kind: 'folder', location: resolve(path) },
        now,
      );
      for (const outcome of await ingestFiles(app, files, source, now)) {
        if ('error' in outcome) {
          io.error(outcome.error);
          failed = true;
        } else
          io.out(
            `${outcome.file}: ${outcome.result.found} claims found, ${outcome.result.added.length} new${outcome.result.duplicate ? ' (already in the store)' : ''}`,
          );
      }
    }
    return failed ? 1 : 0;
  } finally {
    await app.close();
  }
}
