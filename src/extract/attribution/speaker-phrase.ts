/**
 * The noun phrase that names a speaker, read backwards from a report verb ("Turkey's Disaster
 * and Emergency Management Authority (AFAD) said") or forwards from "according to", "citing" or
 * an inverted "said" ("said the ministry"). No lexicon: a phrase counts when its head is a name
 * or an institutional or role noun, so bodies nobody configured are found too.
 */
import { BODY_HEADS, DATA_WORDS, DESCRIPTORS, GENERIC_HEADS, OUTLET_WORDS, ROLE_HEADS, STOP_WORDS } from './phrases.js';

export interface Phrase {
  start: number;
  end: number;
  /** The words of the phrase, determiners dropped. */
  words: string[];
  /** "(AFAD)" after the phrase. */
  acronym: string | null;
  /** ", a senior officer at the World Health Organization," between the phrase and its verb. */
  appositive: string | null;
}

interface Token {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
const CONNECTORS = new Set([
  'of',
  'for',
  'on',
  'in',
  'and',
  'de',
  'du',
  'des',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'van',
  'von',
  'der',
]);
const DETERMINERS = new Set(['the', 'a', 'an']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const MAX_WORDS = 10;
const SPEAKS_FOR_ITS = /^(?:spokes(?:man|woman|person)|officials?|chief|director|head|representatives?|statement)$/i;
const MEMBER_OF =
  /([\p{Lu}][\p{L}.'’-]*)\s+of\s+(?:the\s+)?(?:(?:ruling|main|opposition|governing|conservative|liberal|centrist|far-right|far-left)\s+)*$/u;
/** Capitalised words that name no one: days, months, clock zones, live-blog labels. */
const NOT_NAMES = new Set(
  'who what why how when where monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec gmt utc bst cet cest est edt pst pdt update updates breaking live analysis read watch more also key points'.split(
    ' ',
  ),
);

/** A name's word: capitalised, or an Arabic or Dutch particle before one ("al-Ghaithi", "van Gogh" is two). */
/** "Monday", "When", "GMT": capitalised, but no one's name. "WHO" is one. */
function isNotName(word: string): boolean {
  if (/^[\p{Lu}]{2,}$/u.test(word)) return /^(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)$/.test(word);
  return /^[\p{Lu}]/u.test(word) && NOT_NAMES.has(word.toLowerCase()) && word !== 'May';
}

export const isCapitalised = (word: string): boolean =>
  /^(?:(?:al|el|ad|as|at|ash|ibn|bin|abu|ben)-)?[\p{Lu}\p{Lt}]/u.test(word);
/** A word as the word lists hold it: lower-case, no possessive ("headquarters’"), no full stop. */
export const bareWord = (word: string): string =>
  word
    .toLowerCase()
    .replace(/['’]s?$/, '')
    .replace(/\.$/, '');
export const isPossessive = (word: string): boolean => /(?:['’]s|s['’])$/i.test(word) && word.length > 2;
export const isHeadNoun = (word: string): boolean =>
  BODY_HEADS.has(bareWord(word)) || ROLE_HEADS.has(bareWord(word)) || GENERIC_HEADS.has(bareWord(word));

/** A full stop ends the word unless it is part of it: "U.S.", "Rep.", "Dr.". */
const KEEPS_DOT = /^(?:(?:\p{L}\.)+|rep|sen|gen|dr|mr|mrs|ms|lt|col|maj|st|jr|prof|gov|sgt|capt)\.?$/iu;

function tokensIn(text: string, from: number, to: number): Token[] {
  const slice = text.slice(from, to);
  return [...slice.matchAll(WORD)].map((m) => {
    const word = m[0].endsWith('.') && !KEEPS_DOT.test(m[0]) ? m[0].slice(0, -1) : m[0];
    return { start: from + m.index, end: from + m.index + word.length, text: word };
  });
}

/** Only spaces between two tokens: a comma, bracket or quote ends a phrase. */
const joined = (text: string, left: Token, right: Token) => /^\s+$/.test(text.slice(left.end, right.start));

/** A lowercase word that can modify a speaker's head: "emergency", "local", "eastern"; not "killed" or "that". */
function isModifier(word: string): boolean {
  const w = word.toLowerCase();
  if (STOP_WORDS.has(w) || DETERMINERS.has(w) || PRONOUNS.has(w) || /\d/.test(w)) return false;
  return !/(?:ed|ing)$/.test(w) || ['armed', 'united', 'based', 'led'].some((x) => w.endsWith(x));
}

/** The phrase ending at `end` (the report verb's start, adverbs and "has" already behind it). */
export function phraseBefore(text: string, end: number): Phrase | null {
  let stop = end;
  let before = text.slice(0, stop).replace(/\s+$/, '');
  let appositive: string | null = null;
  let acronym: string | null = null;
  const bracket = /\s*[([]([A-Z][A-Za-z&-]{1,9})[)\]]$/.exec(before);
  if (bracket) {
    acronym = bracket[1]!;
    before = before.slice(0, bracket.index);
  }
  if (before.endsWith(',')) {
    const open = before.lastIndexOf(',', before.length - 2);
    const inner = open >= 0 ? before.slice(open + 1, -1).trim() : '';
    if (open < 0 || inner === '' || inner.length > 100) return null;
    appositive = inner;
    before = before.slice(0, open);
  }
  stop = before.length;
  const tokens = tokensIn(text, Math.max(0, stop - 160), stop);
  const kept: Token[] = [];
  let descriptive = false;
  for (let i = tokens.length - 1; i >= 0 && kept.length < MAX_WORDS; i--) {
    const token = tokens[i]!;
    const right = kept[0];
    if (right && !joined(text, token, right)) break;
    const w = token.text.toLowerCase();
    // "its spokesperson": whoever speaks for the body named before.
    if (w === 'its' && kept.length === 1 && SPEAKS_FOR_ITS.test(kept[0]!.text))
      return phraseOf([token, ...kept], null, null);
    // "his intelligence services": the speaker's own, so the outer speaker keeps the claim.
    if (POSSESSIVE_PRONOUNS.has(w)) return null;
    if (DETERMINERS.has(w) || isNotName(token.text)) break;
    if (!right) {
      if (PRONOUNS.has(w)) return phraseOf([token], acronym, appositive);
      // "the ministry of health said": the head is before "of".
      const [of, head] = [tokens[i - 1], tokens[i - 2]];
      if (of && head && /^(?:of|for)$/.test(of.text) && isHeadNoun(head.text) && isModifier(token.text)) {
        kept.unshift(head, of, token);
        descriptive = true;
        i -= 2;
        continue;
      }
      if (!isCapitalised(token.text) && !isHeadNoun(token.text)) return null;
      descriptive = !isCapitalised(token.text) || isHeadNoun(token.text);
      kept.unshift(token);
      continue;
    }
    if (DETERMINERS.has(w)) break;
    if (CONNECTORS.has(w) && !isCapitalised(token.text)) {
      const left = tokens[i - 1];
      const leftFits = left && joined(text, left, token) && (isCapitalised(left.text) || isHeadNoun(left.text));
      if (!leftFits || !isCapitalised(right.text)) break;
      kept.unshift(token);
      continue;
    }
    if (isCapitalised(token.text)) {
      kept.unshift(token);
      // "South Korea's spy agency": a possessive name may have more name words before it, nothing else.
      if (isPossessive(token.text)) {
        for (let j = i - 1; j >= 0 && isCapitalised(tokens[j]!.text) && joined(text, tokens[j]!, kept[0]!); j--) {
          kept.unshift(tokens[j]!);
        }
        break;
      }
      continue;
    }
    if (isPossessive(token.text) && (descriptive || DESCRIPTORS.has(bareWord(right.text)))) {
      kept.unshift(token);
      break;
    }
    // Lowercase words before a name describe it ("public broadcaster TRT"); before a head noun they modify it.
    if (
      isModifier(token.text) &&
      (descriptive || isHeadNoun(token.text) || OUTLET_WORDS.has(w) || DESCRIPTORS.has(w))
    ) {
      kept.unshift(token);
      if (isHeadNoun(token.text)) descriptive = true;
      continue;
    }
    break;
  }
  while (kept.length > 0 && CONNECTORS.has(kept[0]!.text.toLowerCase())) kept.shift();
  if (kept.length === 0) return null;
  // "Rep. Lee Seong-kweun of the ruling People Power Party said": the person, not the party.
  const member = MEMBER_OF.exec(text.slice(Math.max(0, kept[0]!.start - 120), kept[0]!.start));
  if (member) {
    const person = phraseBefore(text, kept[0]!.start - member[0].length + member[1]!.length);
    if (person?.words.every(isCapitalised))
      return { ...person, appositive: text.slice(person.end, kept.at(-1)!.end).trim() };
  }
  return phraseOf(kept, acronym, appositive);
}

const DATA_LEAD =
  /^(?:(?:the|a|an)\s+)?(?:(?:latest|most\s+recent|recent|new|official|preliminary|provisional|final|revised|updated|daily|weekly|last|first)\s+)*/i;

/**
 * The phrase starting at `start` ("according to the latest update from AFAD", "citing a
 * government report", "said Hatay's governor"). A trailing data word ("a government report")
 * is dropped: the body is what the report is from.
 */
export function phraseAfter(text: string, start: number): Phrase | null {
  let from = start + (/^\s*/.exec(text.slice(start))?.[0].length ?? 0);
  const lead = DATA_LEAD.exec(text.slice(from))![0];
  const afterLead = text.slice(from + lead.length);
  const data = /^([\p{L}]+)\s+(?:from|by|of|issued\s+by|released\s+by)\s+(?:the\s+)?/iu.exec(afterLead);
  if (data && DATA_WORDS.has(data[1]!.toLowerCase())) from += lead.length + data[0].length;
  else from += lead.length;
  const tokens = tokensIn(text, from, Math.min(text.length, from + 200));
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length && kept.length < MAX_WORDS; i++) {
    const token = tokens[i]!;
    const left = kept[kept.length - 1];
    if (left && !joined(text, left, token)) break;
    if (!left && token.start !== from) break;
    const w = token.text.toLowerCase();
    if (isNotName(token.text)) break;
    if (CONNECTORS.has(w) || (w === 'the' && left && CONNECTORS.has(left.text.toLowerCase()))) {
      const next = tokens[i + 1];
      const nextFits = next && joined(text, token, next) && (isCapitalised(next.text) || next.text === 'the');
      if (!left || !nextFits) break;
      kept.push(token);
      continue;
    }
    if (isCapitalised(token.text) || (!left && PRONOUNS.has(w))) {
      kept.push(token);
      if (!left && PRONOUNS.has(w)) break;
      continue;
    }
    if (isModifier(token.text) || isHeadNoun(token.text)) {
      kept.push(token);
      continue;
    }
    break;
  }
  while (kept.length > 0 && (CONNECTORS.has(kept.at(-1)!.text.toLowerCase()) || kept.at(-1)!.text === 'the'))
    kept.pop();
  // "a government report": the report is the body's; "data" after a name is the same.
  // "the US Geological Survey" keeps its capitalised Survey: a name's word, not a document.
  while (kept.length > 1 && DATA_WORDS.has(kept.at(-1)!.text)) kept.pop();
  // "the SBU show 200 soldiers": lowercase words after the name are the sentence going on.
  const fitsHead = (word: string) => isCapitalised(word) || isHeadNoun(word) || PRONOUNS.has(word.toLowerCase());
  while (kept.length > 1 && !fitsHead(kept.at(-1)!.text)) kept.pop();
  while (kept.length > 0 && CONNECTORS.has(kept.at(-1)!.text.toLowerCase())) kept.pop();
  if (kept.length === 0 || !fitsHead(kept.at(-1)!.text)) return null;
  const bracket = /^\s*[([]([A-Z][A-Za-z&-]{1,9})[)\]]/.exec(text.slice(kept.at(-1)!.end));
  return phraseOf(kept, bracket?.[1] ?? null, null);
}

function phraseOf(tokens: Token[], acronym: string | null, appositive: string | null): Phrase {
  const last = tokens.at(-1)!;
  // "Zelensky's claim": the phrase is the name, without the possessive.
  const possessive = isPossessive(last.text) ? (/s['’]$/i.test(last.text) ? 1 : 2) : 0;
  return {
    start: tokens[0]!.start,
    end: last.end - possessive,
    words: [...tokens.slice(0, -1).map((t) => t.text), last.text.slice(0, last.text.length - possessive)],
    acronym,
    appositive,
  };
}
