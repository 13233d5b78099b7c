import type { ClaimIndex } from './claim-index.js';
import type { FigureView } from './records.js';
import { memoByRevision } from './revision-memo.js';
import type { Row } from './topic-rows.js';

/** A row's latest figure and the one before it, as one server may see them. */
export interface RowState {
  row: Row;
  latest: FigureView;
  previous: FigureView | undefined;
}

const newerFirst = (a: FigureView, b: FigureView) =>
  a.last.article.day < b.last.article.day ? 1 : a.last.article.day > b.last.article.day ? -1 : b.last.id - a.last.id;

/**
 * A row's latest and previous figure. Only current figures count: "up from 388" is in the
 * timeline but never the claimant's latest, and a figure beside the story (an age) is no step.
 */
export function stateOf(row: Row, guildId: string | null): RowState | null {
  const visible: FigureView[] = [];
  for (let i = row.figures.length - 1; i >= 0 && visible.length < 8; i--) {
    if (row.figures[i]!.standing !== 'current') continue;
    const view = row.figures[i]!.view(guildId);
    if (view) visible.push(view);
  }
  // Restricted claims can make a server's order differ from the overall one, so re-sort the few.
  visible.sort(newerFirst);
  return visible[0] ? { row, latest: visible[0], previous: visible[1] } : null;
}

/**
 * Every row's state for one server. Kept until the index changes: a topic with hundreds of
 * claimants has thousands of rows, and members ask the same topic again and again between polls.
 * Callers filter and sort copies; the list itself is not to be changed.
 */
export function topicStates(index: ClaimIndex, topic: string, guildId: string | null): readonly RowState[] {
  return memoByRevision(index, `states|${topic}|${guildId}`, 64, () =>
    index
      .topicRows(topic)
      .map((row) => stateOf(row, guildId))
      .filter((s): s is RowState => s !== null),
  );
}

export interface Spread {
  low: number;
  high: number;
  claimants: number;
  newestDay: string;
}

/** The spread of claimants' latest current figures in one measure: the story at a glance. */
export function spreadOf(states: readonly RowState[], measure: string): Spread | null {
  const current = states.filter(
    (s) => s.row.group === 'current' && s.row.measure === measure && s.latest.figure.low !== null,
  );
  if (current.length === 0) return null;
  return {
    low: Math.min(...current.map((s) => s.latest.figure.low!)),
    high: Math.max(...current.map((s) => s.latest.figure.high!)),
    claimants: current.length,
    // biome-ignore lint/complexity/useMathMinMax: days are ISO strings, which Math.max would turn into NaN
    newestDay: current.map((s) => s.latest.last.article.day).reduce((a, b) => (a > b ? a : b)),
  };
}
