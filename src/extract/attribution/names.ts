/**
 * A speaker phrase to the one it names: a lexicon entity, someone the article named before, or a
 * new body or person with a clean canonical name ("Turkey's Disaster and Emergency Management
 * Authority (AFAD)" is AFAD; "Health Minister Fahrettin Koca" speaks for the Turkish Health
 * Ministry; "the mayor of Derna" is the Derna mayor). Pronouns and bare titles resolve through the
 * article's memory or name nobody.
 */
import { countryNear, describedName, isBodyWord, ministryOf } from './body-names.js';
import { countriesIn, countryNamed, countryOf, isCapital } from './countries.js';
import { entityNamed, headsOf, knownOf, mentionedEntity, newKnown, wordsOf } from './known.js';
import type { Known } from './memory.js';
import type { NameContext } from './name-context.js';
import { learnedPerson, personSplit } from './person-names.js';
import { BODY_HEADS, DESCRIPTORS, GENERIC_HEADS, OUTLET_WORDS, ROLE_HEADS } from './phrases.js';
import { bareWord, isCapitalised, isPossessive, type Phrase } from './speaker-phrase.js';

const UNNAMED_ROLES =
  /^(?:official|officials|spokes(?:man|woman|person)|officer|source|sources|representative|aide|aides|diplomat|chief|director|head)$/i;

const ROLE_ADJECTIVES = /^(?:a|an|the|senior|top|junior|high-ranking|former|deputy|chief)$/i;

/**
 * "a Pentagon spokesman", "a senior Ukrainian intelligence official": someone unnamed who speaks
 * for a body the phrase names; the body is the claimant.
 */
function bodyOfRole(words: readonly string[], ctx: NameContext): Known | null {
  if (!UNNAMED_ROLES.test(words.at(-1) ?? '')) return null;
  const body = words.slice(0, -1).filter((w) => !ROLE_ADJECTIVES.test(w));
  if (body.length === 0) return null;
  const text = body.join(' ');
  const entity =
    entityNamed(text, ctx.byName) ??
    entityNamed(
      text.replace(/^(\p{L}+)\b/u, (w) => (countryOf(w)?.name ? `${countryOf(w)!.name}'s` : w)),
      ctx.byName,
    );
  if (entity) return knownOf(entity, ctx);
  const known = ctx.memory.find(text);
  if (known) return known;
  // "health ministry officials" speak for the health ministry; "Kahramanmaras officials" stay themselves.
  if (!body.some((w) => BODY_HEADS.has(bareWord(w)))) return null;
  return learnedFrom({ start: 0, end: 0, words: body, acronym: null, appositive: null }, ctx);
}

