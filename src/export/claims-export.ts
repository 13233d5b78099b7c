import type { Answer } from '../answers/answer.js';
import type { Asker } from '../answers/asker.js';
import { parseSince, resolveSource, resolveTopic } from '../answers/options.js';
import { UserError } from '../errors.js';
import type { TopicDef } from '../extract/index.js';
import { formatDay } from '../format/days.js';
import { escapeMarkdown } from '../format/markdown.js';
import { formatNumber, plural } from '../format/numbers.js';
import type { ClaimIndex, IndexedClaim } from '../index/claim-index.js';
import { isVisible } from '../index/records.js';
import { type Cell, csvRecord, UTF8_BOM } from './csv.js';

/**
 * Discord lets a bot attach 10 MiB in a server without boosts; 8 MiB leaves room for the reply
 * around it: about 22,000 claims of the bench's long sentences, written in about 0.23 s.
 */
export const EXPORT_MAX_BYTES = 8 * 1024 * 1024;

export interface ExportQuery {
  topic: TopicDef | null;
  claimant: string | null;
  since: string | null;
  until: string | null;
  guildId: string | null;
}

const HEADER = [
  'claim',
  'date',
  'outlet',
  'claimant',
  'relayed by',
  'low',
  'high',
  'hedge',
  'unit',
  'topic',
  'status',
  'role',
  'set aside',
  'sentence',
  'url',
];

const record = (c: IndexedClaim): Cell[] => [
  `#${c.id}`,
  c.article.day,
  c.article.outletName,
  c.claimant,
  c.via,
  c.low,
  c.high,
  c.hedge,
  c.unit,
  c.topic,
  c.status,
  c.role,
  c.aside,
  c.sentence,
  c.article.url,
];

const newestFirst = (a: IndexedClaim, b: IndexedClaim) =>
  a.article.day < b.article.day ? 1 : a.article.day > b.article.day ? -1 : b.id - a.id;

/** The claims the server can see on the topic, by the claimant, in the days asked; a claim marked wrong is not part of the record a desk works from. */
function exportedClaims(index: ClaimIndex, query: ExportQuery): IndexedClaim[] {
  const pool = query.claimant
    ? index.claimsBy(query.claimant)
    : index.topicRows(query.topic!.key).flatMap((row) => row.figures.flatMap((figure) => figure.claims));
  return pool
    .filter(
      (c) =>
        !c.wrong &&
        isVisible(c.article, query.guildId) &&
        (query.topic === null || c.topic === query.topic.key) &&
        (query.since === null || c.article.day >= query.since) &&
        (query.until === null || c.article.day <= query.until),
    )
    .sort(newestFirst);
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'claims';

function fileName(query: ExportQuery): string {
  const what = [query.topic?.key, query.claimant].filter((s): s is string => Boolean(s)).map(slug);
  const days = [query.since && `from-${query.since}`, query.until && `to-${query.until}`].filter(Boolean);
  return `claimwatch-${[...what, ...days].join('-')}.csv`;
}

/**
 * The claims as CSV, newest first, within maxBytes: when they do not fit, the newest that do are
 * kept and the answer says how many were left out and how to get them.
 */
export function exportClaims(index: ClaimIndex, query: ExportQuery, maxBytes = EXPORT_MAX_BYTES): Answer {
  const what = [query.topic?.label, query.claimant].filter(Boolean).map(String);
  const title = `Export: ${what.join(', ')}`;
  const filters = [query.since && `since ${formatDay(query.since)}`, query.until && `until ${formatDay(query.until)}`]
    .filter(Boolean)
    .join(', ');
  const claims = exportedClaims(index, query);
  if (claims.length === 0) {
    return {
      title,
      summary: `No claims to export${filters ? ` (${filters})` : ''}.`,
      sections: [],
      ephemeral: true,
    };
  }
  const encoder = new TextEncoder();
  let text = UTF8_BOM + csvRecord(HEADER);
  let bytes = encoder.encode(text).length;
  let written = 0;
  for (const claim of claims) {
    const line = csvRecord(record(claim));
    const size = encoder.encode(line).length;
    if (bytes + size > maxBytes) break;
    text += line;
    bytes += size;
    written++;
  }
  const left = claims.length - written;
  const oldest = claims[written - 1]?.article.day;
  const span = oldest ? `, ${formatDay(oldest)} to ${formatDay(claims[0]!.article.day)}` : '';
  const name = fileName(query);
  return {
    title,
    summary:
      left > 0
        ? `**Cut short**: the newest ${plural(written, 'claim')} of ${formatNumber(claims.length)}${span}, to stay within Discord's attachment limit; ${plural(left, 'older claim')} left out. Narrow it with since and until to get the rest.`
        : `${plural(written, 'claim')}${span}, newest first.`,
    sections: [],
    footer: [filters && `Filtered: ${filters}`, `${escapeMarkdown(name)} · /claim <number> shows one in full`]
      .filter(Boolean)
      .join(' · '),
    ephemeral: true,
    file: { name, data: encoder.encode(text), description: `${title}: ${plural(written, 'claim')}`.slice(0, 1000) },
  };
}

export interface ExportOptions {
  topic: string | null;
  claimant: string | null;
  since: string | null;
  until: string | null;
}

/** /export as typed: a topic this server sees, a claimant by any alias, days in any common form. */
export function answerExport(index: ClaimIndex, typed: ExportOptions, asker: Asker): Answer {
  const { guildId, now, timeZone } = asker;
  if (!typed.topic && !typed.claimant)
    throw new UserError('Name a topic or a claimant to export, for example /export topic:troops since:2024-11-01.');
  const claimant = typed.claimant ? resolveSource(index, typed.claimant) : null;
  const query: ExportQuery = {
    topic: typed.topic ? resolveTopic(index, typed.topic, guildId) : null,
    claimant: claimant?.name ?? null,
    since: typed.since ? parseSince(typed.since, now, timeZone) : null,
    until: typed.until ? parseSince(typed.until, now, timeZone) : null,
    guildId,
  };
  if (query.since && query.until && query.until < query.since)
    throw new UserError(`until (${formatDay(query.until)}) is before since (${formatDay(query.since)}).`);
  const answer = exportClaims(index, query);
  // A typo forgiven must not pass unseen: the file would hold another claimant's figures.
  if (!claimant?.guessed) return answer;
  return { ...answer, summary: `Closest match to "${escapeMarkdown(typed.claimant!.trim())}". ${answer.summary}` };
}
