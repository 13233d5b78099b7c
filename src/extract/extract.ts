import { attribute, findCues, type Attribution, type Cue } from './attribution.js';
import { ArticleMemory } from './entities.js';
import { hedgeBefore } from './hedges.js';
import { topicForWords, type CompiledLexicon } from './lexicon.js';
import { findFigures, type Figure } from './numbers.js';
import { hasDenialOrDoubt, statusOf } from './status.js';
import { quoteSpans, splitSentences, type Sentence } from './text.js';
import type { Article, Claim } from './types.js';
import { topicForUnit, unitAfter, unitBefore } from './units.js';

/** What carries from one sentence to the next inside a paragraph. */
interface ParagraphState {
  paragraph: number;
  briefedBy: string | null;
  quoteSpeaker: Attribution | null;
}

const inside = (spans: Array<[number, number]>, at: number) => spans.some(([s, e]) => at > s && at < e);
const PERSON_UNITS = new Set(['north koreans', 'people']);

function unitFor(text: string, figure: Figure, previous: string | null, lexicon: CompiledLexicon): string | null {
  if (figure.measure === 'percent') return 'percent';
  if (figure.measure === 'money') return 'dollars';
  return unitAfter(text, figure.start, figure.end, lexicon.units) ?? previous ?? unitBefore(text, figure.start, lexicon.units);
}

function topicFor(unit: string | null, text: string, figure: Figure, lexicon: CompiledLexicon): string | null {
  if (unit && PERSON_UNITS.has(unit)) return topicForWords(text, lexicon) === 'troops' ? 'troops' : null;
  return topicForUnit(unit, text, figure.start, lexicon.topics);
}

/** Cues outside quotes speak for a quote inside the same sentence. */
function attributionFor(text: string, at: number, cues: Cue[], quotes: Array<[number, number]>, state: ParagraphState, outlet: string | null): Attribution {
  const quoted = inside(quotes, at);
  const usable = quoted ? cues.filter((c) => !inside(quotes, c.at)) : cues;
  if (usable.length === 0 && quoted && state.quoteSpeaker) return state.quoteSpeaker;
  return attribute(usable, at, state.briefedBy, outlet);
}

function sentenceClaims(sentence: Sentence, article: Article, lexicon: CompiledLexicon, memory: ArticleMemory, state: ParagraphState): Claim[] {
  const text = sentence.text;
  const mentions = lexicon.entities.find(text);
  const { cues, briefedBy } = findCues({ text, mentions, memory, briefedBy: state.briefedBy });
  if (briefedBy) state.briefedBy = briefedBy;
  const quotes = quoteSpans(text);
  const base = { sentence: text, outlet: article.meta.outlet, date: article.meta.date };
  const claims: Claim[] = [];
  let previousUnit: string | null = null;
  for (const figure of findFigures(text)) {
    const unit = unitFor(text, figure, previousUnit, lexicon);
    previousUnit = unit ?? previousUnit;
    claims.push({
      ...base,
      low: figure.low,
      high: figure.high,
      hedge: hedgeBefore(text, figure.start),
      unit,
      topic: topicFor(unit, text, figure, lexicon),
      status: statusOf(text, figure),
      ...attributionFor(text, figure.start, cues, quotes, state, article.meta.outlet),
      offset: sentence.start + figure.start,
      figureText: figure.text,
    });
  }
  if (claims.length === 0 && hasDenialOrDoubt(text)) {
    const topic = topicForWords(text, lexicon);
    const status = statusOf(text, null);
    if (topic && (status === 'denied' || status === 'unverified')) {
      const who = attribute(cues, 0, state.briefedBy, article.meta.outlet);
      claims.push({ ...base, low: null, high: null, hedge: null, unit: null, topic, status, ...who, offset: sentence.start, figureText: null });
    }
  }
  const speaker = quotes.length > 0 ? cues.find((c) => !inside(quotes, c.at) && !c.outlet) : undefined;
  if (speaker) state.quoteSpeaker = { claimant: speaker.claimant, via: null };
  return claims;
}

/** Every claim in an article, in text order: one per figure mention, plus figure-less denials. */
export function extractClaims(article: Article, lexicon: CompiledLexicon): Claim[] {
  const memory = new ArticleMemory(lexicon.entities.byName);
  if (article.meta.outlet) {
    const own = lexicon.entities.byName.get(article.meta.outlet);
    if (own) memory.remember(own);
  }
  let state: ParagraphState = { paragraph: -1, briefedBy: null, quoteSpeaker: null };
  const claims: Claim[] = [];
  for (const sentence of splitSentences(article.body)) {
    if (sentence.paragraph !== state.paragraph) state = { paragraph: sentence.paragraph, briefedBy: null, quoteSpeaker: null };
    claims.push(...sentenceClaims(sentence, article, lexicon, memory, state));
  }
  return claims;
}
