import { escapeMarkdown } from '../format/markdown.js';
import type { Logger } from '../log.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { noticesChannelOf } from '../settings/zone.js';
import { DEFAULTS, type SourceRecord } from '../store/records.js';
import { encodePayload, noticeMessage } from './message-payload.js';

export type SourceEvent = 'failing' | 'paused' | 'recovered';

const TITLES: Record<SourceEvent, string> = {
  failing: 'A source keeps failing',
  paused: 'A source was paused after repeated failures',
  recovered: 'A source is working again',
};

const ADVICE: Record<SourceEvent, string> = {
  failing: 'claimwatch keeps retrying, less often each time. `/sources status` shows the details.',
  paused: 'It will not be polled again until a moderator runs `/sources resume`.',
  recovered: 'Polling is back to normal.',
};

/** One message per event, queued like an alert so it survives a restart; the log always hears it. */
export async function queueSourceNotice(
  newsroom: Newsroom,
  log: Logger,
  source: SourceRecord,
  event: SourceEvent,
  detail: string,
  now: Date,
): Promise<void> {
  const line = `${TITLES[event]}: ${source.name} (${detail})`;
  if (event === 'recovered') log.info(line);
  else log.warn(line);
  if (source.guildId === DEFAULTS) return;
  const channelId = await noticesChannelOf(newsroom.port, source.guildId, { topics: source.topics });
  if (!channelId) return;
  const text = `**${escapeMarkdown(source.name)}**: ${escapeMarkdown(detail)}\n${ADVICE[event]}`;
  await newsroom.port.outbox.enqueue(
    { guildId: source.guildId, channelId, kind: 'notice', payload: encodePayload(noticeMessage(TITLES[event], text)) },
    now,
  );
}
