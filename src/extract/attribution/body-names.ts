/**
 * A body's clean canonical name from the words that describe it: the country it belongs to
 * ("Turkey's emergency services" is "Turkish emergency services"), a ministry by its field, a place
 * before its office ("the mayor of Derna" is the Derna mayor).
 */
import { COMPANY_NAME_ENDS } from './coreference.js';
import { type Country, countriesIn, countryNamed, countryOf } from './countries.js';
import type { NameContext } from './name-context.js';
import { BODY_HEADS, DESCRIPTORS } from './phrases.js';
import { bareWord, isCapitalised, isPossessive } from './speaker-phrase.js';

export const titleCase = (w: string) => (w === w.toLowerCase() ? w[0]!.toUpperCase() + w.slice(1) : w);

/** Words that make a capitalised phrase a body rather than a person: "Ministry", "Authority". */
export const isBodyWord = (w: string) =>
  BODY_HEADS.has(bareWord(w)) ||
  DESCRIPTORS.has(bareWord(w)) ||
  (isCapitalised(w) && COMPANY_NAME_ENDS.has(bareWord(w)));

/** "Turkey's", "Turkish", "the country's": the country a phrase names, else the article's. */
export function countryIn(words: readonly string[], fallback: Country | null): Country | null {
  for (const w of words) {
    const country = countryOf(w);
    if (country) return country;
  }
  return fallback;
}

/** The country a phrase's sentence places it in ("In Syria, the health ministry said"), else the article's. */
export function countryNear(phrase: { start: number }, ctx: NameContext): Country | null {
  const before = countriesIn(ctx.text).filter((c) => c.at < phrase.start);
  return before.at(-1)?.country ?? ctx.memory.country;
}

export const REGIONAL =
  /^(?:eastern|western|northern|southern|central|north-?eastern|north-?western|south-?eastern|south-?western|[a-z]+-based)$/i;

export const MINISTRY_FIELDS =
  /^(?:health|interior|home|defen[cs]e|foreign|justice|finance|education|environment|economy|labou?r|agriculture|energy|transport|culture|information|emergency|emergencies)$/i;

/** "Turkish Health Ministry" for "health minister", "Health Minister", "minister of health". */
export function ministryOf(title: readonly string[], fallback: Country | null): string | null {
  const lower = title.map(bareWord);
  const at = lower.findIndex((w) => w === 'minister' || w === 'ministry');
  if (at < 0) return null;
  const field =
    lower[at + 1] === 'of' && title[at + 2]
      ? [title[at + 2]!]
      : title.slice(0, at).filter((w) => MINISTRY_FIELDS.test(w));
  if (field.length === 0) return null;
  const country = countryIn(title, fallback);
  // "the eastern health minister": Libya's eastern government has ministries of its own.
  const region = title.slice(0, at).find((w) => REGIONAL.test(w));
  return [region && titleCase(region.toLowerCase()), country?.demonym, ...field.map(titleCase), 'Ministry']
    .filter(Boolean)
    .join(' ');
}

/** A descriptive body's canonical name: "Turkish emergency services", "Kahramanmaras officials", "Syrian Health Ministry". */
export function describedName(words: readonly string[], country: Country | null, place: string | null = null): string {
  const lower = words.map((w) => w.toLowerCase());
  // "the ministry of health" is the Health Ministry.
  if (lower.length === 3 && lower[1] === 'of' && /^(?:ministry|department)$/.test(lower[0]!)) {
    return describedName([words[2]!, words[0]!], country);
  }
  const at = lower.findIndex((w) => w === 'of' || w === 'in');
  // "officials in Kahramanmaras", "the mayor of Derna": the place goes first.
  if (
    at > 0 &&
    words.slice(at + 1).every((w) => isCapitalised(w) || w === 'the') &&
    !words.slice(0, at).some(isCapitalised)
  ) {
    const place = words.slice(at + 1).filter((w) => w !== 'the');
    // A ministry or government "in" a capital is the country's; police "in Paris" are the city's.
    const national = /\b(?:ministry|government|administration|parliament|presidency)\b/i.test(
      words.slice(0, at).join(' '),
    );
    const placeCountry = place.length === 1 ? (national ? countryOf(place[0]!) : countryNamed(place[0]!)) : undefined;
    // "the health ministry in Damascus" is Syria's.
    if (placeCountry) return describedName(words.slice(0, at), placeCountry);
    if (place.length > 0 && !place.some(isBodyWord)) return [...place, ...words.slice(0, at)].join(' ');
  }
  let placed = false;
  const out = words.flatMap((w, i) => {
    const named = countryNamed(w);
    const descriptive = words.slice(i + 1).every((x) => !isCapitalised(x) || /^(?:Ministry|Authority)$/.test(x));
    if (named && (isPossessive(w) || i === 0) && descriptive) {
      placed = true;
      return [named.demonym];
    }
    // "In Bayda, west of Derna, the city's medical centre said": the place the sentence opened with.
    if (/^(?:city|town|province|region|district|village)['’]s$/i.test(w) && place) return [place];
    // "the government's health ministry", "the country's intelligence agency".
    if (/^(?:government|country|state|nation)['’]s$/i.test(w)) {
      placed = country !== null;
      return country ? [country.demonym] : [];
    }
    // "Ukraine's Special Operations Forces" keeps its possessive; "the city's medical centre" loses it.
    return [isPossessive(w) && descriptive ? w.replace(/['’]s$/, '') : w];
  });
  const head = bareWord(out.at(-1) ?? '');
  // A ministry or authority named by its field reads as a name: "Health Ministry".
  const named = /^(?:ministry|authority)$/.test(head)
    ? out.map((w) => (countryNamed(w) || /^(?:and|of|for|the|on)$/.test(w) ? w : titleCase(w)))
    : out;
  // A body the article only names by its role gets the country: "Libyan police", "eastern Libyan government".
  if (
    !placed &&
    country &&
    !words.some(isCapitalised) &&
    /^(?:government|police|army|military|authorities|ministry)$/.test(head)
  ) {
    const regional = named.findIndex((w) => !REGIONAL.test(w));
    return [...named.slice(0, regional), country.demonym, ...named.slice(regional)].join(' ');
  }
  return named.join(' ');
}
