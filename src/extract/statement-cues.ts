/**
 * What makes a sentence with no figure a statement about the story: a body denying, rejecting or
 * dismissing a claim, or saying it could not verify one. These words are the story's own in any
 * story, so nothing here depends on a configured topic. Ordinary negatives ("did not say when",
 * "no one was hurt", "declined to comment") name no claim and stay out.
 */
import { anyOf } from './regexp.js';
import { CONFIRMED_CUE } from './status.js';
import type { Status } from './types.js';

// "did not deny", "declined to deny", "neither confirmed nor denied" deny nothing.
const NOT_BEFORE = String.raw`(?<!\b(?:not|never|nor|neither|n't|refused to|declined to|would not|did not|to)\s)`;

// "was denied entry", "denied bail": a refusal, not a denial of a claim.
const REFUSAL_AFTER = String.raw`(?!\s+(?:\w+\s+)?(?:entry|access|bail|permission|visas?|passage|parole|a\s+visa|the\s+request|requests?)\b)`;
const DENY = new RegExp(
  String.raw`${NOT_BEFORE}(?<!\b(?:was|were|been|being|be|is|are)\s)\b(?:den(?:y|ies|ied|ying)|denials?)\b${REFUSAL_AFTER}`,
  'i',
);

/** What a rejection rejects when it is a claim: "rejected claims", "dismissed the reports", "disputed the figures". */
const CLAIM_NOUNS = anyOf([
  'claims?|reports?|reporting|allegations?|accusations?|suggestions?|rumou?rs?|assertions?|speculation',
  'accounts?|stor(?:y|ies)|posts?|videos?|footage|figures?|estimates?|numbers?|counts?|tolls?|tally',
  'the idea|the notion|charges?|blame|responsibility|criticism',
]);
const REJECT_VERB = anyOf([
  'dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:e|ed|es|ing)|rebuff(?:ed|s)?|disput(?:e|ed|es|ing)',
  'push(?:ed|es)? back (?:on|against)|brush(?:ed|es)? (?:aside|off)|waved? (?:away|off)|contest(?:ed|s)?',
]);
// The claim comes within a few words of the verb: "rejected suggestions by opposition politicians that ...".
const REJECTS_CLAIM = new RegExp(
  String.raw`${NOT_BEFORE}\b${REJECT_VERB}\s+(?:[\p{L}'’-]+\s+){0,5}?(?:${CLAIM_NOUNS})\b`,
  'iu',
);
// "dismissed them as fabrications", "rejected it as a smear": the "as" names the claim false.
const REJECTS_AS = new RegExp(String.raw`${NOT_BEFORE}\b${REJECT_VERB}\s+(?:[\p{L}'’-]+\s+){0,6}?as\b`, 'iu');
// "disputed that the toll was so high", "refuted the report": the object is a claim by itself.
const REJECTS_THAT = new RegExp(String.raw`${NOT_BEFORE}\b(?:disput(?:e|ed|es)|refut(?:e|ed|es))\s+that\b`, 'i');

// "said it had never issued that figure": the body disowns what was put in its name.
const DISOWNS =
  /\bnever (?:issued|gave|made|published|released|said|reported|announced)\s+(?:that|this|the|such an?|any such)\s+(?:figure|number|toll|count|estimate|claim|statement|report)s?\b/i;

/** A claim named false or baseless in so many words. */
const CALLED_FALSE = new RegExp(
  anyOf([
    String.raw`\bfake news\b|\b(?:baseless|groundless|unfounded|untrue|fabricat(?:ed|ions?))\b|\bnot true\b`,
    String.raw`\bno basis\b|\bconspiracy theor(?:y|ies)\b|\bsmear(?: campaign)?\b`,
    String.raw`\bfalse (?:claims?|reports?|allegations?|information|rumou?rs?|narratives?)\b`,
    String.raw`\b(?:is|was|are|were) (?:false|a lie|lies)\b|\b(?:outright|pure|spreading) lies\b`,
  ]),
  'i',
);

const VERIFY = '(?:verify|confirm|corroborate)';
/** A body saying it cannot stand behind a claim. */
const DOUBT = new RegExp(
  anyOf([
    String.raw`\bno (?:evidence|proof|confirmation|indication)\b`,
    String.raw`\bno sign (?:yet )?(?:that|of)\b`,
    String.raw`\b(?:could|can|did|has|have|had|was|were)(?: not|n?['’]t)(?: yet)?(?: been able to)?(?: independently)? ${VERIFY}\b`,
    String.raw`\b(?:cannot|unable to|no way to|impossible to)(?: independently)? ${VERIFY}\b`,
    String.raw`\b(?:not|nobody has|no one has|none has)(?: yet)? been able to (?:independently )?${VERIFY}\b`,
    String.raw`\b(?:could|can)(?: not|n't) be (?:independently )?(?:verified|confirmed)\b|\bunverified\b|\bunconfirmed\b`,
  ]),
  'i',
);

const DENIALS = [DENY, REJECTS_CLAIM, REJECTS_AS, REJECTS_THAT, DISOWNS, CALLED_FALSE];

/** Where the first of the patterns matches, or -1. */
function firstAt(text: string, patterns: readonly RegExp[]): number {
  const found = patterns.map((p) => p.exec(text)?.index ?? -1).filter((i) => i >= 0);
  return found.length > 0 ? Math.min(...found) : -1;
}

export const deniesAClaim = (text: string): boolean => firstAt(text, DENIALS) >= 0;

export const doubtsAClaim = (text: string): boolean => DOUBT.test(text);

/**
 * The status of a sentence with no figure when it denies or doubts a claim, and where it says so; else null. A denial
 * outweighs a doubt beside it ("has not confirmed the deployment, and ... dismissed the reports").
 * A confirmation that comes first ("NATO confirmed the deployment, which the Kremlin had denied")
 * is left to the confirmation rule.
 */
export function statementStatus(text: string): { status: Extract<Status, 'denied' | 'unverified'>; at: number } | null {
  const denial = firstAt(text, DENIALS);
  const doubt = firstAt(text, [DOUBT]);
  if (denial < 0 && doubt < 0) return null;
  const confirmation = CONFIRMED_CUE.exec(text)?.index ?? -1;
  const first = Math.min(...[denial, doubt].filter((i) => i >= 0));
  if (confirmation >= 0 && confirmation < first) return null;
  return denial >= 0 ? { status: 'denied', at: denial } : { status: 'unverified', at: doubt };
}
