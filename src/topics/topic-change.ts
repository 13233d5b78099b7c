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
  write: () => Promise<void>;
  record: (moved: number) => Promise<void>;
}

/**
 * A topic a moderator gave a claim with /correction stays while that topic exists: filing by the
 * words again would quietly undo their fix. A claim whose chosen topic is removed is re-filed.
 */
async function movesKeepingFixes(
  newsroom: Newsroom,
  moves: readonly Move[],
  topics: ReadonlySet<string>,
): Promise<Move[]> {
  const fixed = await newsroom.port.corrections.topicFixed();
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
    const { port } = newsroom;
    const id = topicId(change.scope, change.key);
    const others = withStoredTopics(newsroom.lexiconData, await port.topics.all()).topics.filter((t) => t.key !== id);
    const next = change.def ? [...others, { ...change.def, key: id, scope: change.scope, name: change.key }] : others;
    const compiled = compileLexicon({ ...newsroom.lexiconData, topics: next });
    const moves: Move[] = [];
    const windows = async (after: number, last: number) => {
      for (; after < last; after += ARTICLES_PER_WINDOW) {
        moves.push(...refile(await port.filing.claimsForFiling(after, ARTICLES_PER_WINDOW), compiled));
        await pause();
      }
      return after;
    };
    // Every window but the last is read before the transaction, with pauses between them.
    const readUpTo = await windows(0, (await port.filing.lastArticleId()) - ARTICLES_PER_WINDOW);
    const kept = await port.transaction(async () => {
      // The rest is read inside it, so no article arrives between the last read and the write.
      await windows(readUpTo, await port.filing.lastArticleId());
      // Read with the write, so a correction made while the windows were read counts.
      const kept = await movesKeepingFixes(newsroom, moves, new Set(next.map((t) => t.key)));
      await change.write();
      await port.filing.setClaimTopics(kept);
      await change.record(kept.filter((m) => m.topic === id || m.from === id).length);
      return kept;
    });
    newsroom.lexicon = compiled;
    const lexicon = withStoredTopics(newsroom.lexiconData, await port.topics.all());
    for (const _ of newsroom.index.retopic(lexicon, kept)) await pause();
    return kept.filter((m) => m.topic === id || m.from === id).length;
  } finally {
    busy.delete(newsroom);
  }
}
