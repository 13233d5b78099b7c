import { type Figure, isStatementGroup, type StatusGroup, statusGroup } from './records.js';

/** One line of a topic summary: a claimant's figures for one measure and status group. */
export interface Row {
  topic: string;
  claimant: string | null;
  group: StatusGroup;
  measure: string;
  /** Ordered by the day each figure was last reported, latest last. */
  figures: Figure[];
}

function rowKey(figure: Figure): string {
  const group = statusGroup(figure.status, figure.low);
  return `${figure.claimant}|${group}|${isStatementGroup(group) ? '' : figure.measure}`;
}

const byLastDay = (a: Figure, b: Figure) => (a.lastDay < b.lastDay ? -1 : a.lastDay > b.lastDay ? 1 : 0);

/** Figures grouped so a topic answer reads a few rows, not every claim. */
export class TopicRows {
  private readonly rows = new Map<string, Map<string, Row>>();
  private readonly unsorted = new Set<Row>();

  /** Files a figure the first time it is seen; later claims only move its row's order. */
  place(figure: Figure, isNew: boolean): void {
    if (!figure.topic) return;
    let topicRows = this.rows.get(figure.topic);
    if (!topicRows) this.rows.set(figure.topic, (topicRows = new Map()));
    const key = rowKey(figure);
    const group = statusGroup(figure.status, figure.low);
    const measure = isStatementGroup(group) ? '' : figure.measure;
    let row = topicRows.get(key);
    if (!row)
      topicRows.set(key, (row = { topic: figure.topic, claimant: figure.claimant, group, measure, figures: [] }));
    if (isNew) row.figures.push(figure);
    this.unsorted.add(row);
  }

  /** A figure left with no claims (its one claim was corrected into another) leaves its row. */
  drop(figure: Figure): void {
    const row = figure.topic ? this.rows.get(figure.topic)?.get(rowKey(figure)) : undefined;
    const at = row?.figures.indexOf(figure) ?? -1;
    if (row && at >= 0) row.figures.splice(at, 1);
  }

  of(topic: string): Row[] {
    const rows = [...(this.rows.get(topic)?.values() ?? [])];
    for (const row of rows) this.sort(row);
    return rows;
  }

  topics(): string[] {
    return [...this.rows.keys()];
  }

  private sort(row: Row): void {
    if (!this.unsorted.delete(row)) return;
    row.figures.sort(byLastDay);
  }
}
