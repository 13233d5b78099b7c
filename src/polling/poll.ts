/**
 * One polling tick: every due feed and folder, each location read once however many servers
 * added it, a bounded number at a time. A location's trouble (a timeout, HTML, a parse error,
 * an exception of ours) is recorded against it and never stops the others. Each location has a
 * time and a page budget per tick: a feed of teasers linking to a server that never answers
 * holds one slot for its budget at most, and what it could not finish waits for the next tick.
 */
import type { Logger } from '../log.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import type { DueSource } from '../store/source-book.js';
import { emptyPollReport, type PollHooks, type PollReport } from './hooks.js';
import { forEachLimit } from './limit.js';
import { interleaveHosts } from './order.js';
import { failed, type Location, type Outcome, pollFeed, pollFolder, type Tick } from './read-location.js';

export type { PollHooks, PollReport } from './hooks.js';

export const POLLED_KINDS = ['feed', 'folder'] as const;

export interface PollOptions {
  /** Locations read at once; the fetcher caps requests per host on top of this. */
  concurrency?: number;
  /** Wall-clock time one location may take in a tick: its feed and its pages. */
  sourceBudgetMs?: number;
  /** Article pages one location may fetch in a tick; items beyond wait for the next. */
  pagesPerSource?: number;
}

/** Enough for a slow feed and a few slow pages; far less than the minutes a hostile one could hold. */
export const SOURCE_BUDGET_MS = 20_000;
export const PAGES_PER_SOURCE = 10;
// Slow feeds (a second to answer is common) are waited on side by side, not in a short queue.
const CONCURRENCY = 100;

// Internal errors stay in the log; moderators see that there was one, not its stack.
const INTERNAL = 'an internal error while reading it (the bot operator has the details in the log)';

/** Polls every due source once, at most `concurrency` locations at a time. */
export async function pollDue(
  newsroom: Newsroom,
  hooks: PollHooks,
  now: Date,
  log: Logger,
  options: PollOptions = {},
): Promise<PollReport> {
  const due = await newsroom.port.sourceBook.dueSources(POLLED_KINDS, now);
  const report = emptyPollReport(due.length);
  const tick: Tick = {
    newsroom,
    hooks,
    now,
    log,
    pages: new Map(),
    report,
    budgetMs: options.sourceBudgetMs ?? SOURCE_BUDGET_MS,
    pagesPerSource: options.pagesPerSource ?? PAGES_PER_SOURCE,
  };
  const locations = interleaveHosts(byLocation(due));
  await forEachLimit(locations, options.concurrency ?? CONCURRENCY, (location) => pollLocation(tick, location));
  return report;
}

/** One entry per location: servers that added the same feed share its fetch. */
function byLocation(due: readonly DueSource[]): Location[] {
  const locations = new Map<string, Location>();
  for (const { source, feed } of due) {
    const known = locations.get(source.location);
    if (known) known.names.push(source.name);
    else
      locations.set(source.location, {
        location: source.location,
        kind: source.kind,
        names: [source.name],
        failures: feed.failures,
      });
  }
  return [...locations.values()];
}

async function pollLocation(tick: Tick, location: Location): Promise<void> {
  let outcome: Outcome;
  try {
    outcome = location.kind === 'folder' ? await pollFolder(tick, location) : await pollFeed(tick, location);
  } catch (error) {
    tick.log.error(`poll ${location.names.join(', ')}: unexpected error reading ${location.location}`, error);
    outcome = await failed(tick, location, INTERNAL);
  }
  count(tick.report, outcome);
  if (outcome.status === 'read' && outcome.taken.items > 0) tick.hooks.taken?.();
}

function count(report: PollReport, outcome: Outcome): void {
  if (outcome.status === 'failed') report.failed += 1;
  else if (outcome.status === 'not-modified') report.notModified += 1;
  else {
    report.fetched += 1;
    report.newItems += outcome.taken.items;
    report.claims += outcome.taken.claims;
    report.waiting += outcome.waiting;
  }
}
