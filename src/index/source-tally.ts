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

const topicOf = (claim: IndexedClaim) => claim.topic ?? 'no topic';

/** A source's claims as the index files them: what it claimed, or what it relayed or published. */
export type ClaimsOf = (name: string, role: Role) => readonly IndexedClaim[];

/**
 * Running counts per source of what everyone may see, so /source never walks a source's
 * hundreds of thousands of claims twice. A source's counts are made the first time it is asked
 * about, from the claims the index holds then, and kept as claims arrive: counting every
 * source's at boot was a sixth of it. A claim leaves the counts only when a moderator corrects
 * it (counted again as it now stands) or marks it wrong.
 */
export class SourceTallies {
  private readonly byRole = { claimed: new Map<string, Counts>(), relayed: new Map<string, Counts>() };

  constructor(private readonly claimsOf: ClaimsOf) {}

  add(claim: IndexedClaim): void {
    this.each(claim, (counts) => {
      if (claim.article.audience === 'everyone') count(counts, claim);
      else counts.restricted.push(claim);
    });
  }

  /** Before a correction: the claim as it stood (its figure already without it) leaves the counts. */
  remove(claim: IndexedClaim): void {
    this.each(claim, (counts) => {
      const at = counts.restricted.indexOf(claim);
      if (at >= 0) {
        counts.restricted.splice(at, 1);
        return;
      }
      counts.claims--;
      const topic = topicOf(claim);
      const left = (counts.topics.get(topic) ?? 1) - 1;
      if (left > 0) counts.topics.set(topic, left);
      else counts.topics.delete(topic);
      if (claim.figure.claims.length === 0) counts.figures.delete(claim.figure);
    });
  }

  /** Claims changed names: counts of the names they had and have are made afresh when next asked, as at boot. */
  forget(names: Iterable<string>): void {
    for (const name of names) {
      this.byRole.claimed.delete(name);
      this.byRole.relayed.delete(name);
    }
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
    const counts = this.byRole[role].get(name) ?? this.countAll(role, name);
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

  /**
   * The claimant claimed it; its via and its article's outlet relayed it (unless they are the
   * claimant). Only counts already made are kept up: the others are made from the claims when asked.
   */
  private each(claim: IndexedClaim, visit: (counts: Counts) => void): void {
    const kept = (role: Role, name: string) => {
      const counts = this.byRole[role].get(name);
      if (counts) visit(counts);
    };
    if (claim.claimant) kept('claimed', claim.claimant);
    const { via } = claim;
    const outlet = claim.article.outletName;
    if (via && via !== claim.claimant) kept('relayed', via);
    if (outlet && outlet !== claim.claimant && outlet !== via) kept('relayed', outlet);
  }

  /**
   * A source's counts from the claims filed under it. Its topics are kept in the order their
   * first claims arrived (by id), as counting claim by claim would have put them: the claims
   * come by day, so each topic's first id is noted and the few topics sorted by it.
   * Relayed claims the source itself claims, and claims marked wrong, are no part of them.
   */
  private countAll(role: Role, name: string): Counts {
    const counts: Counts = { claims: 0, figures: new Set(), topics: new Map(), restricted: [] };
    const topics = new Map<string, { n: number; first: number }>();
    for (const claim of this.claimsOf(name, role)) {
      if (claim.wrong || (role === 'relayed' && claim.claimant === name)) continue;
      if (claim.article.audience !== 'everyone') {
        counts.restricted.push(claim);
        continue;
      }
      counts.claims++;
      counts.figures.add(claim.figure);
      const topic = topics.get(topicOf(claim));
      if (!topic) topics.set(topicOf(claim), { n: 1, first: claim.id });
      else {
        topic.n++;
        topic.first = Math.min(topic.first, claim.id);
      }
    }
    for (const [topic, { n }] of [...topics].sort((a, b) => a[1].first - b[1].first)) counts.topics.set(topic, n);
    // Restricted claims add their topics after these, in id order too (tally).
    counts.restricted.sort((a, b) => a.id - b.id);
    this.byRole[role].set(name, counts);
    return counts;
  }
}

function count(counts: Counts, claim: IndexedClaim): void {
  counts.claims++;
  counts.figures.add(claim.figure);
  counts.topics.set(topicOf(claim), (counts.topics.get(topicOf(claim)) ?? 0) + 1);
}
