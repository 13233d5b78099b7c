import type { ArticleMemory, Mention } from './entities.js';
import { anyOf } from './regexp.js';
import type { EntityDef } from './types.js';

/** One place in a sentence that names who is speaking, and for which part of it. */
export interface Cue {
  /** Where the cue acts: claims after it (a lead-in) or before it (a trailing "X said"). */
  at: number;
  claimant: string;
  via: string | null;
  outlet: boolean;
  /** A relayer (lawmaker) rather than the source. */
  relay: boolean;
}

// The plain verbs of speech, which also end an appositive and follow an unknown speaker's name.
const SPEECH = 'said|says|say|told|claimed|claim|estimated|estimates|stated|reported|added|warned|believes|wrote';
// Between a speaker and the verb: an appositive (", the agency's director," / "of the ruling party") and adverbs.
const APPOSITIVE = String.raw`\s*,[^,"“”]{1,80},`;
const OF_PHRASE = String.raw`\s+(?:of|from|at|with)\s+(?:the\s+)?[^,.;"“”]{1,60}?(?=\s+(?:has\s+|had\s+|also\s+)?(?:${SPEECH})\b)`;
const ADVERBS = [
  'has|have|had|also|later|previously|earlier|again|further|then|now|first|initially|originally|already|still|once',
  'reportedly|publicly|separately|recently',
  String.raw`on\s+\w+`,
  String.raw`last\s+\w+`,
  String.raw`this\s+\w+`,
  String.raw`in\s+a\s+(?:statement|briefing|post|report)`,
  'repeatedly|consistently|flatly',
  String.raw`\w+ly`,
  'not|did|does|would|will|could',
];
const AUX = `(?:${APPOSITIVE}|${OF_PHRASE})?(?:\\s+${anyOf(ADVERBS)})*\\s+`;
const REPORT_VERBS = [
  'said|says|say|told|tells|claimed|claims|claim|estimated|estimates|estimate|stated|states|reported|reports|added',
  'adds|noted|notes|warned|warns|believes?|believed|assess(?:ed|es)?|announced|announces|confirmed|confirms',
  'den(?:y|ies|ied)|dismissed|dismisses|rejected|rejects|acknowledged|acknowledges|admitted|insisted|insists',
  'indicated|indicates|revealed|reveals|disclosed|discloses|suggested|suggests|alleged|alleges|asserted|argued',
  'explained|wrote|writes|posted|tweeted|put|puts|projected|projects|expects|expected|predicted|thinks|concluded',
  'found|counted|cited|cites|calls|called|described|referred|referring|verif(?:y|ied)|confirm|had no evidence',
  'has no evidence|have no evidence|saw no evidence|has seen no evidence|cautioned|accused|accuses|informed|briefed',
  'understands|learned|assessment|estimate that',
  "'s claim",
  "'s estimate",
  "'s assessment",
];
const SAY = anyOf(REPORT_VERBS);
// "Both Russia and North Korea have denied": the first of coordinated subjects speaks too.
const COORDINATED = String.raw`(?:\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?`;
const SUBJECT_VERB = new RegExp(`^${COORDINATED}${AUX}${SAY}\\b`, 'i');
const SUBJECT_VERB_TIGHT = new RegExp(
  `^(?:'s?\\s+)?(?:\\s*(?:has|have|had|also|reportedly|later|previously)\\s+)?\\s*(?:${SAY})\\b`,
  'i',
);
const CITING_PHRASES = [
  'said|says|according to|told|as per|per|as reported by|reported by|as stated by|cited by',
  String.raw`citing(?:\s+[\w-]+){0,3}\s+(?:from|by|of)|citing|quoting|quoted by|claimed by|estimated by`,
  'briefing (?:by|from)|briefed by|assessment (?:by|from)|estimates? (?:by|from)|report (?:by|from)',
];
const VERB_THEN_OBJECT = new RegExp(`\\b${anyOf(CITING_PHRASES)}\\s+(?:the\\s+)?$`, 'i');
const GENERIC_SUBJECT_WORDS = [
  'the|it|they|we|officials|analysts|experts|sources|reports|estimates|observers|critics|some|many|others|this',
  'that|these|those|media|residents|witnesses|people|a|an|one|his|her|their',
];
const GENERIC_SUBJECT = new RegExp(`^${anyOf(GENERIC_SUBJECT_WORDS)}$`, 'i');
const TITLES =
  /^(?:(?:the|former|then|acting|deputy|vice|chief|top|senior|President|Prime|Minister|Foreign|Defen[cs]e|Secretary(?:-General)?|Spokes(?:man|woman|person)|Press|Rep\.|Sen\.|Gen\.|General|Lt\.|Lieutenant|Colonel|Col\.|Director|Chief|Dr\.|Mr\.|Ms\.|Mrs\.|Lawmaker|Commander|Ambassador|Adviser|Advisor|National|Security|Presidential|Deputy)\s+)+/;
