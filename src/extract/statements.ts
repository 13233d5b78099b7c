/**
 * Statements with no figure. A denial or a doubt a body voices is a statement on any story, with
 * the topic its words name when one does; a confirmation needs a topic, since "confirmed" alone
 * says too little about what ("the ministry confirmed the visit").
 */
import { type Attribution, attribute, clauseAround, NO_ATTRIBUTION } from './attribution/attribute.js';
import type { Cue } from './attribution/cues.js';
import type { Known } from './attribution/memory.js';
import type { Mention } from './entities.js';
import type { CompiledLexicon } from './lexicon.js';
import { statementStatus } from './statement-cues.js';
import { confirmsPrevious, hasConfirmation, statusOf } from './status.js';
import { quoteSpans } from './text.js';
import { statementTopics } from './topic-filing.js';
import type { Claim, Status } from './types.js';

// "dismissed the reports as fake", "calls the whole thing fake news": what the article just reported.
const BACK_REFERENCE =
  /\b(?:the|these|those|such)\s+(?:reports?|claims?|allegations?|accounts?|whole thing)\b(?!\s+(?:that|of|about|on|in)\b)|\b(?:dismissed|denied|rejected|called)\s+(?:them|it|this)\b/i;

/** The figures a back-referring statement is about, to take their topic once they have one. */
export const refersBack = (text: string): boolean => BACK_REFERENCE.test(text);

export interface StatementContext {
  /** The lexicon's names in the sentence, with the entity each stands for. */
  mentions: readonly Mention[];
  base: Pick<Claim, 'sentence' | 'outlet' | 'date'>;
  offset: number;
  cues: readonly Cue[];
  briefedBy: Known | null;
  ownOutlet: string | null;
  lexicon: CompiledLexicon;
}

// Only helpers between a body and its doubt: "the Pentagon had seen no evidence", "the agency could not verify".
const AUXILIARIES =
  /^(?:\s+(?:has|have|had|could|can|did|does|do|was|were|is|are|also|still|yet|not|n['’]t|seen|found|been|able|to|itself|says it|said it))*\s*$/i;

/** The body that is the doubt's or denial's own subject: "Singh said the Pentagon could not confirm ...". */
function subjectOf(mentions: readonly Mention[], text: string, at: number): Attribution | null {
  const subject = mentions.filter((m) => m.end <= at && AUXILIARIES.test(text.slice(m.end, at))).at(-1)?.entity;
  if (!subject || subject.kind === 'outlet' || subject.kind === 'person') return null;
  return { claimant: subject.name, via: null, speaker: null };
}

function statement(ctx: StatementContext, status: Status, who: Attribution): Claim {
  return {
    ...ctx.base,
    low: null,
    high: null,
    hedge: null,
    unit: null,
    topic: null,
    status,
    ...who,
    offset: ctx.offset,
    figureText: null,
    role: 'current',
    aside: null,
  };
}

/** The sentence's statement and its possible topics, or null when it makes none. */
export function statementIn(ctx: StatementContext): { claim: Claim; topics: string[] } | null {
  const text = ctx.base.sentence;
  const said = statementStatus(text);
  // What the statement's own clause names, not a later one's ("..., although he stressed the missiles").
  const clauseEnd = said ? clauseAround(text, said.at)[1] : text.length;
  const ownTopics = statementTopics(text.slice(0, clauseEnd), ctx.lexicon.filing);
  const topics = ownTopics.length > 0 ? ownTopics : statementTopics(text, ctx.lexicon.filing);
  if (said) {
    // A speaker in a later clause does not make it: in "The figures could not be verified, and
    // officials gave no detail", the officials doubt nothing. A quote's speaker comes after it.
    const quoted = quoteSpans(text).some(([s, e]) => said.at > s && said.at < e);
    const own = quoted ? ctx.cues : ctx.cues.filter((c) => c.start < clauseEnd);
    const cued = own.length > 0 ? attribute(own, text, said.at, ctx.briefedBy, ctx.ownOutlet) : NO_ATTRIBUTION;
    const who = subjectOf(ctx.mentions, text, said.at) ?? cued;
    // An unattributed denial about no topic is too loose to keep ("the claims were baseless"); one
    // that refers back may still take its figures' topic (keepsWithoutTopic decides).
    if (!who.claimant && !who.via && topics.length === 0 && !refersBack(text)) return null;
    return { claim: statement(ctx, said.status, who), topics };
  }
  const confirming = ctx.cues.length > 0 && hasConfirmation(text) && !confirmsPrevious(text);
  if (!confirming || topics.length === 0 || statusOf(text, null) !== 'confirmed') return null;
  const who = attribute(ctx.cues, text, 0, ctx.briefedBy, ctx.ownOutlet);
  return { claim: statement(ctx, 'confirmed', who), topics };
}

/** A statement stays without a topic when someone denies or doubts; a confirmation no topic takes is dropped. */
export const keepsWithoutTopic = (claim: Claim): boolean =>
  claim.low !== null ||
  claim.topic !== null ||
  ((claim.status === 'denied' || claim.status === 'unverified') && (claim.claimant !== null || claim.via !== null));

// "inflate the figures", "could not verify the government's figures": a count the article already gave.
const COUNT_REFERENCE =
  /\b(?:figures?|numbers?|counts?|tolls?|tally|tallies|estimates?|statistics|data|casualty|casualties)\b/i;

/** The topic most of the article's figures file under, if any. */
function mainTopic(claims: readonly Claim[]): string | null {
  const counts = new Map<string, number>();
  for (const c of claims) if (c.low !== null && c.topic) counts.set(c.topic, (counts.get(c.topic) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * A statement with no topic of its own that refers back ("dismissed the reports") takes the topic
 * of the figures it refers to (the article's main topic when none are near); one about "the figures" is about the count the article gave last
 * before it (or, in a headline or lede, the first one after it).
 */
export function fileStatementsByFigures(claims: readonly Claim[], referred: Map<Claim, readonly Claim[]>): void {
  claims.forEach((claim, i) => {
    if (claim.low !== null || claim.topic !== null) return;
    const referredTo = referred.get(claim);
    const earlier = referredTo?.find((c) => c.low !== null && c.topic !== null);
    if (earlier || referredTo?.length === 0) {
      claim.topic = earlier?.topic ?? mainTopic(claims);
      return;
    }
    if (!COUNT_REFERENCE.test(claim.sentence)) return;
    const filed = (c: Claim) => c.low !== null && c.topic !== null;
    const before = claims.slice(0, i).findLast(filed);
    claim.topic = (before ?? claims.slice(i + 1).find(filed))?.topic ?? null;
  });
}
