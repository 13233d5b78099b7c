import type { Logger } from '../log.js';
import type { StorePort } from '../store/store-port.js';
import type { Post } from './posts.js';
import type { FindResult, Sender } from './sender.js';

/**
 * A post tried before is in doubt: Discord may have created it while the answer was lost (a
 * timeout, a 5xx after the commit, a crash mid-send). It is looked for in the channel first and,
 * when there, marked sent without posting again. When the channel cannot be read, the resend goes
 * out with the same nonce, which Discord still honours if the first try was recent.
 */
export async function alreadyInChannel(
  store: StorePort,
  sender: Sender,
  post: Post,
  now: Date,
  log: Logger,
): Promise<boolean> {
  if (!sender.findSent || !post.rows.some((row) => row.attempts > 0)) return false;
  const since = new Date(Math.min(...post.rows.map((row) => Date.parse(row.createdAt))));
  let found: FindResult;
  try {
    found = await sender.findSent(post.channelId, post.nonce, since);
  } catch (error) {
    found = { status: 'unknown', error: error instanceof Error ? error.message : String(error) };
  }
  if (found.status === 'unknown')
    log.warn(
      `channel ${post.channelId}: could not check for an earlier try (${found.error}); resending with its nonce`,
    );
  if (found.status !== 'found') return false;
  await store.outbox.markSent(
    post.rows.map((row) => row.id),
    found.messageId,
    now,
  );
  log.info(`channel ${post.channelId}: message ${found.messageId} was already posted; not sending it again`);
  return true;
}
