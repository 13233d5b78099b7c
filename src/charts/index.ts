import type { ClaimIndex } from '../index/claim-index.js';
import { memoByRevision } from '../index/revision-memo.js';
import { svgToPng } from './raster.js';
import { type ChartData, type ChartDataOptions, chartData } from './series.js';
import { type ChartSize, chartSvg } from './svg.js';

export { svgToPng } from './raster.js';
export type { ChartData, ChartPoint, ChartSeries, ChartStatement } from './series.js';
export { chartData } from './series.js';
export { chartSvg } from './svg.js';

export type TopicChart = { png: Buffer; svg: string; data: ChartData } | { png: null; reason: string };

/** Charts kept per index: a few topics times the servers asking; each holds a PNG of ~100 KB. */
const KEPT = 32;

/**
 * The topic's chart as this server last had it drawn, while nothing in the index changed since
 * (its revision: a claim, a source, an article reaching more servers); drawn afresh otherwise.
 * Drawing is most of a topic answer's time, and members ask the same topic many times between polls.
 */
export function cachedTopicChart(
  index: ClaimIndex,
  topic: string,
  guildId: string | null,
  filter: Pick<ChartDataOptions, 'claimant' | 'since'> = {},
): TopicChart {
  // A filtered answer's chart is its own drawing: the filters are part of what is kept.
  const key = `chart|${topic}|${guildId}|${filter.claimant ?? ''}|${filter.since ?? ''}`;
  return memoByRevision(index, key, KEPT, () => topicChart(index, topic, guildId, filter));
}

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
