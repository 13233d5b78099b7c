import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { countryNamed } from '../extract/attribution/countries.js';
import {
  type Claim,
  compileLexicon,
  type EntityDef,
  extractClaims,
  type Lexicon,
  parseArticle,
  type TopicDef,
} from '../extract/index.js';
import { addCounts, type Counts, countMatches, emptyCounts, type GoldClaim, type SameName, words } from './score.js';

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

/** A story folder's own files beside its gold: what a newsroom would configure, and the names it uses. */
const STORY_FILES = new Set(['story.json', 'claimants.json']);

/** Gold files sit beside their articles, or in a gold/ folder below them (../shared/seeds). */
export function loadGoldDir(dir: string): GoldArticle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !STORY_FILES.has(f))
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

/** A story in its own folder: its articles and gold, its topics as a newsroom would add them, its claimants' spellings. */
export interface GoldStory {
  name: string;
  label: string;
  topics: TopicDef[];
  /** Canonical name to the other spellings the articles use for the same body. */
  aliases: Record<string, string[]>;
  articles: GoldArticle[];
}

interface StoryFile {
  story: string;
  label: string;
  topics: Array<Omit<TopicDef, 'words'> & { words?: string[] }>;
}

/** Every story folder below `root` that has a story.json. */
export function loadGoldStories(root: string): GoldStory[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'story.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const story = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8')) as StoryFile;
      const aliasPath = join(dir, 'claimants.json');
      return {
        name,
        label: story.label,
        topics: story.topics.map(({ words, ...topic }) => ({ ...topic, words: words ?? [] })),
        aliases: existsSync(aliasPath) ? (JSON.parse(readFileSync(aliasPath, 'utf8')) as Record<string, string[]>) : {},
        articles: loadGoldDir(dir),
      };
    });
}

/** Case, a leading "the", curly apostrophes, and "Turkey's" against "Turkish" folded away. */
const foldName = (name: string) =>
  name
    .replace(/[’‘]/g, "'")
    .replace(
      /\b([\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*)?)'s\b/gu,
      (whole, word: string) => countryNamed(word)?.demonym ?? whole,
    )
    // "Sudan Health Ministry" is the Sudanese one: a country's name before a capitalised word.
    .replace(/^([\p{Lu}][\p{L}]+) (?=[\p{Lu}])/u, (whole, word: string) =>
      countryNamed(word)?.name === word ? `${countryNamed(word)!.demonym} ` : whole,
    )
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Names match when they fold to the same text (case, a leading "the", curly apostrophes), or
 * when the predicted one is a spelling the story or the lexicon lists for the gold's body.
 */
export function nameMatcher(aliases: Record<string, string[]>, entities: readonly EntityDef[]): SameName {
  const spellings = new Map<string, Set<string>>();
  const add = (canonical: string, names: readonly string[]) => {
    const key = foldName(canonical);
    const set = spellings.get(key) ?? new Set([key]);
    for (const name of names) set.add(foldName(name));
    spellings.set(key, set);
  };
  for (const entity of entities) add(entity.name, entity.aliases);
  for (const [canonical, names] of Object.entries(aliases)) add(canonical, names);
  return (predicted, gold) => {
    if (predicted === null || gold === null) return predicted === gold;
    const key = foldName(gold);
    return key === foldName(predicted) || (spellings.get(key)?.has(foldName(predicted)) ?? false);
  };
}

export interface ArticleResult {
  name: string;
  figures: Counts;
  /** Matched statements, and of those how many name the gold's claimant and topic. */
  statements: { gold: number; predicted: number; matched: number; claimant: number; topic: number };
}

export interface EvaluateOptions {
  sameName?: SameName;
}

export function predictionsFor(gold: GoldArticle, lexicon: ReturnType<typeof compileLexicon>): Claim[] {
  const article = parseArticle(readFileSync(gold.articlePath, 'utf8'), { outlet: gold.outlet, date: gold.date });
  return extractClaims(article, lexicon);
}

/** Runs the extractor over each gold article and counts agreements. */
export function evaluate(
  articles: GoldArticle[],
  lexicon: Lexicon,
  options: EvaluateOptions = {},
): { results: ArticleResult[]; total: Counts } {
  const compiled = compileLexicon(lexicon);
  const results = articles.map((gold) => {
    const predicted = predictionsFor(gold, compiled);
    const predictedStatements = predicted.filter((p) => p.low === null);
    const pairs = gold.statements.flatMap((s) => {
      const p = predictedStatements.find((p) => p.status === s.status && words(p.sentence) === words(s.sentence));
      return p ? [{ gold: s, p }] : [];
    });
    const sameName = options.sameName ?? ((a: string | null, b: string | null) => a === b);
    return {
      name: gold.name,
      figures: countMatches(gold.claims, predicted, options.sameName),
      statements: {
        gold: gold.statements.length,
        predicted: predictedStatements.length,
        matched: pairs.length,
        claimant: pairs.filter(({ gold, p }) => sameName(p.claimant, gold.claimant ?? null)).length,
        topic: pairs.filter(({ gold, p }) => p.topic === (gold.topic ?? null)).length,
      },
    };
  });
  return { results, total: results.reduce((sum, r) => addCounts(sum, r.figures), emptyCounts()) };
}
