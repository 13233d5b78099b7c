/**
 * `npm run bench [-- --json] [-- --claims N]`: speed and memory figures. Tests never time things;
 * this does. Extraction first, then the bot over a generated store of N claims (default 1,000,000).
 * With --json the last line is one object: { extraction, bot, rss_mb }.
 */
import { benchBot, DEFAULT_CLAIMS } from './bench/bot.js';
import { benchExtraction } from './bench/extraction.js';

const json = process.argv.includes('--json');
const claimsAt = process.argv.indexOf('--claims');
const claims = claimsAt === -1 ? DEFAULT_CLAIMS : Number(process.argv[claimsAt + 1]);
if (!Number.isSafeInteger(claims) || claims < 1) {
  console.error('--claims takes a whole number of claims, e.g. --claims 100000');
  process.exit(2);
}
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

results.bot = benchBot(claims);
if (json) console.log(JSON.stringify(results));
