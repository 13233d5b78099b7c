/**
 * Which topic a figure files under. What it counts narrows the topics down (units, exclusions);
 * what the story is about picks among them: a topic whose subject the sentence names, else one
 * its article names, else one that asks for no subject. Extraction and re-filing after a topic
 * changes both go through here, so a stored claim lands where a fresh one would.
 */
import { escapeRegExp } from './regexp.js';
import type { TopicDef } from './types.js';

export interface CompiledTopic {
  def: TopicDef;
  units: Set<string>;
  words: RegExp | null;
  /** What a statement must name to be about the topic: its words, else what it counts ("toll", "missing"). */
  about: RegExp | null;
  subjects: RegExp | null;
}

/** A figure's topics by what it counts, in the lexicon's order, before subjects decide. */
export interface Candidates {
  keys: string[];
}

const singular = (word: string) => word.replace(/(?:ies)$/, 'y').replace(/(?<!s)s$/, '');
const wordsPattern = (words: readonly string[] | undefined) =>
  words && words.length > 0 ? new RegExp(`\\b(?:${words.map(escapeRegExp).join('|')})\\b`, 'i') : null;

export function compileTopics(topics: readonly TopicDef[]): CompiledTopic[] {
  return topics.map((def) => ({
    def,
    units: new Set(def.units.map((u) => singular(u.toLowerCase()))),
    // A topic set up with subjects alone places unit-less figures and statements by them.
    words: wordsPattern(def.words.length > 0 ? def.words : def.subjects),
    // "Lahaina" names the story, not a count: a denial that the fire was arson is about no toll.
    about: wordsPattern(
      def.words.length > 0
        ? def.words
        : def.units.length > 0
          ? [...new Set(def.units.flatMap((u) => [u, singular(u)]))]
          : def.subjects,
    ),
    subjects: wordsPattern(def.subjects),
  }));
}

/** Nouns that count people without saying which: they file by the sentence's topic words. */
const PERSON_UNITS = new Set(['people']);

/** The topics a figure could be in by its unit, or by the sentence's words when the unit says nothing. */
export function candidateTopics(
  unit: string | null,
  sentence: string,
  figureStart: number | null,
  topics: readonly CompiledTopic[],
): string[] {
  const byWords = () => topics.filter((t) => t.words?.test(sentence)).map((t) => t.def.key);
  if (!unit) return byWords();
  const wanted = singular(unit.toLowerCase());
  // "1,500 people" counts for a topic that lists people, or for the sentence's first topic by words.
  if (PERSON_UNITS.has(unit)) {
    const listing = topics.filter((t) => t.units.has(wanted)).map((t) => t.def.key);
    return [...new Set([...listing, ...byWords().slice(0, 1)])];
  }
  const around =
    figureStart === null ? '' : sentence.slice(Math.max(0, figureStart - 40), figureStart + 40).toLowerCase();
  return topics
    .filter((t) => t.units.has(wanted))
    .filter((t) => !t.def.exclude?.some((phrase) => around.includes(phrase.toLowerCase())))
    .map((t) => t.def.key);
}

/** Where the pattern last matches in the text, or -1. */
function lastMatch(pattern: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(new RegExp(pattern.source, 'gi'))) at = m.index;
  return at;
}

/**
 * The topics a statement with no figure is about, by what it names. The word said last comes
 * first: "soldiers had been captured" is about the captured, not the soldiers.
 */
export function statementTopics(sentence: string, topics: readonly CompiledTopic[]): string[] {
  return topics
    .map((t) => ({ key: t.def.key, at: t.about ? lastMatch(t.about, sentence) : -1 }))
    .filter((t) => t.at >= 0)
    .sort((a, b) => b.at - a.at)
    .map((t) => t.key);
}

/**
 * The candidate the story's subjects favour. `context` is the article's title and its figures'
 * sentences. `rank` breaks ties between equally placed topics (a server's own before others').
 */
export function chooseTopic(
  candidates: readonly string[],
  sentence: string,
  context: string,
  topics: readonly CompiledTopic[],
  rank: (topic: TopicDef) => number = () => 0,
): string | null {
  let best: { key: string; score: number } | null = null;
  for (const key of candidates) {
    const topic = topics.find((t) => t.def.key === key);
    if (!topic) continue;
    const score = placement(topic, sentence, context) * 10 - rank(topic.def);
    if (placement(topic, sentence, context) > 0 && (!best || score > best.score)) best = { key, score };
  }
  return best?.key ?? null;
}

/** 3: the sentence names the story; 2: the article does; 1: the topic asks for no subject; 0: not here. */
function placement(topic: CompiledTopic, sentence: string, context: string): number {
  if (!topic.subjects) return 1;
  if (topic.subjects.test(sentence)) return 3;
  return topic.subjects.test(context) ? 2 : 0;
}

/**
 * Which topics may take an article's claims: the defaults' take any; a topic a server defined
 * only those its server can see (the sources that brought the article, by scope; '' the defaults').
 */
export function topicsSeenBy(scopes: readonly string[]): (topic: TopicDef) => boolean {
  return (topic) => !topic.scope || scopes.includes('') || scopes.includes(topic.scope);
}

/** The text subjects are looked for in, beyond the sentence: the title and every figure's sentence. */
export function articleContext(title: string | null, sentences: Iterable<string>): string {
  return [title ?? '', ...new Set(sentences)].join('\n');
}
