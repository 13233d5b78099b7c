import { countriesIn } from './attribution/countries.js';
import type { Figure } from './numbers.js';
import type { FigureRole } from './types.js';

/**
 * What part a figure plays in its sentence. Most are the claimant's figure now ('current');
 * some are what it was before ("up from 388") or what was added ("3,000 more"); and some are
 * not the story's count at all (an age, one soldier, a group's size, another country's force).
 * Answers and alerts read each for what it is.
 */
export interface RoleOf {
  role: FigureRole;
  /** Why the figure is beside the story, or null. */
  aside: string | null;
}

// Words between a cue and its number: a hedge ("up from about 388") or an article.
const GAP = String.raw`(?:[\p{L}$'’-]+\s+){0,3}`;
const CHANGE_VERB =
  'up|down|ris(?:e|es|en|ing)|rose|climb(?:ed|ing|s)?|increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|jump(?:ed|ing|s)?|f(?:e|a)ll(?:en|ing|s)?|dropp(?:ed|ing)|revis(?:ed|ing)|rais(?:ed|ing)|lower(?:ed|ing)|grew|grow(?:n|ing)|doubl(?:ed|ing)|tripl(?:ed|ing)|swell(?:ed|ing)|swollen';
const PAST_BEFORE = [
  // "up from 388", "revised the estimate from 10,000"
  new RegExp(String.raw`\b(?:${CHANGE_VERB})\s+(?:[\p{L}'’-]+\s+){0,3}from\s+${GAP}$`, 'iu'),
  // "up from its April estimate of 600": the earlier figure named by what it was.
  new RegExp(
    String.raw`\b(?:${CHANGE_VERB})\s+from\s+(?:[\p{L}'’-]+\s+){0,3}(?:estimates?|figures?|counts?|tally|toll|assessments?|numbers?|totals?)\s+of\s+${GAP}$`,
    'iu',
  ),
  // "its previous estimate of 10,000", "last month's figure of 3,000", "an earlier count was 12,000"
  new RegExp(
    String.raw`\b(?:previous|earlier|prior|initial|original|former|old|last\s+(?:week|month|year)['’]s|(?:a|one)\s+(?:week|month|year)\s+(?:ago|earlier))\s+(?:[\p{L}'’-]+\s+){0,2}(?:estimates?|figures?|counts?|tally|toll|assessments?|numbers?|projections?|reports?)\s+(?:(?:of|was|were|had\s+been|stood\s+at|at|put\s+at|had\s+put\s+at)\s+)?${GAP}$`,
    'iu',
  ),
  // "had previously estimated 3,000", "earlier put the number at 3,000", "compared with 3,000"
  new RegExp(
    String.raw`\b(?:previously|earlier|initially|originally|once)\s+(?:[\p{L}'’-]+\s+){0,1}(?:estimated|put|said|reported|cited|gave|counted)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:at\s+)?${GAP}$`,
    'iu',
  ),
];
// "compared with 800,000 claimed by the CGT" is another claimant's figure now; with a day or a
// look back ("compared with 46.3 percent on the first day") it is an earlier one.
const COMPARED_BEFORE = new RegExp(String.raw`\bcompared\s+(?:with|to)\s+${GAP}$`, 'iu');
// "from 3,000 to 11,000": the first figure is where it started.
const FROM_TO_BEFORE = new RegExp(String.raw`\bfrom\s+${GAP}$`, 'iu');
const TO_AFTER = /^\s*(?:[\p{L}-]+\s+){0,2}(?:to|into)\s+(?:\p{L}+\s+){0,2}\$?\d/iu;
// "the figure was 388 a week ago": "was" with a look back in time.
const WAS_BEFORE = new RegExp(
  String.raw`\b(?:figure|estimate|number|toll|count|tally|total)\s+(?:of\s+(?:[\p{L}'’-]+\s+){1,8}?|(?:[\p{L}'’-]+\s+){0,2})(?:was|were|had\s+been|stood\s+at)\s+${GAP}$`,
  'iu',
);
const BACK_IN_TIME =
  /^[^.;]{0,40}?\b(?:ago|earlier|previously|before|at the (?:start|beginning|end) of|last (?:week|month|year)|on the first|in the first|in (?:january|february|march|april|may|june|july|august|september|october|november|december)|on (?:may day|(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}))\b/i;

const INCREMENT_BEFORE = new RegExp(
  String.raw`\b(?:another|an?\s+(?:additional|further|extra)|additional|further|(?:${CHANGE_VERB}|added|adding|bolstered|reinforced|expanded)\s+(?:[\p{L}'’-]+\s+){0,2}?by)\s+${GAP}$`,
  'iu',
);
// "3,000 more troops", "4,000 additional soldiers", "1,500 extra"; "more than" is a hedge, not an addition.
const INCREMENT_AFTER =
  /^\s*(?:(?:more|additional|extra|further)\b(?!\s+than\b)|(?:new\s+)?reinforcements\b|(?:were|was|are|is)\s+(?:an?\s+)?(?:additional|extra|further)\b)/i;

