/**
 * /topics suggest: the figures a server's sources bring in that no topic takes, grouped by
 * what they count and what they are about, as topics one command away from existing.
 */
import type { ClaimIndex, IndexedClaim } from '../index/claim-index.js';
import { isVisible } from '../index/records.js';

export interface TopicSuggestion {
  key: string;
  label: string;
  units: string[];
  subjects: string[];
  figures: number;
  example: IndexedClaim;
}

/** How far back to look: the newest figures, not the whole archive. */
const RECENT = 2000;
const MIN_FIGURES = 2;
const NOT_COUNTS = new Set(['percent', 'dollars', 'years', 'days', 'hours', 'times']);
const EVENTS =
  /\b(?:floods?|flooding|earthquakes?|quakes?|storms?|cyclones?|hurricanes?|typhoons?|wildfires?|fires?|outbreaks?|epidemic|protests?|strikes?|war|attacks?|explosions?|droughts?|landslides?|eruption)\b/gi;
const NOT_SUBJECTS = new Set(
  'The A An In On At By For Of And But He She It They We His Her Its Their This That These Those Officials Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);

/** Capitalised words past a sentence's first, and the event nouns: what a figure is about. */
function aboutWords(claim: IndexedClaim): Set<string> {
  const words = new Set<string>();
  const text = `${claim.article.title ?? ''}. ${claim.sentence}`;
  // "North Korea" and "Storm Daniel" stay whole: a name's words come together.
  for (const m of text.matchAll(/(?<=[\p{Ll},;:]\s)(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)*)/gu)) {
    const word = m[1]!;
    if (!NOT_SUBJECTS.has(word) && word !== claim.claimant && word !== claim.article.outletName) words.add(word);
  }
  for (const m of text.matchAll(EVENTS)) words.add(m[0].toLowerCase());
  return words;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The newest untopiced figures this server sees, grouped; the biggest groups first. */
export function suggestTopics(index: ClaimIndex, guildId: string | null, limit = 5): TopicSuggestion[] {
  const groups = new Map<string, IndexedClaim[]>();
  let seen = 0;
  for (let id = index.claimCount(); id > 0 && seen < RECENT; id--) {
    const claim = index.claim(id);
    if (!claim || claim.topic !== null || claim.low === null || !claim.unit || NOT_COUNTS.has(claim.unit)) continue;
    if (!isVisible(claim.article, guildId)) continue;
    seen++;
    const list = groups.get(claim.unit) ?? [];
    list.push(claim);
    groups.set(claim.unit, list);
  }
  return [...groups.entries()]
    .filter(([, claims]) => claims.length >= MIN_FIGURES)
    .map(([unit, claims]) => suggestionFor(unit, claims))
    .filter((s): s is TopicSuggestion => s !== null)
    .sort((a, b) => b.figures - a.figures)
    .slice(0, limit);
}

function suggestionFor(unit: string, claims: IndexedClaim[]): TopicSuggestion | null {
  const counts = new Map<string, number>();
  for (const claim of claims) for (const word of aboutWords(claim)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const subjects = [...counts.entries()]
    .filter(([, n]) => n >= Math.max(2, claims.length * 0.4))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([word]) => word);
  // A count that shares no subject is no story yet: "200 people" across unrelated articles.
  if (subjects.length === 0) return null;
  const about = subjects.find((s) => /^\p{Lu}/u.test(s)) ?? subjects[0]!;
  return {
    key: slug(`${about}-${unit}`).slice(0, 32),
    label: `${unit[0]!.toUpperCase()}${unit.slice(1)}: ${subjects.join(', ')}`.slice(0, 100),
    units: [unit],
    subjects,
    figures: claims.length,
    example: claims[0]!,
  };
}
