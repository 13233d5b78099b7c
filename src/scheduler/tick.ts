import { queueBriefing } from '../alerting/briefing.js';
import { type DecideOptions, decideAlerts, tickBudget } from '../alerting/decide.js';
import { queueSourceNotice } from '../alerting/notices.js';
import { type DeliveryReport, deliverDue, type Sender } from '../delivery/deliver.js';
import { deliverEdits, type MessageEditor } from '../delivery/edits.js';
import type { Logger } from '../log.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { emptyPollReport } from '../polling/hooks.js';
import { type PollOptions, type PollReport, pollDue } from '../polling/poll.js';
import type { Leases } from '../store/leases-port.js';
import type { Digest } from '../store/routes.js';

/** What a tick needs besides the clock: the newsroom, where messages go, where trouble is told. */
export interface TickDeps {
  newsroom: Newsroom;
  sender: Sender;
  /** Edits posted alerts (corrections, "also reported by"); without one, edits wait in the outbox. */
  editor?: MessageEditor;
  log: Logger;
  decide?: DecideOptions;
  /** Budgets and concurrency of the poll; the defaults suit production. */
  poll?: PollOptions;
  /**
   * Processes sharing a store poll one at a time: a tick polls only while this process holds
   * the `poller` lease (renewed each tick, lapsing `ttlMs` after its holder stops), and delivers
   * either way. A lone bot has no lease to take.
   */
  pollerLease?: { leases: Leases; holder: string; ttlMs: number };
  /** The name this process claims outbox rows under, when processes share the store. */
  deliverer?: string;
  /** Brings the index up to what other processes wrote (App.catchUp), first thing each tick. */
  catchUp?: (now: Date) => Promise<number>;
  /** Upkeep of the shared store, done by the process that polled: the change log's old rows go. */
  tidy?: (now: Date) => Promise<void>;
}

export interface TickReport {
  poll: PollReport;
  delivery: DeliveryReport;
}

/**
 * Delivery runs while polling goes on, one run at a time (deliverDue is not re-entrant): a run
 * is asked for each time a source's items land, and asks made during a run make one more run.
 * Folded rows wait for the last run, so a channel over its limit gets one digest for the tick.
 */
function deliveryPump(deps: TickDeps, now: Date) {
  const total: DeliveryReport = { sent: 0, retried: 0, broken: 0, deferred: 0 };
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  const runOnce = async (holdFolded: boolean) => {
    queued = false;
    const report = await deliverDue(deps.newsroom.port, deps.sender, now, deps.log, {
      holdFolded,
      deliverer: deps.deliverer,
    });
    total.sent += report.sent;
    total.retried += report.retried;
    total.broken += report.broken;
    total.deferred = report.deferred; // what the last run left, not a sum of the same rows
  };
  const ask = () => {
    if (queued) return running;
    queued = true;
    running = running
      .then(() => runOnce(true))
      .catch((error) => deps.log.error('delivery during the poll failed', error));
    return running;
  };
  /** The tick's last run, after the poll: everything due, folded digests too. */
  const finish = () => running.then(() => runOnce(false));
  return { ask, finish, total };
}

/**
 * One polling tick: poll what is due, decide and queue alerts as items land (each in its
 * item's transaction), delivering as each source's items land so a slow source holds nobody's
 * alerts, then deliver everything still pending, including what an earlier run left.
 */
export async function runTick(deps: TickDeps, now: Date): Promise<TickReport> {
  const { newsroom, log } = deps;
  const budget = tickBudget(newsroom.alertSettings.perChannelPerTick);
  const pump = deliveryPump(deps, now);
  const lease = deps.pollerLease;
  await followOthers(deps, now);
  if (lease && !(await lease.leases.acquire('poller', lease.holder, now, lease.ttlMs))) {
    log.debug('poll skipped: another process holds the poller lease');
    await pump.finish();
    await sendEdits(deps, now);
    return { poll: emptyPollReport(0), delivery: pump.total };
  }
  const poll = await pollDue(
    newsroom,
    {
      decide: (articleId, scopes, at) => decideAlerts(newsroom, articleId, scopes, budget, at, deps.decide),
      notice: (source, event, detail, at) => queueSourceNotice(newsroom, log, source, event, detail, at),
      taken: () => void pump.ask(),
    },
    now,
    log,
    deps.poll,
  );
  await pump.finish();
  await sendEdits(deps, now);
  await tidySafely(deps, now);
  return { poll, delivery: pump.total };
}

async function tidySafely(deps: TickDeps, now: Date): Promise<void> {
  try {
    await deps.tidy?.(now);
  } catch (error) {
    deps.log.error('store upkeep failed', error);
  }
}

/** A failed catch-up is logged by name and the tick goes on: the next one reads from the same place. */
async function followOthers(deps: TickDeps, now: Date): Promise<void> {
  try {
    const taken = (await deps.catchUp?.(now)) ?? 0;
    if (taken > 0) deps.log.debug(`index follow: ${taken} changes from other processes`);
  } catch (error) {
    deps.log.error('index follow failed', error);
  }
}

/** Edits of posted alerts go out after new messages, so a message exists before it is edited. */
async function sendEdits(deps: TickDeps, now: Date): Promise<void> {
  if (deps.editor) await deliverEdits(deps.newsroom.port, deps.editor, now, deps.log);
}

/** Delivers what is pending without polling: at boot, so alerts a crash left behind go out first. */
export async function flushOutbox(deps: TickDeps, now: Date): Promise<DeliveryReport> {
  const report = await deliverDue(deps.newsroom.port, deps.sender, now, deps.log, { deliverer: deps.deliverer });
  await sendEdits(deps, now);
  return report;
}

/** A channel's scheduled briefing: queued with its mark moved, then delivered with the rest. */
export async function runBriefing(deps: TickDeps, digest: Digest, now: Date): Promise<DeliveryReport> {
  // Every process on a shared store schedules every briefing: only the poller queues it, so it
  // goes out once. A briefing missed while the lease changes hands is covered by the next one.
  const lease = deps.pollerLease;
  const queues = !lease || (await lease.leases.holder('poller', now)) === lease.holder;
  if (queues) await queueBriefing(deps.newsroom, digest, now);
  else deps.log.debug(`briefing ${digest.id}: left to the process holding the poller lease`);
  return deliverDue(deps.newsroom.port, deps.sender, now, deps.log, { deliverer: deps.deliverer });
}
