import type { Lexicon } from '../extract/index.js';
import { ChangeCursor } from '../index/change-cursor.js';
import { ClaimIndex } from '../index/claim-index.js';
import { IndexFollower } from '../index/follow.js';
import { pgChangeFeed } from '../store/pg/change-feed.js';
import { readIndexSnapshot } from '../store/pg/index-rows.js';

/** The pool the store opened (the driver stays in src/store/pg/). */
type Pool = Parameters<typeof readIndexSnapshot>[0];
type Moves = Array<{ id: number; topic: string | null }>;

export interface FollowOptions {
  now?: Date;
  /** Topic definitions changed by another process: reload them and re-file these claims in `index`. */
  topicsChanged?: (index: ClaimIndex, moves: Moves) => Promise<void>;
  /** This process's writer name, whose changes its index took as it wrote them. */
  self?: string;
}

/** The index read whole from one snapshot, and the follower that reads the change log on from it. */
export async function bootFollowingIndex(
  pool: Pool,
  lexicon: Lexicon,
  options: FollowOptions = {},
): Promise<{ index: ClaimIndex; follower: IndexFollower }> {
  const snapshot = await readIndexSnapshot(pool);
  const index = ClaimIndex.fromRows(snapshot.rows, lexicon);
  const { topicsChanged } = options;
  const follower = new IndexFollower(
    index,
    pgChangeFeed(pool),
    new ChangeCursor(snapshot.change, snapshot.pending, options.now),
    topicsChanged && ((moves) => topicsChanged(index, moves)),
    options.self,
  );
  return { index, follower };
}
