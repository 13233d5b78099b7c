/**
 * The failure policy, per feed location (shared by every server that added it): back off
 * exponentially, tell each server once when a streak gets long, pause its source when the streak
 * gets very long, and say so once more when the feed works again.
 */
import { plural } from '../format/numbers.js';
import type { Logger } from '../log.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import type { FeedState, SourceRecord } from '../store/records.js';
import type { PollHooks } from './hooks.js';
import { spanText, utcText } from './time.js';

/** Failures in a row before each server hears that its source is failing. */
export const FAILING_AFTER = 3;
/** Failures in a row before the sources are paused: about a day of retries at the backoff below. */
export const PAUSE_AFTER = 8;

const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_BACKOFF_MS = 6 * 60 * 60_000;
// A server's Retry-After is honoured when longer than our backoff, but not beyond a day: a
// broken or hostile header must not silence a source for months with nobody told.
const LONGEST_RETRY_AFTER_MS = 24 * 60 * 60_000;

/** 5 min, 10, 20, … capped at 6 h; a longer Retry-After wins. */
export function backoffMs(failures: number, retryAfterMs?: number): number {
  const backoff = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), LONGEST_BACKOFF_MS);
  const asked = Math.min(retryAfterMs ?? 0, LONGEST_RETRY_AFTER_MS);
  return Math.max(backoff, asked);
}

/** What recording an attempt needs: where to write, whom to tell, where trouble goes. */
export interface HealthContext {
  newsroom: Newsroom;
  hooks: PollHooks;
  log: Logger;
}

type Event = Parameters<PollHooks['notice']>[1];

/**
 * A notice in a savepoint of its own: if telling a server throws, the attempt is still recorded
 * (else the feed would lose its backoff and be hammered every tick) and the log hears of it.
 */
async function tell(
  { newsroom, hooks, log }: HealthContext,
  source: SourceRecord,
  event: Event,
  detail: string,
  now: Date,
): Promise<void> {
  try {
    await newsroom.port.transaction(() => hooks.notice(source, event, detail, now));
  } catch (error) {
    log.error(`poll ${source.name}: could not queue the '${event}' notice`, error);
  }
}

/** The sources a notice is about: live and polling. Paused ones were told when they were paused. */
const polling = async (newsroom: Newsroom, location: string): Promise<SourceRecord[]> =>
  (await newsroom.port.sourceBook.atLocation(location)).filter((s) => !s.paused);

/** Records one failed attempt, and tells or pauses sources when the streak crosses a threshold. */
export function recordFailure(
  context: HealthContext,
  location: string,
  reason: string,
  retryAfterMs: number | undefined,
  now: Date,
): Promise<FeedState> {
  const { newsroom } = context;
  const book = newsroom.port.sourceBook;
  return newsroom.port.transaction(async () => {
    const before = await book.feed(location);
    const failures = before.failures + 1;
    const delay = backoffMs(failures, retryAfterMs);
    const feed: FeedState = {
      ...before,
      failures,
      lastError: reason,
      lastAttemptAt: now.toISOString(),
      nextPollAt: new Date(now.getTime() + delay).toISOString(),
    };
    await book.saveFeed(feed);
    const streak = `failed ${failures} times in a row, the last: ${reason}`;
    for (const source of await polling(newsroom, location)) {
      if (failures >= PAUSE_AFTER) {
        await book.setPaused(source.id, 'failing');
        await book.setFailureNotice(source.id, true);
        await tell(
          context,
          { ...source, paused: true, pausedReason: 'failing', failureNotice: true },
          'paused',
          streak,
          now,
        );
      } else if (failures >= FAILING_AFTER && !source.failureNotice) {
        await book.setFailureNotice(source.id, true);
        await tell(
          context,
          { ...source, failureNotice: true },
          'failing',
          `${streak}; next try in ${spanText(delay)}, at ${utcText(feed.nextPollAt)}`,
          now,
        );
      }
    }
    return feed;
  });
}

/** What a successful fetch learnt; null for a 304, which keeps what the last one learnt. */
export interface FreshFeed {
  etag: string | null;
  lastModified: string | null;
  items: number;
  /** Damage the read got past (see feedDamage), kept as the feed's last error for /sources status. */
  damage?: string | null;
}

/** Records a successful attempt: the streak is over, and sources told about it hear so once. */
export function recordSuccess(
  context: HealthContext,
  location: string,
  fresh: FreshFeed | null,
  now: Date,
): Promise<FeedState> {
  const { newsroom } = context;
  const book = newsroom.port.sourceBook;
  return newsroom.port.transaction(async () => {
    const before = await book.feed(location);
    const at = now.toISOString();
    const { damage, ...learnt } = fresh ?? {};
    const feed: FeedState = {
      ...before,
      ...learnt,
      failures: 0,
      lastError: damage ? `read, but ${damage}` : null,
      lastAttemptAt: at,
      lastSuccessAt: at,
      nextPollAt: null,
    };
    await book.saveFeed(feed);
    const detail = before.failures > 0 ? `read again after ${plural(before.failures, 'failed attempt')}` : 'read again';
    for (const source of await polling(newsroom, location)) {
      if (!source.failureNotice) continue;
      await book.setFailureNotice(source.id, false);
      await tell(context, { ...source, failureNotice: false }, 'recovered', detail, now);
    }
    return feed;
  });
}
