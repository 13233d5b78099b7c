/**
 * The chart half of `npm run bench`: how long a topic's timeline takes to draw (chartData, SVG,
 * PNG) when the topic holds 1,000 figures. The index is built in memory from made-up claims, as
 * the store would hand them over: no SQLite, since only the chart is measured.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { topicChart } from '../../src/charts/index.js';
import { DATA_DIR } from '../../src/config.js';
import type { Status } from '../../src/extract/index.js';
import { ClaimIndex } from '../../src/index/claim-index.js';
import { loadLexicon } from '../../src/newsroom/data-files.js';
import type { ArticleRecord, ClaimRecord } from '../../src/store/records.js';
import { pick, seeded, zipf } from './bot-words.js';

export const CHART_TARGET_MS = 150;
const TOPIC = 'troops';
const DAY = 86_400_000;
const START = Date.UTC(2024, 9, 1);
const STORY_DAYS = 547;

/**
 * An index where the troops topic has exactly `figures` distinct figures (claimant, status,
 * low/high) over 18 months, each carried by one to three outlets, plus denials and doubts.
 */
export function chartIndex(figures: number): ClaimIndex {
  const lexicon = loadLexicon(DATA_DIR);
  const index = new ClaimIndex(lexicon);
  const createdAt = new Date(START).toISOString();
  index.addSource({
    id: 1,
    guildId: '',
    name: 'Wire feeds',
    kind: 'rss',
    location: 'https://feeds.example.test/troops.xml',
    topics: null,
    paused: false,
    pausedReason: null,
    removedAt: null,
    failureNotice: false,
    createdAt,
  });
  const rng = seeded(20241018);
  const claimant = zipf(lexicon.entities.filter((e) => e.kind !== 'outlet' && !e.for).map((e) => e.name));
  const outlets = lexicon.entities.filter((e) => e.kind === 'outlet').map((e) => e.name);
  const seen = new Set<string>();
  let claimId = 0;
  let articleId = 0;
  const publish = (
    day: number,
    claim: Omit<ClaimRecord, 'id' | 'articleId' | 'position' | 'topic' | 'via' | 'sentence'>,
  ) => {
    const date = new Date(START + Math.min(STORY_DAYS, day) * DAY).toISOString().slice(0, 10);
    const article: ArticleRecord = {
      id: ++articleId,
      identity: `bench:${articleId}`,
      url: null,
      title: null,
      outlet: pick(rng, outlets),
      date,
      contentHash: String(articleId),
      ingestedAt: `${date}T12:00:00Z`,
    };
    const record: ClaimRecord = {
      ...claim,
      id: ++claimId,
      articleId,
      position: 0,
      topic: TOPIC,
      via: null,
      sentence: `${claim.claimant} on ${date}: ${claim.figureText ?? claim.status}`,
    };
    index.addArticle(article, [1], [record]);
  };
  while (seen.size < figures) {
    const progress = rng();
    const name = claimant(rng);
    const status: Status = rng() < 0.12 ? 'projected' : 'reported';
    // Troop figures grow with the story, from hundreds to tens of thousands, each claimant leaning its own way.
    const low = Math.max(100, Math.round(((500 + 30000 * progress ** 1.5) * (0.6 + rng() * 0.8)) / 100) * 100);
    const high = rng() < 0.15 ? low + Math.round((low * (0.1 + rng() * 0.4)) / 100) * 100 : low;
    const key = `${name}|${status}|${low}|${high}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const day = Math.floor(progress * STORY_DAYS);
    const figureText = low === high ? String(low) : `${low}-${high}`;
    const repeats = 1 + Math.floor(rng() * 3);
    for (let r = 0; r < repeats; r++)
      publish(day + r * Math.floor(rng() * 5), {
        low,
        high,
        hedge: null,
        unit: 'troops',
        status,
        claimant: name,
        speaker: null,
        figureText,
        role: 'current',
        aside: null,
        wrong: false,
      });
  }
  for (let i = 0; i < figures / 20; i++) {
    const status: Status = rng() < 0.5 ? 'denied' : 'unverified';
    publish(Math.floor(rng() * STORY_DAYS), {
      low: null,
      high: null,
      hedge: null,
      unit: null,
      status,
      claimant: pick(rng, ['Kremlin', 'North Korea', 'Pentagon', 'NATO']),
      speaker: null,
      figureText: null,
      role: 'current',
      aside: null,
      wrong: false,
    });
  }
  return index;
}

export function benchChart(figures = 1000, runs = 20) {
  const index = chartIndex(figures);
  // The first call loads resvg's native module and reads the fonts: timed apart from the rest.
  const firstStarted = performance.now();
  const first = topicChart(index, TOPIC, null);
  const firstMs = performance.now() - firstStarted;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    topicChart(index, TOPIC, null);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = Number(times[Math.floor(times.length / 2)]!.toFixed(1));
  const result = {
    figures,
    ms,
    first_ms: Number(firstMs.toFixed(1)),
    slowest_ms: Number(times[times.length - 1]!.toFixed(1)),
    png_kb: first.png ? Math.round(first.png.length / 1024) : 0,
    target_ms: CHART_TARGET_MS,
    pass: ms < CHART_TARGET_MS,
  };
  console.log(
    `chart: a topic of ${figures.toLocaleString('en-US')} figures drawn to a ${result.png_kb} KB PNG in ${ms} ms (median of ${runs}; ` +
      `first call ${result.first_ms} ms, slowest ${result.slowest_ms} ms)  target < ${CHART_TARGET_MS} ms  ${result.pass ? 'PASS' : 'MISS'}`,
  );
  return result;
}

// Run alone (`npx tsx scripts/bench/chart.ts [OUT.png]`) it also writes the chart, to look at.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchChart();
  const out = process.argv[2];
  const chart = out ? topicChart(chartIndex(1000), TOPIC, null) : null;
  if (out && chart?.png) writeFileSync(out, chart.png);
}
