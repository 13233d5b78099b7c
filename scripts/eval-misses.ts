/**
 * `npm run eval:misses [-- STORY|GOLD_DIR]`: each gold figure the extractor missed or attributed
 * differently, and each figure it found that the gold does not have; then the same for statements. With no argument, the North
 * Korea gold; a story folder's name (quake, protest, ...) scores that story as nobody configured it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../src/config.js';
import { type GoldArticle, loadGoldDir, loadGoldStories, nameMatcher, predictionsFor } from '../src/eval/gold.js';
import { sameSentence } from '../src/eval/score.js';
import { compileLexicon } from '../src/extract/index.js';
import { loadLexicon } from '../src/newsroom/data-files.js';

const goldRoot = join(DATA_DIR, '..', 'test', 'gold');
const arg = process.argv[2];
const story = arg ? loadGoldStories(goldRoot).find((s) => s.name === arg) : undefined;
const articles: GoldArticle[] = story?.articles ?? loadGoldDir(arg && existsSync(arg) ? arg : goldRoot);
const lexicon = loadLexicon(DATA_DIR);
const compiled = compileLexicon(lexicon);
const sameName = nameMatcher(story?.aliases ?? {}, lexicon.entities);

for (const g of articles) {
  const pred = predictionsFor(g, compiled);
  for (const c of g.claims) {
    const p = pred.find((p) => p.low === c.low && p.high === c.high && sameSentence(p.sentence, c.sentence));
    if (!p) {
      console.log(`MISS ${g.name} ${c.low}-${c.high} :: ${c.sentence.slice(0, 200)}`);
      continue;
    }
    const diffs = [
      ...(['claimant', 'via'] as const)
        .filter((k) => !sameName(p[k] ?? null, c[k] ?? null))
        .map((k) => `${k}: ${p[k]} != gold ${c[k]}`),
      ...(['status', 'hedge'] as const)
        .filter((k) => (p[k] ?? null) !== (c[k] ?? null))
        .map((k) => `${k}: ${p[k]} != gold ${c[k]}`),
    ];
    if (diffs.length) console.log(`${g.name} ${c.low} ${diffs.join('; ')} :: ${c.sentence.slice(0, 220)}`);
  }
  for (const p of pred.filter(
    (p) =>
      p.low !== null &&
      !g.claims.some((c) => c.low === p.low && c.high === p.high && sameSentence(p.sentence, c.sentence)),
  ))
    console.log(`EXTRA ${g.name} ${p.low} :: ${p.sentence.slice(0, 200)}`);
  const statements = pred.filter((p) => p.low === null);
  for (const s of g.statements) {
    const p = statements.find((p) => sameSentence(p.sentence, s.sentence));
    if (!p) console.log(`MISS STATEMENT ${g.name} ${s.status} ${s.claimant} :: ${s.sentence.slice(0, 200)}`);
    else if (p.status !== s.status || !sameName(p.claimant, s.claimant ?? null))
      console.log(
        `STATEMENT ${g.name} ${p.status}/${p.claimant} != gold ${s.status}/${s.claimant} :: ${s.sentence.slice(0, 200)}`,
      );
  }
  for (const p of statements.filter((p) => !g.statements.some((s) => sameSentence(p.sentence, s.sentence))))
    console.log(`EXTRA STATEMENT ${g.name} ${p.status} ${p.claimant} :: ${p.sentence.slice(0, 200)}`);
}
