import Fuse from 'fuse.js';
import type { EntityDef, EntityKind } from '../extract/index.js';

export interface NamedSource {
  name: string;
  kind: EntityKind | 'unknown';
}

interface AliasEntry {
  alias: string;
  source: NamedSource;
}

/**
 * Who can be asked about: the lexicon's claimants and outlets plus any name the claims use.
 * Exact look-ups by alias; fuse.js for typos over this small set ("zelensky", "yonhop").
 */
export class SourceNames {
  private readonly byAlias = new Map<string, NamedSource>();
  private readonly entries: AliasEntry[] = [];
  private fuse: Fuse<AliasEntry> | null = null;
  /** The lexicon's spellings, read before anything else at boot: no later alias displaces them. */
  private readonly fromLexicon = new Set<string>();

  constructor(entities: readonly EntityDef[]) {
    for (const entity of entities) {
      const source = { name: entity.name, kind: entity.kind };
      for (const alias of new Set([entity.name, ...entity.aliases])) {
        this.addAlias(alias, source);
        this.fromLexicon.add(alias.toLowerCase());
      }
    }
  }

  /** The canonical name of an outlet or claimant as written, or the text itself if unknown. */
  canonical(raw: string): string {
    return this.byAlias.get(raw.trim().toLowerCase())?.name ?? raw.trim();
  }

  /** Makes a name seen in claims (an outlet not in the lexicon) findable. */
  remember(name: string): void {
    if (!this.byAlias.has(name.toLowerCase())) this.addAlias(name, { name, kind: 'unknown' });
  }

  /** A spelling the extractor learned for a name: "/source Disaster and Emergency Management Authority" finds AFAD. */
  learnAlias(alias: string, name: string): void {
    this.addAlias(alias, this.byAlias.get(name.toLowerCase()) ?? { name, kind: 'unknown' });
  }

  /**
   * A moderator's merge or split changed what an alias stands for: `name`, or nothing. Boot
   * reads the store's aliases before the claims' names, so the alias wins over a name seen in claims.
   */
  refileAlias(alias: string, name: string | undefined): void {
    const key = alias.toLowerCase();
    if (this.fromLexicon.has(key)) return;
    this.drop(key);
    if (name !== undefined) this.learnAlias(alias, name);
  }

  /** A name no claim uses any more is no longer offered, unless the lexicon knows it or it is another's alias. */
  forgetName(name: string): boolean {
    const key = name.toLowerCase();
    if (this.fromLexicon.has(key) || this.byAlias.get(key)?.name !== name) return false;
    this.drop(key);
    return true;
  }

  exact(query: string): NamedSource | undefined {
    return this.byAlias.get(query.trim().toLowerCase());
  }

  /**
   * Best matches first, one entry per canonical name: the exact alias, then aliases with a word
   * starting with what was typed (autocomplete sees "yon" long before "yonhap"), then typos.
   */
  search(query: string, limit: number): NamedSource[] {
    const text = query.trim();
    const exact = this.exact(text);
    const prefixed = this.withWordPrefix(text.toLowerCase());
    this.fuse ??= new Fuse(this.entries, { keys: ['alias'], threshold: 0.4, ignoreLocation: true });
    const found = this.fuse.search(text, { limit: limit * 4 }).map((r) => r.item.source);
    const seen = new Set<string>();
    const out: NamedSource[] = [];
    for (const source of [...(exact ? [exact] : []), ...prefixed, ...found]) {
      if (seen.has(source.name)) continue;
      seen.add(source.name);
      out.push(source);
      if (out.length === limit) break;
    }
    return out;
  }

  private withWordPrefix(prefix: string): NamedSource[] {
    if (!prefix) return [];
    return this.entries
      .filter((e) =>
        e.alias
          .toLowerCase()
          .split(/[\s'’-]+/)
          .some((word) => word.startsWith(prefix)),
      )
      .sort(
        (a, b) =>
          Number(!a.alias.toLowerCase().startsWith(prefix)) - Number(!b.alias.toLowerCase().startsWith(prefix)) ||
          a.alias.length - b.alias.length,
      )
      .map((e) => e.source);
  }

  all(): NamedSource[] {
    return [...new Map(this.entries.map((e) => [e.source.name, e.source])).values()];
  }

  private drop(key: string): void {
    if (!this.byAlias.delete(key)) return;
    const at = this.entries.findIndex((e) => e.alias.toLowerCase() === key);
    if (at >= 0) this.entries.splice(at, 1);
    this.fuse = null;
  }

  private addAlias(alias: string, source: NamedSource): void {
    const key = alias.toLowerCase();
    if (this.byAlias.has(key)) return;
    this.byAlias.set(key, source);
    this.entries.push({ alias, source });
    this.fuse = null;
  }
}
