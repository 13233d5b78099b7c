/**
 * `npm run bench [-- --json] [-- --claims N] [-- --quality-claims N] [-- --feeds N] [-- --ingest-sample N] [-- --skip-bot]`:
 * speed, memory and search quality figures. Tests never time things; this does. Extraction first,
 * then polling N feeds of 50 items on 127.0.0.1 (default 500), the same N feeds answering in 1 s
 * with 5% silent, a healthy feed's first alert beside a hostile one, the shared outbox on SQLite
 * and Postgres (four deliverers at once), then a topic's chart with
 * 1,000 figures, then search quality against MiniSearch over N claim sentences (default 100,000),
 * then the bot over a generated store of N claims (default 1,000,000), and re-filing that store
 * after /topics add, and moving its busiest claimant's claims with /claimants alias and split, and
 * last the bot on Postgres beside SQLite at the same N claims (ingest rate on the store's first
 * --ingest-sample articles, default 5,000; boot; answers), on a private server started for it.
 * With --json the last line is one object:
 * { extraction, rss_mb, polling, polling_slow, polling_hostile, shared_outbox, chart, search_quality, bot, refile,
 *   claimant_move, bot_postgres }.
 */
import { benchBot, DEFAULT_CLAIMS } from './bench/bot.js';
import { benchBotPostgres, DEFAULT_INGEST_SAMPLE } from './bench/bot-postgres.js';
import { benchChart } from './bench/chart.js';
import { benchClaimantMove } from './bench/claimant-move.js';
import { benchExtraction } from './bench/extraction.js';
import { benchPolling } from './bench/polling.js';
import { benchHostilePolling } from './bench/polling-hostile.js';
import { benchSlowPolling } from './bench/polling-slow.js';
import { benchRefile } from './bench/refile.js';
import { benchSearchQuality } from './bench/search-quality.js';
import { benchSharedOutbox } from './bench/shared-outbox.js';

const json = process.argv.includes('--json');
const skipBot = process.argv.includes('--skip-bot');

/** A whole-number option, or the default when absent; a bad value stops the bench with usage. */
function countOption(name: string, fallback: number, example: string): number {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`${name} takes a whole number, e.g. ${name} ${example}`);
    process.exit(2);
  }
  return value;
}
const claims = countOption('--claims', DEFAULT_CLAIMS, '100000');
const feeds = countOption('--feeds', 500, '100');
const qualityClaims = countOption('--quality-claims', 100_000, '20000');
const ingestSample = countOption('--ingest-sample', DEFAULT_INGEST_SAMPLE, '2000');
const results: Record<string, unknown> = {};

const extraction = benchExtraction(1000);
results.extraction = extraction;
console.log(
  `extraction: ${extraction.articles} articles of ~${extraction.words_per_article} words, ${extraction.claims} claims in ${extraction.seconds} s: ` +
    `${extraction.articles_per_second} articles/s, ${extraction.mb_per_second} MB/s (one core; target 200 articles/s)`,
);

// This process's RSS after extraction, as before; the bot's own RSS is measured in its child process.
results.rss_mb = Math.round(process.memoryUsage().rss / 1048576);
console.log(`rss: ${results.rss_mb} MB (extraction process)`);

results.polling = await benchPolling(feeds);
results.polling_slow = await benchSlowPolling(feeds);
results.polling_hostile = await benchHostilePolling();
results.shared_outbox = await benchSharedOutbox();
results.chart = benchChart(1000);
results.search_quality = benchSearchQuality(qualityClaims);
const bot = skipBot ? undefined : benchBot(claims);
if (bot) results.bot = bot;
if (!skipBot) results.refile = await benchRefile(claims);
if (!skipBot) results.claimant_move = await benchClaimantMove(claims);
if (bot) results.bot_postgres = await benchBotPostgres(claims, bot, ingestSample);
if (json) console.log(JSON.stringify(results));
