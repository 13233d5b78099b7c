import type { Claim } from '../extract/index.js';
import { formatRange } from '../format/numbers.js';
import type { ClaimIndex } from './claim-index.js';
import { spreadOf, topicStates } from './topic-state.js';

/** A figure this many times below every running figure is no step in the story but a number beside it. */
const FAR_BELOW = 10;

/**
 * Sets aside a figure far below both the story's running range and its claimant's latest figure
 * in the same measure: "2" against 11,000-12,000 is an anecdote or a misread, not news. Decided
 * once, as the article arrives, against what the server could see then.
 */
export function setAsideFarBelow(index: ClaimIndex, claims: readonly Claim[], viewer: string | null): Claim[] {
  return claims.map((claim) => {
    if (!claim.topic || claim.high === null || claim.role !== 'current' || claim.aside) return claim;
    if (claim.status !== 'reported' && claim.status !== 'confirmed' && claim.status !== 'projected') return claim;
    const measure = index.measures.ofClaim(claim);
    const states = topicStates(index, claim.topic, viewer);
    const spread = spreadOf(states, measure);
    if (!spread || claim.high * FAR_BELOW > spread.low) return claim;
    const own = states.find((s) => s.row.claimant === claim.claimant && s.row.measure === measure)?.latest.figure;
    if (own?.low != null && claim.high * FAR_BELOW > own.low) return claim;
    return { ...claim, aside: `far below the running range (${formatRange(spread.low, spread.high)} ${measure})` };
  });
}
