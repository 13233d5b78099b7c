// What one delivery run sends: the due rows grouped into posts (a digest for folded rows), each
// with the nonce that makes its resend safe, rendered as the Discord message.
import { createHash } from 'node:crypto';
import { foldedDigest } from '../alerting/alert-message.js';
import { decodePayload } from '../alerting/message-payload.js';
import { type DiscordPayload, renderPayload } from '../render/render.js';
import type { OutboxMessage } from '../store/outbox.js';
import { withReference } from './reference.js';

/** One Discord message: a single row, or a channel's folded rows as one digest. */
export interface Post {
  channelId: string;
  guildId: string;
  rows: OutboxMessage[];
  nonce: string;
}

/**
 * Each unfolded row is a post; a channel's folded rows are one digest post at the place of its
 * first row. Rows retried together share their attempts and next time, and stay together, so a
 * resend is the same set with the same nonce even if more folded alerts arrived meanwhile.
 */
export function plan(due: readonly OutboxMessage[]): Post[] {
  const posts: Post[] = [];
  const digests = new Map<string, OutboxMessage[]>();
  for (const row of due) {
    const key = `${row.channelId}|${row.attempts === 0 ? 'new' : `${row.attempts}|${row.nextAttemptAt}`}`;
    const digest = row.folded ? digests.get(key) : undefined;
    if (digest) {
      digest.push(row);
      continue;
    }
    const rows = [row];
    if (row.folded) digests.set(key, rows);
    posts.push({ channelId: row.channelId, guildId: row.guildId, rows, nonce: '' });
  }
  return posts.map((post) => ({ ...post, nonce: nonceOf(post.rows) }));
}

/** A lone row's own nonce; a digest's is derived from all its rows', so the same set resends the same. */
function nonceOf(rows: readonly OutboxMessage[]): string {
  if (rows.length === 1) return rows[0]!.nonce;
  return createHash('sha256')
    .update(rows.map((r) => r.nonce).join(','))
    .digest('hex')
    .slice(0, 16);
}

export function render(post: Post): DiscordPayload {
  const payloads = post.rows.map((row) => decodePayload(row.payload));
  // A digest of one is just that alert, in full.
  const message = payloads.length === 1 ? payloads[0]! : foldedDigest(payloads);
  return withReference(renderPayload({ ...message.answer, ephemeral: false }), post.nonce);
}
