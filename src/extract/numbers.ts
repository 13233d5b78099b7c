import * as chrono from 'chrono-node';
import { isExcludedNumber, isSmallWordNumberWithoutCount } from './not-figures.js';
import { NUMBER_WORD, SCALES, wordsToNumber } from './number-words.js';

/** A figure as written in a sentence: a point or a range, offsets relative to the sentence. */
export interface Figure {
  start: number;
  end: number;
  text: string;
  low: number;
  high: number;
  /** Whether the value came from digits (true) or number words (false). */
  digits: boolean;
  measure: 'count' | 'percent' | 'money';
}

interface Atom {
  start: number;
  end: number;
  value: number;
  /** Value before a trailing scale word, so "10 to 12 million" can lend its scale. */
  base: number;
  scale: number;
  digits: boolean;
}

const DIGITS = String.raw`(?<![A-Za-z]-?|[\d.,/:])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?:[ \u00a0]\d{3})+(?![\d,])|\d+)(?:\.\d+)?`;
const SCALE = String.raw`(?:\s*-?\s*(hundred|thousand|million|billion|trillion|dozen)\b|(mln|mn|bn|tn|m|b|k)\b)`;
const WORDS = String.raw`\b(?:(?:half\s+)?an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?${NUMBER_WORD}(?:(?:[\s-]+|(?<=hundred|thousand|million|billion)\s+and\s+)${NUMBER_WORD})*\b`;
const ATOM = new RegExp(`(${DIGITS})${SCALE}?|(${WORDS})`, 'gi');

const CHANGE_BEFORE_FROM =
  /\b(?:rose|risen|rise|rising|increased?|increasing|grew|grown|jumped|climbed|fell|fallen|dropped|decreased?|up|down|revised|raised|lowered|doubled)\s+(?:\w+\s+){0,2}from\s+$/i;
// Dates, clock times and ISO dates are masked before looking for figures.
const PLAIN_DATES =
  /^\s*\d{1,2}[).]\s|\b\d{4}[-–]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{1,2}:\d{2}(?:\s*(?:a\.?m\.?|p\.?m\.?))?|\b\d{1,2}\.\d{2}\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am|pm)\b/gi;

// A chrono match masks numbers only when it names a calendar thing, not for "from 10 to 12".
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=\s|\d|$)|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:ago|yesterday|today|tomorrow|tonight|morning|evening|afternoon|night|noon|midnight)\b|\d[/:]\d|\b\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)\b/i;
const PHONE = /\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}/g;
// Markup pasted into a body is no figure: Discord mentions and timestamps, code spans, a call
// such as alert(1), terminal colour codes and other control characters.
const MARKUP =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /<(?:@[!&]?|#|t:|a?:\w+:)\d+(?::\w)?>|`[^`\n]*`|\b[A-Za-z_$][\w$]*\([^()\s]*\)|\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

function atoms(text: string): Atom[] {
  const found: Atom[] = [];
  for (const match of text.matchAll(ATOM)) {
    const [whole, digitsText, longScale, shortScale, words] = match;
    const start = match.index;
    if (digitsText) {
      const base = Number(digitsText.replace(/[,\s\u00a0]/g, ''));
      const scaleWord = (longScale ?? shortScale ?? '').toLowerCase();
      const scale = SCALES[scaleWord] ?? 1;
      // 34.2 × 1e9 is 34200000000.000004 in floating point: keep the digits written.
      found.push({
        start,
        end: start + whole.length,
        value: Number((base * scale).toPrecision(15)),
        base,
        scale,
        digits: true,
      });
    } else if (words) {
      const value = wordsToNumber(words);
      // "four-thousand-100": words for the thousands, digits for the rest.
      const rest = value !== null && value % 1000 === 0 ? /^-(\d{1,3})\b/.exec(text.slice(start + whole.length)) : null;
      const total = rest ? value! + Number(rest[1]) : value;
      const end = start + whole.length + (rest ? rest[0].length : 0);
      if (total !== null) found.push({ start, end, value: total, base: total, scale: 1, digits: false });
    }
  }
  return found;
}

function masked(from: number, to: number, masks: Array<[number, number]>): boolean {
  return masks.some(([s, e]) => from < e && to > s);
}

function dateMasks(text: string, candidates: Atom[]): Array<[number, number]> {
  const masks: Array<[number, number]> = [];
  for (const m of text.matchAll(PLAIN_DATES)) masks.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(PHONE)) masks.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(MARKUP)) masks.push([m.index, m.index + m[0].length]);
  const dateLike = candidates.some((a) => a.scale === 1 && (a.value <= 31 || (a.value >= 1900 && a.value <= 2100)));
  if (dateLike) {
    for (const r of chrono.parse(text)) {
      // A bare weekday or "now" is not what masks a number; a parsed day, month or year is.
      if (DATE_WORDS.test(r.text)) {
        masks.push([r.index, r.index + r.text.length]);
      }
    }
  }
  return masks;
}

function measureOf(text: string, atom: Atom): Figure['measure'] {
  if (/^\s*(?:%|percent\b|per cent\b)/i.test(text.slice(atom.end))) return 'percent';
  const before = text.slice(Math.max(0, atom.start - 4), atom.start);
  if (/(?:[$€£¥₩]|US\$|USD ?)$/.test(before)) return 'money';
  if (/^\s*(?:dollars|euros|pounds|won|yuan|rubles|roubles)\b/i.test(text.slice(atom.end))) return 'money';
  return 'count';
}

function joinsRange(text: string, left: Atom, right: Atom): boolean {
  const between = text.slice(left.end, right.start);
  const before = text.slice(0, left.start);
  if (/^\s*(?:[-–—]|to|and|or)\s*$/i.test(between) === false) return false;
  if (/^\s*and\s*$/i.test(between)) return /\bbetween\s+(?:\S+\s+){0,2}$/i.test(before);
  if (/^\s*or\s*$/i.test(between)) return false;
  if (/\bfrom\s+(?:\S+\s+){0,1}$/i.test(before) && CHANGE_BEFORE_FROM.test(before)) return false;
  return true;
}

/** Figures in one sentence, in text order. */
export function findFigures(text: string): Figure[] {
  const candidates = atoms(text);
  if (candidates.length === 0) return [];
  const masks = dateMasks(text, candidates);
  // Zero counts nothing a desk follows: "0 troops" is noise, never a figure.
  const kept = candidates.filter(
    (a) =>
      a.value !== 0 &&
      !masked(a.start, a.end, masks) &&
      !isExcludedNumber(text, a.start, a.end, a.value, a.scale, a.digits),
  );
  const figures: Figure[] = [];
  for (let i = 0; i < kept.length; i++) {
    const left = kept[i]!;
    const right = kept[i + 1];
    let low = left.value;
    let high = left.value;
    let end = left.end;
    if (right && joinsRange(text, left, right)) {
      // "10 to 12 million": the scale written once belongs to both ends.
      const lent =
        left.scale === 1 && right.scale > 1 && left.value * right.scale <= right.value
          ? left.value * right.scale
          : left.value;
      if (lent < right.value) {
        low = lent;
        high = right.value;
        end = right.end;
        i++;
      }
    }
    if (low === high && !left.digits && isSmallWordNumberWithoutCount(text, left.start, left.end, low)) continue;
    figures.push({
      start: left.start,
      end,
      text: text.slice(left.start, end),
      low,
      high,
      digits: left.digits,
      measure: measureOf(text, { ...left, end }),
    });
  }
  return figures;
}
