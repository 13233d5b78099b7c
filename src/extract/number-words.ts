import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';

/** Number words we look for; the maintained recognizer turns a matched span into a value. */
export const NUMBER_WORD =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|' +
  'sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|' +
  'hundred|thousand|million|billion|trillion|dozen)';

const SCALE_WORDS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen']);

export const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  dozen: 12,
};

let model: ReturnType<NumberRecognizer['getNumberModel']> | undefined;

/**
 * Value of a span of number words ("eight million", "a dozen", "one hundred and fifty").
 * Returns null for a bare scale word ("thousand"), which is a vague amount, not a figure.
 */
export function wordsToNumber(span: string): number | null {
  const words = span
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== 'and');
  if (words.every((w) => SCALE_WORDS.has(w))) return null;
  if (words[0] === 'half' && words.length === 3) {
    const scale = SCALES[words[2] ?? ''];
    return scale ? scale / 2 : null;
  }
  model ??= new NumberRecognizer(Culture.English).getNumberModel();
  // "ten-thousand" is one number; the recognizer reads the hyphen as a break.
  const results = model.parse(span.toLowerCase().replace(/-/g, ' '));
  if (results.length !== 1) return null;
  const value = Number(results[0]?.resolution?.value);
  return Number.isFinite(value) ? value : null;
}

export const isScaleWord = (word: string): boolean => SCALE_WORDS.has(word.toLowerCase());
