import { formatNumber } from '../format/numbers.js';
import { type TimeAxis, timeAxis, type ValueAxis, valueAxis } from './axes.js';
import { legend } from './legend.js';
import { dodger, otherMarks, type Plot, seriesMarks, statementMarks } from './marks.js';
import type { ChartData } from './series.js';
import { seriesColour, THEME } from './theme.js';
import { el, escapeXml, fitLabel, text, textWidth, wrapPieces } from './xml.js';

export interface ChartSize {
  width?: number;
  height?: number;
}

/** Where things go: the plot, the statement strip under it, the time axis, the legend column. */
interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  plotBottom: number;
  axisY: number;
  legendX: number;
}

const LEGEND_WIDTH = 292;
const STRIP = 34;
/** A subtitle's second line, when it needs one. */
const SUBTITLE_LINE = 26;

function frame(width: number, height: number, hasStatements: boolean, subtitleLines = 1): Frame {
  const axisY = height - 76;
  return {
    width,
    height,
    left: 108,
    right: width - LEGEND_WIDTH - 30,
    top: 108 + (subtitleLines - 1) * SUBTITLE_LINE,
    plotBottom: hasStatements ? axisY - STRIP : axisY,
    axisY,
    legendX: width - LEGEND_WIDTH,
  };
}

/** The subtitle's parts, laid out on one line or two: "log scale" is never the part that is cut. */
function subtitleLines(data: ChartData, width: number, scale: ValueAxis['kind']): string[] {
  const shown = data.series.length;
  const total = shown + data.folded;
  const who =
    data.folded > 0
      ? `latest ${shown} of ${formatNumber(total)} claimants, ${formatNumber(data.folded)} more in grey`
      : total === 1
        ? 'one claimant'
        : `${total} claimants`;
  // Said outright: a log axis read as linear makes 15 and 150,000 look close.
  const parts = ['Each figure on the day it was first reported', who, ...(scale === 'log' ? ['log scale'] : [])];
  return wrapPieces(parts, ' · ', width - 48, THEME.tickSize, 2);
}

function titleBlock(data: ChartData, f: Frame, lines: readonly string[]): string {
  const measureText = `· ${data.measure}`;
  const label = fitLabel(
    data.label,
    f.width - 48 - 12 - textWidth(measureText, THEME.titleSize),
    THEME.titleSize,
    true,
  );
  // A leading space in a tspan collapses in SVG, so the gap is an offset.
  const measure = el('tspan', { dx: 12, fill: THEME.muted, 'font-weight': 'normal' }, escapeXml(measureText));
  const title = el(
    'text',
    { x: 24, y: 44, class: 'title', fill: THEME.title, 'font-size': THEME.titleSize, 'font-weight': 'bold' },
    escapeXml(label) + measure,
  );
  const subtitle = lines
    .map((line, i) =>
      text(
        { x: 24, y: 80 + i * SUBTITLE_LINE, class: 'subtitle', fill: THEME.muted, 'font-size': THEME.tickSize },
        line,
      ),
    )
    .join('');
  return title + subtitle;
}

function valueGrid(axis: ValueAxis, f: Frame): string {
  const lines = axis.ticks.map(
    (t) =>
      el('line', { x1: f.left, x2: f.right, y1: t.at, y2: t.at, stroke: THEME.grid, 'stroke-width': 1.5 }) +
      text(
        {
          x: f.left - 12,
          y: t.at + 6,
          'text-anchor': 'end',
          fill: THEME.muted,
          'font-size': THEME.tickSize,
          class: 'y-tick',
        },
        t.label,
      ),
  );
  return el('g', { class: 'y-axis', 'data-scale': axis.kind }, lines.join(''));
}

function timeTicks(axis: TimeAxis, f: Frame): string {
  const ticks = axis.ticks
    .filter((t) => t.at >= f.left - 1 && t.at <= f.right + 1)
    .map(
      (t) =>
        el('line', { x1: t.at, x2: t.at, y1: f.axisY, y2: f.axisY + 7, stroke: THEME.axis, 'stroke-width': 2 }) +
        text(
          {
            x: t.at,
            y: f.axisY + 30,
            'text-anchor': 'middle',
            fill: THEME.text,
            'font-size': THEME.tickSize,
            class: 'x-tick',
          },
          t.label,
        ) +
        (t.sub
          ? text(
              {
                x: t.at,
                y: f.axisY + 54,
                'text-anchor': 'middle',
                fill: THEME.muted,
                'font-size': THEME.tickSize,
                class: 'x-year',
              },
              t.sub,
            )
          : ''),
    );
  const axisLine = el('line', {
    x1: f.left,
    x2: f.right,
    y1: f.axisY,
    y2: f.axisY,
    stroke: THEME.axis,
    'stroke-width': 2,
  });
  return el('g', { class: 'x-axis' }, axisLine + ticks.join(''));
}

/**
 * The topic's timeline as an SVG document, or null when there is no figure to plot (data.reason
 * says why). Pure: the same data always gives the same markup, which the tests read.
 */
export function chartSvg(data: ChartData, size: ChartSize = {}): string | null {
  if (data.series.length === 0) return null;
  const width = size.width ?? THEME.width;
  const height = size.height ?? THEME.height;
  // The scale decides the subtitle, whose lines decide where the plot starts.
  const first = frame(width, height, data.statements.length > 0);
  const lines = subtitleLines(data, width, valueAxis(data, first.top, first.plotBottom).kind);
  const f = lines.length > 1 ? frame(width, height, data.statements.length > 0, lines.length) : first;
  const plot: Plot = {
    time: timeAxis(data, f.left + 8, f.right - 8),
    value: valueAxis(data, f.top, f.plotBottom),
    dodge: dodger(data.series),
  };
  // Later series are drawn first so the most recent claimant's line sits on top.
  const series = data.series.map((s, i) => seriesMarks(plot, s, i, seriesColour(i))).reverse();
  const body = [
    el('rect', { width: f.width, height: f.height, fill: THEME.background }),
    titleBlock(data, f, lines),
    valueGrid(plot.value, f),
    timeTicks(plot.time, f),
    data.statements.length > 0 ? statementMarks(plot, data, f.axisY - STRIP / 2) : '',
    otherMarks(plot, data),
    ...series,
    legend(data, { x: f.legendX, y: f.top - 8, width: LEGEND_WIDTH - 12, height: f.height - f.top - 10 }),
  ].join('');
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: f.width,
      height: f.height,
      viewBox: `0 0 ${f.width} ${f.height}`,
      'font-family': THEME.font,
      class: 'claimwatch-chart',
      'data-topic': data.topic,
    },
    body,
  );
}
