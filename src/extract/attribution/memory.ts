/**
 * What an article has named so far: the lexicon's entities it mentioned and the bodies and
 * people it introduced itself, so "the agency", "he", "Sezer" and "AFAD" later find who they mean.
 */
import type { EntityDef } from '../types.js';
import { headsOfKind, nearestFitting } from './coreference.js';
import type { Country } from './countries.js';

export type SpeakerKind = 'body' | 'person' | 'outlet';

/** Someone the article names, from the lexicon or learned from the text. */
export interface Known {
  name: string;
  kind: SpeakerKind;
  /** A lawmaker relays what an agency briefed rather than speaking for it. */
  relay: boolean;
  /** The body a person speaks for: claims are filed under it. */
  speaksFor: string | null;
  /** The nouns that can stand for it later: "agency", "ministry", "mayor", "group". */
  heads: Set<string>;
  /** Lower-case words of its description, to tell "the health ministry" from "the interior ministry". */
  words: Set<string>;
  entity: EntityDef | null;
}

export const fold = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

export class ArticleMemory {
  private readonly byAlias = new Map<string, Known>();
  private readonly recent: Known[] = [];
  /** The sentence each was last named in, to tell a clear antecedent from two named side by side. */
  private readonly seenIn = new Map<Known, number>();
  private sentence = 0;
  /** The other spellings of each name the article introduced itself, for the store to keep. */
  private readonly spellings = new Map<Known, Set<string>>();
  /** The article's most named country, for "the interior minister" with no country of its own. */
  country: Country | null = null;
  /** Whose report the article last cited, for "the report added". */
  lastReport: Known | null = null;

  /** Remembers `known` under each alias; the newest mention is the first a back-reference finds. */
  learn(known: Known, aliases: readonly string[]): Known {
    const existing = this.byAlias.get(fold(known.name));
    const target = existing ?? known;
    if (existing) {
      for (const head of known.heads) existing.heads.add(head);
      for (const word of known.words) existing.words.add(word);
    }
    // A person is named again by surname: "Sezer", "Park".
    const surnames =
      known.kind === 'person' ? known.name.split(/\s+/).filter((w) => /^[\p{Lu}]/u.test(w) && w.length > 2) : [];
    for (const alias of [known.name, ...aliases, ...surnames]) {
      if (alias.trim() !== '' && !this.byAlias.has(fold(alias))) this.byAlias.set(fold(alias), target);
    }
    if (target.entity === null) {
      const spelled = this.spellings.get(target) ?? new Set<string>();
      for (const alias of aliases) if (fold(alias) !== fold(target.name) && alias.length > 2) spelled.add(alias.trim());
      this.spellings.set(target, spelled);
    }
    this.touch(target);
    return target;
  }

  /** Marks `known` as the latest named, for pronouns and back-references. */
  touch(known: Known): void {
    const at = this.recent.indexOf(known);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.push(known);
    this.seenIn.set(known, this.sentence);
  }

  /** What is named from now on is named in the next sentence. */
  nextSentence(): void {
    this.sentence++;
  }

  /** The names this article introduced, each with its other spellings. */
  learned(): Array<{ name: string; aliases: string[] }> {
    return [...this.spellings].map(([known, aliases]) => ({ name: known.name, aliases: [...aliases] }));
  }

  find(name: string): Known | undefined {
    return this.byAlias.get(fold(name));
  }

  /** "the agency", "the health ministry", "the mayor": the latest named whose heads and words fit. */
  byHead(head: string, words: readonly string[]): Known | undefined {
    const heads = headsOfKind(head);
    const candidates = this.recent.map((known) => ({ known, seen: this.seenIn.get(known) ?? -1 }));
    return nearestFitting(candidates, (known) => {
      // "the agency" is a body's; "the news agency" may be an outlet's.
      if (known.kind === 'outlet' && !words.some((w) => /^(?:news|wire|press)$/.test(w))) return false;
      return heads.some((h) => known.heads.has(h)) && words.every((w) => known.words.has(w));
    });
  }

  /** "its spokesperson": the latest body, unless another was named beside it. */
  latestBody(): Known | undefined {
    const candidates = this.recent.map((known) => ({ known, seen: this.seenIn.get(known) ?? -1 }));
    return nearestFitting(candidates, (known) => known.kind === 'body');
  }

  /** "he", "she": the latest person; "it", "they": the latest body. */
  latest(kind: SpeakerKind): Known | undefined {
    for (let i = this.recent.length - 1; i >= 0; i--) if (this.recent[i]!.kind === kind) return this.recent[i];
    return undefined;
  }
}
