import { escapeRegExp } from './regexp.js';
import type { EntityDef } from './types.js';

export interface Mention {
  start: number;
  end: number;
  text: string;
  /** The entity named, or for a back-reference the entity it was resolved to. */
  entity: EntityDef | null;
  /** A back-reference ("the agency", "he") that needs the article's memory. */
  refersTo?: BackReference;
}

export type BackReference = 'agency' | 'ministry' | 'person' | 'chief' | 'outlet' | 'organisation';

const BACK_REFERENCES: Array<[RegExp, BackReference]> = [
  [
    /\bthe (?:spy|intelligence|national) agency\b|\bthe agency\b|\bthe (?:spy |intelligence )?service\b|\bthe alliance\b/gi,
    'agency',
  ],
  [/\bthe (?:defen[cs]e |foreign )?ministry\b/gi, 'ministry'],
  [/\bthe (?:intelligence|spy|agency's|agency) (?:chief|director|head)\b|\bthe (?:director|chief)\b/gi, 'chief'],
  [
    /\b(?:he|she)\b(?!\s+(?:is|was)\s+(?:a|the)\b)|\bthe (?:president|official|spokesman|spokeswoman|spokesperson|minister|lawmaker|legislator|leader|general|commander|secretary-general)\b/gi,
    'person',
  ],
  [/\bthe (?:news agency|newspaper|paper|broadcaster|outlet|daily|wire service)\b/gi, 'outlet'],
  [
    /\b[Ii]t\b(?=\s+(?:\w+\s+)?(?:said|says|added|told|believes|expects|estimated|estimates|assessed|put|puts|cited|reported|noted)\b)/g,
    'organisation',
  ],
];

// Apostrophes match straight or curly: "South Korea’s spy agency".
const aliasPattern = (alias: string) => escapeRegExp(alias).replace(/'/g, "['’]");

export interface EntityMatcher {
  byName: Map<string, EntityDef>;
  find(text: string): Mention[];
}

/** Aliases that are acronyms or single names match case-sensitively; phrases match in any case. */
export function entityMatcher(entities: EntityDef[]): EntityMatcher {
  const byAlias = new Map<string, EntityDef>();
  const exact: string[] = [];
  const folded: string[] = [];
  for (const entity of entities) {
    for (const alias of new Set([entity.name, ...entity.aliases])) {
      const caseSensitive = !alias.includes(' ') || alias === alias.toUpperCase();
      byAlias.set(caseSensitive ? alias : alias.toLowerCase(), entity);
      (caseSensitive ? exact : folded).push(alias);
    }
  }
  const pattern = (aliases: string[], flags: string) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${aliases
        .sort((a, b) => b.length - a.length)
        .map(aliasPattern)
        .join('|')})(?![\\p{L}\\p{N}])`,
      flags,
    );
  const exactRe = pattern(exact, 'gu');
  const foldedRe = pattern(folded, 'giu');
  const byName = new Map(entities.map((e) => [e.name, e]));

  return {
    byName,
    find(text) {
      const found: Mention[] = [];
      for (const m of text.matchAll(foldedRe))
        found.push({
          start: m.index,
          end: m.index + m[0].length,
          text: m[0],
          entity: byAlias.get(m[0].toLowerCase().replace(/’/g, "'")) ?? null,
        });
      for (const m of text.matchAll(exactRe))
        found.push({
          start: m.index,
          end: m.index + m[0].length,
          text: m[0],
          entity: byAlias.get(m[0].replace(/’/g, "'")) ?? null,
        });
      for (const [re, refersTo] of BACK_REFERENCES) {
        for (const m of text.matchAll(re))
          found.push({ start: m.index, end: m.index + m[0].length, text: m[0], entity: null, refersTo });
      }
      // Longest mention wins where two overlap ("South Korea's spy agency" over "South Korea").
      found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
      const kept: Mention[] = [];
      for (const mention of found) {
        const last = kept[kept.length - 1];
        if (last && mention.start < last.end) continue;
        kept.push(mention);
      }
      return kept;
    },
  };
}

/** What the article has named so far, for back-references; speakers are preferred over mere mentions. */
export class ArticleMemory {
  private named = new Map<string, EntityDef>();
  private speakers = new Map<string, EntityDef>();
  private people = new Map<string, EntityDef>();

  constructor(private readonly byName: Map<string, EntityDef>) {}

  remember(entity: EntityDef, speaking: boolean): void {
    if (entity.kind === 'person') this.rememberPerson(entity);
    const slots = [entity.kind as string];
    if (entity.kind !== 'person') slots.push('organisation');
    if (/ministry/i.test(entity.name)) slots.push('ministry');
    if (entity.kind === 'agency' || (entity.kind === 'person' && entity.for)) slots.push('chief');
    for (const slot of slots) {
      this.named.set(slot, entity);
      if (speaking) this.speakers.set(slot, entity);
    }
  }

  resolve(ref: BackReference): EntityDef | null {
    const slot = (name: string) => this.speakers.get(name) ?? this.named.get(name);
    if (ref === 'ministry') return slot('ministry') ?? slot('government') ?? null;
    return slot(ref) ?? null;
  }

  /** A person named in full earlier, referred to by one of their names later ("Park said"). */
  byToken(name: string): EntityDef | null {
    return this.people.get(name) ?? null;
  }

  /** Remembers a speaker the lexicon does not know, so a later surname finds the full name. */
  rememberName(name: string): string {
    const known = this.byToken(name);
    if (known) return known.name;
    const entity: EntityDef = { name, kind: 'person', aliases: [] };
    this.rememberPerson(entity);
    return name;
  }

  private rememberPerson(entity: EntityDef): void {
    this.people.set(entity.name, entity);
    for (const token of entity.name.split(/\s+/))
      if (/^[A-Z]/.test(token) && token.length > 2) this.people.set(token, entity);
  }

  /** Who a mention credits: a person speaking for an organisation credits the organisation. */
  credit(entity: EntityDef): string {
    return entity.for && this.byName.has(entity.for) ? entity.for : entity.name;
  }
}
