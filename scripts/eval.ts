/** `npm run eval`: the extractor scored against the project's gold and the seed gold. */
import { join } from 'node:path';
import { DATA_DIR } from '../src/config.js';
import { evaluate, loadGoldDir } from '../src/eval/gold.js';
import { type Counts, scores } from '../src/eval/score.js';
import { loadLexicon } from '../src/newsroom/data-files.js';

const root = join(DATA_DIR, '..');
const sets: Array<[string, string]> = [
  ['project gold (test/gold)', join(root, 'test', 'gold')],
  ['seed gold (../shared/seeds/gold)', join(root, '..', 'shared', 'seeds', 'gold')],
];
const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const line = (name: string, c: Counts) => {
  const s = scores(c);
  return `${name.padEnd(36)} gold ${String(c.gold).padStart(3)} pred ${String(c.predicted).padStart(3)}  R ${pct(s.recall)}  P ${pct(s.precision)}  F1 ${pct(s.f1)} | hedge ${pct(s.hedge)} status ${pct(s.status)} claimant ${pct(s.claimant)} via ${pct(s.via)} topic ${pct(s.topic)}`;
};

const lexicon = loadLexicon(DATA_DIR);
for (const [label, dir] of sets) {
  const articles = loadGoldDir(dir);
  if (articles.length === 0) {
    console.log(`${label}: no gold found at ${dir}`);
    continue;
  }
  const { results, total } = evaluate(articles, lexicon);
  console.log(`\n== ${label}: ${articles.length} articles`);
  for (const r of results) console.log(line(r.name, r.figures));
  console.log(line('OVERALL', total));
  const st = results.reduce(
    (a, r) => ({
      gold: a.gold + r.statements.gold,
      predicted: a.predicted + r.statements.predicted,
      matched: a.matched + r.statements.matched,
    }),
    { gold: 0, predicted: 0, matched: 0 },
  );
  console.log(`statements (no figure): gold ${st.gold}, predicted ${st.predicted}, matched ${st.matched}`);
}
