import type { Span } from './types.js';

export interface Sentence extends Span {
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

/** NFKC folds full-width digits and odd spaces into plain ones; control characters go. */
export function normaliseText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .normalize('NFKC')
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: taking control characters out is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060]/g, '')
  );
}

export const foldWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr gen lt col maj sgt capt cpl adm rep sen gov pres st jr sr no nos vs etc approx ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec corp inc ltd co dept est fig al e.g i.e'
  ).split(' '),
);

// A full stop, and: the next sentence after a space, glued to it ("Ukraine.The"), or a line break
// that wrapped text would not make (the next line starts lower-case when a line only wrapped).
const BOUNDARY =
  /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9])|(?<=[a-z]{2})\.(?=[A-Z][a-z])|(?<=[^\s,(\-–—])[ \t]*\n(?=[ \t]*[^\s\p{Ll}])/gu;

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex);
  const word = /([A-Za-z.]+)$/.exec(before)?.[1] ?? '';
  if (!word) return false;
  const bare = word.toLowerCase().replace(/\.$/, '');
  if (ABBREVIATIONS.has(bare)) return true;
  // Initials and dotted acronyms: "J.", "U.S.", "U.N."
  return /^([A-Za-z]\.)*[A-Za-z]$/.test(word);
}

/**
 * Paragraphs are separated by blank lines when the text has any, and also by a line break after
 * a finished sentence (scraped pages put each paragraph on its own line); otherwise every line
 * is one. Lines with no full stop (key points, timestamps, headlines) stay together as one
 * paragraph of short sentences; a line that only wrapped continues lower-case.
 */
function paragraphs(body: string): Span[] {
  const separator = /\n[ \t]*\n/.test(body) ? /\n[ \t]*\n+|(?<=[.!?]["”’)]?)[ \t]*\n(?![ \t]*\p{Ll})/gu : /\n+/g;
  const spans: Span[] = [];
  let start = 0;
  for (const match of body.matchAll(separator)) {
    spans.push({ start, end: match.index, text: body.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: body.length, text: body.slice(start) });
  return spans.filter((span) => span.text.trim() !== '');
}

// Past this length a "sentence" is unpunctuated text; it is cut at spaces so every rule stays linear.
const MAX_SENTENCE = 2000;

function pushChunks(sentences: Sentence[], sentence: Sentence): void {
  if (sentence.text.length <= MAX_SENTENCE) {
    sentences.push(sentence);
    return;
  }
  for (let at = 0; at < sentence.text.length; ) {
    let cut = Math.min(sentence.text.length, at + MAX_SENTENCE);
    const space = sentence.text.lastIndexOf(' ', cut);
    if (cut < sentence.text.length && space > at) cut = space;
    const text = sentence.text.slice(at, cut).trim();
    if (text) sentences.push({ ...sentence, start: sentence.start + at, text });
    at = cut + 1;
  }
}

export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs(body).forEach((para, paragraph) => {
    let start = 0;
    const push = (end: number) => {
      const raw = para.text.slice(start, end);
      const text = foldWhitespace(raw);
      if (text) {
        const lead = raw.length - raw.trimStart().length;
        pushChunks(sentences, { start: para.start + start + lead, end: para.start + end, text, paragraph });
      }
    };
    for (const match of para.text.matchAll(BOUNDARY)) {
      const dot = match.index;
      if (match[0].startsWith('.') && match[0].length === 1 && endsWithAbbreviation(para.text, dot)) continue;
      if (match[0].trim() === '' && endsWithAbbreviation(para.text, dot - 1) && para.text[dot - 1] === '.') continue;
      push(dot + match[0].length);
      start = dot + match[0].length;
    }
    push(para.text.length);
  });
  return sentences;
}

/** Spans inside double quotes (straight or curly) within one sentence's text. */
export function quoteSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // A sentence that ends a quote opened in an earlier sentence: everything up to the close is quoted.
  const close = /^[^"“”]*?[.,!?—-]\s*["”](?=\s|$)/.exec(text);
  if (close && !/^\s*["“]/.test(text)) {
    spans.push([-1, close[0].length]);
    text = ' '.repeat(close[0].length) + text.slice(close[0].length);
  }
  const re = /["“]([^"“”]*)["”]?/g;
  for (const match of text.matchAll(re)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}
