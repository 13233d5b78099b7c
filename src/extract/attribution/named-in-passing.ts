/**
 * Bodies and titled people a sentence names without speaking ("The Interior Ministry publishes",
 * "Hawaiian Electric shut off power", "Libya's health ministry opened a field hospital", "Interior
 * Minister Gérald Darmanin thanked police"), remembered so "the ministry", "the utility" and "he"
 * can find them later.
 */
import { COMPANY_NAME_ENDS } from './coreference.js';
import { countryOf } from './countries.js';
import type { NameContext } from './name-context.js';
import { resolvePhrase } from './names.js';
import { phraseBefore } from './speaker-phrase.js';

const capitalisedHeads = (words: Iterable<string>) => [...words].map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|');

const NAMED_BODY =
  /\b(?:[\p{Lu}][\p{L}'’.&-]*\s+(?:(?:and|of|for)\s+)?){0,5}(?:Ministry|Authority|Agency|Office|Department|Council|Committee|Commission|Institute|Centre|Center|Bureau|Directorate|Union|Federation|Confederation|Organization|Organisation|Service|Police|Army|Forces|Prefecture|Crescent|Cross|County|Utility)\b(?:\s+(?:of|for)\s+[\p{Lu}][\p{L}'’-]*(?:\s+(?:and\s+)?[\p{Lu}][\p{L}'’-]*){0,3})?(?:\s*[([][A-Z]{2,8}[)\]])?/gu;
/** "Hawaiian Electric", "Northwind Mining": a name that only its last word shows to be a company's. */
const NAMED_COMPANY = new RegExp(
  String.raw`\b(?:[\p{Lu}][\p{L}'’&-]*\s+){1,4}(?:${capitalisedHeads(COMPANY_NAME_ENDS)})\b`,
  'gu',
);
const TITLED_PERSON =
  /\b(?:President|Prime Minister|Vice President|(?:[\p{Lu}][\p{Ll}]+\s+)?Minister|Mayor|Governor|Gen\.|General|Secretary|Spokes(?:man|woman|person)|Director|Chief|Commander)\s+(?:[\p{Lu}][\p{L}'’.-]+)(?:\s+[\p{Lu}][\p{L}'’.-]+){0,2}/gu;

/** The institutions a country's description can name in lower case: "Libya's health ministry". */
const INSTITUTIONS =
  'ministry|agency|authority|service|department|office|commission|council|army|military|police|directorate|bureau|administration|utility|company|firm|operator|institute|committee';
const DESCRIBED_BODY = new RegExp(
  String.raw`(?:\b([\p{Lu}][\p{L}.-]*)['’]s|\b[Tt]he\s+([\p{Lu}][\p{L}-]+))((?:\s+[\p{Ll}][\p{Ll}-]*){0,3}?\s+(?:${INSTITUTIONS}))\b`,
  'gu',
);

export function noteNamed(ctx: NameContext): void {
  const remember = (end: number, from: number) => {
    const phrase = phraseBefore(ctx.text, end);
    if (phrase && phrase.start >= from - 4) resolvePhrase(phrase, ctx);
  };
  for (const pattern of [NAMED_BODY, TITLED_PERSON])
    for (const m of ctx.text.matchAll(pattern)) remember(m.index + m[0].length, m.index);
  // "Hawaiian Electric and Pacific Gas Energy": each company is its own name, not one joined by "and".
  for (const m of ctx.text.matchAll(NAMED_COMPANY)) {
    const alone = ' '.repeat(m.index) + ctx.text.slice(m.index);
    const phrase = phraseBefore(alone, m.index + m[0].length);
    if (phrase) resolvePhrase(phrase, ctx);
  }
  // Only a country's own description, so "the Tuesday press office" is not taken for a body.
  for (const m of ctx.text.matchAll(DESCRIBED_BODY))
    if (countryOf(m[1] ?? m[2]!)) remember(m.index + m[0].length, m.index);
}
