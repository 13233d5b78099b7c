import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../../src/config.js';
import { compileLexicon, extractClaims, parseArticle } from '../../src/extract/index.js';
import { loadLexicon } from '../../src/newsroom/data-files.js';

const WORDS_PER_ARTICLE = 800;

/** Paragraphs of every sample article, so bench articles read like the real ones. */
function sampleParagraphs(): string[] {
  const dirs = [join(DATA_DIR, 'articles'), join(DATA_DIR, '..', 'test', 'gold')];
  const paragraphs: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const body = parseArticle(readFileSync(join(dir, name), 'utf8')).body;
      paragraphs.push(...body.split(/\n\s*\n/).filter((p) => p.trim().split(/\s+/).length > 8));
    }
  }
  return paragraphs;
}

/** `count` articles of about 800 words, each a different walk through the sample paragraphs. */
export function benchArticles(count: number): string[] {
  const paragraphs = sampleParagraphs();
  const articles: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    let words = 0;
    for (let j = 0; words < WORDS_PER_ARTICLE; j++) {
      const paragraph = paragraphs[(i * 7 + j * 13) % paragraphs.length]!;
      parts.push(paragraph);
      words += paragraph.split(/\s+/).length;
    }
    articles.push(`title: Bench ${i}\noutlet: Reuters\ndate: 2024-11-0${(i % 9) + 1}\n---\n${parts.join('\n\n')}\n`);
  }
  return articles;
}

export function benchExtraction(count = 1000) {
  const lexicon = compileLexicon(loadLexicon(DATA_DIR));
  const articles = benchArticles(count);
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0);
  for (const a of articles.slice(0, 20)) extractClaims(parseArticle(a), lexicon); // warm-up
  const started = performance.now();
  let claims = 0;
  for (const a of articles) claims += extractClaims(parseArticle(a), lexicon).length;
  const seconds = (performance.now() - started) / 1000;
  return {
    articles: count,
    words_per_article: WORDS_PER_ARTICLE,
    claims,
    seconds: Number(seconds.toFixed(3)),
    articles_per_second: Math.round(count / seconds),
    mb_per_second: Number((bytes / 1048576 / seconds).toFixed(2)),
  };
}
