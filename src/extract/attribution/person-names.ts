/** A titled person and the body they speak for: "Health Minister Fahrettin Koca" speaks for the Turkish Health Ministry. */
import { isBodyWord, ministryOf } from './body-names.js';
import { countryNamed, countryOf } from './countries.js';
import { entityNamed, knownOf, newKnown } from './known.js';
import { fold, type Known } from './memory.js';
import type { NameContext } from './name-context.js';
import { TITLE_WORDS } from './phrases.js';
import { bareWord, isCapitalised, isPossessive, type Phrase } from './speaker-phrase.js';

export const PERSON_OFFICES =
  /\b(?:president|prime minister|premier|chancellor|mayor|governor|king|queen|emir|pope)\b/i;

export const LAWMAKER_TITLES =
  /\b(?:lawmakers?|legislators?|mps?|rep\.|sen\.|senators?|congress(?:wo)?man|parliamentarians?|assembly members?)\b/i;

/** The part of a phrase that is a person's name: the capitalised words after the last title word. */
export function personSplit(words: readonly string[]): { title: string[]; name: string[] } | null {
  let at = words.length;
  while (
    at > 0 &&
    isCapitalised(words[at - 1]!) &&
    !TITLE_WORDS.has(bareWord(words[at - 1]!)) &&
    !isBodyWord(words[at - 1]!) &&
    !countryNamed(words[at - 1]!) &&
    !isPossessive(words[at - 1]!)
  )
    at--;
  const name = words.slice(at);
  if (name.length === 0 || name.length > 4) return null;
  // "the mayor of Derna": a place, not a person's name.
  if (/^(?:of|in|for|at|from)$/i.test(words[at - 1] ?? '')) return null;
  if (name.length === 1 && /^[A-Z0-9&-]{2,}$/.test(name[0]!)) return null; // an acronym is a body
  return { title: words.slice(0, at), name };
}

export function learnedPerson(
  title: readonly string[],
  name: readonly string[],
  phrase: Phrase,
  ctx: NameContext,
): Known {
  const { memory } = ctx;
  const full = name.join(' ');
  const surname = name.at(-1)!;
  const earlier = memory.find(full) ?? (name.length === 1 ? memory.find(surname) : undefined);
  if (earlier && title.length === 0 && !phrase.appositive) return earlier;
  const titleText = title.join(' ');
  const body = speaksForOf(title, phrase.appositive, ctx);
  const relay = LAWMAKER_TITLES.test(titleText) || LAWMAKER_TITLES.test(phrase.appositive ?? '');
  const known = newKnown(
    earlier?.name ?? full,
    'person',
    [...title],
    body ?? earlier?.speaksFor ?? null,
    relay || (earlier?.relay ?? false),
  );
  if (PERSON_OFFICES.test(titleText)) known.speaksFor = null;
  if (known.speaksFor && !memory.find(known.speaksFor)) memory.learn(newKnown(known.speaksFor, 'body', []), []);
  return memory.learn(known, name.length > 1 ? [full, surname, [...title, ...name].join(' ')] : [full]);
}

/** "Health Minister X", "X, a spokesman for the ministry", "X, the head of AFAD": the body X speaks for. */
export function speaksForOf(title: readonly string[], appositive: string | null, ctx: NameContext): string | null {
  const ministry = ministryOf(title, ctx.memory.country);
  if (ministry) return ministry;
  const titleText = title.join(' ');
  // "the CFDT's Laurent Berger": a person introduced by the body they lead speaks for it.
  const leader = title.length > 0 && isPossessive(title.at(-1)!) ? title.at(-1)!.replace(/['’]s?$/, '') : null;
  if (leader && !countryNamed(leader) && isCapitalised(leader)) {
    return ctx.memory.find(leader)?.name ?? entityNamed(leader, ctx.byName)?.name ?? leader;
  }
  if (/\bgovernment spokes(?:man|woman|person)\b/i.test(titleText) && ctx.memory.country)
    return `${ctx.memory.country.demonym} government`;
  const bodyInTitle = title.filter((w) => isCapitalised(w) && !TITLE_WORDS.has(bareWord(w)) && !countryOf(w));
  if (
    bodyInTitle.length > 0 &&
    /\b(?:spokes(?:man|woman|person)|chief|head|director|official|officer)\b/i.test(titleText)
  ) {
    const known = ctx.memory.find(bodyInTitle.join(' '));
    if (known) return known.speaksFor ?? known.name;
  }
  // "The Pentagon raised its estimate. Deputy press secretary Sabrina Singh said": the body just named.
  if (!appositive && /\b(?:spokes(?:man|woman|person)|press\s+secretary|press\s+officer)\b/i.test(titleText))
    return ctx.memory.latest('body')?.name ?? null;
  if (!appositive) return null;
  // "the Libyan Red Crescent's secretary-general", "the CGT's leader".
  const owner =
    /^(?:the\s+)?([\p{Lu}][\p{L}'’.&-]*(?:\s+[\p{Lu}][\p{L}'’.&-]*)*)['’]s\s+(?:[\w-]+\s+){0,3}?[\w-]+$/u.exec(
      appositive,
    );
  if (owner) return ctx.memory.find(owner[1]!)?.name ?? entityNamed(owner[1]!, ctx.byName)?.name ?? owner[1]!;
  const of =
    /\b(?:at|of|for|with|from)\s+(?:the\s+)?([\p{Lu}][\p{L}'’.&-]*(?:\s+(?:of|for|and|the|on)?\s*[\p{Lu}][\p{L}'’.&-]*)*)/u.exec(
      appositive,
    );
  const appositiveMinistry = ministryOf(appositive.split(/\s+/), ctx.memory.country);
  if (appositiveMinistry && /minist/i.test(appositive)) return appositiveMinistry;
  if (!of) return null;
  const bodyName = of[1]!.replace(/['’]s?$/, '');
  const entity = [...ctx.byName.values()].find(
    (e) => fold(e.name) === fold(bodyName) || e.aliases.some((a) => fold(a) === fold(bodyName)),
  );
  if (entity) return knownOf(entity, ctx).speaksFor ?? entity.name;
  return ctx.memory.find(bodyName)?.name ?? bodyName;
}
