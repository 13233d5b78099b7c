import { channelMention } from '../format/channels.js';
import { formatMoment } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import { plural } from '../format/numbers.js';
import type { Decision, OutboxMessage } from '../store/outbox.js';
import type { StorePort } from '../store/store-port.js';

/** What became of one alert message: sent, waiting (and why), or stuck on a broken channel. */
async function deliveryOf(store: StorePort, decision: Decision, message: OutboxMessage, zone: string): Promise<string> {
  const where = channelMention(message.channelId);
  const folded = message.folded || decision.outcome === 'folded';
  const what = folded ? `folded into a digest for ${where}` : `alerted ${where}`;
  if (message.status === 'sent')
    return `${what}, sent ${message.sentAt ? formatMoment(message.sentAt, zone) : '(time not recorded)'}`;
  if (message.status === 'broken') {
    // The channel's own mark says why it broke; the message's last error is the next best thing.
    const mark = await store.routes.broken(message.channelId);
    const reason =
      (mark?.guildId === decision.guildId ? mark.reason : null) ?? message.lastError ?? 'no reason recorded';
    return `the ${folded ? 'digest' : 'alert'} for ${where} could not be posted: the channel is broken (${escapeMarkdown(reason)})`;
  }
  const tries =
    message.attempts === 0
      ? 'not tried yet'
      : `${plural(message.attempts, 'attempt')} so far, last error: ${escapeMarkdown(message.lastError ?? 'none recorded')}`;
  return `${what}, waiting to be sent (${tries}; next try ${formatMoment(message.nextAttemptAt, zone)})`;
}

/** A decision written when the claim arrived: what it decided, and what each channel got. */
export async function describeDecision(
  store: StorePort,
  decision: Decision,
  messages: readonly OutboxMessage[],
  zone: string,
): Promise<string> {
  const when = formatMoment(decision.decidedAt, zone);
  if (decision.outcome === 'no-followers') return `Decided ${when}: no channel followed the topic then.`;
  const mine = messages.filter((m) => m.decisionId === decision.id);
  if (mine.length === 0) return `Decided to alert ${when}, but no message is on record for it.`;
  const text = (await Promise.all(mine.map((m) => deliveryOf(store, decision, m, zone)))).join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} (decided ${when}).`;
}
