import { formatNumber } from '../format/numbers.js';
import { formatValue } from './axes.js';
import { statementGlyph } from './marks.js';
import type { ChartData, ChartPoint, ChartStatement } from './series.js';
import { seriesColour, THEME } from './theme.js';
import { el, fitLabel, text, textWidth, wrapLabel } from './xml.js';

// A range's bar needs no key: it spans low to high on the figure axis, and the legend prints it.
const NAME_ROW = 28;
const DETAIL_ROW = 22;
const GAP = 6;
const KEY_ROW = 30;
/** A long name's second line. */
const LABEL_LINE = 26;
/** The latest-figure line: secondary, so the smallest size the chart uses. */
const DETAIL_SIZE = 18;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDay = (day: string) => `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}`;
const range = (p: ChartPoint) =>
  p.low === p.high ? formatValue(p.low) : `${formatValue(p.low)}–${formatValue(p.high)}`;

/** The claimant's newest figure under its name, so the legend answers "who says what now". */
function latest(points: readonly ChartPoint[], room: number): string {
  const p = points[points.length - 1]!;
  const full = `${p.projected ? 'proj. ' : ''}${range(p)} · ${shortDay(p.day)}`;
  // The figure matters more than its day: drop the day before cutting the figure.
  return textWidth(full, DETAIL_SIZE) <= room
    ? full
    : fitLabel(`${p.projected ? 'proj. ' : ''}${range(p)}`, room, DETAIL_SIZE);
}

/** "Kremlin", "Kremlin, Peskov", "Kremlin +3": who made the statements, in little room. */
function who(statements: readonly ChartStatement[]): string {
  const names = [...new Set(statements.map((s) => s.claimant))];
  return names.length <= 2 ? names.join(', ') : `${names[0]} +${names.length - 1}`;
}

export interface LegendBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Entry {
  swatch: (x: number, y: number) => string;
  label: string;
  detail?: string;
  claimant?: string;
  /** What a non-series entry explains: others, projected, denied, unverified. */
  key?: string;
}

const dot =
  (colour: string, r = 6) =>
  (x: number, y: number) =>
    el('line', { x1: x, y1: y, x2: x + 28, y2: y, stroke: colour, 'stroke-width': 3, 'stroke-linecap': 'round' }) +
    el('circle', { cx: x + 14, cy: y, r, fill: colour, stroke: THEME.background, 'stroke-width': 2 });

function entries(data: ChartData, room: number): Entry[] {
  const list: Entry[] = data.series.map((s, i) => ({
    swatch: dot(seriesColour(i)),
    label: s.claimant,
    detail: latest(s.points, room),
    claimant: s.claimant,
  }));
  if (data.folded > 0) {
    list.push({
      swatch: (x, y) => el('circle', { cx: x + 14, cy: y, r: 5, fill: THEME.others }),
      label: `+${formatNumber(data.folded)} other${data.folded === 1 ? '' : 's'}`,
      key: 'others',
    });
  }
  const points = [...data.series.flatMap((s) => s.points), ...data.others];
  if (points.some((p) => p.projected)) {
    list.push({
      swatch: (x, y) =>
        el('line', {
          x1: x,
          y1: y,
          x2: x + 28,
          y2: y,
          stroke: THEME.text,
          'stroke-width': 3,
          'stroke-dasharray': '7 5',
        }),
      label: 'projected',
      key: 'projected',
    });
  }
  for (const [kind, name] of [
    ['denied', 'Denied'],
    ['unverified', 'No evidence'],
  ] as const) {
    const made = data.statements.filter((s) => s.kind === kind);
    if (made.length > 0)
      list.push({ swatch: (x, y) => statementGlyph(kind, x + 14, y, 7), label: `${name}: ${who(made)}`, key: kind });
  }
  return list;
}

/** The legend column: each series' colour, name and latest figure, then the keys to the marks. */
export function legend(data: ChartData, box: LegendBox): string {
  const room = box.width - 38;
  const list = entries(data, room);
  // A long name takes a second line rather than losing its end ("South Korean presi…").
  const labels = list.map((e) => wrapLabel(e.label, room, THEME.textSize));
  const extra = (i: number) => (labels[i]!.length - 1) * LABEL_LINE;
  // Drop the latest-figure lines before anything else when the column runs out of room.
  const full =
    list.reduce((h, e, i) => h + extra(i) + (e.detail ? NAME_ROW + DETAIL_ROW + GAP : KEY_ROW), 0) <= box.height;
  const labelX = box.x + 38;
  let y = box.y + 12;
  const parts: string[] = [];
  for (const [i, entry] of list.entries()) {
    if (y > box.y + box.height) break;
    let body = entry.swatch(box.x, y);
    labels[i]!.forEach((line, n) => {
      body += text(
        { x: labelX, y: y + 7 + n * LABEL_LINE, fill: THEME.text, 'font-size': THEME.textSize, class: 'legend-label' },
        line,
      );
    });
    y += extra(i);
    if (entry.detail && full) {
      body += text(
        { x: labelX, y: y + 7 + DETAIL_ROW, fill: THEME.muted, 'font-size': DETAIL_SIZE, class: 'latest' },
        entry.detail,
      );
      y += DETAIL_ROW + GAP;
    }
    y += entry.detail ? NAME_ROW : KEY_ROW;
    parts.push(el('g', { class: 'legend-entry', 'data-claimant': entry.claimant, 'data-key': entry.key }, body));
  }
  return el('g', { class: 'legend' }, parts.join(''));
}
