import { anyOf } from './regexp.js';

/**
 * Numbers that are not figures of a claim: ages, calibres, ordinals, durations, years, times,
 * reading times, measurements, designations ("Resolution 2231"), idioms ("one of the largest").
 */
const AFTER_RULES: RegExp[] = [
  /^\s*-?\s*(?:years?|yrs?)[\s-]*old\b/i, // ages
  /^\s*-?\s*(?:mm|millimet(?:er|re)s?|cm|calibre|caliber)\b/i, // calibres
  /^(?:st|nd|rd|th)\b/i, // ordinals
  /^\s*(?:min|mins|minutes?)\s+read\b/i, // reading times
  /^\s*(?:-\s*)?(?:years?|months?|weeks?|days?|hours?|hrs|minutes?|mins|seconds?|decades?|centuries|nights?|times)\b/i, // durations, frequencies
  /^\s*(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|ft|kg|kilograms?|degrees|°|sq|square|mph|km\/h|hectares?|acres?)\b/i,
  /^\s*(?:GMT|UTC|KST|EST|CET|local time|o'clock)\b/i,
  /^[A-Za-z]/, // glued to letters and not a scale: a designation ("4x4", "9M723")
  /^-[A-Za-z]{1,3}\b(?!-)/, // "KN-23-B" style suffixes
];

const BEFORE_RULES: RegExp[] = [
  /\b(?:aged|age of|ages of|ages)\s+$/i,
  /\b(?:aged|ages)\s+\d{1,2}\s+(?:and|or|to)\s+$/i,
  /(?:\bNo\.?|\bNos\.?|\bArticle|\bResolution|\bSection|\bChapter|\bRoute|\bFlight|\bRoom|\bpage|\bParagraph|\bProtocol|\bPhase|\bStage|\bLevel|\bGrade|\bCode|#)\s*$/,
  /\bone of\s+$/i,
  /\b(?:who|he|she) (?:is|was)\s+$/i, // "the younger, who is 20"
  /\+\s*$/, // phone numbers and "+1"
];

const NOT_A_COUNT_AFTER = /^\s*of\s+(?:the|its|their|his|her|our|those|these)\b/i;

export function isExcludedNumber(
  text: string,
  start: number,
  end: number,
  value: number,
  scale: number,
  digits: boolean,
): boolean {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 30), start);
  if (AFTER_RULES.some((rule) => rule.test(after))) return true;
  if (BEFORE_RULES.some((rule) => rule.test(before))) return true;
  if (
    digits &&
    scale === 1 &&
    Number.isInteger(value) &&
    value >= 1900 &&
    value <= 2100 &&
    !/,/.test(text.slice(start, end))
  ) {
    return true; // a year; writers put a separator in counts of that size
  }
  if (!digits && value === 1 && NOT_A_COUNT_AFTER.test(after)) return true;
  return false;
}

// Nouns a small spelled-out number is idiomatic with, not a count anyone reports.
const GENERIC_NOUN_WORDS = [
  'countries|nations|sides|leaders|ways|things|parts|options|reasons|questions|sources|officials|people familiar',
  'diplomats|analysts|experts|lawmakers|reporters|journalists|words|issues|allies|koreas|governments|presidents',
  'ministers|sessions|meetings|occasions|steps|stages|phases|times|others',
];
const GENERIC_NOUNS = new RegExp(`^${anyOf(GENERIC_NOUN_WORDS)}\\b`, 'i');
const DETERMINER_BEFORE =
  /\b(?:the|these|those|both|all|its|their|his|her|our|your|my|first|last|next|other|every|each)\s+$/i;
const COUNTED_NOUNS = [
  'troops|soldiers|brigades?|battalions?|regiments?|divisions?|units?|personnel|servicemen|officers|generals',
  'commanders|commandos|fighters|engineers|workers|koreans|men|prisoners|pows|bodies|deaths|dead|casualties|shells',
  'rounds|missiles|rockets|containers|launchers|howitzers|guns|ships|vessels|trains|flights|planes|aircraft|tanks',
  'vehicles|drones|soldier|troop|brigade|battalion|missile|container|ship|drone|tank',
];
const TOPIC_COUNT_AFTER = new RegExp(
  `^\\s+(?:(?:more|additional|extra|new|other|elite|special|[A-Z][\\w-]*|north|south|korean|russian|ukrainian|military)\\s+){0,3}${anyOf(COUNTED_NOUNS)}\\b`,
  'i',
);

/**
 * Spelled-out small numbers ("two", "six", "one") are figures only when they count something:
 * "six North Koreans had perished" and "five military bases" are; "the two countries" and "one of them" are not.
 */
export function isSmallWordNumberWithoutCount(text: string, start: number, end: number, value: number): boolean {
  if (value > 10) return false;
  const before = text.slice(Math.max(0, start - 20), start);
  const after = text.slice(end, end + 80);
  if (DETERMINER_BEFORE.test(before)) return true;
  if (TOPIC_COUNT_AFTER.test(after)) return false;
  if (value === 1 || GENERIC_NOUNS.test(after.trimStart())) return true;
  // "five military bases" counts; "two of them" and "one or two" do not.
  return !/^\s+(?:[a-z-]+\s+){0,2}[a-z]+s\b/i.test(after);
}
