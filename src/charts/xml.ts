/** Text and attribute values escaped for XML: claimant names come from articles. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

type Attrs = Record<string, string | number | null | undefined>;

/** Attributes in SVG form; numbers rounded to 0.1 px, which keeps 1,000-point charts small. */
function attrs(values: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    const text = typeof value === 'number' ? String(Math.round(value * 10) / 10) : escapeXml(value);
    out += ` ${name}="${text}"`;
  }
  return out;
}

/** An element; children are already-built markup. */
export const el = (name: string, values: Attrs, children = ''): string =>
  children === '' ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${children}</${name}>`;

/** A text element, its content escaped. */
export const text = (values: Attrs, content: string): string => `<text${attrs(values)}>${escapeXml(content)}</text>`;

/**
 * Advance widths of DejaVu Sans in em, by kind of character, measured with resvg (bold about 10 %
 * wider): close enough to cut long names before they run into the plot, with no font parser.
 */
function advance(c: string): number {
  if ("il.,:;'|!·".includes(c)) return 0.32;
  if ('fjrt ()-/'.includes(c)) return 0.36;
  if ('mw'.includes(c)) return 0.88;
  if ('MW…'.includes(c)) return 0.95;
  if (c >= '0' && c <= '9') return 0.64;
  if (c >= 'A' && c <= 'Z') return 0.7;
  if (c === '–') return 0.5;
  return 0.61;
}

export function textWidth(content: string, size: number, bold = false): number {
  let em = 0;
  for (const c of content) em += advance(c);
  return em * size * (bold ? 1.1 : 1);
}

/** Cut to fit `width`, with an ellipsis. */
export function fitLabel(content: string, width: number, size: number, bold = false): string {
  if (textWidth(content, size, bold) <= width) return content;
  const chars = [...content];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, size, bold) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * Laid out to fit: pieces (words, or a subtitle's " · " parts) packed greedily onto at most
 * `maxLines` lines of `width`; only what still does not fit on the last line is cut.
 */
export function wrapPieces(
  pieces: readonly string[],
  joiner: string,
  width: number,
  size: number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let current = '';
  for (const [i, piece] of pieces.entries()) {
    const joined = current ? `${current}${joiner}${piece}` : piece;
    if (!current || textWidth(joined, size) <= width) {
      current = joined;
      continue;
    }
    if (lines.length === maxLines - 1) {
      current = [current, ...pieces.slice(i)].join(joiner);
      break;
    }
    lines.push(current);
    current = piece;
  }
  lines.push(current);
  return lines.map((line) => fitLabel(line, width, size));
}

/** A name over up to two lines, broken between words: "South Korean presidential / office". */
export const wrapLabel = (content: string, width: number, size: number, maxLines = 2): string[] =>
  wrapPieces(content.split(/\s+/).filter(Boolean), ' ', width, size, maxLines);
