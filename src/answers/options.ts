import * as chrono from 'chrono-node';
import { UserError } from '../errors.js';
import type { TopicDef } from '../extract/index.js';
import { zoneOffsetMinutes } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { ClaimIndex } from '../index/claim-index.js';
import { topicName, topicsFor } from '../topics/topic-set.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "2024-11-01", "Nov 1", "yesterday", "last week": the day a `since` option means, read as the
 * asker's calendar says: "yesterday" at 08:00 in Seoul is the day before Seoul's today, whatever
 * day it still is in UTC. chrono reads the zone's wall-clock time, given as UTC.
 */
export function parseSince(text: string, now: Date, timeZone: string): string {
  const trimmed = text.trim();
  if (ISO_DAY.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) return trimmed;
  const wallClock = new Date(now.getTime() + zoneOffsetMinutes(now, timeZone) * 60_000);
  const date = chrono.parseDate(trimmed, { instant: wallClock, timezone: 0 });
  if (!date) throw new UserError(`"${trimmed}" is not a date I can read: try 2024-11-01, "Nov 1" or "yesterday".`);
  return date.toISOString().slice(0, 10);
}

const folded = (text: string) => text.trim().replace(/\s+/gu, ' ').toLowerCase();

/**
 * A topic the server sees by key, command or label, forgiving case and spaces; or by the start of
 * its label in whole words ("north korean troops"), when that starts no other topic's label.
 */
export function findTopic(index: ClaimIndex, text: string, guildId: string | null): TopicDef | undefined {
  const wanted = folded(text);
  if (wanted === '') return undefined;
  const topics = topicsFor(index.topics, guildId);
  const names = (t: TopicDef) => [t.key, topicName(t), t.command, t.label];
  const topic = topics.find((t) => names(t).some((name) => name !== undefined && folded(name) === wanted));
  if (topic) return topic;
  const starts = topics.filter((t) => `${folded(t.label)} `.startsWith(`${wanted} `));
  return starts.length === 1 ? starts[0] : undefined;
}

/** findTopic, else a list of the topics there are. */
export function resolveTopic(index: ClaimIndex, text: string, guildId: string | null): TopicDef {
  const topic = findTopic(index, text, guildId);
  if (topic) return topic;
  const topics = topicsFor(index.topics, guildId);
  const known = topics.map((t) => `\`${topicName(t)}\` (${t.label})`).join(', ');
  // Typed text is shown back escaped and cut short: it must not format, and need not fill the reply.
  throw new UserError(`There is no topic "${escapeMarkdown(text.trim().slice(0, 50))}". Topics: ${known}.`);
}

const CLAIM_NUMBER = /^(?:claim\s*[:#]?\s*)?#?\s*(\d{1,15})$/i;

/** "42", "#42", "claim 42": a claim's number as answers print it; null for anything else. */
export function claimNumberIn(text: string): number | null {
  const digits = CLAIM_NUMBER.exec(text.trim())?.[1];
  return digits === undefined ? null : Number(digits);
}

/** The claim number a member typed, or a message saying what one looks like. */
export function claimNumber(text: string): number {
  const id = claimNumberIn(text);
  if (id === null || id < 1)
    throw new UserError(
      `"${escapeMarkdown(text.trim().slice(0, 30))}" is not a claim number: give one as answers print it, like 42 or #42.`,
    );
  return id;
}

/**
 * A claimant or outlet by any alias, forgiving typos; an unknown name gets the closest names.
 * Returns the canonical name and whether it was a guess.
 */
export function resolveSource(index: ClaimIndex, text: string): { name: string; guessed: boolean } {
  const exact = index.names.exact(text);
  if (exact) return { name: exact.name, guessed: false };
  const [best] = index.names.search(text, 1);
  if (best) return { name: best.name, guessed: true };
  throw new UserError(`I know no source called "${text.trim()}". Try /source with the list it suggests as you type.`);
}
