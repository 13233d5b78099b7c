/**
 * Applying a topic change without stopping the bot: the stored claims are read and re-filed a
 * window of articles at a time, with a pause between windows; then one transaction stores the
 * new definition, the claims' new topics and the record of who changed it, so a crash leaves
 * either the old filing or the new, never half. The index then files its claims again in
 * slices and swaps (ClaimIndex.retopic). One change at a time per newsroom.
 */
import { UserError } from '../errors.js';
import { compileLexicon, type TopicDef } from '../extract/index.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { withStoredTopics } from '../newsroom/reload.js';
import { claimsForFiling, lastArticleId, setClaimTopics } from '../store/claim-topics.js';
import { topicId } from '../store/topic-book.js';
import { type Move, refile } from './refile.js';

const ARTICLES_PER_WINDOW = 5_000;
const busy = new WeakSet<Newsroom>();
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface PendingChange {
  scope: string;
  key: string;
  /** The topic's definition after the change; null when it is removed. */
  def: Omit<TopicDef, 'key'> | null;
  /** Stores the definition (or removes it), inside the transaction that re-files. */
  write: () => void;
  record: (moved: number) => void;
}

/**
 * A topic a moderator gave a claim with /correction stays while that topic exists: filing by the
 * words again would quietly undo their fix. A claim whose chosen topic is removed is re-filed.
 */
function movesKeepingFixes(newsroom: Newsroom, moves: readonly Move[], topics: ReadonlySet<string>): Move[] {
  const fixed = newsroom.store.corrections.topicFixed();
  return moves.filter((m) => {
    if (!fixed.has(m.id)) return true;
    const chosen = newsroom.index.claim(m.id)?.topic ?? null;
    return chosen !== null && !topics.has(chosen);
  });
}

export async function applyTopicChange(newsroom: Newsroom, change: PendingChange): Promise<number> {
  if (busy.has(newsroom)) throw new UserError('Another topic change is still being applied: try again in a minute.');
  busy.add(newsroom);
  try {
    const { store } = newsroom;
    const id = topicId(change.scope, change.key);
    const others = withStoredTopics(newsroom.lexiconData, store).topics.filter((t) => t.key !== id);
    const next = change.def ? [...others, { ...change.def, key: id, scope: change.scope, name: change.key }] : others;
    const lexicon = { ...newsroom.lexiconData, topics: next };
    const compiled = compileLexicon(lexicon);
    const moves: Move[] = [];
    for (let after = 0; ; after += ARTICLES_PER_WINDOW) {
      // The last window is read in the same turn as the transaction: no article arrives between.
      if (after >= lastArticleId(store.db)) break;
      moves.push(...refile(claimsForFiling(store.db, after, ARTICLES_PER_WINDOW), compiled));
      if (after + ARTICLES_PER_WINDOW < lastArticleId(store.db)) await pause();
    }
    const kept = store.transaction(() => {
      // Read in the same turn as the write, so a correction made while the windows were read counts.
      const kept = movesKeepingFixes(newsroom, moves, new Set(next.map((t) => t.key)));
      change.write();
      setClaimTopics(store.db, kept);
      change.record(kept.filter((m) => m.topic === id || m.from === id).length);
      return kept;
    });
    newsroom.lexicon = compiled;
    for (const _ of newsroom.index.retopic(withStoredTopics(newsroom.lexiconData, store), kept)) await pause();
    return kept.filter((m) => m.topic === id || m.from === id).length;
  } finally {
    busy.delete(newsroom);
  }
}
