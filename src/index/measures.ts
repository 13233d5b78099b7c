import type { TopicDef } from '../extract/index.js';

const singular = (word: string) => word.replace(/(?<=\w)s$/, '');

/** Maps a claim's unit to what it measures within its topic (see TopicDef.measures). */
export class Measures {
  private readonly byTopic = new Map<string, { headline: string; byUnit: Map<string, string> }>();

  constructor(topics: readonly TopicDef[]) {
    for (const topic of topics) {
      const byUnit = new Map<string, string>();
      for (const [label, units] of Object.entries(topic.measures ?? {})) {
        for (const unit of [label, ...units]) {
          byUnit.set(unit.toLowerCase(), label);
          byUnit.set(singular(unit.toLowerCase()), label);
        }
      }
      this.byTopic.set(topic.key, { headline: Object.keys(topic.measures ?? {})[0] ?? topic.key, byUnit });
    }
  }

  /** The topic's headline measure: what an unqualified figure in it counts ('' with no topic). */
  headline(topic: string | null): string {
    return (topic && this.byTopic.get(topic)?.headline) || '';
  }

  /**
   * What a claim measures: an increment ("3,000 more troops") is a measure of its own, so it is
   * never compared with a total nor bounds the range of totals.
   */
  ofClaim(claim: { topic: string | null; unit: string | null; role: string }): string {
    const measure = this.of(claim.topic, claim.unit);
    return claim.role === 'increment' ? `${measure} added` : measure;
  }

  of(topic: string | null, unit: string | null): string {
    const entry = topic ? this.byTopic.get(topic) : undefined;
    if (!unit) return entry?.headline ?? '';
    const folded = unit.toLowerCase();
    return entry?.byUnit.get(folded) ?? entry?.byUnit.get(singular(folded)) ?? folded;
  }
}
