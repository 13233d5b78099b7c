// The timeline chart of a topic as SVG markup, built from claims the extractor found in short
// articles written for these tests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChartData, chartData, chartSvg, topicChart } from '../src/charts/index.js';
import { type TempApp, tempApp } from './support/store-app.js';

type Article = [outlet: string, date: string, body: string];

/** Three months of a story: rising figures, a projected range and a projection, a range, denials, a doubt. */
const STORY: Article[] = [
  ['Yonhap', '2024-10-18', 'South Korea’s spy agency said about 1,500 North Korean troops had already reached Russia.'],
  [
    'Korea Herald',
    '2024-10-23',
    'The National Intelligence Service said some 3,000 North Korean soldiers had been sent to Russia.',
  ],
  ['Reuters', '2024-10-24', 'The Pentagon said roughly 3,000 North Korean soldiers were training in eastern Russia.'],
  ['TASS', '2024-10-25', 'The Kremlin denied that North Korean troops had been deployed to Russia.'],
  ['Reuters', '2024-10-28', 'The Pentagon said about 10,000 North Korean troops had been sent to Russia.'],
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
  ['Reuters', '2024-11-20', 'NATO said it had no evidence that North Korean troops had been deployed to Ukraine.'],
  [
    'Kyiv Independent',
    '2024-12-02',
    'Ukraine’s military intelligence said 11,000 to 12,000 North Korean troops were in the Kursk region.',
  ],
  ['AP', '2024-12-10', 'The Institute for the Study of War said about 12,000 North Korean troops were in Kursk.'],
  [
    'Kyiv Independent',
    '2024-12-17',
    'President Volodymyr Zelenskyy said about 12,000 North Korean soldiers were fighting in Kursk.',
  ],
  ['Yonhap', '2025-01-06', 'The NIS said about 11,000 North Korean troops remained in Russia.'],
  ['Reuters', '2025-01-10', 'The Pentagon said North Korea could deploy up to 20,000 troops to Russia by spring.'],
  ['TASS', '2025-01-15', 'The Kremlin denied that North Korean troops were fighting in Kursk.'],
];

let t: TempApp;
beforeEach(async () => {
  t = await tempApp();
});
afterEach(() => t.close());

const ingest = async (articles: Article[], guildId?: string) => {
  for (const [outlet, date, body] of articles) await t.ingest({ outlet, date, body }, { guildId });
};
const data = (guildId: string | null = null, options = {}) => chartData(t.app.index, 'troops', guildId, options);
const svgOf = (d: ChartData) => {
  const svg = chartSvg(d);
  if (svg === null) throw new Error(`no chart: ${d.reason}`);
  return svg;
};

const all = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => m[1]!);
const series = (svg: string) => all(svg, /<g class="series" data-claimant="([^"]*)"/g);
const legendNames = (svg: string) => all(svg, /<g class="legend-entry" data-claimant="([^"]*)"/g);
const legendText = (svg: string) =>
  all(svg, /<g class="legend-entry"[^>]*>(.*?)<\/g>/g).map((g) => all(g, />([^<>]+)<\/text>/g).join(' '));
const texts = (svg: string, cls: string) => all(svg, new RegExp(`<text[^>]*class="${cls}"[^>]*>([^<]*)</text>`, 'g'));
/** One series' markup, to look inside. */
const group = (svg: string, claimant: string) =>
  new RegExp(`<g class="series" data-claimant="${claimant}"[^>]*>.*?</g>`).exec(svg)?.[0] ?? '';

