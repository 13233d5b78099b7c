/** Lexicon entities as the article's memory holds them, found by any of their names. */
import type { EntityDef } from '../types.js';
import { COMPANY_NAME_ENDS } from './coreference.js';
import { fold, type Known, type SpeakerKind } from './memory.js';
import type { NameContext } from './name-context.js';
import { BODY_HEADS, OUTLET_WORDS, ROLE_HEADS } from './phrases.js';
import { bareWord } from './speaker-phrase.js';

/** The body a person with this lexicon entry speaks for on `date` ("for" may name roles with dates). */
export function roleOn(entity: EntityDef, date: string | null): string | null {
  const role = entity.for as unknown;
  if (typeof role === 'string') return role;
  if (!Array.isArray(role)) return null;
  const roles = role as Array<{ body: string; from?: string; to?: string }>;
  const day = date ?? '9999-12-31';
  return roles.find((r) => (!r.from || r.from <= day) && (!r.to || day <= r.to))?.body ?? null;
}

export function headsOf(names: readonly string[], kind: SpeakerKind): Set<string> {
  const heads = new Set<string>();
  for (const name of names)
    for (const word of name.split(/\s+/)) {
      const w = bareWord(word);
      if (BODY_HEADS.has(w) || ROLE_HEADS.has(w) || OUTLET_WORDS.has(w)) heads.add(w);
    }
  // "Hawaiian Electric" is a company by the word its name ends with.
  if (
    kind === 'body' &&
    names.some(
      (n) => /^[\p{Lu}]/u.test(n.split(/\s+/).at(-1) ?? '') && COMPANY_NAME_ENDS.has(bareWord(n.split(/\s+/).at(-1)!)),
    )
  )
    heads.add('company');
  if (kind === 'person') heads.add('person');
  // A body known only by its name ("AFAD", "the CGT") may be called the agency, the group or the union later.
  if (kind === 'body' && heads.size === 0) for (const head of ['agency', 'group', 'union']) heads.add(head);
  return heads;
}

export const wordsOf = (names: readonly string[]) =>
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

export function newKnown(
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
export function mentionedEntity(phrase: { start: number; end: number }, ctx: NameContext): EntityDef | null {
  // The mention may start before the phrase ("the Kremlin") but must end where it does.
  const mention = ctx.mentions.find((m) => m.entity && Math.abs(m.end - phrase.end) <= 1 && m.end > phrase.start);
  return mention?.entity ?? null;
}

export const aliasIndexes = new WeakMap<ReadonlyMap<string, EntityDef>, Map<string, EntityDef>>();

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
