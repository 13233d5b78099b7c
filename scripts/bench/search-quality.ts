/**
 * The search quality half of `npm run bench`: the bench corpus (bot-claims.ts, corpus.ts) made
 * in memory, the query set of search-queries.ts, and precision and recall at 10 for our index
 * (TextSearch, what /search ranks with) and for MiniSearch 7 over the same sentences and words.
 * Precision at 10 counts the relevant claims in the first min(10, relevant) places; recall at 10
 * the relevant claims anywhere in the ten, over the same min(10, relevant).
 */
import MiniSearch from 'minisearch';
import { DATA_DIR } from '../../src/config.js';
import { TextSearch } from '../../src/index/text-search.js';
import { tokenize } from '../../src/index/tokens.js';
import { loadLexicon } from '../../src/newsroom/data-files.js';
import { ClaimMaker } from './bot-claims.js';
import { seeded } from './bot-words.js';
import { QUERY_MIX, type QualityQuery, type QueryKind, qualityQueries, type WordLists } from './search-queries.js';

const TOP = 10;

interface Engine {
  name: string;
  search: (text: string) => number[];
}

interface Scores {
  precision: number;
  recall: number;
  /** No-hit queries answered with nothing, as a share. */
  empty: number;
  p50_ms: number;
  p99_ms: number;
  slowest: string;
}

function makeCorpus(claims: number) {
  const rng = seeded(20241018);
  const lexicon = loadLexicon(DATA_DIR);
  const maker = new ClaimMaker(lexicon, rng);
  const sentences: string[] = [''];
  const claimants = new Set<string>();
  for (let article = 0; sentences.length <= claims; article++) {
    const plan = maker.plan(article / (claims / 5), 'Reuters');
    for (let i = 0; i < 5 && sentences.length <= claims; i++) {
      const claim = maker.claim(plan);
      sentences.push(claim.sentence);
      if (claim.claimant) claimants.add(claim.claimant);
    }
  }
  const aliases = lexicon.entities.filter((e) => e.kind !== 'outlet').flatMap((e) => [e.name, ...e.aliases]);
  return { sentences, claimants, names: [...aliases, ...maker.extraClaimants()] };
}

function wordLists(sentences: string[]): WordLists {
  const byWord = new Map<string, number[]>();
  const words = sentences.map((s) => [...new Set(tokenize(s))]);
  words.forEach((list, id) => {
    if (id === 0) return;
    for (const w of list) {
      const ids = byWord.get(w);
      if (ids) ids.push(id);
      else byWord.set(w, [id]);
    }
  });
  return { byWord, words, claims: sentences.length - 1 };
}

function ours(lists: WordLists): Engine {
  const text = new TextSearch();
  lists.words.forEach((words, id) => {
    if (id > 0) text.add(id, words);
  });
  text.trim();
  return { name: 'claimwatch', search: (q) => text.search(q, TOP, () => true).map((h) => h.id) };
}

/** MiniSearch with our words (same folding and stop words), so only ranking and matching differ. */
function miniSearch(sentences: string[]): Engine {
  const mini = new MiniSearch<{ id: number; sentence: string }>({
    fields: ['sentence'],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term,
    searchOptions: { prefix: (t) => t.length >= 3, fuzzy: (t) => (t.length >= 5 ? 0.2 : false) },
  });
  mini.addAll(sentences.slice(1).map((sentence, i) => ({ id: i + 1, sentence })));
  return {
    name: 'MiniSearch 7',
    search: (q) =>
      mini
        .search(q)
        .slice(0, TOP)
        .map((r) => r.id as number),
  };
}

function score(engine: Engine, queries: QualityQuery[]): Scores {
  let precision = 0;
  let recall = 0;
  let judged = 0;
  let empty = 0;
  const times: number[] = [];
  let slowest = { ms: -1, text: '' };
  for (const query of queries) {
    const started = performance.now();
    const ids = engine.search(query.text);
    const ms = performance.now() - started;
    times.push(ms);
    if (ms > slowest.ms) slowest = { ms, text: query.text };
    if (query.relevant.size === 0) {
      if (ids.length === 0) empty++;
      continue;
    }
    const wanted = Math.min(TOP, query.relevant.size);
    precision += ids.slice(0, wanted).filter((id) => query.relevant.has(id)).length / wanted;
    recall += ids.filter((id) => query.relevant.has(id)).length / wanted;
    judged++;
  }
  times.sort((a, b) => a - b);
  const noHits = queries.length - judged;
  const at = (q: number) => Number(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(2));
  return {
    precision: Number((precision / Math.max(1, judged)).toFixed(3)),
    recall: Number((recall / Math.max(1, judged)).toFixed(3)),
    empty: Number((empty / Math.max(1, noHits)).toFixed(3)),
    p50_ms: at(0.5),
    p99_ms: at(0.99),
    slowest: `"${slowest.text}" ${slowest.ms.toFixed(1)} ms`,
  };
}

export function benchSearchQuality(claims = 100_000) {
  const corpus = makeCorpus(claims);
  const lists = wordLists(corpus.sentences);
  const queries = qualityQueries(seeded(7), lists, corpus.names);
  const mix = Object.fromEntries(
    (Object.keys(QUERY_MIX) as QueryKind[]).map((k) => [k, queries.filter((q) => q.kind === k).length]),
  );
  const stated = {
    claims: lists.claims,
    distinct_words: lists.byWord.size,
    claimants: corpus.claimants.size,
    queries: queries.length,
    mix,
  };
  console.log(
    `search quality corpus: ${claims.toLocaleString('en-US')} claim sentences, ${stated.distinct_words.toLocaleString('en-US')} distinct words, ` +
      `${stated.claimants} claimants; ${queries.length} queries (${Object.entries(mix)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')})`,
  );
  const results: Record<string, Record<string, Scores>> = {};
  for (const engine of [ours(lists), miniSearch(corpus.sentences)]) {
    const byKind: Record<string, Scores> = { all: score(engine, queries) };
    for (const kind of Object.keys(QUERY_MIX) as QueryKind[])
      byKind[kind] = score(
        engine,
        queries.filter((q) => q.kind === kind),
      );
    results[engine.name] = byKind;
    const all = byKind.all!;
    const kinds = (Object.keys(QUERY_MIX) as QueryKind[])
      .filter((k) => k !== 'no hit')
      .map((k) => `${k} ${byKind[k]!.precision.toFixed(2)}`)
      .join(', ');
    console.log(
      `search quality ${engine.name}: precision@10 ${all.precision.toFixed(3)}, recall@10 ${all.recall.toFixed(3)}, ` +
        `no-hit queries answered empty ${(all.empty * 100).toFixed(0)}%; precision by kind: ${kinds}; ` +
        `p50 ${all.p50_ms} ms, p99 ${all.p99_ms} ms (slowest ${all.slowest}; one pass, cold)`,
    );
  }
  const us = results.claimwatch!.all!;
  const them = results['MiniSearch 7']!.all!;
  const pass = us.precision >= them.precision && us.recall >= them.recall;
  console.log(`search quality target: at least MiniSearch's precision and recall at 10  ${pass ? 'PASS' : 'MISS'}`);
  return { corpus: stated, results, pass };
}