describe('chart of a developing story', () => {
  beforeEach(async () => await ingest(STORY));

  it('draws one series per claimant and lists them in the legend, most recent first', () => {
    const svg = svgOf(data());
    expect(series(svg).sort()).toEqual(['HUR', 'ISW', 'NIS', 'Pentagon', 'Zelenskyy']);
    expect(legendNames(svg)).toEqual(['Pentagon', 'NIS', 'Zelenskyy', 'ISW', 'HUR']);
  });

  it('puts each claimant’s latest figure and day under its name in the legend', () => {
    const legend = legendText(svgOf(data()));
    expect(legend).toContain('NIS 11,000 · Jan 6');
    expect(legend).toContain('HUR 11,000–12,000 · Dec 2');
    expect(legend).toContain('Pentagon proj. 20,000 · Jan 10');
  });

  it('titles the chart with the topic’s label and the measure plotted', () => {
    const svg = svgOf(data());
    expect(svg).toMatch(
      /<text[^>]*class="title"[^>]*>North Korean troops in Russia<tspan[^>]*>· troops<\/tspan><\/text>/,
    );
    expect(texts(svg, 'subtitle')[0]).toBe('Each figure on the day it was first reported · 5 claimants');
  });

  it('labels figures with thousands separators on a linear axis from zero', () => {
    const svg = svgOf(data());
    expect(svg).toContain('class="y-axis" data-scale="linear"');
    expect(texts(svg, 'y-tick')).toEqual(['0', '5,000', '10,000', '15,000', '20,000']);
  });

  it('labels three months by month, with the year under the first month and where it changes', () => {
    const svg = svgOf(data());
    expect(texts(svg, 'x-tick')).toEqual(['Nov', 'Dec', 'Jan']);
    expect(texts(svg, 'x-year')).toEqual(['2024', '2025']);
  });

  it('plots each figure once, on the day it was first reported', () => {
    const nis = data().series.find((s) => s.claimant === 'NIS')!;
    expect(nis.points.map((p) => `${p.day} ${p.low}`)).toEqual([
      '2024-10-18 1500',
      '2024-10-23 3000',
      '2024-11-13 10000',
      '2025-01-06 11000',
    ]);
  });

  it('draws a range as a bar from low to high', () => {
    const hur = group(svgOf(data()), 'HUR');
    const bar = /<rect class="range"[^>]*height="([\d.]+)"/.exec(hur);
    expect(Number(bar?.[1])).toBeGreaterThan(10);
  });

  it('draws projected figures dashed, on a line of their own', () => {
    const svg = svgOf(data());
    const pentagon = group(svg, 'Pentagon');
    expect(pentagon).toMatch(/<path class="line projected"[^>]*stroke-dasharray=/);
    expect(pentagon).toMatch(/<path class="line" (?![^>]*stroke-dasharray)/);
    expect(pentagon).toMatch(/<rect class="range projected"[^>]*stroke-dasharray=/);
    expect(group(svg, 'NIS')).not.toContain('projected');
    expect(svg).toContain('data-key="projected"');
  });

  it('marks denials and no-evidence statements on the time axis, with legend entries naming who', () => {
    const svg = svgOf(data());
    const marks = all(svg, /<g class="statement" data-kind="(\w+" data-claimant="[^"]*" data-day="[^"]*)"/g);
    expect(marks).toEqual([
      'denied" data-claimant="Kremlin" data-day="2024-10-25',
      'unverified" data-claimant="NATO" data-day="2024-11-20',
      'denied" data-claimant="Kremlin" data-day="2025-01-15',
    ]);
    expect(legendText(svg)).toEqual(expect.arrayContaining(['Denied: Kremlin', 'No evidence: NATO']));
    // The marks sit below the lowest gridline (0) and above the axis line.
    const zero = Number(/<line[^>]*y1="([\d.]+)"[^>]*\/><text[^>]*class="y-tick"[^>]*>0</.exec(svg)?.[1]);
    const axis = Number(/<g class="x-axis"><line[^>]*y1="([\d.]+)"/.exec(svg)?.[1]);
    const denial = /<g class="statement"[^>]*><path d="M[\d.]+,([\d.]+)L/.exec(svg);
    expect(Number(denial?.[1])).toBeGreaterThan(zero);
    expect(Number(denial?.[1])).toBeLessThan(axis);
  });

  it('draws only the headline measure: brigades do not share an axis with troops', async () => {
    await ingest([['Yonhap', '2025-01-20', 'The NIS said North Korea had sent five brigades to Russia.']]);
    const d = data();
    expect(d.measure).toBe('troops');
    expect(d.series.find((s) => s.claimant === 'NIS')!.points.map((p) => p.low)).not.toContain(5);
  });
});

