/** `npm run eval:misses [GOLD_DIR]`: each gold figure the extractor missed or attributed differently. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../src/config.js';
import { loadGoldDir } from '../src/eval/gold.js';
import { sameSentence } from '../src/eval/score.js';
import { claimsIn } from '../test/support/extract.js';

for (const g of loadGoldDir(process.argv[2] ?? join(DATA_DIR, '..', 'test', 'gold'))) {
  const pred = claimsIn(readFileSync(g.articlePath, 'utf8'), {
    outlet: g.outlet ?? undefined,
    date: g.date ?? undefined,
  });
  for (const c of g.claims) {
    const p = pred.find((p) => p.low === c.low && p.high === c.high && sameSentence(p.sentence, c.sentence));
    if (!p) {
      console.log(`MISS ${g.name} ${c.low}-${c.high} :: ${c.sentence.slice(0, 200)}`);
      continue;
    }
    const diffs = (['claimant', 'status', 'via'] as const)
      .filter((k) => (p[k] ?? null) !== (c[k] ?? null))
      .map((k) => `${k}: ${p[k]} != gold ${c[k]}`);
    if (diffs.length) console.log(`${g.name} ${c.low} ${diffs.join('; ')} :: ${c.sentence.slice(0, 220)}`);
  }
  for (const p of pred.filter(
    (p) =>
      p.low !== null &&
      !g.claims.some((c) => c.low === p.low && c.high === p.high && sameSentence(p.sentence, c.sentence)),
  ))
    console.log(`EXTRA ${g.name} ${p.low} :: ${p.sentence.slice(0, 200)}`);
}
