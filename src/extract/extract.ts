import { type Attribution, attribute, type Cue, findCues } from './attribution.js';
import { ArticleMemory } from './entities.js';
import { hedgeBefore } from './hedges.js';
import { type CompiledLexicon, topicForWords } from './lexicon.js';
import { type Figure, findFigures } from './numbers.js';
import { hasDenialOrDoubt, statusOf } from './status.js';
import { quoteSpans, type Sentence, splitSentences } from './text.js';
import type { Article, Claim } from './types.js';
import { topicForUnit, unitAfter, unitBefore } from './units.js';

/** What carries from one sentence to the next. */
interface ParagraphState {
  paragraph: number;
  briefedBy: string | null;
  quoteSpeaker: Cue | null;
  /** What the paragraph's last figure counted, for a figure with no noun of its own. */
  lastUnit: string | null;
}

const inside = (spans: Array<[number, number]>, at: number) => spans.some(([s, e]) => at > s && at < e);

const PERSON_UNITS = new Set(['people']);
const COMPARISON =
  /\b(?:up|down|rising|falling|increase|decrease|compared)?\s*(?:from|than|with|to)\s+(?:the\s+)?(?:\S+\s+)?$/i;

/**
 * What a figure counts: the words after it; else a unit named earlier in its stretch of the
 * sentence ("the number of wounded estimated at about 1,000"); else what the figure before it
 * counted ("rise to around 12,000"); else the article's last unit.
 */
function unitFor(
  text: string,
  figure: Figure,
  since: number,
  previous: string | null,
  lexicon: CompiledLexicon,
): string | null {
  if (figure.measure === 'percent') return 'percent';
  if (figure.measure === 'money') return 'dollars';
  const after = unitAfter(text, figure.start, figure.end, lexicon.units);
  if (after) return after;
  const stretch = text.slice(since, figure.start);
  // "up from the 13,000 it estimated": a comparison counts what the figure before it counted.
  if (since > 0 && previous && COMPARISON.test(stretch)) return previous;
  return unitBefore(stretch, stretch.length, lexicon.units) ?? previous;
}

function topicFor(unit: string | null, text: string, figure: Figure, lexicon: CompiledLexicon): string | null {
  if (!unit) return topicForWords(text, lexicon);
  if (PERSON_UNITS.has(unit)) return topicForWords(text, lexicon) === 'troops' ? 'troops' : null;
  return topicForUnit(unit, text, figure.start, lexicon.topics);
}

/** A quote with no speaker of its own continues the paragraph's last quoted speaker. */
function attributionFor(
  text: string,
  at: number,
  cues: Cue[],
  quotes: Array<[number, number]>,
  state: ParagraphState,
  outlet: string | null,
): Attribution {
  if (cues.length === 0 && inside(quotes, at) && state.quoteSpeaker)
    return attribute([state.quoteSpeaker], at, state.briefedBy, outlet, text);
  return attribute(cues, at, state.briefedBy, outlet, text);
}

function sentenceClaims(
  sentence: Sentence,
  article: Article,
  lexicon: CompiledLexicon,
  memory: ArticleMemory,
  state: ParagraphState,
): Claim[] {
  const text = sentence.text;
  const mentions = lexicon.entities.find(text);
  const { cues, briefedBy } = findCues({ text, mentions, memory });
  if (briefedBy) state.briefedBy = briefedBy;
  const quotes = quoteSpans(text);
  const base = { sentence: text, outlet: article.meta.outlet, date: article.meta.date };
  const claims: Claim[] = [];
  let since = 0;
  for (const figure of findFigures(text)) {
    const unit = unitFor(text, figure, since, state.lastUnit, lexicon);
    state.lastUnit = unit ?? state.lastUnit;
    since = figure.end;
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
      const who = attribute(cues, 0, state.briefedBy, article.meta.outlet, text);
      claims.push({
        ...base,
        low: null,
        high: null,
        hedge: null,
        unit: null,
        topic,
        status,
        ...who,
        offset: sentence.start,
        figureText: null,
      });
    }
  }
  const speaker = quotes.length > 0 ? cues.find((c) => !inside(quotes, c.at) && !c.outlet) : undefined;
  if (speaker) state.quoteSpeaker = speaker;
  return claims;
}

/** Every claim in an article, in text order: one per figure mention, plus figure-less denials. */
export function extractClaims(article: Article, lexicon: CompiledLexicon): Claim[] {
  const memory = new ArticleMemory(lexicon.entities.byName);
  if (article.meta.outlet) {
    const own = lexicon.entities.byName.get(article.meta.outlet);
    if (own) memory.remember(own, false);
  }
  let state: ParagraphState = { paragraph: -1, briefedBy: null, quoteSpeaker: null, lastUnit: null };
  const claims: Claim[] = [];
  for (const sentence of splitSentences(article.body)) {
    // A briefing and a quoted speaker carry across paragraphs; what a figure counts does not.
    if (sentence.paragraph !== state.paragraph) state = { ...state, paragraph: sentence.paragraph, lastUnit: null };
    claims.push(...sentenceClaims(sentence, article, lexicon, memory, state));
  }
  return claims;
}