describe('chart edge cases', () => {
  it('draws a single figure with a day either side of it', async () => {
    await ingest([STORY[0]!]);
    const svg = svgOf(data());
    expect(series(svg)).toEqual(['NIS']);
    expect(texts(svg, 'x-tick')).toEqual(['Oct 17', 'Oct 18', 'Oct 19']);
    expect(texts(svg, 'x-year')).toEqual(['2024']);
    expect(texts(svg, 'subtitle')[0]).toContain('one claimant');
    expect(svg).not.toContain('NaN');
  });

  it('draws one claimant’s figures as one line through them, labelled by day', async () => {
    await ingest([
      ['Yonhap', '2024-10-18', 'The NIS said about 1,500 North Korean troops were in Russia.'],
      ['Yonhap', '2024-10-25', 'The NIS said about 3,000 North Korean troops were in Russia.'],
      ['Yonhap', '2024-11-01', 'The NIS said about 10,000 North Korean troops were in Russia.'],
    ]);
    const svg = svgOf(data());
    expect(series(svg)).toEqual(['NIS']);
    expect(group(svg, 'NIS').match(/<path class="line"/g)).toHaveLength(1);
    expect(group(svg, 'NIS').match(/<circle class="point"/g)).toHaveLength(3);
    const ticks = texts(svg, 'x-tick');
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const tick of ticks) expect(tick).toMatch(/^(Oct|Nov) \d{1,2}$/);
    expect(ticks).toContain('Oct 20');
  });

  it('has no chart for a topic with only denials, and says why', async () => {
    await ingest([STORY[3]!, STORY[14]!]);
    const d = data();
    expect(d.series).toEqual([]);
    expect(d.statements).toHaveLength(2);
    expect(d.reason).toBe('Only denials so far: nothing to plot.');
    expect(chartSvg(d)).toBeNull();
    expect(topicChart(t.app.index, 'troops', null)).toEqual({
      png: null,
      reason: 'Only denials so far: nothing to plot.',
    });
  });

  it('says when there are only denials and no-evidence statements, or nothing at all', async () => {
    expect(data().reason).toBe('No figures yet on North Korean troops in Russia: nothing to plot.');
    await ingest([STORY[3]!, STORY[8]!]);
    expect(data().reason).toBe('Only denials and no-evidence statements so far: nothing to plot.');
  });

  it('puts figures spanning four orders of magnitude on a log axis labelled in powers of ten', async () => {
    await ingest([
      ['Yonhap', '2024-10-18', 'The Oslo Society said about 15 North Korean troops were in Russia.'],
      ['Yonhap', '2024-10-20', 'The NIS said about 1,500 North Korean troops were in Russia.'],
      ['Yonhap', '2024-11-01', 'The Porto Forum said about 150,000 North Korean troops were in Russia.'],
    ]);
    const svg = svgOf(data());
    expect(svg).toContain('class="y-axis" data-scale="log"');
    expect(texts(svg, 'y-tick')).toEqual(['10', '100', '1,000', '10,000', '100,000', '1M']);
    expect(texts(svg, 'subtitle')[0]).toMatch(/· log scale$/);
  });

  it('with 200 claimants draws the six most recent and folds the rest into one counted grey layer', async () => {
    const cities = [
      'Ostrava',
      'Brno',
      'Tallinn',
      'Lisbon',
      'Oslo',
      'Porto',
      'Riga',
      'Vilnius',
      'Gdansk',
      'Krakow',
      'Turku',
      'Bergen',
      'Malmo',
      'Aarhus',
      'Ghent',
      'Utrecht',
      'Leiden',
      'Basel',
      'Graz',
      'Linz',
    ];
    const bodies = [
      'Institute',
      'Centre',
      'Council',
      'Foundation',
      'Forum',
      'Group',
      'Observatory',
      'Monitor',
      'Network',
      'Society',
    ];
    const names = cities.flatMap((city) => bodies.map((body) => `The ${city} ${body}`));
    // One claimant a day from Jul 1, so the last six (Linz) are the most recent.
    await ingest(
      names.map(
        (name, i): Article => [
          'Yonhap',
          new Date(Date.UTC(2024, 6, 1) + i * 86_400_000).toISOString().slice(0, 10),
          `${name} said about ${(1000 + i * 100).toLocaleString('en-US')} North Korean troops were in Russia.`,
        ],
      ),
    );
    const d = data();
    expect(d.series.length + d.folded).toBe(200);
    const svg = svgOf(d);
    expect(series(svg)).toHaveLength(6);
    expect(legendNames(svg)).toEqual([
      'Linz Society',
      'Linz Network',
      'Linz Monitor',
      'Linz Observatory',
      'Linz Group',
      'Linz Forum',
    ]);
    expect(svg).toContain('<g class="others" data-claimants="194"');
    expect(legendText(svg)).toContain('+194 others');
    expect(texts(svg, 'subtitle')[0]).toContain('latest 6 of 200 claimants, 194 more in grey');
    expect(series(svgOf(data(null, { maxSeries: 3 })))).toHaveLength(3);
  });

  it('sets marks on the same day side by side, not on top of one another', async () => {
    await ingest([
      ['Yonhap', '2024-10-18', 'The NIS said about 3,000 North Korean troops were in Russia.'],
      ['Reuters', '2024-10-18', 'The Pentagon said about 3,000 North Korean troops were in Russia.'],
      ['AP', '2024-10-18', 'The Institute for the Study of War said about 3,000 North Korean troops were in Russia.'],
    ]);
    const svg = svgOf(data());
    expect(series(svg)).toHaveLength(3);
    const xs = all(svg, /<circle class="point" cx="([\d.]+)"/g).map(Number);
    expect(new Set(xs).size).toBe(3);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThanOrEqual(28);
    expect(texts(svg, 'x-tick')).toEqual(['Oct 17', 'Oct 18', 'Oct 19']);
  });

  it('leaves out another server’s claims, and draws them for that server', async () => {
    await ingest(STORY.slice(0, 3));
    await ingest(
      [
        [
          'Desk wire',
          '2024-10-26',
          'The Institute for the Study of War said about 4,000 North Korean troops were in Russia.',
        ],
      ],
      'guild-a',
    );
    expect(series(svgOf(data(null)))).not.toContain('ISW');
    expect(series(svgOf(data('guild-b')))).not.toContain('ISW');
    expect(series(svgOf(data('guild-a')))).toContain('ISW');
  });

  it('escapes names for XML', () => {
    const svg = svgOf({
      topic: 'troops',
      label: 'Troops <&> "quoted"',
      measure: 'troops',
      folded: 0,
      others: [],
      statements: [],
      series: [
        {
          claimant: 'Smith & Sons <Ltd> "x" \'y\'',
          points: [{ day: '2024-10-18', low: 10, high: 10, projected: false }],
        },
      ],
    });
    expect(svg).toContain('data-claimant="Smith &amp; Sons &lt;Ltd&gt; &quot;x&quot; &apos;y&apos;"');
    expect(svg).toContain('Troops &lt;&amp;&gt; &quot;quoted&quot;');
    expect(svg).not.toMatch(/<Ltd>|& Sons/);
  });

  it('draws only the latest 40 figures of a claimant with a long history', async () => {
    const day = (i: number) => new Date(Date.UTC(2024, 9, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const figures = Array.from(
      { length: 45 },
      (_, i): Article => [
        'Yonhap',
        day(i),
        `The NIS said about ${(1000 + i * 100).toLocaleString('en-US')} North Korean troops were in Russia.`,
      ],
    );
    await ingest(figures);
    const points = data().series[0]!.points;
    expect(points).toHaveLength(40);
    expect(points[0]!.day).toBe(day(5));
    expect(points.at(-1)).toMatchObject({ day: day(44), low: 5400 });
  });
});

describe('legend and subtitle laid out to fit', () => {
  it('puts a long claimant name on two lines, whole, and keeps its latest figure', async () => {
    await ingest([
      ['Yonhap', '2024-10-20', 'The NIS said about 1,500 North Korean troops were in Russia.'],
      [
        'Yonhap',
        '2024-10-21',
        'The Baltic Defence Research Council said about 2,000 North Korean troops were in Russia.',
      ],
    ]);
    const svg = svgOf(data());
    const labels = texts(svg, 'legend-label');
    expect(labels.join(' ')).toContain('Baltic Defence Research Council');
    expect(labels.some((l) => l.includes('…'))).toBe(false);
    expect(texts(svg, 'latest')).toContain('2,000 · Oct 21');
  });

  it('breaks a long subtitle onto a second line so "log scale" is never cut', async () => {
    const places = ['Tromso', 'Bergen', 'Aarhus', 'Malmo', 'Tampere', 'Turku', 'Uppsala', 'Odense', 'Oulu'];
    await ingest(
      places.map(
        (place, i): Article => [
          'Yonhap',
          `2024-10-${String(10 + i).padStart(2, '0')}`,
          `The ${place} Institute said about ${[15, 150, 1500, 15000, 150000][i % 5]!.toLocaleString('en')} North Korean troops were in Russia.`,
        ],
      ),
    );
    const d = data();
    expect(d.folded).toBeGreaterThan(0);
    const svg = svgOf(d);
    expect(svg).toContain('data-scale="log"');
    const lines = texts(svg, 'subtitle');
    expect(lines.join(' · ')).toMatch(/more in grey · log scale$/);
    expect(lines.some((l) => l.includes('…'))).toBe(false);
  });
});
