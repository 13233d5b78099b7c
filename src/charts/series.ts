import type { ClaimIndex, FigureView, Row } from '../index/claim-index.js';

/** One figure on the chart: a value (low = high) or a range, on the day it was first reported. */
export interface ChartPoint {
  day: string;
  low: number;
  high: number;
  projected: boolean;
}

export interface ChartSeries {
  claimant: string;
  points: ChartPoint[];
}

export interface ChartStatement {
  day: string;
  claimant: string;
  kind: 'denied' | 'unverified';
}

/** What a topic's timeline shows, as one server may see it: pure data, drawn by chartSvg. */
export interface ChartData {
  topic: string;
  label: string;
  /** The one measure plotted ("troops"): figures in other measures would share an axis with unlike things. */
  measure: string;
  /** The most recently reporting claimants, newest first. */
  series: ChartSeries[];
  /** Claimants beyond maxSeries, counted; their points are in `others`, drawn as one grey layer. */
  folded: number;
  others: ChartPoint[];
  statements: ChartStatement[];
  /** Why there is nothing to plot, when series is empty. */
  reason?: string;
}

export interface ChartDataOptions {
  maxSeries?: number;
  /** Only this claimant's figures and statements (canonical name), as the answer it goes with. */
  claimant?: string | null;
  /** Only points reported on or after this day (YYYY-MM-DD). */
  since?: string | null;
}

/** The rows and days a filtered answer covers, so its chart shows what its text says. */
interface ChartFilter {
  claimant: string | null;
  since: string | null;
}

const rowsFor = (rows: Row[], filter: ChartFilter) =>
  filter.claimant === null ? rows : rows.filter((row) => row.claimant === filter.claimant);

/** A claim with no claimant still belongs on the chart, under the name answers give it. */
export const UNATTRIBUTED = 'Unattributed';

const isFigureRow = (row: Row) => row.group === 'current' || row.group === 'projected';

/** Points one claimant's row may put on the chart: a line of 40 moves is already a long story. */
export const POINTS_PER_ROW = 40;
/** Figures looked at per row to find them: another server's figures are skipped, but not without end. */
const SCAN_PER_ROW = 400;

/** A figure beside the story (an age, a group's size) or marked wrong is no point on its line. */
const isPlotted = (view: FigureView) => view.figure.standing === 'current' || view.figure.standing === 'past';

/**
 * A row's latest visible figures for one server, newest first. Bounded, because a topic at a
 * million claims has rows of thousands of figures, and each view a server asks for is kept.
 */
function viewsOf(row: Row, guildId: string | null, limit = POINTS_PER_ROW): FigureView[] {
  const views: FigureView[] = [];
  const stop = Math.max(0, row.figures.length - SCAN_PER_ROW);
  for (let i = row.figures.length - 1; i >= stop && views.length < limit; i--) {
    const view = row.figures[i]!.view(guildId);
    if (view) views.push(view);
  }
  return views;
}

/**
 * The measure with the most visible figures; ties go to the topic's headline measure, so a
 * troops chart stays a troops chart when brigades briefly draw level.
 */
function headlineMeasure(rows: Row[], guildId: string | null, headline: string): string {
  const counts = new Map<string, number>();
  for (const row of rows.filter(isFigureRow)) {
    const visible = viewsOf(row, guildId).filter((v) => v.figure.low !== null).length;
    if (visible > 0) counts.set(row.measure, (counts.get(row.measure) ?? 0) + visible);
  }
  let best = headline;
  for (const [measure, n] of counts) if (n > (counts.get(best) ?? 0)) best = measure;
  return best;
}

interface Gathered {
  claimant: string;
  points: ChartPoint[];
  /** The claimant's latest report (day, then claim id): what "most recent" ranks by. */
  lastDay: string;
  lastId: number;
}

/**
 * One point per figure, on the day this server first saw it reported. Repeats of a figure by
 * other outlets later on are not new points: the line moves only when the claimant's figure does.
 */
