import { parseHTML } from 'linkedom';

/** The little of a DOM node the walk reads; linkedom's and Readability's nodes both fit. */
export interface TextNode {
  nodeType: number;
  nodeValue: string | null;
  tagName?: string;
  childNodes: ArrayLike<TextNode>;
}

const ELEMENT = 1;
const TEXT = 3;

// Elements that start a new paragraph: the extractor splits paragraphs on blank lines, and an
// attribution ("..., the NIS said.") must not be glued to the next paragraph's figure.
const BLOCK = new Set(
  (
    'address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 ' +
    'header hr li main nav ol p pre section summary table tbody thead tfoot tr ul'
  ).split(' '),
);
// Never prose: their text is code, styling or controls.
const SKIP = new Set(
  'script style noscript template iframe svg math button select option textarea canvas object embed video audio head title'.split(
    ' ',
  ),
);

/** Tags or character references: enough to say a feed field holds HTML rather than plain text. */
const HTML_SIGN = /<\/?[a-z][\w-]*(\s[^<>]{0,1000})?\/?>|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

export const looksLikeHtml = (text: string): boolean => HTML_SIGN.test(text);

/** Paragraphs as blank-line-separated plain text; a `<br>` stays a line break inside one. */
export function nodeToText(root: TextNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current
      .replace(/[ \t]*\n[ \t]*/g, '\n')
      .replace(/[ \t]+/g, ' ')
      .trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  // An explicit stack rather than recursion: a hostile page can nest elements thousands deep.
  const stack: Array<TextNode | 'end-block'> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      flush();
      continue;
    }
    if (node.nodeType === TEXT) {
      current += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT && node !== root) continue;
    const tag = (node.tagName ?? '').toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'br') current += '\n';
    if (tag === 'td' || tag === 'th') current += ' ';
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      stack.push('end-block');
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  flush();
  return paragraphs.join('\n\n');
}

/** HTML (a fragment or a page) to plain text with paragraphs kept. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return nodeToText(document.body as unknown as TextNode);
}

/** Plain text tidied: lines trimmed, runs of blank lines folded to one. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A feed field that may be HTML or plain text, as plain text; null when nothing is left. */
export function fieldText(value: string | null | undefined, isHtml = looksLikeHtml(value ?? '')): string | null {
  if (!value) return null;
  const text = isHtml ? htmlToText(value) : tidyText(value);
  return text || null;
}

/** A one-line field (a title, an author): HTML removed, all whitespace folded. */
export function lineText(value: string | null | undefined, isHtml?: boolean): string | null {
  const text = fieldText(value, isHtml);
  return text ? text.replace(/\s+/g, ' ').trim() : null;
}
