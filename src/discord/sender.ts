/**
 * The Discord edge of delivery: one POST /channels/:id/messages per message, with the outbox
 * nonce enforced, and every failure mapped to retry, broken or rejected, so nothing is dropped.
 *
 * What @discordjs/rest (2.6) already does before an error reaches here:
 * - 5xx: resends at once, up to `retries` (3) more times, then throws HTTPError;
 * - 429: waits retry_after (plus `offset`, 50 ms) and resends, as often as it takes, unless
 *   `rejectOnRateLimit` matches, when it throws RateLimitError instead of waiting;
 * - a timeout (15 s) or a reset connection: resends up to `retries` times, then throws.
 * Every resend carries the same body, so the same nonce: a first try that did land is not posted twice.
 */
import { DiscordAPIError, HTTPError, type RateLimitData, RateLimitError, type REST, Routes } from 'discord.js';
import { referenceOf } from '../delivery/reference.js';
import type { FindResult, Sender, SendResult } from '../delivery/sender.js';
import type { DiscordPayload } from '../render/render.js';

// Discord's epoch; a snowflake is milliseconds since it, shifted left 22 bits.
const DISCORD_EPOCH = 1_420_070_400_000n;
const snowflakeAt = (at: Date): string => String((BigInt(Math.max(0, at.getTime())) - DISCORD_EPOCH) << 22n);
// Clocks differ: read from a little before the row was queued.
const LOOK_BACK_MS = 60_000;

export function discordSender(rest: REST): Sender {
  return {
    async findSent(channelId, nonce, since): Promise<FindResult> {
      try {
        const after = snowflakeAt(new Date(since.getTime() - LOOK_BACK_MS));
        const query = new URLSearchParams({ limit: '100', after });
        const messages = (await rest.get(Routes.channelMessages(channelId), { query })) as PostedMessage[];
        const mine = messages.find((message) => referenceOf(message) === nonce);
        return mine ? { status: 'found', messageId: mine.id } : { status: 'absent' };
      } catch (error) {
        const classified = classify(error);
        return { status: 'unknown', error: 'error' in classified ? classified.error : 'no answer' };
      }
    },
    async send(channelId: string, payload: DiscordPayload, nonce: string): Promise<SendResult> {
      try {
        const body = { ...payload, nonce, enforce_nonce: true };
        const message = (await rest.post(Routes.channelMessages(channelId), { body })) as { id?: unknown };
        return { status: 'sent', messageId: typeof message?.id === 'string' ? message.id : null };
      } catch (error) {
        return classify(error);
      }
    },
  };
}

type PostedMessage = Parameters<typeof referenceOf>[0] & { id: string };

const UNKNOWN_CHANNEL = 10003;

/** Only the channel's own refusal breaks it; anything that may pass is retried. */
export function classify(error: unknown): SendResult {
  if (error instanceof DiscordAPIError) {
    const reason = `${firstLine(error.message)} (${error.status})`;
    // A 404 breaks the channel only as Unknown Channel: a wrong API base would 404 everywhere.
    if (error.status === 403 || (error.status === 404 && error.code === UNKNOWN_CHANNEL))
      return { status: 'broken', error: reason };
    // The body itself is refused: sending it again would be refused again.
    if (error.status === 400 || error.status === 413) return { status: 'rejected', error: reason };
    // 401 (token), 408, 409, a 429 surfaced without RateLimitError: none is the channel's fault.
    return { status: 'retry', error: reason };
  }
  if (error instanceof RateLimitError) {
    return {
      status: 'retry',
      error: `rate limited on ${error.route} (${error.global ? 'global' : error.scope})`,
      retryAfterMs: Math.max(0, error.retryAfter),
    };
  }
  if (error instanceof HTTPError)
    return { status: 'retry', error: `Discord answered ${error.status}${error.message ? ` ${error.message}` : ''}` };
  if (error instanceof Error && error.name === 'AbortError')
    return { status: 'retry', error: 'Discord did not answer in time' };
  return { status: 'retry', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

const firstLine = (text: string): string => text.split('\n')[0]?.trim() || 'Discord error';

/**
 * For the REST client's `rejectOnRateLimit` option: a channel message asked to wait longer than
 * maxWaitMs fails with RateLimitError (retried by the outbox at the time Discord gave) instead of
 * holding up delivery to every other channel while @discordjs/rest sleeps.
 */
export function rejectLongMessageRateLimits(maxWaitMs: number): (data: RateLimitData) => boolean {
  return (data) =>
    data.route === '/channels/:id/messages' && data.method.toUpperCase() === 'POST' && data.retryAfter > maxWaitMs;
}
