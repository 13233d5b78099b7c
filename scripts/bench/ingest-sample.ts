/**
 * Ingest through the real path (ingestArticle via the app's port) on either store: the bench
 * store's first N articles, rendered back as article text (header and their claim sentences),
 * taken in one at a time by an app on an empty store, as the poller takes in a feed's items.
 * Extraction runs too, so the rate is what a newsroom's intake would see, not the store alone.
 */
import type { App } from '../../src/app/app.js';
import { ingestArticle, registerSource } from '../../src/newsroom/ingest.js';
import { Store } from '../../src/store/store.js';

export interface IngestRate {
  articles: number;
  /** Claims the extractor found and the store kept. */
  claims: number;
  seconds: number;
  articles_per_second: number;
  claims_per_second: number;
}

interface Article {
  id: number;
  title: string;
  outlet: string | null;
  date: string | null;
  url: string;
}

/** The store's first `count` articles as the text a feed would deliver: their claims are the body's paragraphs. */
export function sampleArticles(storePath: string, count: number): string[] {
  const store = Store.open(storePath);
  try {
    const articles = store.db
      .prepare('SELECT id, title, outlet, date, url FROM articles ORDER BY id LIMIT ?')
      .all(count) as Article[];
    const sentences = store.db.prepare('SELECT sentence FROM claims WHERE article_id = ? ORDER BY position').pluck();
    return articles.map((a) => {
      const header = [
        `title: ${a.title}`,
        a.outlet && `outlet: ${a.outlet}`,
        a.date && `date: ${a.date}`,
        `url: ${a.url}`,
      ];
      const body = (sentences.all(a.id) as string[]).join('\n\n');
      return `${header.filter(Boolean).join('\n')}\n---\n${body}\n`;
    });
  } finally {
    store.close();
  }
}

/** Every article through ingestArticle, one after another; the clock runs over the ingests alone. */
export async function ingestRate(app: App, articles: readonly string[], now: Date): Promise<IngestRate> {
  const source = await registerSource(
    app,
    { name: 'Wire feeds', kind: 'rss', location: 'https://feeds.example.test/north-korea-russia.xml' },
    now,
  );
  // A few first, untimed: the first calls compile the extractor's regexps and warm the pool.
  const warmup = Math.min(20, articles.length);
  for (const raw of articles.slice(0, warmup)) await ingestArticle(app, raw, source, {}, now);
  const started = performance.now();
  let claims = 0;
  for (const raw of articles.slice(warmup)) claims += (await ingestArticle(app, raw, source, {}, now)).added.length;
  const seconds = (performance.now() - started) / 1000;
  const timed = articles.length - warmup;
  return {
    articles: timed,
    claims,
    seconds: Number(seconds.toFixed(3)),
    articles_per_second: Math.round(timed / seconds),
    claims_per_second: Math.round(claims / seconds),
  };
}
