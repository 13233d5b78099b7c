import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveTopic } from '../answers/options.js';
import { topicChart } from '../charts/index.js';
import type { CliIO } from '../console/io.js';
import { UserError } from '../errors.js';
import { plural } from '../format/numbers.js';
import { openCliApp } from './store-options.js';

const USAGE = 'usage: cli chart [--db PATH] TOPIC --out FILE.png';

/** `cli chart [--db PATH] TOPIC --out FILE.png`: the topic's timeline, as the topic commands attach it. */
export async function runChart(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, out: { type: 'string' } },
  });
  if (positionals.length === 0 || !values.out) throw new UserError(USAGE);
  const now = new Date();
  const app = await openCliApp(values.db, now);
  try {
    const topic = resolveTopic(app.index, positionals.join(' '), null);
    const chart = topicChart(app.index, topic.key, null);
    if (!chart.png) {
      io.error(`no chart for ${topic.label}: ${chart.reason}`);
      return 1;
    }
    writeFileSync(values.out, chart.png);
    io.out(
      `${values.out}: ${topic.label}, ${plural(chart.data.series.length, 'claimant')} drawn${chart.data.folded ? `, ${chart.data.folded} more in grey` : ''}`,
    );
    return 0;
  } finally {
    await app.close();
  }
}