// "groups of 15 to 20 men", "units of 50", "teams of five".
const GROUP_BEFORE = new RegExp(
  String.raw`\b(?:groups?|teams?|squads?|units?|batch(?:es)?|platoons?|detachments?|cells?|columns?)\s+of\s+${GAP}$`,
  'iu',
);
// "one was 20 and the other was 26", "aged 26", "a man of 26".
const AGE_BEFORE =
  /(?:\b(?:aged|ages?\s+of|age|the\s+(?:other|first|second|third|youngest|oldest|eldest)|one|he|she|who)\s+(?:(?:was|is|were)\s+)?(?:just\s+|only\s+|about\s+)?$)/iu;
const AGE_AFTER = /^\s*(?:-?\s*years?[\s-]+old|-year-old|years of age)\b/i;
const SMALL_AGE = 120;
// "a force of about 50,000, mostly Russian", "50,000 Russian troops".
const NATION = String.raw`(\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)`;
const FORCE_NATIONALITY_AFTER = new RegExp(
  String.raw`^[^.;]{0,50}?\b(?:mostly|mainly|largely|predominantly|chiefly|overwhelmingly|(?:most|many|the (?:bulk|majority)) of (?:them|whom))\s+${NATION}`,
  'u',
);
// "Russia has massed a force of about 50,000": a country's own force, named by its country.
const COUNTRY_MASSED_BEFORE = new RegExp(
  String.raw`${NATION}\s+(?:has\s+|had\s+|have\s+)?(?:massed|amassed|assembled|gathered|concentrated|built up)\s+(?:a|an)\s+(?:force|army|group(?:ing)?)\s+of\s+${GAP}$`,
  'u',
);
// "an 11-nation group", "a 30-year-old", "a 12-point plan": one word with its number, no count.
const COMPOUND_AFTER =
  /^-(?:nation|member|country|state|party|year|month|day|week|hour|minute|mile|km|kilometre|kilometer|point|page|seat|storey|story|man|person)\b/i;
const NATIONALITY_AFTER = new RegExp(
  String.raw`^\s+${NATION}\s+(?:troops|soldiers|forces|servicemen|personnel|fighters|men)\b`,
  'u',
);

/** A nationality that is not the topic's: "Russian" in a story about North Korean troops. */
export function otherForce(text: string, figure: Figure, topicLabel: string | null): string | null {
  if (!topicLabel) return null;
  const after = text.slice(figure.end);
  const before = text.slice(Math.max(0, figure.start - 90), figure.start);
  const words =
    FORCE_NATIONALITY_AFTER.exec(after)?.[1] ??
    NATIONALITY_AFTER.exec(after)?.[1] ??
    COUNTRY_MASSED_BEFORE.exec(before)?.[1];
  const country = words ? countriesIn(words)[0]?.country : undefined;
  if (!country) return null;
  // "North Korean troops in Russia": North Korean forces are the story's, Russian ones are not.
  const own = new RegExp(`\\b${country.demonym}\\b`, 'i').test(topicLabel);
  return own ? null : 'another country’s force';
}

/** Whether a figure is an age, one person, a group's size or another country's force. */
function asideOf(text: string, figure: Figure, topicLabel: string | null): string | null {
  const before = text.slice(Math.max(0, figure.start - 60), figure.start);
  const after = text.slice(figure.end, figure.end + 40);
  if (
    figure.high <= SMALL_AGE &&
    (AGE_AFTER.test(after) || (AGE_BEFORE.test(before) && !/^\s*(?!(?:and|or|but)\b)\p{L}/u.test(after)))
  )
    return 'an age';
  if (COMPOUND_AFTER.test(after)) return 'part of a compound word, not a count';
  if (figure.low === 1 && figure.high === 1) return 'one person or thing, an anecdote';
  if (GROUP_BEFORE.test(before)) return 'the size of a group';
  return otherForce(text, figure, topicLabel);
}

function isPast(text: string, figure: Figure): boolean {
  const before = text.slice(Math.max(0, figure.start - 90), figure.start);
  const after = text.slice(figure.end, figure.end + 60);
  if (PAST_BEFORE.some((cue) => cue.test(before))) return true;
  if (FROM_TO_BEFORE.test(before) && TO_AFTER.test(after)) return true;
  return (WAS_BEFORE.test(before) || COMPARED_BEFORE.test(before)) && BACK_IN_TIME.test(after);
}

function isIncrement(text: string, figure: Figure): boolean {
  const before = text.slice(Math.max(0, figure.start - 60), figure.start);
  return INCREMENT_BEFORE.test(before) || INCREMENT_AFTER.test(text.slice(figure.end, figure.end + 30));
}

/** The part a figure plays, from the words around it. topicLabel names whose forces the story counts. */
export function roleOf(text: string, figure: Figure, topicLabel: string | null): RoleOf {
  const role = isPast(text, figure) ? 'past' : isIncrement(text, figure) ? 'increment' : 'current';
  return { role, aside: asideOf(text, figure, topicLabel) };
}
