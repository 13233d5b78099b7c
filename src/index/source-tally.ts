import { type Figure, type IndexedClaim, isVisible } from './records.js';

/** How much one source said or relayed: what /source heads its sections with. */
export interface Tally {
  claims: number;
  figures: number;
  topics: Map<string, number>;
}

interface Counts {
  claims: number;
  figures: Set<Figure>;
  topics: Map<string, number>;
  /** Claims only some servers may see: few, so counted when asked. */
  restricted: IndexedClaim[];
}

export type Role = 'claimed' | 'relayed';

/** What a tally counts a claim by: its own topic and figure, or the ones a re-filing is about to give it. */
type Filed = Pick<IndexedClaim, 'topic' | 'figure'>;

const topicOf = (claim: Filed) => claim.topic ?? 'no topic';

/**
 * Running counts per source of what everyone may see, kept as claims arrive, so /source never
 * walks a source's hundreds of thousands of claims. A claim leaves the counts only when a
 * moderator corrects it (counted again as it now stands) or marks it wrong.
 */
export class SourceTallies {
  private readonly byRole = { claimed: new Map<string, Counts>(), relayed: new Map<string, Counts>() };

  add(claim: IndexedClaim, filed: Filed = claim): void {
    this.each(claim, (counts) => {
      if (claim.article.audience === 'everyone') count(counts, filed);
      else counts.restricted.push(claim);
    });
  }

  /** Before a correction: the claim as it stood (its figure already without it) leaves the counts. */
  remove(claim: IndexedClaim, filed: Filed = claim): void {
    this.each(claim, (counts) => {
      const at = counts.restricted.indexOf(claim);
      if (at >= 0) {
        counts.restricted.splice(at, 1);
        return;
      }
      counts.claims--;
      const topic = topicOf(filed);
      const left = (counts.topics.get(topic) ?? 1) - 1;
      if (left > 0) counts.topics.set(topic, left);
      else counts.topics.delete(topic);
      if (filed.figure.claims.length === 0) counts.figures.delete(filed.figure);
    });
  }

  /** A claim whose article everyone may now see moves from the restricted list to the counts. */
  promote(claim: IndexedClaim): void {
    this.each(claim, (counts) => {
      const at = counts.restricted.indexOf(claim);
      if (at < 0) return;
      counts.restricted.splice(at, 1);
      count(counts, claim);
    });
  }

  tally(name: string, role: Role, guildId: string | null): Tally {
    const counts = this.byRole[role].get(name);
    if (!counts) return { claims: 0, figures: 0, topics: new Map() };
    const extra = counts.restricted.filter((c) => isVisible(c.article, guildId));
    if (extra.length === 0) return { claims: counts.claims, figures: counts.figures.size, topics: counts.topics };
    const topics = new Map(counts.topics);
    const more = new Set<Figure>();
    for (const claim of extra) {
      topics.set(topicOf(claim), (topics.get(topicOf(claim)) ?? 0) + 1);
      if (!counts.figures.has(claim.figure)) more.add(claim.figure);
    }
    return { claims: counts.claims + extra.length, figures: counts.figures.size + more.size, topics };
  }

  /** The claimant claimed it; its via and its article's outlet relayed it (unless they are the claimant). */
  private each(claim: IndexedClaim, visit: (counts: Counts) => void): void {
    if (claim.claimant) visit(this.counts('claimed', claim.claimant));
    const { via } = claim;
    const outlet = claim.article.outletName;
    if (via && via !== claim.claimant) visit(this.counts('relayed', via));
    if (outlet && outlet !== claim.claimant && outlet !== via) visit(this.counts('relayed', outlet));
  }

  private counts(role: Role, name: string): Counts {
    const map = this.byRole[role];
    let counts = map.get(name);
    if (!counts) map.set(name, (counts = { claims: 0, figures: new Set(), topics: new Map(), restricted: [] }));
    return counts;
  }
}

function count(counts: Counts, claim: Filed): void {
  counts.claims++;
  counts.figures.add(claim.figure);
  counts.topics.set(topicOf(claim), (counts.topics.get(topicOf(claim)) ?? 0) + 1);
}
