import { escapeRegExp } from './regexp.js';
import type { EntityDef } from './types.js';

export interface Mention {
  start: number;
  end: number;
  text: string;
  entity: EntityDef | null;
}

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
