import type { Lexicon } from '../extract/index.js';
import type { Store } from '../store/store.js';

/** The files' lexicon with every topic newsrooms added by command after the files' own. */
export function withStoredTopics(lexicon: Lexicon, store: Store): Lexicon {
  return { ...lexicon, topics: [...lexicon.topics, ...store.topics.all().map((t) => t.def)] };
}