const UNKNOWN_NAME = /((?:[A-Z][\p{L}.'’-]*)(?:\s+(?:(?:of|for|the|and|on)\s+)?[A-Z][\p{L}.'’-]*)*)$/u;
const LAWMAKER =
  /\b(?:lawmakers?|legislators?|MPs?|parliamentarians?|assembly members?|members of parliament|intelligence committee)\b/i;
const BRIEFING_OBJECT = /\b(?:briefing|briefed|brief)\s+(?:by|from|with)\s+(?:the\s+)?$/i;
const BRIEFING_SUBJECT =
  /^\s+(?:\w+\s+){0,2}(?:briefed|told)\s+(?:\w+\s+){0,3}(?:lawmakers|legislators|parliament|members)/i;

function nameOf(raw: string): string | null {
  const name = raw
    .replace(TITLES, '')
    .replace(/[’']s$/, '')
    .trim();
  if (!name || GENERIC_SUBJECT.test(name) || name.split(/\s+/).every((w) => GENERIC_SUBJECT.test(w))) return null;
  return name;
}

export interface SentenceContext {
  text: string;
  mentions: Mention[];
  memory: ArticleMemory;
}

function creditOf(mention: Mention, memory: ArticleMemory): EntityDef | null {
  return mention.entity ?? (mention.refersTo ? memory.resolve(mention.refersTo) : null);
}

/** Finds who speaks where in a sentence. Also returns the briefing source it names, if any. */
export function findCues(ctx: SentenceContext): { cues: Cue[]; briefedBy: string | null } {
  const { text, mentions, memory } = ctx;
  const cues: Cue[] = [];
  let briefedBy: string | null = null;
  const covered: Array<[number, number]> = [];
  const citations: Cue[] = [];
  for (const mention of mentions) {
    const entity = creditOf(mention, memory);
    const before = text.slice(Math.max(0, mention.start - 40), mention.start);
    const after = text.slice(mention.end, mention.end + 140);
    if (!entity) continue;
    memory.remember(entity, false);
    const cuesBefore = cues.length;
    const claimant = memory.credit(entity);
    const outlet = entity.kind === 'outlet';
    const relay = entity.role === 'lawmaker';
    if (BRIEFING_OBJECT.test(before) || BRIEFING_SUBJECT.test(after)) briefedBy = claimant;
    const inverted = /\b(?:said|says)\s+(?:the\s+)?$/i.test(before);
    const objectEndsClause =
      /^\s*(?:[,.;:!?)"”]|$|\s(?:on|in|at|during|last|this|from|to|who|which|that)\b)/.test(after) ||
      /\btold\s+(?:the\s+)?$/i.test(before);
    if (VERB_THEN_OBJECT.test(before) && (!inverted || objectEndsClause)) {
      // "according to Yonhap, citing the NIS": the cue binds from where the lead-in starts.
      const leadIn = before.search(VERB_THEN_OBJECT);
      const at = /\b(?:said|says|told)\s+(?:the\s+)?$/i.test(before)
        ? mention.start
        : mention.start - (before.length - leadIn);
      const citing = /\b(?:citing|quoting)(?:\s+[\w-]+){0,3}?(?:\s+(?:from|by|of))?\s+(?:the\s+)?$/i.test(before);
      cues.push({ at, claimant, via: null, outlet, relay });
      if (citing) citations.push(cues[cues.length - 1]!);
      covered.push([mention.start, mention.end]);
    } else if (SUBJECT_VERB.test(after) || SUBJECT_VERB_TIGHT.test(after)) {
      cues.push({ at: mention.start, claimant, via: null, outlet, relay });
      covered.push([mention.start, mention.end]);
    }
    if (cues.length > cuesBefore) memory.remember(entity, true);
  }
  const participle = /,\s+(?:saying|adding|noting|warning|stressing|claiming|estimating|telling)\b/i.exec(text);
  const subject = mentions[0] && creditOf(mentions[0], memory);
  if (participle && subject && mentions[0]!.start < 60 && !cues.some((c) => c.at < participle.index)) {
    cues.push({
      at: mentions[0]!.start,
      claimant: memory.credit(subject),
      via: null,
      outlet: subject.kind === 'outlet',
      relay: subject.role === 'lawmaker',
    });
  }
  cues.push(...unknownSpeakers(text, covered, memory));
  // A citation names the source of the whole sentence; whoever cited it relayed it.
  for (const cited of citations) {
    const citer = cues
      .filter((c) => c !== cited && c.claimant !== cited.claimant)
      .sort((a, b) => Math.abs(a.at - cited.at) - Math.abs(b.at - cited.at))[0];
    cited.at = -1;
    cited.via = citer?.claimant ?? null;
  }
  return { cues, briefedBy };
}

/** "Korea Institute for Defense Analyses researcher X said": names not in the lexicon still count. */
// A verb after a name the lexicon does not know, past an acronym or appositive: "Special Operations Forces (SSO) said".
const UNKNOWN_SPEAKER_VERB = new RegExp(
  `(?:\\s*\\([A-Z]{2,6}\\))?(?:\\s*,[^,"“”]{1,80},)?\\s+(?:has\\s+|had\\s+|also\\s+)?(?:${SPEECH})\\b`,
  'g',
);

function unknownSpeakers(text: string, covered: Array<[number, number]>, memory: ArticleMemory): Cue[] {
  const cues: Cue[] = [];
  for (const m of text.matchAll(UNKNOWN_SPEAKER_VERB)) {
    const head = text.slice(Math.max(0, m.index - 120), m.index);
    const name = UNKNOWN_NAME.exec(head);
    if (!name) continue;
    const start = m.index - name[1]!.length;
    // "Lee of the ruling People Power Party said": a party named after "of" is not the speaker.
    if (
      /\b(?:of|for|from|at|with|in|by|to)\s+(?:the\s+)?(?:ruling\s+|main\s+|opposition\s+)*$/i.test(
        text.slice(Math.max(0, start - 40), start),
      )
    )
      continue;
    if (covered.some(([s, e]) => start < e && m.index > s)) continue;
    const clean = nameOf(name[1]!);
    if (!clean) continue;
    const known = memory.byToken(clean);
    const claimant = known ? memory.credit(known) : memory.rememberName(clean);
    cues.push({
      at: start,
      claimant,
      via: null,
      outlet: false,
      relay: known?.role === 'lawmaker' || LAWMAKER.test(text.slice(Math.max(0, start - 40), m.index + 60)),
    });
  }
  return cues;
}

export interface Attribution {
  claimant: string | null;
  via: string | null;
}

/** The claimant and relayer for a figure at `position`, given the sentence's cues. */
const CONTRAST_BETWEEN = /[;:]|,\s+(?:while|whereas|but|and)\b|\b(?:while|whereas|but)\b|\.\s/i;

export function attribute(
  cues: Cue[],
  position: number,
  briefedBy: string | null,
  articleOutlet: string | null,
  text = '',
): Attribution {
  if (cues.length === 0) return { claimant: null, via: null };
  const sources = cues.filter((c) => !c.outlet && !c.relay);
  const pick = (list: Cue[]) => {
    const before = list.filter((c) => c.at <= position).sort((a, b) => b.at - a.at);
    // "Singh said the U.S. believes 10,000 ...": the outer speaker is the claimant, unless a
    // contrast starts a new claim ("X said 1,500, while Y put it at 3,000").
    let chosen = before[0];
    for (const earlier of before.slice(1)) {
      if (!chosen || !text || CONTRAST_BETWEEN.test(text.slice(Math.max(0, earlier.at), chosen.at))) break;
      chosen = earlier;
    }
    return chosen ?? list.filter((c) => c.at > position).sort((a, b) => a.at - b.at)[0] ?? null;
  };
  const relayers = cues.filter((c) => (c.outlet || c.relay) && c.claimant !== articleOutlet);
  const source = pick(sources);
  if (source) {
    const relayer = relayers.find((c) => c.claimant !== source.claimant);
    return { claimant: source.claimant, via: source.via ?? relayer?.claimant ?? null };
  }
  const relayer = pick(relayers) ?? pick(cues)!;
  if (briefedBy && relayer.relay) return { claimant: briefedBy, via: relayer.claimant };
  return { claimant: relayer.claimant, via: null };
}
