/**
 * Where a sentence says who speaks: "X said", "according to X", "citing X", "said X", a headline's
 * "X: ..." and "..., X says", "X's estimate". Each cue names its speaker through the lexicon, the
 * article's memory or the words themselves (names.ts).
 */
import { countryNamed } from './countries.js';
import type { Known } from './memory.js';
import type { NameContext } from './name-context.js';
import { resolvePhrase } from './names.js';
import { BETWEEN_SPEAKER_AND_VERB, REPORT_VERB } from './phrases.js';
import { type Phrase, phraseAfter, phraseBefore } from './speaker-phrase.js';

export type CueForm = 'subject' | 'according' | 'citing' | 'inverted' | 'headline' | 'possessive' | 'shared';

export interface Cue {
  /** Where the speaker's words start and the cue ends: a lead-in acts after `end`, a trailing cue before `start`. */
  start: number;
  end: number;
  form: CueForm;
  /** Where the speaker's own words are, for telling two cues apart. */
  span: [number, number];
  /** Null for "the ministry" or "he" with no one to stand for: the cue still holds its clause. */
  speaker: Known | null;
  /** "briefed by the NIS" in a lawmaker's appositive: the body the relayer speaks from. */
  briefedBy: Known | null;
}

const ACCORDING =
  /\b(?:according\s+to|per(?=\s+(?:the\s|[A-Z]))|as\s+reported\s+by|reported\s+by|as\s+stated\s+by|cited\s+by|claimed\s+by|estimated\s+by|counted\s+by|quoted\s+by|in\s+the\s+words\s+of|(?:data|figures|numbers|statistics|estimates?|a\s+count|a\s+tally|an?\s+(?:\d{4}\s+)?(?:report|assessment|update|study|survey))\s+(?:from|by)|briefings?\s+(?:by|from)|briefed\s+by)\s+/gi;
// "Education Ministry figures show", "AFAD data indicates": the body whose numbers they are.
const FIGURES_SHOW =
  /\b(?:figures|data|statistics|numbers|records|estimates|assessments|reports|findings)(?:\s+(?:seen|shared|obtained)\s+(?:by|with)\s+[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*)*)?\s+(?:show|showed|shows|suggest|suggested|indicate|indicated|indicates|put)\b/gu;
