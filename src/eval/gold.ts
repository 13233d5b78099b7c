import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileLexicon, extractClaims, type Lexicon, parseArticle } from '../extract/index.js';
import { addCounts, type Counts, countMatches, emptyCounts, type GoldClaim, words } from './score.js';

export interface GoldArticle {
  name: string;
  articlePath: string;
  outlet: string | null;
  date: string | null;
  claims: GoldClaim[];
  statements: GoldClaim[];
}

interface GoldFile {
  article: { file: string; outlet?: string | null; date?: string | null };
  claims: GoldClaim[];
  statements?: Array<Omit<GoldClaim, 'low' | 'high' | 'hedge'>>;
}

/** Gold files sit beside their articles, or in a gold/ folder below them (../shared/seeds). */
export function loadGoldDir(dir: string): GoldArticle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldFile;
      const articlePath = [join(dir, gold.article.file), join(dir, '..', gold.article.file)].find((p) => existsSync(p));
      if (!articlePath) throw new Error(`${join(dir, f)}: article ${gold.article.file} not found`);
      return {
        name: basename(f, '.json'),
        articlePath,
        outlet: gold.article.outlet ?? null,
        date: gold.article.date ?? null,
        claims: gold.claims,
        statements: (gold.statements ?? []).map((s) => ({ ...s, low: null, high: null, hedge: null })),
      };
    });
}

export interface ArticleResult {
  name: string;
  figures: Counts;
  statements: { gold: number; predicted: number; matched: number };
}

/** Runs the extractor over each gold article and counts agreements. */
export function evaluate(articles: GoldArticle[], lexicon: Lexicon): { results: ArticleResult[]; total: Counts } {
  const compiled = compileLexicon(lexicon);
  const results = articles.map((gold) => {
    const article = parseArticle(readFileSync(gold.articlePath, 'utf8'), { outlet: gold.outlet, date: gold.date });
    const predicted = extractClaims(article, compiled);
    const predictedStatements = predicted.filter((p) => p.low === null);
    const matchedStatements = gold.statements.filter((s) =>
      predictedStatements.some((p) => p.status === s.status && words(p.sentence) === words(s.sentence)),
    ).length;
    return {
      name: gold.name,
      figures: countMatches(gold.claims, predicted),
      statements: { gold: gold.statements.length, predicted: predictedStatements.length, matched: matchedStatements },
    };
  });
  return { results, total: results.reduce((sum, r) => addCounts(sum, r.figures), emptyCounts()) };
}
