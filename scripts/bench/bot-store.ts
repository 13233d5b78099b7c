/**
 * The bot bench's store: N claims in ~N/5 articles over 18 months, written straight into
 * SQLite with prepared statements, one transaction per ~50k claims. Cached in the temp dir by
 * generator version, schema version and claim count, since a million rows take a while.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR } from '../../src/config.js';
import { loadLexicon } from '../../src/newsroom/data-files.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import { ClaimMaker } from './bot-claims.js';
import { seeded } from './bot-words.js';

/** Bump when the generator changes, so a cached store from the old one is not reused. */
export const GENERATOR_VERSION = 'bot-5';
export const STORY_START = Date.UTC(2024, 9, 1);
export const STORY_DAYS = 547;
/** Guilds with their own sources: a member there sees the defaults plus their guild's articles. */
export const GUILDS = ['111111111111111111', '222222222222222222', '333333333333333333'];

export interface BenchStore {
  path: string;
  reused: boolean;
  seconds: number;
  articles: number;
  claims: number;
  /** Whether the store already holds a saved text index (a previous bench booted it). */
  savedSearchIndex: boolean;
}

const CLAIMS_PER_TRANSACTION = 50_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export function benchStorePath(claims: number): string {
  return join(tmpdir(), `claimwatch-bench-${GENERATOR_VERSION}-s${MIGRATIONS.length}-${claims}.db`);
}

export function benchStore(claims: number): BenchStore {
  const path = benchStorePath(claims);
  if (existsSync(path)) {
    const store = Store.open(path);
    const counts = store.counts();
    const saved = store.db.prepare('SELECT count(*) AS n FROM search_index').get() as { n: number };
    store.close();
    return {
      path,
      reused: true,
      seconds: 0,
      articles: counts.articles,
      claims: counts.claims,
      savedSearchIndex: saved.n > 0,
    };
  }
  const started = performance.now();
  // Written under another name and renamed when complete, so an interrupted run is never reused.
  const partial = `${path}.${process.pid}.partial`;
  const articles = generate(partial, claims);
  renameSync(partial, path);
  return {
    path,
    reused: false,
    seconds: (performance.now() - started) / 1000,
    articles,
    claims,
    savedSearchIndex: false,
  };
}

/** What the bench's store holds, to state with its figures: distinct words (from the saved text index) and claimants. */
export function storeCorpus(path: string): { words: number; claimants: number } {
  const store = Store.open(path);
  const words = store.db
    .prepare(
      "SELECT length(CAST(words AS TEXT)) - length(replace(CAST(words AS TEXT), char(10), '')) + 1 AS n FROM search_index",
    )
    .get() as { n: number } | undefined;
  const claimants = store.db.prepare('SELECT count(DISTINCT claimant) AS n FROM claims').get() as { n: number };
  store.close();
  return { words: words?.n ?? 0, claimants: claimants.n };
}

/** Claims per article, 1 to 9 and about 5 on average, until they add up to exactly `total`. */
function claimCounts(rng: () => number, total: number): number[] {
  const counts: number[] = [];
  for (let left = total; left > 0; ) {
    const n = Math.min(left, 1 + Math.floor(rng() * 5) + Math.floor(rng() * 5));
    counts.push(n);
    left -= n;
  }
  return counts;
}

/**
 * Article days, oldest first: coverage is heaviest when the story breaks, with spikes on news
 * days. Articles are mostly stored in date order, but some arrive days late (a backfilled feed).
 */
function articleDays(rng: () => number, count: number): Float64Array {
  const spikes = Array.from({ length: 12 }, () => Math.floor(rng() * STORY_DAYS));
  const days = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    days[i] = rng() < 0.15 ? spikes[Math.floor(rng() * spikes.length)]! + rng() * 2 : STORY_DAYS * rng() ** 1.6;
  }
  days.sort();
  return days;
}

