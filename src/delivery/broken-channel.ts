/**
 * A channel that refuses for good (the bot lost access, or the channel was deleted): everything
 * waiting for it is set aside, the route is marked broken so nothing is sent there again, and
 * the server's moderators hear it once, in another channel that takes alerts.
 */

import { encodePayload, noticeMessage } from '../alerting/message-payload.js';
import { escapeMarkdown } from '../format/markdown.js';
import { plural } from '../format/numbers.js';
import type { Logger } from '../log.js';
import { noticesChannelOf } from '../settings/zone.js';
import type { GuildScope } from '../store/records.js';
import type { StorePort } from '../store/store-port.js';

export interface BrokenSend {
  guildId: GuildScope;
  channelId: string;
  /** The rows whose send was refused. */
  ids: readonly number[];
  /** "Missing Access (403)". */
  reason: string;
}

/** Marks the channel broken; returns how many rows were marked broken. */
export async function channelBroke(store: StorePort, log: Logger, send: BrokenSend, now: Date): Promise<number> {
  const { guildId, channelId, reason } = send;
  const { marked, first, toldIn } = await store.transaction(async () => {
    // Rows waiting on a back-off are not due yet, but would meet the same refusal.
    const waiting = (await store.outbox.pendingFor(channelId)).map((r) => r.id);
    const ids = [...new Set([...send.ids, ...waiting])];
    await store.outbox.setAside(ids, reason);
    const isFirst = await store.routes.markChannelBroken(guildId, channelId, reason, now);
    const told = isFirst ? await tellModerators(store, guildId, channelId, reason, ids.length, now) : undefined;
    return { marked: ids.length, first: isFirst, toldIn: told };
  });
  const where = `channel ${channelId}${guildId ? ` in server ${guildId}` : ''}`;
  const told = !first
    ? 'already known'
    : toldIn
      ? `moderators told in channel ${toldIn}`
      : 'no other alert channel to tell';
  log.warn(`alerts to ${where} stopped: ${reason}; ${plural(marked, 'message')} set aside; ${told}`);
  return marked;
}

async function tellModerators(
  store: StorePort,
  guildId: GuildScope,
  brokenId: string,
  reason: string,
  setAside: number,
  now: Date,
): Promise<string | undefined> {
  const channelId = await noticesChannelOf(store, guildId, { except: brokenId });
  if (!channelId) return undefined;
  const text = [
    `claimwatch can no longer post in <#${brokenId}>: ${escapeMarkdown(reason)}.`,
    `${plural(setAside, 'waiting message')} for it ${setAside === 1 ? 'was' : 'were'} set aside, and nothing more will be sent there.`,
    'Give the bot View Channel, Send Messages and Embed Links there (or choose another channel), then follow the topics there again to resume.',
  ].join('\n');
  await store.outbox.enqueue(
    { guildId, channelId, kind: 'notice', payload: encodePayload(noticeMessage('Alerts stopped in a channel', text)) },
    now,
  );
  return channelId;
}
