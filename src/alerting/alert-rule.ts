import type { Hedge, Status } from '../extract/index.js';
import type { ClaimIndex, Figure, IndexedClaim } from '../index/claim-index.js';
import { isVisible, statusGroup } from '../index/records.js';
import { type RowState, type Spread, spreadOf, topicStates } from '../index/topic-state.js';

/** What a channel hears when a new figure lands: the figure, who said it, and what it changes. */
export interface Alert {
  kind: 'figure' | 'statement';
  claimId: number;
  figureKey: string;
  topic: string;
  low: number | null;
  high: number | null;
  hedge: Hedge | null;
  unit: string | null;
  measure: string;
  status: Status;
  claimant: string | null;
  via: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
  sentence: string;
  /** The claimant's figure before this one, in the same measure and status group. */
  previous: { low: number; high: number; date: string } | null;
  /** Change from the previous point figure, when both are points. */
  delta: number | null;
  /** Claimants' latest current figures in this measure, this one included. */
  range: Spread | null;
}

/** The claimant's figure this one replaces: the latest earlier one in the same row. */
function previousOf(states: readonly RowState[], figure: Figure) {
  const state = states.find((s) => s.row.figures.includes(figure));
  const before = state?.latest.figure === figure ? state.previous : undefined;
  if (!before || before.figure.low === null || before.figure.high === null) return null;
  return { low: before.figure.low, high: before.figure.high, date: before.last.article.day };
}

/** An alert's contents. The topic's rows are walked once, for both the previous figure and the range. */
function alertOf(index: ClaimIndex, claim: IndexedClaim, guildId: string | null): Alert {
  const figure = claim.figure;
  const isStatement = statusGroup(claim.status) === 'denied' || statusGroup(claim.status) === 'unverified';
  const states = isStatement ? [] : topicStates(index, claim.topic!, guildId);
  const previous = isStatement ? null : previousOf(states, figure);
  const point = (low: number | null, high: number | null) => (low !== null && low === high ? low : null);
  const now = point(claim.low, claim.high);
  const then = previous ? point(previous.low, previous.high) : null;
  return {
    kind: isStatement ? 'statement' : 'figure',
    claimId: claim.id,
    figureKey: figure.key,
    topic: claim.topic!,
    low: claim.low,
    high: claim.high,
    hedge: claim.hedge,
    unit: claim.unit,
    measure: claim.measure,
    status: claim.status,
    claimant: claim.claimant,
    via: claim.via,
    outlet: claim.article.outletName,
    date: claim.article.date,
    url: claim.article.url,
    sentence: claim.sentence,
    previous,
    delta: now !== null && then !== null ? now - then : null,
    range: isStatement ? null : spreadOf(states, claim.measure),
  };
}

/** A denial or no-evidence statement alerts once per topic, claimant and status, whatever its wording. */
function isFirstStatement(index: ClaimIndex, claim: IndexedClaim, guildId: string | null): boolean {
  const row = index
    .topicRows(claim.topic!)
    .find((r) => r.claimant === claim.claimant && r.group === statusGroup(claim.status));
  return (
    !row ||
    row.figures.every((f) => f.claims.every((c) => c.articleId === claim.articleId || !isVisible(c.article, guildId)))
  );
}

/** Seen before in this server: an earlier article it may see already carried the figure. */
function isNewHere(claim: IndexedClaim, guildId: string | null): boolean {
  return claim.figure.claims.every((c) => c.articleId === claim.articleId || !isVisible(c.article, guildId));
}

/** What makes two alerts the same alert: the figure, or for a statement its topic, claimant and status. */
export function alertKeyOf(claim: IndexedClaim): string {
  const group = statusGroup(claim.status);
  return group === 'denied' || group === 'unverified' ? `${claim.topic}|${claim.claimant}|${group}` : claim.figure.key;
}

/**
 * The alerts one article's claims raise for a server (null: the defaults' audience), once the
 * server can see the article: one per figure nobody there had reported before (a repeat by
 * another outlet only joins the figure), one per first statement. Newness is per server, so a
 * figure one newsroom's source broke is still news to another's. Claims with no topic alert
 * nobody, since channels follow topics.
 */
export function alertsFor(index: ClaimIndex, claims: readonly IndexedClaim[], guildId: string | null): Alert[] {
  const alerts: Alert[] = [];
  const done = new Set<string>();
  for (const claim of claims) {
    if (!claim.topic || !isNewHere(claim, guildId)) continue;
    const key = alertKeyOf(claim);
    if (done.has(key)) continue;
    done.add(key);
    if (key !== claim.figure.key && !isFirstStatement(index, claim, guildId)) continue;
    alerts.push(alertOf(index, claim, guildId));
  }
  return alerts;
}
