import { scaleLinear, scaleLog, scaleUtc } from 'd3-scale';
import { formatNumber } from '../format/numbers.js';
import type { ChartData } from './series.js';

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** Figures spanning this many times from smallest to largest get a log axis: 15 and 150,000 both stay readable. */
export const LOG_RATIO = 1000;

export interface Tick {
  at: number;
  label: string;
  /** A second, muted line under a date: the year, on the first tick and where it changes. */
  sub?: string;
}

export interface ValueAxis {
  kind: 'linear' | 'log';
  y: (value: number) => number;
  ticks: Tick[];
}

export interface TimeAxis {
  x: (day: string) => number;
  ticks: Tick[];
}

/** "12,000" as answers write it; millions and up as "1.5M" so a tick label stays narrow. */
export function formatValue(n: number): string {
  if (Math.abs(n) >= 1e9) return `${formatNumber(Math.round(n / 1e7) / 100)}B`;
  if (Math.abs(n) >= 1e6) return `${formatNumber(Math.round(n / 1e4) / 100)}M`;
  return formatNumber(n);
}

export function valueAxis(data: ChartData, top: number, bottom: number): ValueAxis {
  const values = [...data.series.flatMap((s) => s.points), ...data.others].flatMap((p) => [p.low, p.high]);
  const max = Math.max(...values);
  const min = Math.min(...values);
  // A log axis cannot show zero, so a zero keeps the axis linear.
  if (min > 0 && max / min >= LOG_RATIO) {
    const lo = 10 ** Math.floor(Math.log10(min));
    const hi = 10 ** Math.ceil(Math.log10(max));
    const scale = scaleLog().domain([lo, hi]).range([bottom, top]);
    const decades = Math.round(Math.log10(hi / lo));
    const step = decades > 6 ? 2 : 1;
    const ticks: Tick[] = [];
    for (let d = 0; d <= decades; d += step) ticks.push({ at: scale(lo * 10 ** d), label: formatValue(lo * 10 ** d) });
    return { kind: 'log', y: (v) => scale(v), ticks };
  }
  // Counts start at zero: a bar from 9,000 to 10,000 should not look like a tenfold rise.
  const scale = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(5)
    .range([bottom, top]);
  const ticks = scale.ticks(5).map((v) => ({ at: scale(v), label: formatValue(v) }));
  return { kind: 'linear', y: (v) => scale(v), ticks };
}

/** Days covered by the chart's points and statements, padded so no mark sits on the frame. */
function dayDomain(data: ChartData): [number, number] {
  const days = [...data.series.flatMap((s) => s.points), ...data.others, ...data.statements].map((p) => dayMs(p.day));
  const first = Math.min(...days);
  const last = Math.max(...days);
  // One day (a single point, or identical dates) still needs a width: a day either side.
  const pad = Math.max(DAY, Math.round((last - first) * 0.04));
  return [first - pad, last + pad];
}

export function timeAxis(data: ChartData, left: number, right: number): TimeAxis {
  const scale = scaleUtc().domain(dayDomain(data)).range([left, right]);
  // d3 picks nice instants; hours are noise on a chart of days, so keep midnights only. About
  // one per 100 px keeps "Oct 18" labels (about 65 px at 20 px) from running into each other.
  const instants = scale.ticks(Math.max(2, Math.floor((right - left) / 100))).filter((d) => d.getTime() % DAY === 0);
  const monthly =
    instants.length > 1 &&
    instants.every((d) => d.getUTCDate() === 1) &&
    instants[1]!.getTime() - instants[0]!.getTime() >= 28 * DAY;
  let year = -1;
  const ticks = instants.map((d): Tick => {
    const month = MONTHS[d.getUTCMonth()]!;
    const tick: Tick = { at: scale(d), label: monthly ? month : `${month} ${d.getUTCDate()}` };
    if (d.getUTCFullYear() !== year) tick.sub = String((year = d.getUTCFullYear()));
    return tick;
  });
  return { x: (day) => scale(new Date(dayMs(day))), ticks };
}
