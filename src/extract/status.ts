import { anyOf, anyWord } from './regexp.js';
import type { Status } from './types.js';

const DENIAL_WORDS = [
  'den(?:y|ies|ied|ying|ial)|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:e|ed|es|ing)|rebuff(?:ed)?|fake news',
  'groundless|baseless|unfounded|not true|untrue|nonsense|fabricat(?:ed|ion|ions)',
  'false (?:claims?|reports?|allegations?)|lies',
];
// "did not deny" and "declined to deny" deny nothing.
const DENIED = new RegExp(
  `(?<!\\b(?:not|never|nor|neither|n't|refused to|declined to|would not|did not)\\s)${anyWord(DENIAL_WORDS).source}`,
  'i',
);
const VERIFY = '(?:verify|confirm)';
const DOUBT_PHRASES = [
  'no (?:evidence|proof|confirmation)',
  `(?:not|nobody has|no one has|none has)(?: yet)? been able to (?:independently )?${VERIFY}`,
  "(?:could|can|did|does|do|has|have|had|was|were|is|are)(?: not|n't)(?: yet)?(?: been)?(?: be)?(?: independently)? (?:verif(?:y|ied)|confirm(?:ed)?)",
  `(?:unable|yet|impossible) to (?:independently )?(?:verify|confirm|be (?:verified|confirmed))`,
  'not (?:been )?(?:independently )?(?:verified|confirmed)|unverified|unconfirmed',
  `cannot (?:independently )?${VERIFY}`,
];
const UNVERIFIED = anyWord(DOUBT_PHRASES);
// Someone confirming, not a count's label: "nine people were confirmed dead", "lab-confirmed cases" confirm nothing.
// "without confirming", "declined to confirm" confirm nothing either.
export const CONFIRMED_CUE =
  /(?<!\b(?:were|was|been|are|is|be|being|laboratory|lab)[\s-])(?<!\b(?:without|not|never|neither|nor|declined to|refused to|n't)\s)\b(?:confirm(?:ed|s|ing)?|verified|acknowledg(?:ed|es|ing)|admitted|officially announced)\b(?!\s+(?:[\p{L}-]+\s+)?(?:dead|deaths?|cases?|infections?|killed|fatalities|casualties|positive|as\s+dead|by\s+(?:laboratory|laboratories|lab|tests?)))/iu;
const PROJECTION_WORDS = [
  'could(?! have)|might(?! have)|will|would(?! have)|expect(?:ed|s|ing)?|projection|projections',
  'projected|forecast|pledge|pledges|pledged|promise|promises|promised|prepar(?:e|es|ed|ing)|read(?:ied|ying)|decided to|plan(?:s|ned|ning)? to|plan is to|set to',
  'likely to|poised to|about to|to be (?:sent|deployed|dispatched)|intend(?:s|ed)? to|on track to',
];
const PROJECTED_WORDS = new RegExp(`\\b${anyOf(PROJECTION_WORDS)}\\b|'ll\\b`, 'i');
// "may" is matched as written: "May Day" and "in May" are no modal.
const MAY = /\bmay(?! have)\b/;
const isProjected = (text: string) => PROJECTED_WORDS.test(text) || MAY.test(text);

// A contrast starts a new claim: "Russia denied it, but the NIS said 1,500 troops ...".
const CONTRAST =
  /(?:[;:]|,?\s+\b(?:but|however|while|whereas|although|though|yet)\b|,?\s+and (?:said|added|told|that)\b)/gi;
const CLAUSE_END = /(?:,\s|;|:|\s[-–—]\s|\s\b(?:but|while|whereas|although)\b|\sand that\b)/g;

function lastBoundaryBefore(text: string, pattern: RegExp, index: number): number {
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index >= index) break;
    at = match.index + match[0].length;
  }
  return at;
}

function nextBoundaryAfter(text: string, pattern: RegExp, index: number): number {
  for (const match of text.matchAll(pattern)) {
    // A comma inside a number ("10,000") is not a boundary; CLAUSE_END needs ", ".
    if (match.index >= index) return match.index;
  }
  return text.length;
}

/** A clause after the figure's with no figure of its own may still doubt it: "..., though nobody could verify that". */
function doubtReach(text: string, end: number): number {
  const next = nextBoundaryAfter(text, CONTRAST, end);
  if (next >= text.length) return text.length;
  const after = nextBoundaryAfter(text, CONTRAST, next + 1);
  return /\d/.test(text.slice(next + 1, after)) ? next : after;
}

/** What the figure's own clause says before it and right after it, up to a relative clause ("... that will"). */
function ownPredicate(text: string, figure: { start: number; end: number }, until: number): string {
  const before = text.slice(lastBoundaryBefore(text, CLAUSE_END, figure.start), figure.end);
  const after = text.slice(figure.end, until);
  const relative = /\b(?:that|which|who)\b/i.exec(after);
  return before + (relative ? after.slice(0, relative.index) : after);
}

/** The status a figure's own words give it; figure = null scores the whole sentence. */
export function statusOf(text: string, figure: { start: number; end: number } | null): Status {
  if (!figure) {
    // "NATO confirmed the deployment, which the Kremlin had denied": the first verb is the statement's.
    const denial = DENIED.exec(text);
    const confirmation = CONFIRMED_CUE.exec(text);
    if (denial && !(confirmation && confirmation.index < denial.index)) return 'denied';
    if (UNVERIFIED.test(text)) return 'unverified';
    if (CONFIRMED_CUE.test(text)) return 'confirmed';
    return isProjected(text) ? 'projected' : 'reported';
  }
  const until = nextBoundaryAfter(text, CLAUSE_END, figure.end);
  const from = lastBoundaryBefore(text, CONTRAST, figure.start);
  if (DENIED.test(text.slice(from, until))) return 'denied';
  if (UNVERIFIED.test(text.slice(from, doubtReach(text, figure.end)))) return 'unverified';
  // Confirmation binds to its own clause: "13 confirmed, with 74 still missing" confirms 13 only.
  if (CONFIRMED_CUE.test(text.slice(lastBoundaryBefore(text, CLAUSE_END, figure.start), until))) return 'confirmed';
  return isProjected(ownPredicate(text, figure, until)) ? 'projected' : 'reported';
}

/** "NATO confirmed troops were in Kursk", "North Korea acknowledged the deployment". */
export const hasConfirmation = (text: string): boolean => CONFIRMED_CUE.test(text);

// "confirmed that." refers back; "confirmed that North Korean troops had been deployed" is a new statement.
const CONFIRMS_PREVIOUS =
  /\b(?:confirmed|confirms|verified|verifies|corroborated|corroborates)\s+(?:this|that(?=\s*(?:[.,;]|$|\s+(?:figure|number|estimate|report|count|account|assessment)s?\b))|it|these|those|the\s+(?:figures?|numbers?|estimates?|counts?|toll|tally|report|assessment))\b/i;

/** "Kirby confirmed this": a figure-less sentence that confirms the figures just before it. */
export const confirmsPrevious = (text: string): boolean => CONFIRMS_PREVIOUS.test(text);
