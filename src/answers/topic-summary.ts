import { cachedTopicChart } from '../charts/index.js';
import type { TopicDef } from '../extract/index.js';
import { dayIn, formatDay } from '../format/days.js';
import { formatRange, plural } from '../format/numbers.js';
import type { ClaimIndex, Row } from '../index/claim-index.js';
import { memoByRevision } from '../index/revision-memo.js';
import { type RowState, spreadOf, topicStates } from '../index/topic-state.js';
import type { Answer, AnswerSection } from './answer.js';
import type { Asker } from './asker.js';
import { describeChange, describeFigure, nameOf, provenance } from './figure-text.js';
import { parseSince, resolveSource } from './options.js';

export interface TopicQuery {
  topic: TopicDef;
  /** Only rows reported on or after this day (YYYY-MM-DD). */
  since: string | null;
  /** Only this claimant's rows (canonical name). */
  claimant: string | null;
  guildId: string | null;
  /** The zone the answer's moments (when the topic was set) are shown in; UTC when not given. */
  timeZone?: string;
}

const newestFirst = (a: RowState, b: RowState) =>
  Number(a.row.claimant === null) - Number(b.row.claimant === null) ||
  (a.latest.last.article.day < b.latest.last.article.day
    ? 1
    : a.latest.last.article.day > b.latest.last.article.day
      ? -1
      : 0);

/** The topic's rows newest first, kept while the index stands: sorting thousands per question was most of it. */
const newestStates = (index: ClaimIndex, topic: string, guildId: string | null): readonly RowState[] =>
  memoByRevision(index, `newest|${topic}|${guildId}`, 64, () =>
    [...topicStates(index, topic, guildId)].sort(newestFirst),
  );

function figureLine(state: RowState): string {
  const { latest, previous } = state;
  const others = latest.outlets.length - 1;
  const also = others > 0 ? ` +${plural(others, 'other outlet')}` : '';
  return `${nameOf(state.row.claimant)}: ${describeFigure(latest.last)} · ${describeChange(latest, previous)} · ${provenance(latest.last)}${also}`;
}

function statementLine(state: RowState): string {
  const claim = state.latest.last;
  const what = claim.low === null ? describeFigure(claim) : `${claim.status}: ${describeFigure(claim)}`;
  return `${nameOf(state.row.claimant)} ${what} · ${provenance(claim)}`;
}

function spreadLine(states: RowState[], headline: string): string | undefined {
  const spread = spreadOf(states, headline);
  if (!spread) return undefined;
  return `Range across ${plural(spread.claimants, 'claimant')}: **${formatRange(spread.low, spread.high)} ${headline}** (latest figures; newest ${formatDay(spread.newestDay)}).`;
}

/**
 * Rows a section lists, newest first; the rest are counted. A story with hundreds of claimants
 * has hundreds of rows, more than any reader scrolls (Discord shows a handful), and writing each
 * line was most of a topic answer's time.
 */
export const LISTED_ROWS = 40;

function listed(heading: string, states: RowState[], line: (state: RowState) => string): AnswerSection {
  const shown = states.slice(0, LISTED_ROWS);
  const omitted = states.length - shown.length;
  return { heading, lines: shown.map(line), ...(omitted > 0 ? { omitted } : {}) };
}

/** The state of one topic: latest figure per claimant with what changed, projections, denials. */
export function topicSummary(index: ClaimIndex, query: TopicQuery): Answer {
  const states = newestStates(index, query.topic.key, query.guildId)
    .filter((s) => query.claimant === null || s.row.claimant === query.claimant)
    .filter((s) => query.since === null || s.latest.last.article.day >= query.since);
  const group = (name: Row['group']) => states.filter((s) => s.row.group === name);
  const sections: AnswerSection[] = [
    listed('Latest figure by claimant', group('current'), figureLine),
    listed('Projections', group('projected'), figureLine),
    listed('Confirmations', [...group('confirmed')].sort(newestFirst), statementLine),
    listed(
      'Denials and no-evidence statements',
      [...group('denied'), ...group('unverified')].sort(newestFirst),
      statementLine,
    ),
  ].filter((section) => section.lines.length > 0);
  const filters = [
    query.claimant && `claimant ${query.claimant}`,
    query.since && `since ${formatDay(query.since)}`,
  ].filter(Boolean);
  if (sections.length === 0) {
    return {
      title: query.topic.label,
      summary: `No claims on ${query.topic.label.toLowerCase()}${filters.length ? ` (${filters.join(', ')})` : ''} yet.`,
      sections: [],
      footer: filters.length
        ? 'Try without the filters, or /search for a word from the story.'
        : 'Add sources, or /search for a word from the story.',
      ephemeral: true,
    };
  }
  const claims = states.reduce((n, s) => n + s.latest.claims.length, 0);
  return {
    title: query.topic.label,
    summary: spreadLine(states, index.measures.headline(query.topic.key)),
    sections,
    footer: [
      filters.length ? `Filtered: ${filters.join(', ')}` : null,
      `${plural(states.length, 'row')}, latest reports carried by ${plural(claims, 'claim')} · /claim <number> shows one in full`,
      query.topic.changed &&
        `Topic set by ${query.topic.changed.by}, ${formatDay(dayIn(new Date(query.topic.changed.at), query.timeZone ?? 'UTC'))}`,
    ]
      .filter(Boolean)
      .join(' · '),
  };
}

/** A topic command's options as typed: a `since` date in any common form, a claimant by any alias. */
export interface TopicOptions {
  since: string | null;
  claimant: string | null;
  /** The timeline chart is attached unless this is false. */
  chart?: boolean | null;
}

export function answerTopic(index: ClaimIndex, topic: TopicDef, options: TopicOptions, asker: Asker): Answer {
  const query: TopicQuery = {
    topic,
    since: options.since ? parseSince(options.since, asker.now, asker.timeZone) : null,
    claimant: options.claimant ? resolveSource(index, options.claimant).name : null,
    guildId: asker.guildId,
    timeZone: asker.timeZone,
  };
  const answer = topicSummary(index, query);
  // "No claims" has nothing to draw; otherwise the chart shows what the answer's filters kept.
  if (options.chart === false || answer.sections.length === 0) return answer;
  return withChart(index, query, answer);
}

/** The topic's timeline under the summary, filtered as it is; when there is nothing to draw, the footer says why. */
function withChart(index: ClaimIndex, query: TopicQuery, answer: Answer): Answer {
  const { topic, guildId } = query;
  const chart = cachedTopicChart(index, topic.key, guildId, { claimant: query.claimant, since: query.since });
  if (!chart.png)
    return { ...answer, footer: [answer.footer, `No chart: ${chart.reason}`].filter(Boolean).join(' · ') };
  const description = `Timeline of ${topic.label}: ${chart.data.series.map((s) => s.claimant).join(', ')}`;
  return {
    ...answer,
    image: {
      name: `${topic.key.replace(/[^a-z0-9-]/gi, '-')}-chart.png`,
      data: chart.png,
      description: description.slice(0, 1000),
    },
  };
}
