import { UserError } from '../errors.js';
import { escapeMarkdown } from '../format/markdown.js';
import type { ClaimIndex } from '../index/claim-index.js';

/**
 * A channel as Discord shows it: a mention for a real channel id. The console takes channels
 * as typed ("#desk" is "desk"), and a mention of a name would print as noise, so names stay names.
 */
export function channelMention(channelId: string): string {
  return /^\d+$/.test(channelId) ? `<#${channelId}>` : `#${escapeMarkdown(channelId)}`;
}

/**
 * Discord resolves a channel option to a real id; the console passes what was typed, so the
 * check is for the console: one word of letters, digits, "-" or "_".
 */
export function checkChannelId(channelId: string): string {
  if (!/^[\p{L}\p{N}_-]{1,100}$/u.test(channelId)) {
    throw new UserError('Name the channel as #name, <#id> or its id: one word, no spaces.');
  }
  return channelId;
}

/** "May 1, 2025, 08:00 GMT+9": a moment in the newsroom's zone (ALERT_TZ), named, so nobody converts. */
export function formatMoment(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A topic by label, with its key for typing; a key topics.json no longer has is shown as is. */
export function topicName(index: ClaimIndex, key: string): string {
  const topic = index.topics.find((t) => t.key === key);
  return topic ? `${escapeMarkdown(topic.label)} (\`${key}\`)` : `\`${key}\` (no longer a topic)`;
}
