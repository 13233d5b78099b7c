import { queueBriefing } from '../alerting/briefing.js';
import { type DecideOptions, decideAlerts, tickBudget } from '../alerting/decide.js';
import { queueSourceNotice } from '../alerting/notices.js';
import { type DeliveryReport, deliverDue, type Sender } from '../delivery/deliver.js';
import type { Logger } from '../log.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { type PollReport, pollDue } from '../polling/poll.js';
import type { Digest } from '../store/routes.js';

/** What a tick needs besides the clock: the newsroom, where messages go, where trouble is told. */
export interface TickDeps {
  newsroom: Newsroom;
  sender: Sender;
  log: Logger;
  decide?: DecideOptions;
}

export interface TickReport {
  poll: PollReport;
  delivery: DeliveryReport;
}

/**
 * One polling tick: poll what is due, decide and queue alerts as items land (each in its
 * item's transaction), then deliver everything pending, including what an earlier run left.
 */
export async function runTick(deps: TickDeps, now: Date): Promise<TickReport> {
  const { newsroom, log } = deps;
  const budget = tickBudget(newsroom.alertSettings.perChannelPerTick);
  const poll = await pollDue(
    newsroom,
    {
      decide: (articleId, scopes, at) => void decideAlerts(newsroom, articleId, scopes, budget, at, deps.decide),
      notice: (source, event, detail, at) => queueSourceNotice(newsroom, log, source, event, detail, at),
    },
    now,
    log,
  );
  const delivery = await deliverDue(newsroom.store, deps.sender, now, log);
  return { poll, delivery };
}

/** Delivers what is pending without polling: at boot, so alerts a crash left behind go out first. */
export function flushOutbox(deps: TickDeps, now: Date): Promise<DeliveryReport> {
  return deliverDue(deps.newsroom.store, deps.sender, now, deps.log);
}

/** A channel's scheduled briefing: queued with its mark moved, then delivered with the rest. */
export async function runBriefing(deps: TickDeps, digest: Digest, now: Date): Promise<DeliveryReport> {
  queueBriefing(deps.newsroom, digest, now);
  return deliverDue(deps.newsroom.store, deps.sender, now, deps.log);
}
