/** `npm run bench [-- --json]`: speed and memory figures. Tests never time things; this does. */
import { benchExtraction } from './bench/extraction.js';

const json = process.argv.includes('--json');
const results: Record<string, unknown> = {};

const extraction = benchExtraction(1000);
results.extraction = extraction;
console.log(
  `extraction: ${extraction.articles} articles of ~${extraction.words_per_article} words, ${extraction.claims} claims in ${extraction.seconds} s: ` +
    `${extraction.articles_per_second} articles/s, ${extraction.mb_per_second} MB/s (one core; target 200 articles/s)`,
);

results.rss_mb = Math.round(process.memoryUsage().rss / 1048576);
console.log(`rss: ${results.rss_mb} MB`);
if (json) console.log(JSON.stringify(results));
