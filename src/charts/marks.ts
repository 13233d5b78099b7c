import { line } from 'd3-shape';
import type { TimeAxis, ValueAxis } from './axes.js';
import type { ChartData, ChartPoint, ChartSeries, ChartStatement } from './series.js';
import { THEME } from './theme.js';
import { el } from './xml.js';

export interface Plot {
  time: TimeAxis;
  value: ValueAxis;
  /** Horizontal nudge of a series' marks on a day other series also have points: none hides another. */
  dodge: (series: number, day: string) => number;
}

/** Marks are 14 px wide: a step of 15 keeps them apart, up to a spread of 70 px for many. */
const DODGE_PX = 15;
const DODGE_SPREAD = 70;

/** Series that share a day are spread a few pixels apart, centred on the day. */
export function dodger(series: readonly ChartSeries[]): Plot['dodge'] {
  const onDay = new Map<string, number[]>();
  series.forEach((s, i) => {
    for (const p of s.points) {
      const list = onDay.get(p.day) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      onDay.set(p.day, list);
    }
  });
  return (i, day) => {
    const list = onDay.get(day);
    if (!list || list.length < 2) return 0;
    const step = Math.min(DODGE_PX, DODGE_SPREAD / (list.length - 1));
    return (list.indexOf(i) - (list.length - 1) / 2) * step;
  };
}

interface Placed {
  x: number;
  y: number;
  top: number;
  bottom: number;
  point: ChartPoint;
}

function place(plot: Plot, points: readonly ChartPoint[], dx: (day: string) => number): Placed[] {
  return points.map((point) => {
    const top = plot.value.y(point.high);
    const bottom = plot.value.y(point.low);
    // A range's line passes through its middle on screen (the geometric middle on a log axis).
    return { x: plot.time.x(point.day) + dx(point.day), y: (top + bottom) / 2, top, bottom, point };
  });
}

/**
 * Marks that would land on the same pixels as one already drawn are left out: a big topic repeats
 * round figures on busy days, and each mark drawn again costs render time and file size for nothing.
 */
function distinct(placed: Placed[]): Placed[] {
  const drawn = new Set<string>();
  return placed.filter((p) => {
    const key = `${Math.round(p.x / 2)},${Math.round(p.top / 2)},${Math.round(p.bottom / 2)},${p.point.projected}`;
    if (drawn.has(key)) return false;
    drawn.add(key);
    return true;
  });
}

const path = line<Placed>()
  .x((p) => p.x)
  .y((p) => p.y)
  .digits(1);
/** Path coordinates to 0.1 px, as the attributes are (xml.ts). */
const r = (n: number) => Math.round(n * 10) / 10;

function linePath(placed: Placed[], colour: string, projected: boolean): string {
  if (placed.length < 2) return '';
  return el('path', {
    class: projected ? 'line projected' : 'line',
    d: path(placed) ?? '',
    fill: 'none',
    stroke: colour,
    'stroke-width': 3.5,
    'stroke-dasharray': projected ? '10 7' : null,
    'stroke-linejoin': 'round',
    'stroke-linecap': 'round',
  });
}

/** A single figure is a dot; a range a bar from low to high. Projected marks are hollow and dashed. */
function mark(p: Placed, colour: string, radius: number): string {
  const projected = p.point.projected;
  const dash = projected ? '4 3' : null;
  if (p.point.low !== p.point.high) {
    const height = Math.max(p.bottom - p.top, 6);
    return el('rect', {
      class: projected ? 'range projected' : 'range',
      x: p.x - radius,
      y: p.y - height / 2,
      width: radius * 2,
      height,
      rx: 3,
      fill: colour,
      'fill-opacity': projected ? 0.15 : 0.4,
      stroke: colour,
      'stroke-width': 2,
      'stroke-dasharray': dash,
    });
  }
  return el('circle', {
    class: projected ? 'point projected' : 'point',
    cx: p.x,
    cy: p.y,
    r: radius,
    fill: projected ? THEME.background : colour,
    stroke: projected ? colour : THEME.background,
    'stroke-width': projected ? 2.5 : 2,
    'stroke-dasharray': dash,
  });
}

/** Marks shrink as a series crowds (up to 30 points keep full size), so a dense line stays a line. */
const radiusFor = (points: number) => (points <= 30 ? 7 : Math.max(3.5, 7 * Math.sqrt(30 / points)));

export function seriesMarks(plot: Plot, series: ChartSeries, index: number, colour: string): string {
  const placed = place(plot, series.points, (day) => plot.dodge(index, day));
  const radius = radiusFor(series.points.length);
  const current = placed.filter((p) => !p.point.projected);
  const projected = placed.filter((p) => p.point.projected);
  const body =
    linePath(current, colour, false) +
    linePath(projected, colour, true) +
    distinct(placed)
      .map((p) => mark(p, colour, radius))
      .join('');
  return el('g', { class: 'series', 'data-claimant': series.claimant, 'data-points': series.points.length }, body);
}

/** Folded claimants' figures: small grey marks behind the series, no lines (they are many claimants). */
export function otherMarks(plot: Plot, data: ChartData): string {
  if (data.others.length === 0) return '';
  const marks = distinct(place(plot, data.others, () => 0))
    .map((p) => mark(p, THEME.others, 4))
    .join('');
  return el('g', { class: 'others', 'data-claimants': data.folded, opacity: 0.75 }, marks);
}

/** A ✕ for a denial, a hollow diamond for "no evidence": shapes, not only colours, tell them apart. */
export function statementGlyph(kind: ChartStatement['kind'], cx: number, cy: number, size = 8): string {
  const x = r(cx);
  const y = r(cy);
  if (kind === 'denied') {
    const d = `M${x - size},${y - size}L${x + size},${y + size}M${x - size},${y + size}L${x + size},${y - size}`;
    return el('path', { d, stroke: THEME.denied, 'stroke-width': 3.5, 'stroke-linecap': 'round', fill: 'none' });
  }
  const s = size * 1.2;
  const d = `M${x},${y - s}L${x + s},${y}L${x},${y + s}L${x - s},${y}Z`;
  return el('path', {
    d,
    stroke: THEME.unverified,
    'stroke-width': 3,
    fill: THEME.background,
    'stroke-linejoin': 'round',
  });
}

/**
 * Statements sit in a strip just above the time axis, at their day. Statements of one kind on one
 * day share a mark (naming every claimant): they would be drawn on the same spot anyway, and so
 * the chart stops growing with every repeated denial.
 */
export function statementMarks(plot: Plot, data: ChartData, y: number): string {
  const byKindAndDay = new Map<string, ChartStatement[]>();
  for (const s of data.statements) {
    const key = `${s.kind}|${s.day}`;
    const same = byKindAndDay.get(key);
    if (same) same.push(s);
    else byKindAndDay.set(key, [s]);
  }
  const marks = [...byKindAndDay.values()].map((same) => {
    const { kind, day } = same[0]!;
    const claimants = [...new Set(same.map((s) => s.claimant))].join(', ');
    return el(
      'g',
      { class: 'statement', 'data-kind': kind, 'data-claimant': claimants, 'data-day': day },
      statementGlyph(kind, plot.time.x(day), y),
    );
  });
  return el('g', { class: 'statements' }, marks.join(''));
}
