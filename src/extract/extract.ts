import { headlineOf } from './article.js';
import { fileTopics, mainCountry, setAsideOtherForces } from './article-passes.js';
import { type Attribution, attribute, NO_ATTRIBUTION } from './attribution/attribute.js';
import { type Cue, findCues } from './attribution/cues.js';
import { knownOf } from './attribution/known.js';
import { ArticleMemory, type Known } from './attribution/memory.js';
import type { NameContext } from './attribution/name-context.js';
import { noteNamed } from './attribution/named-in-passing.js';
import { hedgeBefore } from './hedges.js';
import type { CompiledLexicon } from './lexicon.js';
import { type Figure, findFigures } from './numbers.js';
import { roleOf } from './roles.js';
import { refersBack, statementIn } from './statements.js';
import { confirmsPrevious, statusOf } from './status.js';
import { quoteSpans, type Sentence, splitSentences } from './text.js';
import { candidateTopics } from './topic-filing.js';
import type { Article, Claim, TopicDef } from './types.js';
import { unitAfter, unitBefore } from './units.js';

/** What carries from one sentence to the next within an article. */
interface ArticleState {
  memory: ArticleMemory;
  paragraph: number;
  /** The body an article says briefed its lawmakers: a lawmaker's figures are its. */
  briefedBy: Known | null;
  /** The last quoted speaker, for quotes that run on with no cue of their own. */
  quoteSpeaker: Attribution | null;
  /** The paragraph's last explicit attribution, for a figure with no cue of its own. */
  carried: Attribution | null;
  /** The headline's attribution and figures, for the lede that repeats them. */
  headline: { attribution: Attribution; values: Set<number>; paragraph: number } | null;
  /** What the paragraph's last figure counted, for a figure with no noun of its own. */
  lastUnit: string | null;
  /** The previous sentence's claims, which "the ministry confirmed this" confirms. */
  previous: Claim[];
  /** Each figure claim's figure in its sentence, for what can only be read once its topic is known. */
  figures: Map<Claim, Figure>;
  /** The paragraph of `previous`, so that a back-reference reaches only the last paragraph or its own. */
  previousParagraph: number;
  /** The claims a statement that refers back ("dismissed the reports") is about. */
  referred: Map<Claim, readonly Claim[]>;
  /** Each claim's possible topics, chosen among once the whole article is read. */
  candidates: Map<Claim, string[]>;
}

const inside = (spans: Array<[number, number]>, at: number) => spans.some(([s, e]) => at > s && at < e);

const COMPARISON =
  /\b(?:up|down|rising|falling|increase|decrease|compared)?\s*(?:from|than|with|to)\s+(?:the\s+)?(?:\S+\s+)?$/i;
const BRIEFS_LAWMAKERS =
  /^[^.;]{0,80}?\b(?:told|briefed|informed)\s+(?:\w+\s+){0,3}(?:lawmakers|legislators|parliament|members|the committee)/i;

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

/**
 * Who claims a figure with no cue of its own: the quoted speaker inside a running quote, else
 * the paragraph's last attribution, else the headline's for a lede figure that repeats it.
 */
function carriedAttribution(state: ArticleState, quoted: boolean, figure: Figure, paragraph: number): Attribution {
  if (quoted && state.quoteSpeaker) return state.quoteSpeaker;
  if (state.carried) return state.carried;
  const { headline } = state;
  if (headline && paragraph === headline.paragraph + 1 && headline.values.has(figure.low)) return headline.attribution;
  return NO_ATTRIBUTION;
}

function noteBriefing(cues: readonly Cue[], text: string, state: ArticleState): void {
  for (const cue of cues) {
    if (cue.briefedBy) state.briefedBy = cue.briefedBy;
    else if (cue.speaker?.kind === 'body' && BRIEFS_LAWMAKERS.test(text.slice(cue.start)))
      state.briefedBy = cue.speaker;
  }
}

