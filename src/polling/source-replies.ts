/** What /sources says. Moderators' answers are ephemeral: source management is not channel news. */

import type { Answer, Choice } from '../answers/answer.js';
import { MAX_CHOICES } from '../answers/choices.js';
import { escapeMarkdown } from '../format/markdown.js';
import { plural } from '../format/numbers.js';
import type { Newsroom } from '../newsroom/newsroom.js';
import { type SourceRecord, scopeOf } from '../store/records.js';
import type { AddedSource } from './add-source.js';
import { PAUSE_AFTER } from './health.js';
import type { SourceStatus, SourceView } from './manage.js';
import { shown } from './naming.js';
import { utcText } from './time.js';

const reply = (title: string, summary: string, sections: Answer['sections'] = []): Answer => ({
  title,
  summary,
  sections,
  ephemeral: true,
});

/**
 * Where a source reads from. A URL in a code span: no escaping to break it, no embed. A folder's
 * path is the bot machine's business, shown at the console only.
 */
function whereText(source: SourceRecord, guildId: string | null): string {
  if (source.kind === 'folder' && guildId !== null) return 'a folder on the bot’s machine';
  return `\`${source.location.replaceAll('`', '%60')}\``;
}

/** "paused", "failing: 4 failures in a row"; null for a source polling normally. */
function markOf({ source, feed }: SourceView): string | null {
  if (source.pausedReason === 'failing') return 'paused after repeated failures';
  if (source.paused) return 'paused';
  if (feed.failures > 0) return `failing: ${plural(feed.failures, 'failure')} in a row`;
  return null;
}

function listLine(view: SourceView, guildId: string | null): string {
  const mark = markOf(view);
  return `${shown(view.source.name)}: ${whereText(view.source, guildId)}${mark ? ` · **${mark}**` : ''}`;
}

export function addedAnswer({ source, items, claims, summariesOnly = 0, damage = [] }: AddedSource): Answer {
  const short =
    summariesOnly > 0
      ? ` ${plural(summariesOnly, 'item')} from ${summariesOnly === 1 ? 'its summary' : 'their summaries'} only: the pages behind them were too many or too slow to read now.`
      : '';
  const damaged = damage.length > 0 ? ` Read past: ${escapeMarkdown(damage.join('; '))}.` : '';
  return reply(
    'Source added',
    `Added ${shown(source.name)}: ${plural(items, 'item')}, ${plural(claims, 'claim')}; its current items were indexed without alerts.${short}${damaged}`,
  );
}

export function listAnswer(list: { own: SourceView[]; defaults: SourceView[] }, guildId: string | null): Answer {
  const sections = [
    ...(guildId === null
      ? []
      : [{ heading: 'This server’s sources', lines: list.own.map((v) => listLine(v, guildId)) }]),
    {
      heading: guildId === null ? 'Default sources (every server reads these)' : 'Defaults (every server reads these)',
      lines: list.defaults.map((v) => listLine(v, guildId)),
    },
  ].filter((s) => s.lines.length > 0);
  const summary =
    guildId !== null && list.own.length === 0
      ? 'This server has no sources of its own yet: `/sources add` adds a feed.'
      : '`/sources status` shows one in detail.';
  return reply('Sources', summary, sections);
}

export function removedAnswer(source: SourceRecord): Answer {
  return reply(
    'Source removed',
    `Removed ${shown(source.name)}. The claims it brought stay in answers; it is no longer polled.`,
  );
}

export function pausedAnswer(source: SourceRecord): Answer {
  return reply('Source paused', `Paused ${shown(source.name)}: it is not polled until \`/sources resume\`.`);
}

export function resumedAnswer({
  source,
  was,
  feed,
}: {
  source: SourceRecord;
  was: SourceRecord['pausedReason'];
  feed: SourceView['feed'];
}): Answer {
  const base = `Resumed ${shown(source.name)}: it is read again at the next poll.`;
  if (was !== 'failing') return reply('Source resumed', base);
  const last = feed.lastError ? ` (the last: ${escapeMarkdown(feed.lastError)})` : '';
  const again = feed.failures >= PAUSE_AFTER ? ' If that read fails too, it is paused again.' : '';
  return reply(
    'Source resumed',
    `${base} It had been paused after ${plural(feed.failures, 'failure')} in a row${last}.${again}`,
  );
}

function stateText({ source, feed }: SourceStatus): string {
  if (source.pausedReason === 'failing') return 'Paused after repeated failures: `/sources resume` tries it again.';
  if (source.paused) return 'Paused by a moderator: `/sources resume` polls it again.';
  if (feed.failures > 0) return `Failing: ${plural(feed.failures, 'failure')} in a row; retried less often each time.`;
  return feed.lastSuccessAt ? 'Polling normally.' : 'Not read yet.';
}

function nextPollText({ source, feed }: SourceStatus): string {
  if (source.paused) return 'not while paused';
  return feed.nextPollAt ? utcText(feed.nextPollAt) : 'due now, at the next scheduled poll';
}

export function statusAnswer(status: SourceStatus, guildId: string | null): Answer {
  const { source, feed } = status;
  const lines = [
    `Reads: ${whereText(source, guildId)}`,
    `Last success: ${utcText(feed.lastSuccessAt)}`,
    `Last attempt: ${utcText(feed.lastAttemptAt)}`,
    `Last error: ${feed.lastError ? escapeMarkdown(feed.lastError) : 'none'}`,
    `Failures in a row: ${feed.failures}`,
    `Next poll: ${nextPollText(status)}`,
    `Items: ${feed.items ?? 'unknown'} in the ${source.kind === 'folder' ? 'folder' : 'feed'} at its last read; ${status.taken} taken in by this source`,
    `Topics: ${source.topics?.length ? source.topics.map(escapeMarkdown).join(', ') : 'all'}`,
    `Added: ${utcText(source.createdAt)}`,
  ];
  const title = `Source: ${escapeMarkdown(source.name)}`;
  const summary = status.isDefault ? `${stateText(status)} One of the defaults every server reads.` : stateText(status);
  return reply(title, summary, [{ heading: 'Details', lines }]);
}

/** The asking server's own sources as a moderator types a name. */
export async function ownSourceChoices(newsroom: Newsroom, guildId: string | null, typed: string): Promise<Choice[]> {
  const wanted = typed.trim().toLowerCase();
  return (await newsroom.port.sourceBook.inScope(scopeOf(guildId)))
    .filter((s) => s.name.toLowerCase().includes(wanted))
    .slice(0, MAX_CHOICES)
    .map((s) => ({ name: s.name.slice(0, 100), value: s.name.slice(0, 100) }));
}
