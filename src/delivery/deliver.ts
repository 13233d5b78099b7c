/**
 * Delivery from the outbox, exactly once: a row leaves `pending` only when Discord confirmed the
 * message, every resend of a row carries the row's nonce (Discord, with enforce_nonce, answers a
 * replay with the first message instead of posting again), and a failure is either retried
 * later or, when the channel itself is gone, recorded and told, never dropped silently.
 * Pure core: the Sender (sender.ts) is the only way out: src/discord/sender.ts, src/console/sender.ts.
 */
import type { Logger } from '../log.js';
import type { OutboxMessage } from '../store/outbox.js';
import type { StorePort } from '../store/store-port.js';
import { channelBroke } from './broken-channel.js';
import { alreadyInChannel } from './in-doubt.js';
import { type Post, plan, render } from './posts.js';
import type { Sender, SendResult } from './sender.js';

export type { FindResult, Sender, SendResult } from './sender.js';

/** Counted in outbox rows: a digest of five folded alerts counts five. */
export interface DeliveryReport {
  sent: number;
  retried: number;
  /** Marked broken: refused, to a broken channel, or rejected. */
  broken: number;
  /** Due, but left for the next run because their channel just asked to wait. */
  deferred: number;
}

export interface DeliveryOptions {
  /** Most rows looked at in one run (default 500, as Outbox.due). */
  limit?: number;
  /** First retry delay, doubled each attempt (default 30 s). */
  firstRetryMs?: number;
  /** Longest back-off (default 30 min); a longer wait Discord asks for is still honoured. */
  maxRetryMs?: number;
  /** Leave folded rows for a later run: mid-tick, so a channel gets one digest a tick, not one per source. */
  holdFolded?: boolean;
  /**
   * Who delivers, when several processes share the outbox: each claims the rows it sends for
   * `leaseMs` (default 5 min), and a restarted process under the same name takes its own back.
   * One process alone keeps the default name.
   */
  deliverer?: string;
  leaseMs?: number;
}

const LONE_DELIVERER = 'claimwatch';
const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Sends what is due, oldest first, one message at a time. Not re-entrant under one deliverer
 * name: the caller runs one delivery at a time. Deliverers with different names (processes
 * sharing a store) claim different rows.
 */
export async function deliverDue(
  store: StorePort,
  sender: Sender,
  now: Date,
  log: Logger,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, broken: 0, deferred: 0 };
  // Channels that failed this run: a failing channel gets one try a run, not one per message,
  // and the rest of its messages keep their place for the next run.
  const waiting = new Set<string>();
  const brokenNow = new Set<string>();
  const until = new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));
  // Folded rows held back stay claimed by this deliverer, whose last run of the tick takes them back.
  const due = (await store.outbox.claimDue(options.deliverer ?? LONE_DELIVERER, now, until, options.limit)).filter(
    (row) => !(options.holdFolded && row.folded),
  );
  for (const post of plan(due)) {
    if (brokenNow.has(post.channelId)) continue; // already marked, with everything pending there
    if (waiting.has(post.channelId)) {
      report.deferred += post.rows.length;
      continue;
    }
    const outcome = await deliverPost(store, sender, post, now, log, options);
    report[outcome.counted] += outcome.rows;
    if (outcome.counted === 'retried') waiting.add(post.channelId);
    if (outcome.channelBroken) brokenNow.add(post.channelId);
  }
  return report;
}

interface Outcome {
  counted: 'sent' | 'retried' | 'broken';
  rows: number;
  channelBroken?: boolean;
}

async function deliverPost(
  store: StorePort,
  sender: Sender,
  post: Post,
  now: Date,
  log: Logger,
  options: DeliveryOptions,
): Promise<Outcome> {
  const ids = post.rows.map((r) => r.id);
  const known = await store.routes.broken(post.channelId);
  if (known) {
    // Marked broken earlier: sending again would only fail again (and count against the bot).
    await store.outbox.setAside(ids, `channel broken: ${known.reason}`);
    return { counted: 'broken', rows: ids.length };
  }
  if (await alreadyInChannel(store, sender, post, now, log)) return { counted: 'sent', rows: ids.length };
  await store.outbox.beginAttempt(ids);
  const result = await sendSafely(sender, post, log);
  switch (result.status) {
    case 'sent':
      await store.outbox.markSent(ids, result.messageId, now);
      log.debug(
        `delivered ${ids.length === 1 ? `message ${ids[0]}` : `digest of ${ids.length}`} to channel ${post.channelId}`,
      );
      return { counted: 'sent', rows: ids.length };
    case 'retry': {
      const at = new Date(now.getTime() + retryDelay(post.rows, result.retryAfterMs, options));
      await store.outbox.retryLater(ids, result.error, at);
      log.warn(`channel ${post.channelId}: ${result.error}; ${ids.length} message(s) retry at ${at.toISOString()}`);
      return { counted: 'retried', rows: ids.length };
    }
    case 'rejected':
      await store.outbox.setAside(ids, `rejected: ${result.error}`);
      log.error(`channel ${post.channelId}: Discord rejected outbox message(s) ${ids.join(', ')}: ${result.error}`);
      return { counted: 'broken', rows: ids.length };
    case 'broken': {
      const marked = await channelBroke(
        store,
        log,
        { guildId: post.guildId, channelId: post.channelId, ids, reason: result.error },
        now,
      );
      return { counted: 'broken', rows: marked, channelBroken: true };
    }
  }
}

/** A Sender that throws (a bug, a crash mid-send) is a retry: the nonce makes the resend safe. */
async function sendSafely(sender: Sender, post: Post, log: Logger): Promise<SendResult> {
  try {
    return await sender.send(post.channelId, render(post), post.nonce);
  } catch (error) {
    log.error(`sending to channel ${post.channelId} failed unexpectedly`, error);
    return { status: 'retry', error: error instanceof Error ? error.message : String(error) };
  }
}

/** 30 s × 2^attempts, capped at 30 min, but never sooner than the server asked. */
export function retryDelay(
  rows: readonly OutboxMessage[],
  retryAfterMs: number | undefined,
  options: DeliveryOptions = {},
): number {
  const attempts = Math.max(0, ...rows.map((r) => r.attempts));
  const backoff = Math.min(
    (options.firstRetryMs ?? 30_000) * 2 ** Math.min(attempts, 30),
    options.maxRetryMs ?? 30 * 60_000,
  );
  return Math.max(backoff, retryAfterMs ?? 0);
}