function generate(path: string, total: number): number {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const rng = seeded(20241018);
  const lexicon = loadLexicon(DATA_DIR);
  const maker = new ClaimMaker(lexicon, rng);
  const store = Store.open(path);
  const db = store.db;
  // A throwaway file until renamed: durability settings only slow the bulk load down.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const now = iso(STORY_START + STORY_DAYS * DAY);
  const addSource = db.prepare(
    'INSERT INTO sources (id, guild_id, name, kind, location, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const sources: Array<[string, string, string, string]> = [
    ['', 'Wire feeds', 'rss', 'https://feeds.example.test/north-korea-russia.xml'],
    [GUILDS[0]!, 'Desk A tips', 'folder', '/srv/desk-a/tips'],
    [GUILDS[0]!, 'Desk A regional wires', 'rss', 'https://desk-a.example.test/wires.xml'],
    [GUILDS[1]!, 'Desk B stringers', 'rss', 'https://desk-b.example.test/stringers.xml'],
    [GUILDS[2]!, 'Desk C agency feed', 'rss', 'https://desk-c.example.test/agency.xml'],
  ];
  sources.forEach(([guild, name, kind, location], i) => {
    addSource.run(i + 1, guild, name, kind, location, now);
  });
  const addArticle =
    db.prepare(`INSERT INTO articles (id, identity, url, title, outlet, date, content_hash, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const link = db.prepare('INSERT INTO article_sources (article_id, source_id) VALUES (?, ?)');
  const addClaim =
    db.prepare(`INSERT INTO claims (article_id, position, sentence, low, high, hedge, unit, topic, status,
    claimant, via, figure_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const counts = claimCounts(rng, total);
  const days = articleDays(rng, counts.length);
  const hex = () =>
    Math.floor(rng() * 4294967296)
      .toString(16)
      .padStart(8, '0');

  const writeArticle = (i: number) => {
    const id = i + 1;
    const ingested = STORY_START + days[i]! * DAY + (rng() * DAY) / 4;
    const late = rng() < 0.04 ? (1 + rng() * 9) * DAY : 0;
    const date = rng() < 0.015 ? null : iso(ingested - late).slice(0, 10);
    const outlet = maker.articleOutlet();
    const plan = maker.plan(days[i]! / STORY_DAYS, outlet.name);
    const claims = Array.from({ length: counts[i]! }, () => maker.claim(plan));
    const lead = claims[0]!;
    const title = `${lead.claimant ?? 'Officials'}: ${lead.figureText ? `${lead.figureText} ${lead.unit}` : lead.status} (${plan.topic.label})`;
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const url = `https://${outlet.name.toLowerCase().replace(/[^a-z]+/g, '')}.example.test/${(date ?? iso(ingested)).slice(0, 7).replace('-', '/')}/${slug}-${id}`;
    addArticle.run(
      id,
      `url:${url}`,
      url,
      title,
      outlet.written,
      date,
      hex() + hex() + hex() + hex() + hex() + hex() + hex() + hex(),
      iso(ingested),
    );
    // Mostly the default feed; some also reached a guild's own source; a few (5%) only a guild's.
    const r = rng();
    if (r < 0.95) link.run(id, 1);
    if (r >= 0.88) link.run(id, 2 + Math.floor(rng() * 4));
    claims.forEach((c, position) => {
      addClaim.run(
        id,
        position,
        c.sentence,
        c.low,
        c.high,
        c.hedge,
        c.unit,
        c.topic,
        c.status,
        c.claimant,
        c.via,
        c.figureText,
      );
    });
  };
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) writeArticle(i);
  });
  const articlesPerBatch = Math.max(1, Math.round(CLAIMS_PER_TRANSACTION / 5));
  for (let from = 0; from < counts.length; from += articlesPerBatch)
    batch(from, Math.min(counts.length, from + articlesPerBatch));
  // The file ends as the app keeps it: WAL, so booting it does not rewrite the header.
  db.pragma('journal_mode = WAL');
  store.close();
  return counts.length;
}
