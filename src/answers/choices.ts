import Fuse from 'fuse.js';
import type { ClaimIndex } from '../index/claim-index.js';
import { type IndexedClaim, isVisible } from '../index/records.js';
import { memoByRevision } from '../index/revision-memo.js';
import { topicName, topicsFor } from '../topics/topic-set.js';
import type { Choice } from './answer.js';

/** Discord shows at most 25 choices, each name and value at most 100 characters. */
export const MAX_CHOICES = 25;
const choice = (name: string, value = name): Choice => ({ name: name.slice(0, 100), value: value.slice(0, 100) });

function rank(names: string[], typed: string): string[] {
  const text = typed.trim();
  if (!text) return names.slice(0, MAX_CHOICES);
  return new Fuse(names, { threshold: 0.4, ignoreLocation: true })
    .search(text, { limit: MAX_CHOICES })
    .map((r) => r.item);
}

const visibleCount = (claims: readonly IndexedClaim[], guildId: string | null, topic?: string | null): number =>
  claims.filter((c) => isVisible(c.article, guildId) && (!topic || c.topic === topic)).length;

/**
 * How many claims and relays of each source this server can see, counted once while the index
 * stands still: with nothing typed the busiest lead, and counting walks every claim (1M at scale).
 */
const visibleActivity = (index: ClaimIndex, guildId: string | null): ReadonlyMap<string, number> =>
  memoByRevision(index, `source-activity|${guildId}`, 16, () => {
    const counts = new Map<string, number>();
    for (const { name } of index.names.all())
      counts.set(name, visibleCount(index.claimsBy(name), guildId) + visibleCount(index.relayedBy(name), guildId));
    return counts;
  });

/**
 * Sources as a member types: the busiest first when nothing is typed, fuzzy matches after. Only
 * names this server can see a claim or relay of: another server's feed titles are its own.
 */
export function sourceChoices(index: ClaimIndex, typed: string, guildId: string | null): Choice[] {
  const activity = visibleActivity(index, guildId);
  const seen = (name: string) => (activity.get(name) ?? 0) > 0;
  // A name with claims, none of them visible here, came from another server's sources.
  const othersOnly = (name: string) => !seen(name) && index.claimsBy(name).length + index.relayedBy(name).length > 0;
  if (typed.trim())
    return index.names
      .search(typed, MAX_CHOICES * 4)
      .filter((s) => !othersOnly(s.name))
      .slice(0, MAX_CHOICES)
      .map((s) => choice(s.name));
  return [...activity]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CHOICES)
    .map(([name]) => choice(name));
}

/** Claimants with a figure on this topic that this server can see. */
export function claimantChoices(
  index: ClaimIndex,
  topic: string | null,
  typed: string,
  guildId: string | null,
): Choice[] {
  // Checking who this server can see walks each claimant's claims: done once while the index stands still.
  const names = memoByRevision(index, `claimant-choices|${topic}|${guildId}`, 32, () => {
    const rows = topic
      ? index.topicRows(topic)
      : topicsFor(index.topics, guildId).flatMap((t) => index.topicRows(t.key));
    return [...new Set(rows.map((r) => r.claimant).filter((n): n is string => n !== null))]
      .filter((name) => visibleCount(index.claimsBy(name), guildId, topic) > 0)
      .sort();
  });
  return rank(names, typed).map((name) => choice(name));
}

/** The topics this server sees; the value is what resolveTopic reads back. */
export function topicChoices(index: ClaimIndex, typed: string, guildId: string | null): Choice[] {
  const labels = new Map(topicsFor(index.topics, guildId).map((t) => [`${t.label} (${topicName(t)})`, t.key]));
  return rank([...labels.keys()], typed).map((label) => choice(label, labels.get(label)!));
}
