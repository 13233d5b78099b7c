/**
 * `npm run eval [-- --articles]`: the extractor scored against every gold set. The North Korea
 * gold (test/gold/*.json) and the seeds use the configured story; each story folder
 * (test/gold/STORY/) is scored twice: as nobody configured it (data/topics.json alone: hedge,
 * status, claimant, via) and with its story.json topics added (topic).
 */
import { join } from 'node:path';
import { DATA_DIR } from '../src/config.js';
import { evaluate, type GoldArticle, loadGoldDir, loadGoldStories, nameMatcher } from '../src/eval/gold.js';
import { type Counts, scores } from '../src/eval/score.js';
import type { Lexicon } from '../src/extract/index.js';
import { loadLexicon } from '../src/newsroom/data-files.js';

const root = join(DATA_DIR, '..');
const showArticles = process.argv.includes('--articles');
const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const line = (name: string, c: Counts, topic: Counts = c) => {
  const s = scores(c);
  return `${name.padEnd(38)} gold ${String(c.gold).padStart(3)} pred ${String(c.predicted).padStart(3)}  R ${pct(s.recall)}  P ${pct(s.precision)}  F1 ${pct(s.f1)} | hedge ${pct(s.hedge)} status ${pct(s.status)} claimant ${pct(s.claimant)} via ${pct(s.via)} topic ${pct(scores(topic).topic)}${c.roled ? ` role ${pct(s.role)}` : ''}`;
};

function report(
  label: string,
  articles: GoldArticle[],
  lexicon: Lexicon,
  aliases: Record<string, string[]>,
  configured?: Lexicon,
) {
  const sameName = nameMatcher(aliases, lexicon.entities);
  const { results, total } = evaluate(articles, lexicon, { sameName });
  const topics = configured ? evaluate(articles, configured, { sameName }) : { results, total };
  console.log(`\n== ${label}: ${articles.length} articles`);
  if (showArticles)
    results.forEach((r, i) => {
      console.log(line(r.name, r.figures, topics.results[i]!.figures));
    });
  console.log(line('OVERALL', total, topics.total));
  const sum = (rs: typeof results) =>
    rs.reduce(
      (a, r) => ({
        gold: a.gold + r.statements.gold,
        predicted: a.predicted + r.statements.predicted,
        matched: a.matched + r.statements.matched,
        claimant: a.claimant + r.statements.claimant,
        topic: a.topic + r.statements.topic,
      }),
      { gold: 0, predicted: 0, matched: 0, claimant: 0, topic: 0 },
    );
  const st = sum(results);
  // A statement's topic, like a figure's, is scored with the story's topics configured.
  const withTopics = sum(topics.results);
  console.log(
    `statements (no figure): gold ${st.gold}, predicted ${st.predicted}, matched ${st.matched}, claimant right ${st.claimant}` +
      (configured
        ? ` | topics configured: predicted ${withTopics.predicted}, matched ${withTopics.matched}, topic right ${withTopics.topic}`
        : `, topic right ${st.topic}`),
  );
}

const lexicon = loadLexicon(DATA_DIR);
report('North Korea story, configured (test/gold)', loadGoldDir(join(root, 'test', 'gold')), lexicon, {});
for (const story of loadGoldStories(join(root, 'test', 'gold'))) {
  const configured = { ...lexicon, topics: [...lexicon.topics, ...story.topics] };
  report(`${story.label} (test/gold/${story.name})`, story.articles, lexicon, story.aliases, configured);
}
report('seed gold (../shared/seeds/gold)', loadGoldDir(join(root, '..', 'shared', 'seeds', 'gold')), lexicon, {});
