import { anyOf } from './regexp.js';
import type { TopicDef } from './types.js';

const MODIFIER_WORDS = [
  'more|additional|extra|new|fresh|other|elite|special|regular|active|combat|trained|armed|young|north|south',
  "korean|koreans?'?s?|russian|ukrainian|american|chinese|military|army|national|foreign|enemy",
  String.raw`[A-Z][\w.'’-]*`,
];
const MODIFIER = new RegExp(`^${anyOf(MODIFIER_WORDS)}$`);
const FUNCTION_WORDS = [
  'it|they|he|she|we|you|them|its|their|his|her|our|of|the|and|or|but|to|in|on|at|by|for|from|with|into|onto|as',
  'than|that|which|who|were|was|are|is|be|been|being|have|has|had|will|would|could|may|might|can|should|already',
  'now|so|far|since|until|per|this|these|those|a|an|each|more|mostly|reportedly|likely|each|total|in|near|across',
  'along|over|under|up|down|out|off|still|just|only|some|all|about|around|of|the',
];
const FUNCTION_WORD = new RegExp(`^${anyOf(FUNCTION_WORDS)}$`, 'i');
const PEOPLE_WORDS = [
  'troops|soldiers|personnel|servicemen|service members|men|fighters|koreans|north koreans|people|forces|officers',
  'workers|commandos|engineers|residents|civilians|persons|patients|children|passengers|inhabitants',
];
const PEOPLE = new RegExp(`^${anyOf(PEOPLE_WORDS)}$`);

// The state a count of people is in decides what it counts: "2,000 people are feared dead" counts deaths.
const STATE_HELPERS = `(?:${[
  'have|had|has|were|was|are|is|been|being|reportedly|already|likely|probably|also|all',
  'now|still|feared|confirmed|believed|presumed|listed|as|left|so|far|officially|remain|remained|remains',
].join('|')})`;
const CASUALTY_VERB = new RegExp(
  String.raw`^\s*(?:${STATE_HELPERS}\s+){0,4}(killed or (?:wounded|injured)|killed and (?:wounded|injured)|(?:dead|killed) or (?:wounded|injured)|wounded or killed|killed|died|perished|dead|slain|wounded|injured|hurt|captured|taken prisoner|missing|unaccounted for|displaced|homeless|evacuated|arrested|detained|taken into custody)\b`,
  'i',
);
const CASUALTY_VERB_BEFORE =
  /\b(killed|killing|wounded|wounding|injured|injuring|captured|capturing|lost|losing)\s+(?:(?:an estimated|at least|about|around|some|up to|more than|nearly|over|roughly|approximately)\s+)?$/i;

function casualtyUnit(verb: string): string {
  const v = verb.toLowerCase();
  if (/\bor\b|\band\b/.test(v)) return 'casualties';
  if (/^(?:killed|killing|died|perished|dead|slain|lost|losing)$/.test(v)) return 'deaths';
  if (/^(?:wounded|wounding|injured|injuring|hurt)$/.test(v)) return 'wounded';
  if (v === 'unaccounted for' || v === 'missing') return 'missing';
  if (/^(?:displaced|homeless|evacuated)$/.test(v)) return v;
  if (/^(?:arrested|detained|taken into custody)$/.test(v)) return 'arrests';
  return 'captured';
}

export interface UnitLexicon {
  /** Known unit phrases, longest first, lowercase. */
  phrases: string[];
}

export function unitLexicon(topics: TopicDef[]): UnitLexicon {
  const all = new Set<string>();
  for (const topic of topics) for (const unit of topic.units) all.add(unit.toLowerCase());
  return { phrases: [...all].sort((a, b) => b.length - a.length) };
}

/**
 * What a figure counts, from the words after it ("1,500 North Korean troops") or a verb that
 * decides it ("six North Koreans had perished" counts deaths). Null when nothing follows.
 */
export function unitAfter(text: string, start: number, end: number, lexicon: UnitLexicon): string | null {
  const after = text.slice(end, end + 120);
  const strong = /^-?strong\s+([\p{L}]+)/u.exec(after);
  if (strong) return strong[1]!.toLowerCase();
  const words = after.match(/[\p{L}][\p{L}'’-]*|[^\s\p{L}]/gu) ?? [];
  let unit: string | null = null;
  let consumed = 0;
  // A known unit anywhere in the noun phrase wins ("special operations troops" counts troops);
  // otherwise the first plain noun after the modifiers does.
  for (let i = 0; i < Math.min(words.length, 6); i++) {
    const rest = words
      .slice(i, i + 4)
      .join(' ')
      .toLowerCase();
    const phrase = lexicon.phrases.find((p) => rest === p || rest.startsWith(`${p} `));
    if (phrase) {
      unit = phrase;
      consumed = i + phrase.split(' ').length;
      break;
    }
    const word = words[i]!;
    if (!/^[\p{L}]/u.test(word) || FUNCTION_WORD.test(word)) break;
    if (MODIFIER.test(word)) continue;
    if (unit === null) {
      unit = word.toLowerCase();
      consumed = i + 1;
    }
  }
  const beforeText = text.slice(Math.max(0, start - 40), start);
  const verbBefore = CASUALTY_VERB_BEFORE.exec(beforeText);
  const tail = words.slice(consumed).join(' ');
  const verbAfter = CASUALTY_VERB.exec(` ${tail}`);
  if ((unit === null || PEOPLE.test(unit)) && (verbAfter || verbBefore)) {
    return casualtyUnit((verbAfter ?? verbBefore)![1]!);
  }
  return unit;
}

/** A unit word written before the figure in the same sentence ("the number of troops ... 12,000"). */
export function unitBefore(text: string, start: number, lexicon: UnitLexicon): string | null {
  const before = text.slice(0, start).toLowerCase();
  let best: { unit: string; at: number } | null = null;
  for (const phrase of lexicon.phrases) {
    const at = before.lastIndexOf(phrase);
    const bounded = !/[\p{L}]/u.test(before[at - 1] ?? ' ') && !/[\p{L}]/u.test(before[at + phrase.length] ?? ' ');
    if (at >= 0 && bounded && (!best || at > best.at)) best = { unit: phrase, at };
  }
  // "North Korean killed and wounded ... exceeded 3,000": both together are casualties.
  if (
    best &&
    /\b(?:killed|dead|deaths)\s+(?:and|or)\s+(?:wounded|injured)$/.test(before.slice(0, best.at + best.unit.length))
  ) {
    return 'casualties';
  }
  return best?.unit ?? null;
}