// "by the police headquarters' count", "but 400,000 by the CGT's".
const BY_COUNT =
  /\bby\s+(?=(?:the\s+)?[\p{Lu}\p{Ll}][\p{L}\s-]{0,40}?['’]s?(?:\s+(?:own\s+)?(?:count|estimate|figures?|tally|reckoning|numbers)\b|\s*[,.;]|$))/gu;
// "A World Bank assessment released on Monday estimated": the body the document is from.
const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
// "A May report by ...": the month dates the report; it is nobody's name.
const DOCUMENT_OF = new RegExp(
  String.raw`\b(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?:\d{4}\s+|new\s+|latest\s+|recent\s+|(?:${MONTH})\s+)?(?!(?:${MONTH})\s)((?:[\p{Lu}][\p{L}.&'’-]*\s+){1,6})(?:assessment|report|study|survey|analysis|review|audit|tally|count)\b`,
  'gu',
);
const DOCUMENT = /\b(?:the|this|that|its)\s+(?:report|assessment|study|survey|analysis|review|audit|document)\s*$/i;
// "compared with 7.8 from the US Geological Survey": a figure straight from its source.
const FIGURE_FROM = /\d\s+from\s+(?=(?:the\s+)?[\p{Lu}])/gu;
// "Videos released by Ukraine's special forces show": whoever put the material out.
const RELEASED_BY = /\b(?:released|published|posted|distributed|circulated|issued)\s+by\s+/g;
// "Zelensky has been warning for weeks, saying that ...": the clause's subject speaks.
const PARTICIPLE = /,\s+(?:saying|adding|noting|warning|stressing|claiming|estimating|telling|insisting|arguing)\b/g;
const RECORD_VERB =
  /^(?:recorded|records|registered|registers|reported|reports|counted|counts|logged|confirmed|confirms|listed|lists|tallied)$/;
const CONTINENTS =
  /^(?:Africa|Europe|Asia|Latin America|South America|North America|the Americas|the Middle East|Oceania)$/;
const isPlace = (name: string) => CONTINENTS.test(name) || !!countryNamed(name);
const CITING = /\b(?:citing|quoting|attribut(?:ing|ed)\s+(?:it|them|the\s+\w+)\s+to)\s+/gi;
const SHARED = /\b(?:shared\s+with|seen\s+by|obtained\s+by|provided\s+to|given\s+to|told)\s+/gi;
// Verbs are matched as written: "States" in "United States" is no verb.
const SUBJECT_VERB = new RegExp(`\\b${REPORT_VERB}\\b`, 'g');
const NOUN_AFTER_ARTICLE = /^(?:report|count|estimate|claim|tally|record|list)$/;
const REPORT_WORD = new RegExp(`^\\s(?:${REPORT_VERB})$`);
const INVERTED =
  /(?:^|[,"”]\s*)(?:said|says|added|adds|wrote|noted|reported|told|explained|continued)\s+(?!that\b|it\b|he\b|she\b|they\b|on\b)/gi;
const INVERTED_END = /^\s*(?:[,.;:!?"”)–—]|$|(?:on|in|at|during|after|before|from|to|who|which|whose|adding|in\s+a)\b)/;
const ADVERBS_BEFORE = new RegExp(`${BETWEEN_SPEAKER_AND_VERB}\\s*$`);
const POSSESSIVE_SOURCE =
  /(['’]s)\s+(?:(?:latest|own|new|official|preliminary|revised|updated|most\s+recent|situation|weekly|daily|monthly|annual)\s+)*(?:estimate|estimates|figure|figures|count|tally|data|assessment|projection|projections|report|toll|update|numbers|statistics|view|views|belief|understanding|calculations?|analysis)\b/g;

function cueOf(phrase: Phrase | null, form: CueForm, end: number, ctx: NameContext): Cue | null {
  if (!phrase) return null;
  const speaker = resolvePhrase(phrase, ctx);
  const briefing = phrase.appositive ? /\bbriefed\s+by\s+/i.exec(phrase.appositive) : null;
  const briefedBy = briefing ? resolveInside(phrase.appositive!, briefing.index + briefing[0].length, ctx) : null;
  return {
    start: phrase.start,
    end: Math.max(end, phrase.end),
    span: [phrase.start, phrase.end],
    form,
    speaker,
    briefedBy,
  };
}

const DATELINE = /^[\p{Lu}][\p{Lu}\s,.'’-]+(?:\([^)]*\))?\s*[-—–]+\s*/u;

/** The named subject starting the clause that ends at `end`: "KAHRAMANMARAS — President Erdogan walked ...". */
function clauseSubject(text: string, end: number, ctx: NameContext, sentenceStart = false): Cue | null {
  const head = text.slice(0, end);
  const dateline = DATELINE.exec(head)?.[0].length ?? 0;
  const start = sentenceStart
    ? dateline
    : Math.max(head.lastIndexOf(', ') + 2, head.lastIndexOf('; ') + 2, dateline, 0);
  const lead = /^\s*(?:the\s+)?/i.exec(text.slice(start))?.[0].length ?? 0;
  const phrase = phraseAfter(text, start);
  if (!phrase || phrase.start !== start + lead) return null;
  const cue = cueOf(phrase, 'subject', phrase.end, ctx);
  return cue?.speaker ? cue : null;
}

/**
 * "the Africa CDC declared a continental emergency, saying ...": the subject of the first verb
 * before the participle speaks.
 */
function participleSubject(text: string, comma: number, ctx: NameContext): Cue | null {
  // "11,000 soldiers are in Kursk, Zelensky said on Thursday, warning ...": the report verb
  // nearest the participle speaks, not the first word that ends like a verb ("soldiers").
  const verbs = [...text.slice(0, comma).matchAll(/\s(?:has\s+|had\s+|have\s+)?(?:said|told|[a-z]{3,}(?:ed|s))\b/g)];
  const isReport = (m: RegExpMatchArray) => REPORT_WORD.test(m[0]);
  for (const verb of [...verbs.filter(isReport).reverse(), ...verbs.filter((m) => !isReport(m))]) {
    const phrase = phraseBefore(text, verb.index);
    if (!phrase) continue;
    const cue = cueOf(phrase, 'subject', comma, ctx);
    if (cue?.speaker) return cue;
  }
  return null;
}

/** "told reporters in Benghazi": an audience, not an outlet that relays. */
const AUDIENCE =
  /^(?:the\s+|local\s+|foreign\s+)?(?:reporters|journalists|the\s+press|lawmakers|legislators|survivors|residents|crowds?|supporters|a\s+news\s+conference)\b/i;

/** "told BFMTV": a name told a claim is a broadcaster or paper, unless the article knows it as someone else. */
function isToldOutlet(verb: string, speaker: Known): boolean {
  return /^told/i.test(verb) && speaker.entity === null && speaker.kind !== 'person' && /^[\p{Lu}]/u.test(speaker.name);
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
    if (cue && !cues.some((c) => c.span[0] < cue.span[1] && cue.span[0] < c.span[1])) cues.push(cue);
  };
  for (const m of text.matchAll(CITING)) add(cueOf(phraseAfter(text, m.index + m[0].length), 'citing', m.index, ctx));
  for (const m of text.matchAll(ACCORDING)) {
    const cue = cueOf(phraseAfter(text, m.index + m[0].length), 'according', m.index, ctx);
    const document = cue?.speaker && /report|assessment|study|survey|data/i.test(text.slice(m.index, cue.start));
    if (document) ctx.memory.lastReport = cue.speaker;
    add(cue);
  }
  for (const m of text.matchAll(PARTICIPLE))
    add(participleSubject(text, m.index, ctx) ?? clauseSubject(text, m.index, ctx, true));
  for (const m of text.matchAll(FIGURE_FROM))
    add(cueOf(phraseAfter(text, m.index + m[0].length), 'according', m.index + 1, ctx));
  for (const m of text.matchAll(RELEASED_BY))
    add(cueOf(phraseAfter(text, m.index + m[0].length), 'according', m.index, ctx));
  for (const m of text.matchAll(BY_COUNT))
    add(cueOf(phraseAfter(text, m.index + m[0].length), 'according', m.index, ctx));
  for (const m of text.matchAll(FIGURES_SHOW))
    add(cueOf(phraseBefore(text, m.index), 'possessive', m.index + m[0].length, ctx));
  for (const m of text.matchAll(SHARED)) {
    // "shared with the Financial Times", "told Al Arabiya": only an outlet relays this way.
    if (AUDIENCE.test(text.slice(m.index + m[0].length))) continue;
    const cue = cueOf(phraseAfter(text, m.index + m[0].length), 'shared', m.index, ctx);
    if (cue?.speaker && (cue.speaker.kind === 'outlet' || isToldOutlet(m[0], cue.speaker))) add(cue);
  }
  for (const m of text.matchAll(INVERTED)) {
    const phrase = phraseAfter(text, m.index + m[0].length);
    // ", said the ministry." names the speaker; ", said North Korea had shipped" starts what was said.
    if (phrase && INVERTED_END.test(text.slice(phrase.end))) add(cueOf(phrase, 'inverted', m.index, ctx));
  }
  for (const m of text.matchAll(DOCUMENT_OF)) {
    const name = m[1]!.trimEnd();
    const cue = cueOf(
      phraseBefore(text, m.index + m[0].indexOf(name) + name.length),
      'possessive',
      m.index + m[0].length,
      ctx,
    );
    if (cue?.speaker) ctx.memory.lastReport = cue.speaker;
    add(cue);
  }
  for (const m of text.matchAll(SUBJECT_VERB)) {
    const before = text.slice(0, m.index);
    // "A May report by the team", "an NIS estimate": a singular noun after "a", not a verb.
    if (NOUN_AFTER_ARTICLE.test(m[0]) && /\b(?:[Aa]n?|[Ii]ts|[Tt]his)\s+(?:[\p{L}'’-]+\s+){0,3}$/u.test(before))
      continue;
    const adverbs = ADVERBS_BEFORE.exec(before);
    const end = adverbs ? adverbs.index : before.length;
    // "The report added": whoever's report the article last cited.
    const document = DOCUMENT.exec(before.slice(0, end));
    if (document && ctx.memory.lastReport) {
      add({
        start: document.index,
        end: m.index + m[0].length,
        span: [document.index, end],
        form: 'subject',
        speaker: ctx.memory.lastReport,
        briefedBy: null,
      });
      continue;
    }
    // "Erdogan walked through the ruins and told survivors": the clause's subject speaks.
    const subject = /\band\s*$/.test(before.slice(0, end)) ? clauseSubject(text, end, ctx) : null;
    const cue = subject
      ? { ...subject, end: m.index + m[0].length }
      : cueOf(phraseBefore(text, end), 'subject', m.index + m[0].length, ctx);
    // "Congo has recorded 15,600 cases", "Africa had now recorded": the place it happened, not a speaker.
    if (cue && RECORD_VERB.test(m[0]) && isPlace(text.slice(cue.span[0], cue.span[1]))) continue;
    add(cue);
  }
  for (const m of text.matchAll(POSSESSIVE_SOURCE)) {
    const cue = cueOf(phraseBefore(text, m.index), 'possessive', m.index + m[0].length, ctx);
    // "Congo's tally" is the count for Congo, not Congo's claim.
    if (cue && !isPlace(text.slice(cue.span[0], cue.span[1]))) add(cue);
  }
  if (isHeadline(text, first)) {
    const lead = /^([^:]{2,70}):\s+\S/.exec(text);
    if (lead) {
      const phrase = phraseBefore(text, lead[1]!.length);
      // "Burundi: 170 cases, ministry says": a place before the colon is where, the tail says who.
      const placeOnly = phrase && isPlace(text.slice(phrase.start, phrase.end)) && cues.length > 0;
      if (phrase?.start === 0 && !placeOnly) add(cueOf(phrase, 'headline', lead[1]!.length + 1, ctx));
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