/** Someone the phrase names with no lexicon entry for them. */
function learnedFrom(phrase: Phrase, ctx: NameContext): Known | null {
  const { memory } = ctx;
  let words = [...phrase.words];
  // "public broadcaster TRT", "the disaster agency AFAD": a description before a name.
  // "public broadcaster TRT", "Libyan news site Al Wasat": a description, then the name.
  const describes = (w: string) => DESCRIPTORS.has(w) || OUTLET_WORDS.has(w) || BODY_HEADS.has(w);
  let descriptionEnd = -1;
  for (let i = words.length - 2; i >= 0; i--) {
    if (!isCapitalised(words[i]!) && describes(words[i]!.toLowerCase()) && words.slice(i + 1).every(isCapitalised))
      descriptionEnd = i;
    if (!isCapitalised(words[i]!)) break;
  }
  const described = descriptionEnd >= 0 ? words.slice(0, descriptionEnd + 1) : [];
  const isOutletDescription = described.some((w) => OUTLET_WORDS.has(w.toLowerCase()));
  const namesAfter =
    descriptionEnd >= 0 && !described.some((w) => ROLE_HEADS.has(bareWord(w)) || /^(?:of|in|for|and)$/.test(w));
  if (namesAfter && !countryOf(words[descriptionEnd + 1]!)) words = words.slice(descriptionEnd + 1);
  // "the CGT union", "the White Helmets rescue group": a description after it.
  const trailing: string[] = [];
  const trailingDescription = (w: string) =>
    DESCRIPTORS.has(w.toLowerCase()) ||
    OUTLET_WORDS.has(w.toLowerCase()) ||
    /^(?:rescue|aid|news|trade|labour|labor|teachers'?|volunteer|humanitarian|medical|civil)$/i.test(w);
  let cut = words.length;
  while (cut > 1 && !isCapitalised(words[cut - 1]!) && trailingDescription(words[cut - 1]!)) cut--;
  // Only after a name: "the CGT union" is the CGT, "the UN refugee agency" stays whole.
  if (cut < words.length && isCapitalised(words[cut - 1]!) && !countryOf(words[cut - 1]!))
    trailing.push(...words.splice(cut));
  // "Hatay governor Rahmi Dogan's office said": the person speaks.
  if (
    words.length > 1 &&
    /^(?:office|spokes(?:man|woman|person)|aides|team|press)$/i.test(words.at(-1)!) &&
    isPossessive(words.at(-2)!)
  ) {
    words = [...words.slice(0, -2), words.at(-2)!.replace(/['’]s$/, '')];
  }
  const outlet = isOutletDescription || trailing.some((w) => OUTLET_WORDS.has(w.toLowerCase()));
  const allWords = [...described, ...words, ...trailing];
  if (phrase.acronym) {
    const full = words.filter((w, i) => !(i === 0 && countryOf(w) && isPossessive(w))).join(' ');
    return memory.learn(newKnown(phrase.acronym, outlet ? 'outlet' : 'body', allWords), [
      full,
      words.join(' '),
      phrase.words.join(' '),
    ]);
  }
  const known = memory.find(words.join(' '));
  if (known) return known;
  const byRole = bodyOfRole(words, ctx);
  if (byRole) return byRole;
  const split = words.some(isCapitalised) && !words.some(isBodyWord) ? personSplit(words) : null;
  if (split && !outlet) return learnedPerson(split.title, split.name, phrase, ctx);
  if (words.every((w) => !isCapitalised(w) || countryOf(w) || isPossessive(w))) {
    const head = bareWord(words.at(-1)!);
    const placed = words.some((w) => countryOf(w) || isPossessive(w));
    const modifiers = words
      .slice(0, -1)
      .filter((w) => !countryOf(w) && !isPossessive(w))
      .map((w) => w.toLowerCase());
    if (head === 'minister') {
      const ministry = ministryOf(words, countryNear(phrase, ctx));
      if (ministry) return memory.learn(newKnown(ministry, 'body', allWords), [words.join(' ')]);
    }
    // "the agency", "the health ministry", "the mayor": someone the article already named.
    const referred = memory.byHead(head, modifiers);
    // "Sudan cholera outbreak: 388 dead, health ministry says" is Sudan's ministry, not the last one named.
    const here = countriesIn(ctx.text)
      .filter((c) => c.at < phrase.start)
      .at(-1)?.country;
    const elsewhere =
      here &&
      referred &&
      referred.entity === null &&
      !referred.name.includes(here.demonym) &&
      !referred.name.includes(here.name);
    if (referred && (!placed || words.length <= 2) && !elsewhere) return referred;
    // "Gaziantep death toll tops 2,000, mayor says": an office bound to a place, the one the line opens with.
    const opener = /^([\p{Lu}][\p{L}-]+)\s+[\p{Ll}]/u.exec(ctx.text)?.[1];
    if (
      !placed &&
      modifiers.length === 0 &&
      /^(?:mayor|governor|prefect)$/.test(head) &&
      opener &&
      !isNotPlace(opener) &&
      /,\s*(?:the\s+)?\S+\s+(?:says|said)\W*$/i.test(ctx.text)
    )
      return memory.learn(newKnown(`${opener} ${head}`, 'body', allWords), [words.join(' ')]);
    // "officials", "a spokesman", "the agency" with no one to refer to: nobody by themselves.
    if (!placed && modifiers.length === 0 && !/^(?:government|police|army|military)$/.test(head)) return null;
    if (ROLE_HEADS.has(head) && !placed) return bodyOfRole(words, ctx);
  }
  const lone = words.length === 1 ? countryNamed(words[0]!) : undefined;
  const opening = /^(?:[\p{Lu}][\p{Lu}\s,.'’-]+[-—–]+\s*)?In\s+([\p{Lu}][\p{L}-]+),/u.exec(ctx.text);
  const name = lone ? lone.name : describedName(words, countryNear(phrase, ctx), opening?.[1] ?? null);
  if (words.length === 1 && isCapital(words[0]!)) {
    const country = countryOf(words[0]!)!;
    return memory.learn(newKnown(`${country.demonym} government`, 'body', allWords), [words[0]!]);
  }
  return memory.learn(newKnown(name, outlet ? 'outlet' : 'body', allWords), [words.join(' '), phrase.words.join(' ')]);
}

/** A line's first word that names no place: "The", "Officials", "Death", a known country or body. */
const isNotPlace = (word: string) =>
  /^(?:the|a|an|officials|death|deaths|toll|more|over|at|in|as|after|before|police|rescuers|aid)$/i.test(word) ||
  !!countryNamed(word);

/** Whom the phrase names, or null for a pronoun or title with no one to stand for. */
/** "Officials", "Police", "Local officials" starting a sentence are common nouns, not names. */
const COMMON_STARTS = new Set([
  'local',
  'regional',
  'provincial',
  'state',
  'federal',
  'national',
  'municipal',
  'city',
  'district',
  'senior',
  'top',
  'eastern',
  'western',
  'northern',
  'southern',
  'central',
  'government',
  'rescue',
  'health',
  'emergency',
  'military',
  'security',
  'hospital',
  'aid',
  'police',
  'union',
  'opposition',
  // "Both governments", "Several officials": how many, not who.
  'both',
  'each',
  'several',
  'many',
  'some',
]);

const DOCUMENT_ADJECTIVES =
  /^(?:internal|preliminary|official|latest|new|updated|provisional|confidential|leaked|separate|recent|final|revised)$/i;

function lowerCommonStart(found: Phrase): Phrase {
  // "Internal WHO data": the adjective describes the data, not the body.
  const phrase =
    found.words.length > 1 && DOCUMENT_ADJECTIVES.test(found.words[0]!)
      ? { ...found, words: found.words.slice(1) }
      : found;
  const first = phrase.words[0]!;
  const lower = first.toLowerCase();
  if (
    first === lower ||
    !(BODY_HEADS.has(lower) || ROLE_HEADS.has(lower) || GENERIC_HEADS.has(lower) || COMMON_STARTS.has(lower))
  )
    return phrase;
  return { ...phrase, words: [lower, ...phrase.words.slice(1)] };
}

export function resolvePhrase(found: Phrase, ctx: NameContext): Known | null {
  const { memory } = ctx;
  // Only a sentence's first word is capitalised for no reason of its own: "Officials said".
  const initial =
    found.start >= 0 &&
    /^(?:[\p{Lu}][\p{Lu}\s,.'’-]+(?:\([^)]*\))?\s*[-—–]+)?[\s"“'‘(—–-]*$/u.test(ctx.text.slice(0, found.start));
  const phrase = initial ? lowerCommonStart(found) : found;
  // "both governments", "several officials": how many spoke, not who.
  if (/^(?:both|each|several|many|some|all)$/i.test(phrase.words[0]!)) return null;
  const only = phrase.words.length === 1 ? phrase.words[0]!.toLowerCase() : null;
  if (only === 'he' || only === 'she') return memory.latest('person') ?? null;
  if (only === 'it' || only === 'they' || only === 'we') return memory.latest('body') ?? null;
  if (phrase.words.length === 2 && phrase.words[0]!.toLowerCase() === 'its') return memory.latestBody() ?? null;
  const entity = mentionedEntity(phrase, ctx);
  if (entity) {
    const known = knownOf(entity, ctx);
    memory.touch(known);
    return known;
  }
  const appositiveName = phrase.appositive?.split(/\s+/) ?? [];
  const isName = appositiveName.length > 0 && appositiveName.length <= 4 && appositiveName.every(isCapitalised);
  // "The mayor of Derna, Abdulmenam al-Ghaithi, said": the office, then the person.
  if (isName && phrase.words.some((w) => ROLE_HEADS.has(bareWord(w))) && !phrase.words.some(isBodyWord)) {
    return learnedPerson(phrase.words, appositiveName, { ...phrase, appositive: null }, ctx);
  }
  // "The UN migration agency, IOM, says": the body, then its name.
  if (isName && phrase.words.some((w) => BODY_HEADS.has(bareWord(w)))) {
    const named = resolvePhrase({ ...phrase, start: -1, words: appositiveName, acronym: null, appositive: null }, ctx);
    if (named)
      memory.learn({ ...named, heads: headsOf(phrase.words, named.kind), words: wordsOf(phrase.words) }, [
        phrase.words.join(' '),
      ]);
    return named;
  }
  const known = learnedFrom(phrase, ctx);
  if (known) memory.touch(known);
  return known;
}
