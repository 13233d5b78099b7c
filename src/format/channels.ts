import { UserError } from '../errors.js';
import { escapeMarkdown } from './markdown.js';

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
