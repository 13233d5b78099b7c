import Fuse from 'fuse.js';
import type { ClaimIndex } from '../index/claim-index.js';
import { type IndexedClaim, isVisible } from '../index/records.js';
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
 * Sources as a member types: the busiest first when nothing is typed, fuzzy matches after. Only
 * names this server can see a claim or relay of: another server's feed titles are its own.
 */
export function sourceChoices(index: ClaimIndex, typed: string, guildId: string | null): Choice[] {
  const activity = (name: string) =>
    visibleCount(index.claimsBy(name), guildId) + visibleCount(index.relayedBy(name), guildId);
  // A name with claims, none of them visible here, came from another server's sources.
  const othersOnly = (name: string) =>
    activity(name) === 0 && index.claimsBy(name).length + index.relayedBy(name).length > 0;
  if (typed.trim())
    return index.names
      .search(typed, MAX_CHOICES * 4)
      .filter((s) => !othersOnly(s.name))
      .slice(0, MAX_CHOICES)
      .map((s) => choice(s.name));
  return index.names
    .all()
    .map((s) => ({ name: s.name, n: activity(s.name) }))
    .filter((s) => s.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, MAX_CHOICES)
    .map((s) => choice(s.name));
}

/** Claimants with a figure on this topic that this server can see. */
export function claimantChoices(
  index: ClaimIndex,
  topic: string | null,
  typed: string,
  guildId: string | null,
): Choice[] {
  const rows = topic ? index.topicRows(topic) : topicsFor(index.topics, guildId).flatMap((t) => index.topicRows(t.key));
  const names = [...new Set(rows.map((r) => r.claimant).filter((n): n is string => n !== null))]
    .filter((name) => visibleCount(index.claimsBy(name), guildId, topic) > 0)
    .sort();
  return rank(names, typed).map((name) => choice(name));
}

/** The topics this server sees; the value is what resolveTopic reads back. */
export function topicChoices(index: ClaimIndex, typed: string, guildId: string | null): Choice[] {
  const labels = new Map(topicsFor(index.topics, guildId).map((t) => [`${t.label} (${topicName(t)})`, t.key]));
  return rank([...labels.keys()], typed).map((label) => choice(label, labels.get(label)!));
}
