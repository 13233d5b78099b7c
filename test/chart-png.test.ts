// The timeline chart rasterised in process: decoded with pngjs to check its size, that it is
// drawn, and that its text rendered with the shipped font (no system fonts are loaded).
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chartData, chartSvg, svgToPng, topicChart } from '../src/charts/index.js';
import { type TempApp, tempApp } from './support/store-app.js';

const STORY: Array<[string, string, string]> = [
  ['Yonhap', '2024-10-18', 'South Korea’s spy agency said about 1,500 North Korean troops had already reached Russia.'],
  ['Reuters', '2024-10-24', 'The Pentagon said roughly 3,000 North Korean soldiers were training in eastern Russia.'],
  ['TASS', '2024-10-25', 'The Kremlin denied that North Korean troops had been deployed to Russia.'],
  [
    'AP',
    '2024-10-30',
    'The Pentagon said between 8,000 and 10,000 North Korean soldiers could be deployed by December.',
  ],
  [
    'Kyiv Independent',
    '2024-11-05',
    'President Volodymyr Zelenskyy said up to 11,000 North Korean soldiers were now in the Kursk region.',
  ],
  ['Yonhap', '2024-11-13', 'The NIS said more than 10,000 North Korean troops were in Russia.'],
];
const BACKGROUND = [0x2b, 0x2d, 0x31];

let t: TempApp;
beforeEach(async () => {
  t = await tempApp();
  for (const [outlet, date, body] of STORY) await t.ingest({ outlet, date, body });
});
afterEach(() => t.close());

function decode(png: Buffer): PNG {
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return PNG.sync.read(png);
}

/** Pixels in a box that pass a test on their red, green and blue. */
function count(
  image: PNG,
  box: { x: number; y: number; w: number; h: number },
  test: (r: number, g: number, b: number) => boolean,
): number {
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = (y * image.width + x) * 4;
      if (test(image.data[i]!, image.data[i + 1]!, image.data[i + 2]!)) n++;
    }
  }
  return n;
}
const whole = (image: PNG) => ({ x: 0, y: 0, w: image.width, h: image.height });
const off = (r: number, g: number, b: number) =>
  Math.abs(r - BACKGROUND[0]!) + Math.abs(g - BACKGROUND[1]!) + Math.abs(b - BACKGROUND[2]!) > 24;
/** Near-white: the title's colour, which nothing else on the chart uses at that size. */
const bright = (r: number, g: number, b: number) => r > 200 && g > 200 && b > 200;

describe('chart PNG', () => {
  it('is a 1000×560 image on the dark background, with marks and text on it', () => {
    const chart = topicChart(t.app.index, 'troops', null);
    if (!chart.png) throw new Error(chart.reason);
    const image = decode(chart.png);
    expect([image.width, image.height]).toEqual([1000, 560]);
    expect(count(image, { x: 2, y: 2, w: 10, h: 10 }, (...rgb) => !off(...rgb))).toBe(100);
    const drawn = count(image, whole(image), off);
    expect(drawn / (image.width * image.height)).toBeGreaterThan(0.03);
  });

  it('renders the title as text in the top left, with the shipped font and no system fonts', () => {
    const chart = topicChart(t.app.index, 'troops', null);
    if (!chart.png) throw new Error(chart.reason);
    const image = decode(chart.png);
    // "North Korean troops in Russia" in bold: hundreds of near-white pixels; none without a font.
    expect(count(image, { x: 20, y: 14, w: 500, h: 40 }, bright)).toBeGreaterThan(1500);
    // The band between title and plot is empty background on either side of the subtitle's line.
    expect(count(image, { x: 20, y: 90, w: 600, h: 8 }, off)).toBe(0);
  });

  it('draws each of the three claimants in its own colour', () => {
    const chart = topicChart(t.app.index, 'troops', null);
    if (!chart.png) throw new Error(chart.reason);
    const image = decode(chart.png);
    const near = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return (R: number, G: number, B: number) => Math.abs(R - r!) + Math.abs(G - g!) + Math.abs(B - b!) < 30;
    };
    const plot = { x: 108, y: 100, w: 570, h: 380 };
    for (const colour of ['#5eb1ff', '#ff9f43', '#7ee787'])
      expect(count(image, plot, near(colour))).toBeGreaterThan(40);
    // The denial's red ✕ on the time axis.
    expect(count(image, { x: 108, y: 440, w: 570, h: 50 }, near('#ff6b6b'))).toBeGreaterThan(20);
  });

  it('rasterises at the size asked for, and names with XML special characters', () => {
    const data = chartData(t.app.index, 'troops', null);
    data.series[0]!.claimant = 'Smith & Sons <Ltd>';
    const image = decode(svgToPng(chartSvg(data, { width: 800, height: 450 })!));
    expect([image.width, image.height]).toEqual([800, 450]);
    expect(count(image, whole(image), off)).toBeGreaterThan(10_000);
  });
});