function sentenceClaims(
  sentence: Sentence,
  first: boolean,
  article: Article,
  lexicon: CompiledLexicon,
  state: ArticleState,
): Claim[] {
  const text = sentence.text;
  state.memory.nextSentence();
  const mentions = lexicon.entities.find(text).filter((m) => m.entity);
  const ctx: NameContext = {
    text,
    mentions,
    memory: state.memory,
    byName: lexicon.entities.byName,
    date: article.meta.date,
  };
  // Everyone the lexicon knows that the sentence names can be referred back to; its speakers come last, as the likeliest.
  for (const mention of mentions) knownOf(mention.entity!, ctx);
  noteNamed(ctx);
  const cues = findCues(ctx, first);
  for (const cue of cues) if (cue.speaker) state.memory.touch(cue.speaker);
  noteBriefing(cues, text, state);
  const quotes = quoteSpans(text);
  const base = { sentence: text, outlet: article.meta.outlet, date: article.meta.date };
  const own = article.meta.outlet;
  const claims: Claim[] = [];
  let since = 0;
  for (const figure of findFigures(text)) {
    const unit = unitFor(text, figure, since, state.lastUnit, lexicon);
    state.lastUnit = unit ?? state.lastUnit;
    since = figure.end;
    const quoted = inside(quotes, figure.start);
    const cued = cues.length > 0 && !(quoted && cues.every((c) => !inside(quotes, c.start) && c.form !== 'subject'));
    const who = cued
      ? attribute(cues, text, figure.start, state.briefedBy, own)
      : carriedAttribution(state, quoted, figure, sentence.paragraph);
    if (cued && who.claimant) state.carried = who;
    const { role, aside } = roleOf(text, figure, null);
    const claim: Claim = {
      ...base,
      low: figure.low,
      high: figure.high,
      hedge: hedgeBefore(text, figure.start),
      unit,
      topic: null,
      status: statusOf(text, figure),
      ...who,
      offset: sentence.start + figure.start,
      figureText: figure.text,
      role,
      aside,
    };
    state.candidates.set(claim, candidateTopics(unit, text, figure.start, lexicon.filing));
    state.figures.set(claim, figure);
    claims.push(claim);
  }
  // A statement with no figure: a denial, a doubt, or a body confirming what the story reports.
  if (claims.length === 0) {
    const found = statementIn({
      mentions,
      base,
      offset: sentence.start,
      cues,
      briefedBy: state.briefedBy,
      ownOutlet: own,
      lexicon,
    });
    if (found) {
      state.candidates.set(found.claim, found.topics);
      // Past the last paragraph, "the reports" are the story's at large.
      if (refersBack(text))
        state.referred.set(found.claim, sentence.paragraph - state.previousParagraph <= 1 ? state.previous : []);
      claims.push(found.claim);
    }
  }
  // "Officials in Kahramanmaras said on Thursday that ..." with no figure still speaks for the paragraph's next ones.
  if (claims.every((c) => c.low === null) && cues.length > 0) {
    const last = attribute(cues, text, text.length, state.briefedBy, own);
    if (last.claimant) state.carried = last;
  }
  // "Kirby confirmed this": a body or official confirms; other outlets repeating a report do not.
  const confirmer = cues.find((c) => c.speaker && c.speaker.kind !== 'outlet' && !/\bmedia\b/i.test(c.speaker.name));
  if (claims.length === 0 && confirmer && confirmsPrevious(text)) {
    for (const claim of state.previous) if (claim.low !== null) claim.status = 'confirmed';
  }
  const quoteCue = quotes.length > 0 ? cues.find((c) => !inside(quotes, c.start)) : undefined;
  if (quoteCue) state.quoteSpeaker = attribute([quoteCue], text, quoteCue.start, state.briefedBy, own);
  if (first && claims.some((c) => c.claimant)) {
    const attributed = claims.find((c) => c.claimant)!;
    state.headline = {
      attribution: { claimant: attributed.claimant, via: attributed.via, speaker: attributed.speaker },
      values: new Set(claims.flatMap((c) => (c.low === null ? [] : [c.low]))),
      paragraph: sentence.paragraph,
    };
  }
  return claims;
}

/** A name the extractor learned from an article, and the other ways the article spelled it. */
export interface LearnedName {
  name: string;
  aliases: string[];
}

/** Every claim in an article, in text order: one per figure mention, plus figure-less denials. */
export function extractClaims(article: Article, lexicon: CompiledLexicon): Claim[] {
  return extractArticle(article, lexicon).claims;
}

/** The claims, and the names the article introduced that its claims use (for the store to keep). */
/** `mayFile` keeps a server's own topics to the articles that server can see (topicsSeenBy). */
export function extractArticle(
  article: Article,
  lexicon: CompiledLexicon,
  mayFile: (topic: TopicDef) => boolean = () => true,
): { claims: Claim[]; names: LearnedName[] } {
  const memory = new ArticleMemory();
  memory.country = mainCountry(`${article.meta.title ?? ''}\n${article.body}`);
  const ctx = { memory, byName: lexicon.entities.byName, date: article.meta.date };
  const ownEntity = article.meta.outlet ? lexicon.entities.byName.get(article.meta.outlet) : undefined;
  if (ownEntity) knownOf(ownEntity, ctx);
  const state: ArticleState = {
    memory,
    paragraph: -1,
    briefedBy: null,
    quoteSpeaker: null,
    carried: null,
    headline: null,
    lastUnit: null,
    previous: [],
    previousParagraph: -1,
    referred: new Map(),
    candidates: new Map(),
    figures: new Map(),
  };
  const claims: Claim[] = [];
  splitSentences(article.body).forEach((sentence, i) => {
    // A briefing and a quoted speaker carry across paragraphs; what a figure counts and who said it do not.
    if (sentence.paragraph !== state.paragraph) {
      state.paragraph = sentence.paragraph;
      state.lastUnit = null;
      state.carried = null;
    }
    // A headline is the body's first line when it is no finished sentence.
    const headline = i === 0 && !/[.!?]["”’]?$/.test(sentence.text);
    const found = sentenceClaims(sentence, headline, article, lexicon, state);
    if (found.length > 0) {
      state.previous = found;
      state.previousParagraph = sentence.paragraph;
    }
    claims.push(...found);
  });
  const title = article.meta.title ?? headlineOf(article.body);
  const filed = fileTopics(claims, title, state, lexicon, mayFile);
  setAsideOtherForces(filed, state.figures, lexicon);
  const used = new Set(filed.flatMap((c) => [c.claimant, c.via]));
  return { claims: filed, names: memory.learned().filter((n) => used.has(n.name) && n.aliases.length > 0) };
}
