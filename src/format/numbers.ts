/** Figures as a newsroom writes them: 12,000, 1,500–3,000, 3 claims. */

// One formatter for every figure: toLocaleString builds a new one per call, 50 times slower.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const formatNumber = (n: number): string => NUMBER.format(n);

export function formatRange(low: number | null, high: number | null): string {
  if (low === null || high === null) return '';
  return low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`;
}

export function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}
