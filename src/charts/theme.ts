/**
 * Colours and sizes for Discord's dark theme. Discord shows an embed image about 400 px wide, so
 * the chart is drawn at 1000×560 with text of 18 px and up: still readable at 40 %.
 */
export const THEME = {
  width: 1000,
  height: 560,
  font: 'DejaVu Sans',
  background: '#2b2d31',
  title: '#f2f3f5',
  text: '#dbdee1',
  muted: '#b5bac1',
  grid: '#3f4147',
  axis: '#6d6f78',
  others: '#80848e',
  denied: '#ff6b6b',
  unverified: '#f0b232',
  titleSize: 30,
  textSize: 22,
  tickSize: 20,
} as const;

/**
 * Series colours chosen to stand out on #2b2d31 (contrast 5.8:1 to 11:1 against it; the grey of
 * folded claimants is 3.7:1, as it should recede) and from one another: blue, orange, green,
 * pink, lavender, teal. Red and yellow are kept for denial and no-evidence marks, which also
 * differ in shape, so telling them apart never rests on colour alone.
 */
export const SERIES_COLOURS = ['#5eb1ff', '#ff9f43', '#7ee787', '#ff7eb6', '#c4a7ff', '#4dd8d0', '#e8e8e8', '#b8d86b'];

export const seriesColour = (i: number): string => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
