import type { ClaimIndex } from '../index/claim-index.js';
import { svgToPng } from './raster.js';
import { type ChartData, type ChartDataOptions, chartData } from './series.js';
import { type ChartSize, chartSvg } from './svg.js';

export { svgToPng } from './raster.js';
export type { ChartData, ChartPoint, ChartSeries, ChartStatement } from './series.js';
export { chartData } from './series.js';
export { chartSvg } from './svg.js';

export type TopicChart = { png: Buffer; svg: string; data: ChartData } | { png: null; reason: string };

/** A topic's timeline as a PNG for Discord, or why there is none ("Only denials so far: ..."). */
export function topicChart(
  index: ClaimIndex,
  topic: string,
  guildId: string | null,
  options: ChartDataOptions & ChartSize = {},
): TopicChart {
  const data = chartData(index, topic, guildId, options);
  const svg = chartSvg(data, options);
  if (svg === null) return { png: null, reason: data.reason ?? 'Nothing to plot.' };
  return { png: svgToPng(svg), svg, data };
}
