import type { Answer, AnswerSection } from '../answers/answer.js';
import { describeChange, describeFigure, nameOf, provenance } from '../answers/figure-text.js';
import { formatMoment } from '../format/days.js';
import { plural } from '../format/numbers.js';
import type { ClaimIndex } from '../index/claim-index.js';
import { topicStates } from '../index/topic-state.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { zoneOf } from '../settings/zone.js';
import { type GuildScope, viewerOf } from '../store/records.js';
import type { Digest } from '../store/routes.js';
import { encodePayload, type MessagePayload } from './message-payload.js';

/** Each claimant whose latest figure on the topic reached this server after `since`, with its change. */
function changedLines(index: ClaimIndex, topic: string, guildId: GuildScope, since: string): string[] {
  return topicStates(index, topic, viewerOf(guildId))
    .filter((state) => state.latest.first.article.ingestedAt > since)
    .map(
      ({ row, latest, previous }) =>
        `${nameOf(row.claimant)}: ${describeFigure(latest.last)} (${describeChange(latest, previous)}) · ${provenance(latest.last)}`,
    );
}

/**
 * The scheduled briefing: every figure new or changed since the last one, by topic, or a line
 * saying nothing changed, so a desk knows the briefing ran.
 */
export function briefingMessage(
  index: ClaimIndex,
  guildId: GuildScope,
  topics: readonly string[],
  since: string,
  now: Date,
  timeZone: string,
): MessagePayload {
  const sections: AnswerSection[] = [];
  for (const topic of topics) {
    const lines = changedLines(index, topic, guildId, since);
    const label = index.topics.find((t) => t.key === topic)?.label ?? topic;
    if (lines.length > 0) sections.push({ heading: label, lines });
  }
  const changes = sections.reduce((n, s) => n + s.lines.length, 0);
  const span = `since ${formatMoment(since, timeZone)}`;
  const answer: Answer = {
    title: `Briefing · ${formatMoment(now.toISOString(), timeZone)}`,
    summary: changes === 0 ? `Nothing new or changed ${span}.` : `${plural(changes, 'figure')} new or changed ${span}.`,
    sections,
  };
  return { answer, line: `Briefing: ${changes === 0 ? 'nothing new' : plural(changes, 'change')} ${span}` };
}

/**
 * Queues one channel's briefing and moves its mark, together: a crash between the two can
 * neither skip a span nor brief it twice.
 */
export function queueBriefing(newsroom: Newsroom, digest: Digest, now: Date): Promise<number> {
  const { port, index } = newsroom;
  return port.transaction(async () => {
    const followed = (await port.routes.follows(digest.guildId))
      .filter((f) => f.channelId === digest.channelId)
      .map((f) => f.topic);
    const topics = followed.length > 0 ? followed : index.topics.map((t) => t.key);
    const message = briefingMessage(
      index,
      digest.guildId,
      topics,
      digest.lastRunAt,
      now,
      await zoneOf(newsroom, digest.guildId),
    );
    await port.routes.markDigestRun(digest.id, now);
    return port.outbox.enqueue(
      { guildId: digest.guildId, channelId: digest.channelId, kind: 'briefing', payload: encodePayload(message) },
      now,
    );
  });
}
