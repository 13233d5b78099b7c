/**
 * A speaker phrase to the one it names: a lexicon entity, someone the article named before, or a
 * new body or person with a clean canonical name ("Turkey's Disaster and Emergency Management
 * Authority (AFAD)" is AFAD; "Health Minister Fahrettin Koca" speaks for the Turkish Health
 * Ministry; "the mayor of Derna" is the Derna mayor). Pronouns and bare titles resolve through the
 * article's memory or name nobody.
 */
import type { Mention } from '../entities.js';
import type { EntityDef } from '../types.js';
import { type Country, countriesIn, countryNamed, countryOf, isCapital } from './countries.js';
import { type ArticleMemory, fold, type Known, type SpeakerKind } from './memory.js';
import { BODY_HEADS, DESCRIPTORS, GENERIC_HEADS, OUTLET_WORDS, ROLE_HEADS, TITLE_WORDS } from './phrases.js';
import { bareWord, isCapitalised, isPossessive, type Phrase } from './speaker-phrase.js';

export interface NameContext {
  /** The sentence. */
  text: string;
  mentions: readonly Mention[];
  memory: ArticleMemory;
  byName: ReadonlyMap<string, EntityDef>;
  /** The article's date, for a spokesperson's role at the time. */
  date: string | null;
}

const titleCase = (w: string) => (w === w.toLowerCase() ? w[0]!.toUpperCase() + w.slice(1) : w);
/** Words that make a capitalised phrase a body rather than a person: "Ministry", "Authority". */
const isBodyWord = (w: string) => BODY_HEADS.has(bareWord(w)) || DESCRIPTORS.has(bareWord(w));
const PERSON_OFFICES = /\b(?:president|prime minister|premier|chancellor|mayor|governor|king|queen|emir|pope)\b/i;
const LAWMAKER_TITLES =
  /\b(?:lawmakers?|legislators?|mps?|rep\.|sen\.|senators?|congress(?:wo)?man|parliamentarians?|assembly members?)\b/i;

/** The body a person with this lexicon entry speaks for on `date` ("for" may name roles with dates). */
function roleOn(entity: EntityDef, date: string | null): string | null {
  const role = entity.for as unknown;
  if (typeof role === 'string') return role;
  if (!Array.isArray(role)) return null;
  const roles = role as Array<{ body: string; from?: string; to?: string }>;
  const day = date ?? '9999-12-31';
  return roles.find((r) => (!r.from || r.from <= day) && (!r.to || day <= r.to))?.body ?? null;
}

function headsOf(names: readonly string[], kind: SpeakerKind): Set<string> {
  const heads = new Set<string>();
  for (const name of names)
    for (const word of name.split(/\s+/)) {
      const w = bareWord(word);
      if (BODY_HEADS.has(w) || ROLE_HEADS.has(w) || OUTLET_WORDS.has(w)) heads.add(w);
    }
  if (kind === 'person') heads.add('person');
  // A body known only by its name ("AFAD", "the CGT") may be called the agency, the group or the union later.
  if (kind === 'body' && heads.size === 0) for (const head of ['agency', 'group', 'union']) heads.add(head);
  return heads;
}

const wordsOf = (names: readonly string[]) =>
  new Set(
    names
      .flatMap((n) =>
        n
          .toLowerCase()
          .replace(/['’]s\b/g, '')
          .split(/[^\p{L}-]+/u),
      )
      .filter(Boolean),
  );

/** A lexicon entity as the memory holds it. */
export function knownOf(entity: EntityDef, ctx: Pick<NameContext, 'memory' | 'byName' | 'date'>): Known {
  const existing = ctx.memory.find(entity.name);
  if (existing?.entity === entity) return existing;
  // "Ukrainian media" as a whole is a source; a named outlet relays.
  const collective = /\b(?:media|outlets|press)\b/i.test(entity.name);
  const kind: SpeakerKind =
    entity.kind === 'person' ? 'person' : entity.kind === 'outlet' && !collective ? 'outlet' : 'body';
  const names = [entity.name, ...entity.aliases];
  const heads = headsOf(names, kind);
  // A government is not "the agency", even when one of its aliases is a news agency's name.
  if (entity.kind === 'government') heads.delete('agency');
  const body = roleOn(entity, ctx.date);
  return ctx.memory.learn(
    {
      name: entity.name,
      kind,
      relay: entity.role === 'lawmaker',
      speaksFor: body && ctx.byName.has(body) ? body : null,
      heads,
      words: wordsOf(names),
      entity,
    },
    entity.aliases,
  );
}

function newKnown(
  name: string,
  kind: SpeakerKind,
  described: readonly string[],
  speaksFor: string | null = null,
  relay = false,
): Known {
  return {
    name,
    kind,
    relay,
    speaksFor,
    heads: headsOf([name, ...described], kind),
    words: wordsOf([name, ...described]),
    entity: null,
  };
}

/** The lexicon entity a phrase's head names: a mention that ends the phrase. */
function mentionedEntity(phrase: { start: number; end: number }, ctx: NameContext): EntityDef | null {
  // The mention may start before the phrase ("the Kremlin") but must end where it does.
  const mention = ctx.mentions.find((m) => m.entity && Math.abs(m.end - phrase.end) <= 1 && m.end > phrase.start);
  return mention?.entity ?? null;
}

/** "Turkey's", "Turkish", "the country's": the country a phrase names, else the article's. */
function countryIn(words: readonly string[], fallback: Country | null): Country | null {
  for (const w of words) {
    const country = countryOf(w);
    if (country) return country;
  }
  return fallback;
}

/** The country a phrase's sentence places it in ("In Syria, the health ministry said"), else the article's. */
function countryNear(phrase: { start: number }, ctx: NameContext): Country | null {
  const before = countriesIn(ctx.text).filter((c) => c.at < phrase.start);
  return before.at(-1)?.country ?? ctx.memory.country;
}

const REGIONAL =
  /^(?:eastern|western|northern|southern|central|north-?eastern|north-?western|south-?eastern|south-?western|[a-z]+-based)$/i;
const MINISTRY_FIELDS =
  /^(?:health|interior|home|defen[cs]e|foreign|justice|finance|education|environment|economy|labou?r|agriculture|energy|transport|culture|information|emergency|emergencies)$/i;

/** "Turkish Health Ministry" for "health minister", "Health Minister", "minister of health". */
function ministryOf(title: readonly string[], fallback: Country | null): string | null {
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

/** The part of a phrase that is a person's name: the capitalised words after the last title word. */
function personSplit(words: readonly string[]): { title: string[]; name: string[] } | null {
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

/** A descriptive body's canonical name: "Turkish emergency services", "Kahramanmaras officials", "Syrian Health Ministry". */
function describedName(words: readonly string[], country: Country | null, place: string | null = null): string {
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

const aliasIndexes = new WeakMap<ReadonlyMap<string, EntityDef>, Map<string, EntityDef>>();

/** A lexicon entity by any of its names, folded: "the NIS", "South Korea’s spy agency". */
export function entityNamed(name: string, byName: ReadonlyMap<string, EntityDef>): EntityDef | undefined {
  let index = aliasIndexes.get(byName);
  if (!index) {
    index = new Map();
    for (const entity of byName.values())
      for (const alias of [entity.name, ...entity.aliases]) if (!index.has(fold(alias))) index.set(fold(alias), entity);
    aliasIndexes.set(byName, index);
  }
  return index.get(fold(name));
}

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

function learnedPerson(title: readonly string[], name: readonly string[], phrase: Phrase, ctx: NameContext): Known {
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
function speaksForOf(title: readonly string[], appositive: string | null, ctx: NameContext): string | null {
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
