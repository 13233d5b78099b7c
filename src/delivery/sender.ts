// The way out of delivery: what a sender is asked and what it answers (Discord's REST, the
// console). Kept apart from deliver.ts so senders and the in-doubt check need not import it.
import type { DiscordPayload } from '../render/render.js';

export type SendResult =
  | { status: 'sent'; messageId: string | null }
  /** Try again later (5xx, rate limit, network): retryAfterMs is the least wait the server asked for. */
  | { status: 'retry'; error: string; retryAfterMs?: number }
  /** The channel refuses for good (403 no access, 404 gone): stop sending there. */
  | { status: 'broken'; error: string }
  /** This message can never be sent (400: Discord refuses its body); the channel is fine. */
  | { status: 'rejected'; error: string };

/** Whether a message carrying this nonce is already in the channel (see reference.ts). */
export type FindResult =
  | { status: 'found'; messageId: string }
  | { status: 'absent' }
  | { status: 'unknown'; error: string };

export interface Sender {
  send(channelId: string, payload: DiscordPayload, nonce: string): Promise<SendResult>;
  /** Looks for the message among the channel's messages since `since`; a sender that cannot look leaves it out. */
  findSent?(channelId: string, nonce: string, since: Date): Promise<FindResult>;
}
