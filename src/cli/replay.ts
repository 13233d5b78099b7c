import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alertsFor } from '../alerting/alert-rule.js';
import { openApp } from '../app/app.js';
import { loadConfig } from '../config.js';
import type { CliIO } from '../console/io.js';
import { UserError } from '../errors.js';
import { parseArticle } from '../extract/index.js';
import { ingestArticle, registerSource } from '../newsroom/ingest.js';
import { readArticleFile } from '../sources/article-file.js';
import { articleFiles } from '../sources/folder.js';

interface Dated {
  file: string;
  raw: string;
  date: string | null;
}

/** Articles in the order they would have arrived: by their date, undated ones last, then by name. */
function inDateOrder(files: string[], io: CliIO): Dated[] {
  const dated: Dated[] = [];
  for (const file of files) {
    try {
      const raw = readArticleFile(file);
      dated.push({ file, raw, date: parseArticle(raw, {}).meta.date });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      io.error(error.message);
    }
  }
  const key = (d: Dated) => `${d.date ?? '9999-99-99'}\u0000${d.file}`;
  return dated.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** `cli replay --json [--db PATH] DIR`: every alert the folder's articles would fire, one JSON line each. */
export async function runReplay(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, db: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UserError('usage: cli replay --json [--db PATH] DIR');
  const folder = positionals[0]!;
  const scratch = values.db ? null : mkdtempSync(join(tmpdir(), 'claimwatch-replay-'));
  const app = openApp(values.db ?? join(scratch!, 'replay.db'), loadConfig(process.env).dataDir);
  try {
    const articles = inDateOrder(articleFiles(folder), io);
    const firstSeen = new Date();
    const source = await registerSource(
      app,
      { name: `replay: ${resolve(folder)}`, kind: 'folder', location: resolve(folder) },
      firstSeen,
    );
    for (const { raw, date } of articles) {
      const arrived = date ? new Date(`${date}T12:00:00Z`) : firstSeen;
      const result = await ingestArticle(app, raw, source, {}, arrived);
      for (const alert of alertsFor(app.index, result.added, null)) {
        io.out(
          values.json
            ? JSON.stringify(alert)
            : `${alert.date ?? '-'} [${alert.topic}] ${alert.claimant ?? 'unattributed'}: ${alert.low ?? alert.status}${alert.high !== alert.low ? `-${alert.high}` : ''} ${alert.measure}`,
        );
      }
    }
    return 0;
  } finally {
    await app.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
