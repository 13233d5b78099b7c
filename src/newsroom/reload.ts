import { compileLexicon, type Lexicon } from '../extract/index.js';
import { ClaimIndex } from '../index/claim-index.js';
import type { Store } from '../store/store.js';
import type { Newsroom } from './newsroom.js';

/** The files' lexicon with every topic newsrooms added by command after the files' own. */
export function withStoredTopics(lexicon: Lexicon, store: Store): Lexicon {
  return { ...lexicon, topics: [...lexicon.topics, ...store.topics.all().map((t) => t.def)] };
}

/**
 * After moderators re-file claims (topics, claimant merges): the extractor's lexicon and the index
 * are built again from the store, so every answer and the next ingest see the change at once.
 */
export function reloadFromStore(newsroom: Newsroom): void {
  const lexicon = withStoredTopics(newsroom.lexiconData, newsroom.store);
  newsroom.lexicon = compileLexicon(lexicon);
  newsroom.index = ClaimIndex.load(newsroom.store, lexicon);
}
