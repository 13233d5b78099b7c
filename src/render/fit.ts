/**
 * Cutting text to Discord's embed limits (helpers for src/render.ts). Lengths are JS string
 * lengths, UTF-16 code units, which is how Discord counts them.
 */

export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
} as const;

/** Discord rejects an empty or whitespace-only field name or value. */
export const PLACEHOLDER = '—';
const ELLIPSIS = '…';
/** Below this, a cut first line says too little to be worth a field. */
const MIN_CUT = 16;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const more = (n: number, what = ''): string => `${ELLIPSIS} and ${n} more${what}`;

export const isBlank = (text: string): boolean => text.trim() === '';

/** Feeds bring CRLF and broken surrogates; normalise before measuring so lengths stay true. */
export function clean(text: string | undefined): string {
  return (text ?? '').replace(/\r\n?/g, '\n').replace(LONE_SURROGATE, '\uFFFD');
}

/** Titles and field names are one line in Discord; a newline there only wastes space. */
export function oneLine(text: string | undefined): string {
  return clean(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** At most max units, marking a cut with "…". */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  return safePrefix(text, max - 1) + ELLIPSIS;
}

/**
 * A prefix that ends on a whole character and does not end inside a markdown escape:
 * half a surrogate pair shows as garbage, and a lone "\" would escape our "…" instead.
 */
function safePrefix(text: string, end: number): string {
  let cut = text.slice(0, end);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.trimEnd();
  const slashes = /\\*$/.exec(cut)?.[0].length ?? 0;
  return slashes % 2 === 1 ? cut.slice(0, -1) : cut;
}

/**
 * Whole lines while they fit in max, then "… and N more" for the rest. Each step leaves room
 * for the tail line it would need, so stopping at any line always fits. A first line too long
 * to fit whole is cut rather than dropped, so a field never shows only a count. Undefined
 * when not even that fits.
 */
export function packLines(lines: readonly string[], max: number, omitted = 0): string | undefined {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i - 1 + omitted;
    const tail = rest > 0 ? 1 + more(rest).length : 0;
    const sep = kept.length > 0 ? 1 : 0;
    if (used + sep + line.length + tail <= max) {
      kept.push(line);
      used += sep + line.length;
      continue;
    }
    if (kept.length === 0 && max - tail >= MIN_CUT) kept.push(fitText(line, max - tail));
    break;
  }
  if (kept.length === 0 && lines.length > 0) return undefined;
  const dropped = lines.length - kept.length + omitted;
  const text = [...kept, ...(dropped > 0 ? [more(dropped)] : [])].join('\n');
  if (text.length > max || max < PLACEHOLDER.length) return undefined;
  return isBlank(text) ? PLACEHOLDER : text;
}
