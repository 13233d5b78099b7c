/**
 * Where a sentence says who speaks: "X said", "according to X", "citing X", "said X", a headline's
 * "X: ..." and "..., X says", "X's estimate". Each cue names its speaker through the lexicon, the
 * article's memory or the words themselves (names.ts).
 */
import type { Known } from './memory.js';
import { type NameContext, resolvePhrase } from './names.js';
import { BETWEEN_SPEAKER_AND_VERB, REPORT_VERB } from './phrases.js';
import { type Phrase, phraseAfter, phraseBefore } from './speaker-phrase.js';

export type CueForm = 'subject' | 'according' | 'citing' | 'inverted' | 'headline' | 'possessive' | 'shared';

export interface Cue {
  /** Where the speaker's words start and the cue ends: a lead-in acts after `end`, a trailing cue before `start`. */
  start: number;
  end: number;
  form: CueForm;
  speaker: Known;
  /** "briefed by the NIS" in a lawmaker's appositive: the body the relayer speaks from. */
  briefedBy: Known | null;
}

const ACCORDING =
  /\b(?:according\s+to|per(?=\s+(?:the\s|[A-Z]))|as\s+reported\s+by|reported\s+by|as\s+stated\s+by|cited\s+by|claimed\s+by|estimated\s+by|counted\s+by|quoted\s+by|in\s+the\s+words\s+of|(?:data|figures|numbers|statistics|estimates?|a\s+count|a\s+tally|an?\s+(?:report|assessment|update))\s+(?:from|by)|briefings?\s+(?:by|from)|briefed\s+by)\s+/gi;
const CITING = /\b(?:citing|quoting|attribut(?:ing|ed)\s+(?:it|them|the\s+\w+)\s+to)\s+/gi;
const SHARED = /\b(?:shared\s+with|seen\s+by|obtained\s+by|provided\s+to|given\s+to|told)\s+/gi;
// Verbs are matched as written: "States" in "United States" is no verb.
const SUBJECT_VERB = new RegExp(`\\b${REPORT_VERB}\\b`, 'g');
const INVERTED =
  /(?:^|[,"”]\s*)(?:said|says|added|adds|wrote|noted|reported|told|explained|continued)\s+(?!that\b|it\b|he\b|she\b|they\b|on\b)/gi;
const ADVERBS_BEFORE = new RegExp(`${BETWEEN_SPEAKER_AND_VERB}\\s*$`);
const POSSESSIVE_SOURCE =
  /(['’]s)\s+(?:(?:latest|own|new|official|preliminary|revised|updated|most\s+recent)\s+)*(?:estimate|estimates|figure|figures|count|tally|data|assessment|projection|projections|report|toll|update|numbers|statistics|view|views|belief|understanding|calculations?|analysis)\b/g;

function cueOf(phrase: Phrase | null, form: CueForm, end: number, ctx: NameContext): Cue | null {
  if (!phrase) return null;
  const speaker = resolvePhrase(phrase, ctx);
  if (!speaker) return null;
  const briefing = phrase.appositive ? /\bbriefed\s+by\s+/i.exec(phrase.appositive) : null;
  const briefedBy = briefing ? resolveInside(phrase.appositive!, briefing.index + briefing[0].length, ctx) : null;
  return { start: phrase.start, end: Math.max(end, phrase.end), form, speaker, briefedBy };
}

function resolveInside(text: string, at: number, ctx: NameContext): Known | null {
  const phrase = phraseAfter(text, at);
  return phrase ? resolvePhrase(phrase, { ...ctx, text, mentions: [] }) : null;
}

/** A short line with no full stop, or the article's first line: a headline's "X: ..." forms count there. */
const isHeadline = (text: string, first: boolean) =>
  first || (!/[.!?]["”’]?$/.test(text) && text.split(/\s+/).length <= 16);

/** Every cue in the sentence, in text order. */
export function findCues(ctx: NameContext, first: boolean): Cue[] {
  const { text } = ctx;
  const cues: Cue[] = [];
  const add = (cue: Cue | null) => {
    if (cue && !cues.some((c) => c.start < cue.end && cue.start < c.end)) cues.push(cue);
  };
  for (const m of text.matchAll(CITING)) add(cueOf(phraseAfter(text, m.index + m[0].length), 'citing', m.index, ctx));
  for (const m of text.matchAll(ACCORDING))
    add(cueOf(phraseAfter(text, m.index + m[0].length), 'according', m.index, ctx));
  for (const m of text.matchAll(SHARED)) {
    // "shared with the Financial Times", "told Al Arabiya": only an outlet relays this way.
    const cue = cueOf(phraseAfter(text, m.index + m[0].length), 'shared', m.index, ctx);
    if (cue?.speaker.kind === 'outlet') add(cue);
  }
  for (const m of text.matchAll(INVERTED)) {
    const phrase = phraseAfter(text, m.index + m[0].length);
    if (phrase) add(cueOf(phrase, 'inverted', m.index, ctx));
  }
  for (const m of text.matchAll(SUBJECT_VERB)) {
    const before = text.slice(0, m.index);
    const adverbs = ADVERBS_BEFORE.exec(before);
    const end = adverbs ? adverbs.index : before.length;
    add(cueOf(phraseBefore(text, end), 'subject', m.index + m[0].length, ctx));
  }
  for (const m of text.matchAll(POSSESSIVE_SOURCE))
    add(cueOf(phraseBefore(text, m.index), 'possessive', m.index + m[0].length, ctx));
  if (isHeadline(text, first)) {
    const lead = /^([^:]{2,70}):\s+\S/.exec(text);
    if (lead) {
      const phrase = phraseBefore(text, lead[1]!.length);
      if (phrase?.start === 0) add(cueOf(phrase, 'headline', lead[1]!.length + 1, ctx));
    }
    const tail = /:\s+([^:]{2,40})$/.exec(text);
    if (tail) {
      const at = tail.index + tail[0].length - tail[1]!.length;
      const phrase = phraseAfter(text, at);
      if (phrase && phrase.end >= text.replace(/[.!?"”’\s]+$/, '').length)
        add(cueOf(phrase, 'headline', tail.index, ctx));
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}
