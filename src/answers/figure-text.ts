/** How a figure, a change and a claim's provenance read in answers and alerts. */
import { formatDay } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import { formatNumber, formatRange } from '../format/numbers.js';
import type { FigureView, IndexedClaim } from '../index/claim-index.js';

/** "approximately 12,000 troops", "1,500–3,000 troops"; a statement with no figure is its status. */
export function describeFigure(claim: Pick<IndexedClaim, 'low' | 'high' | 'hedge' | 'status' | 'measure'>): string {
  if (claim.low === null) {
    if (claim.status === 'unverified') return 'says there is no evidence';
    return claim.status === 'confirmed' ? 'confirms it' : claim.status;
  }
  return [claim.hedge, formatRange(claim.low, claim.high), claim.measure].filter(Boolean).join(' ');
}

/** The change from a claimant's previous figure, when the two can be compared. */
export function describeChange(latest: FigureView, previous: FigureView | undefined): string {
  if (!previous) return 'first figure';
  const was = `${formatRange(previous.figure.low, previous.figure.high)} on ${formatDay(previous.last.article.day)}`;
  const { low, high } = latest.figure;
  if (low === null || high === null || low !== high || previous.figure.low !== previous.figure.high)
    return `was ${was}`;
  const delta = low - previous.figure.low!;
  if (delta === 0) return `same as ${was}`;
  return `${delta > 0 ? 'up' : 'down'} ${formatNumber(Math.abs(delta))} from ${was}`;
}

/** Who published the latest report of a figure, and the claim to ask /claim about. */
export function provenance(claim: IndexedClaim): string {
  const outlet = claim.article.outletName ? escapeMarkdown(claim.article.outletName) : 'unknown outlet';
  const via = claim.via && claim.via !== claim.article.outletName ? ` via ${escapeMarkdown(claim.via)}` : '';
  return `${outlet}${via}, ${formatDay(claim.article.day)} (#${claim.id})`;
}

export function nameOf(claimant: string | null): string {
  return claimant ? `**${escapeMarkdown(claimant)}**` : '**Unattributed**';
}