function gatherSeries(rows: Row[], guildId: string | null, measure: string, since: string | null): Gathered[] {
  const byClaimant = new Map<string, Gathered>();
  for (const row of rows) {
    if (!isFigureRow(row) || row.measure !== measure) continue;
    const claimant = row.claimant ?? UNATTRIBUTED;
    for (const view of viewsOf(row, guildId)) {
      const { low, high } = view.figure;
      if (low === null || high === null || !isPlotted(view)) continue;
      if (since !== null && view.last.article.day < since) continue;
      let entry = byClaimant.get(claimant);
      if (!entry) byClaimant.set(claimant, (entry = { claimant, points: [], lastDay: '', lastId: -1 }));
      // A figure first reported before `since` but repeated after it starts at the filter's edge.
      const first = since !== null && view.first.article.day < since ? since : view.first.article.day;
      entry.points.push({ day: first, low, high, projected: row.group === 'projected' });
      const last = view.last;
      if (last.article.day > entry.lastDay || (last.article.day === entry.lastDay && last.id > entry.lastId)) {
        entry.lastDay = last.article.day;
        entry.lastId = last.id;
      }
    }
  }
  const byDay = (a: ChartPoint, b: ChartPoint) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.low - b.low);
  for (const entry of byClaimant.values()) entry.points.sort(byDay);
  return [...byClaimant.values()].sort((a, b) =>
    a.lastDay < b.lastDay ? 1 : a.lastDay > b.lastDay ? -1 : b.lastId - a.lastId,
  );
}

/**
 * Denials and no-evidence statements, one mark per claimant, kind and day. A statement has no
 * figure, so all of a claimant's denials are one Figure: its claims' days are the news.
 */
function gatherStatements(rows: Row[], guildId: string | null, since: string | null): ChartStatement[] {
  const seen = new Set<string>();
  const statements: ChartStatement[] = [];
  for (const row of rows) {
    if (row.group !== 'denied' && row.group !== 'unverified') continue;
    const claimant = row.claimant ?? UNATTRIBUTED;
    for (const view of viewsOf(row, guildId, 10)) {
      // A denial repeated a thousand times is a thousand claims of one figure: its latest days say enough.
      for (const claim of view.claims.slice(-POINTS_PER_ROW)) {
        if (since !== null && claim.article.day < since) continue;
        const key = `${claimant}|${row.group}|${claim.article.day}`;
        if (seen.has(key)) continue;
        seen.add(key);
        statements.push({ day: claim.article.day, claimant, kind: row.group });
      }
    }
  }
  return statements.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

function emptyReason(label: string, statements: ChartStatement[]): string {
  const kinds = new Set(statements.map((s) => s.kind));
  if (kinds.size === 0) return `No figures yet on ${label}: nothing to plot.`;
  if (kinds.size === 2) return 'Only denials and no-evidence statements so far: nothing to plot.';
  return kinds.has('denied')
    ? 'Only denials so far: nothing to plot.'
    : 'Only no-evidence statements so far: nothing to plot.';
}

/** The timeline of a topic's figures as `guildId` sees them (null: the defaults' audience). */
export function chartData(
  index: ClaimIndex,
  topic: string,
  guildId: string | null,
  options: ChartDataOptions = {},
): ChartData {
  const maxSeries = Math.max(1, options.maxSeries ?? 6);
  const label = index.topics.find((t) => t.key === topic)?.label ?? topic;
  const filter: ChartFilter = { claimant: options.claimant ?? null, since: options.since ?? null };
  const rows = rowsFor(index.topicRows(topic), filter);
  const measure = headlineMeasure(rows, guildId, index.measures.headline(topic) || topic);
  const gathered = gatherSeries(rows, guildId, measure, filter.since);
  const statements = gatherStatements(rows, guildId, filter.since);
  const shown = gathered.slice(0, maxSeries);
  const folded = gathered.slice(maxSeries);
  const data: ChartData = {
    topic,
    label,
    measure,
    series: shown.map(({ claimant, points }) => ({ claimant, points })),
    folded: folded.length,
    others: folded.flatMap((g) => g.points),
    statements,
  };
  if (shown.length === 0) data.reason = emptyReason(label, statements);
  return data;
}
