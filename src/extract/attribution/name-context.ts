/** What resolving a speaker phrase reads: the sentence, the lexicon's mentions and names, the article's memory and date. */
import type { Mention } from '../entities.js';
import type { EntityDef } from '../types.js';
import type { ArticleMemory } from './memory.js';

export interface NameContext {
  /** The sentence. */
  text: string;
  mentions: readonly Mention[];
  memory: ArticleMemory;
  byName: ReadonlyMap<string, EntityDef>;
  /** The article's date, for a spokesperson's role at the time. */
  date: string | null;
}
