import type { Lexicon } from '../extract/index.js';
import type { StoredTopic } from '../store/topic-book.js';

/** The files' lexicon with every topic newsrooms added by command after the files' own. */
export function withStoredTopics(lexicon: Lexicon, stored: readonly StoredTopic[]): Lexicon {
  return { ...lexicon, topics: [...lexicon.topics, ...stored.map((t) => t.def)] };
}
