import Fuse from 'fuse.js';
import type { ClaimIndex } from '../index/claim-index.js';
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

/** Sources as a member types: the busiest first when nothing is typed, fuzzy matches after. */
export function sourceChoices(index: ClaimIndex, typed: string): Choice[] {
  if (typed.trim()) return index.names.search(typed, MAX_CHOICES).map((s) => choice(s.name));
  const activity = (name: string) => index.claimsBy(name).length + index.relayedBy(name).length;
  return index.names
    .all()
    .map((s) => ({ name: s.name, n: activity(s.name) }))
    .filter((s) => s.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, MAX_CHOICES)
    .map((s) => choice(s.name));
}

/** Claimants with a figure on this topic. */
export function claimantChoices(
  index: ClaimIndex,
  topic: string | null,
  typed: string,
  guildId: string | null,
): Choice[] {
  const rows = topic ? index.topicRows(topic) : topicsFor(index.topics, guildId).flatMap((t) => index.topicRows(t.key));
  const names = [...new Set(rows.map((r) => r.claimant).filter((n): n is string => n !== null))].sort();
  return rank(names, typed).map((name) => choice(name));
}

/** The topics this server sees; the value is what resolveTopic reads back. */
export function topicChoices(index: ClaimIndex, typed: string, guildId: string | null): Choice[] {
  const labels = new Map(topicsFor(index.topics, guildId).map((t) => [`${t.label} (${topicName(t)})`, t.key]));
  return rank([...labels.keys()], typed).map((label) => choice(label, labels.get(label)!));
}
