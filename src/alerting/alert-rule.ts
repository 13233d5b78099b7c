import type { Hedge, Status } from '../extract/index.js';
import type { ClaimIndex, IndexedClaim } from '../index/claim-index.js';
import { isStatementGroup, isVisible, statusGroup } from '../index/records.js';
import type { Row } from '../index/topic-rows.js';
import { type Spread, spreadOf, topicStates } from '../index/topic-state.js';

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
  /** The claimant's figure before this one, in the same measure (and status group, when it has one). */
  previous: { low: number; high: number; date: string; status: Status } | null;
  /** Change from the previous point figure, when both are points. */
  delta: number | null;
  /** Claimants' latest current figures in this measure, this one included. */
  range: Spread | null;
  /** For an increment ("3,000 more"): the claimant's total on record, named beside it, never subtracted. */
  total?: { low: number; high: number; date: string; status: Status } | null;
}

/**
 * The claimant's figure this one follows: the newest current one in the same measure reported
 * on or before its day in another article, in the same status group if there is one, else in
 * another ("15,000 projected" before "18,000"). An earlier figure that came late (another
 * outlet repeating it later) is still the one before: a delta is never lost to ordering.
 */
function previousOf(index: ClaimIndex, claim: IndexedClaim, guildId: string | null) {
  const rows = index
    .topicRows(claim.topic!)
    .filter((r) => r.claimant === claim.claimant && r.measure === claim.measure && !isStatementGroup(r.group));
  const sameGroup = rows.filter((r) => r.group === statusGroup(claim.status, claim.low));
  for (const candidates of [sameGroup, rows.filter((r) => !sameGroup.includes(r))]) {
    const before = newestBefore(candidates, claim, guildId);
    if (before) return before;
  }
  return null;
}

function newestBefore(rows: readonly Row[], claim: IndexedClaim, guildId: string | null) {
  let best: { low: number; high: number; date: string; status: Status; id: number } | null = null;
  for (const row of rows) {
    for (const figure of row.figures) {
      if (figure === claim.figure || figure.standing !== 'current' || figure.low === null || figure.high === null)
        continue;
      const earlier = figure.view(guildId)?.claims.filter((c) => c.articleId !== claim.articleId && !isLater(c, claim));
      const first = earlier?.[earlier.length - 1];
      if (!first) continue;
      const candidate = {
        low: figure.low,
        high: figure.high,
        date: first.article.day,
        status: first.status,
        id: first.id,
      };
      if (!best || candidate.date > best.date || (candidate.date === best.date && candidate.id > best.id))
        best = candidate;
    }
  }
  return best && { low: best.low, high: best.high, date: best.date, status: best.status };
}

const isLater = (a: IndexedClaim, b: IndexedClaim) =>
  a.article.day > b.article.day || (a.article.day === b.article.day && a.id > b.id);

/** An alert's contents. The topic's rows are walked once, for both the previous figure and the range. */
function alertOf(index: ClaimIndex, claim: IndexedClaim, guildId: string | null): Alert {
  const figure = claim.figure;
  const isStatement = isStatementGroup(statusGroup(claim.status, claim.low));
  const states = isStatement ? [] : topicStates(index, claim.topic!, guildId);
  const previous = isStatement ? null : previousOf(index, claim, guildId);
  const point = (low: number | null, high: number | null) => (low !== null && low === high ? low : null);
  const now = point(claim.low, claim.high);
  // Only figures of one status group subtract: "up 3,000" from a projection would mislead.
  const comparable = previous && statusGroup(previous.status) === statusGroup(claim.status);
  const then = previous && comparable ? point(previous.low, previous.high) : null;
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
    // An increment is news of its own, but no bound of the range of totals.
    range: isStatement || claim.role === 'increment' ? null : spreadOf(states, claim.measure),
    ...(claim.role === 'increment' ? { total: totalBeside(index, claim, guildId) } : {}),
  };
}

/** The claimant's latest total in the measure an increment adds to ("troops" for "troops added"). */
function totalBeside(index: ClaimIndex, claim: IndexedClaim, guildId: string | null) {
  const measure = index.measures.of(claim.topic, claim.unit);
  return previousOf(index, { ...claim, measure }, guildId);
}

/** A denial or no-evidence statement alerts once per topic, claimant and status, whatever its wording. */
function isFirstStatement(index: ClaimIndex, claim: IndexedClaim, guildId: string | null): boolean {
  const row = index
    .topicRows(claim.topic!)
    .find((r) => r.claimant === claim.claimant && r.group === statusGroup(claim.status, claim.low));
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
  const group = statusGroup(claim.status, claim.low);
  return isStatementGroup(group) ? `${claim.topic}|${claim.claimant}|${group}` : claim.figure.key;
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
    // "Up from 388" is history and "a group of 20" is beside the story: neither is news.
    if (!claim.topic || claim.figure.standing !== 'current' || !isNewHere(claim, guildId)) continue;
    const key = alertKeyOf(claim);
    if (done.has(key)) continue;
    done.add(key);
    if (key !== claim.figure.key && !isFirstStatement(index, claim, guildId)) continue;
    alerts.push(alertOf(index, claim, guildId));
  }
  return alerts;
}
